package dev.bitgojava.signing.utxo.psbt;

import dev.bitgojava.vectors.VectorCase;

import java.util.HexFormat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The decode checks shared by the BIP174 and BIP371 vector tests. */
final class PsbtVectorChecks {

    private PsbtVectorChecks() {
    }

    /** An invalid case: both encodings are refused with a typed error that says something. */
    static void refused(VectorCase c) {
        assertFalse(c.expected().path("valid").asBoolean(true), "vector marks the case invalid");
        PsbtFormatException hex = assertThrows(PsbtFormatException.class, () -> Psbt.fromHex(c.in("psbtHex")));
        assertNotNull(hex.getMessage());
        assertFalse(hex.getMessage().isBlank());
        if (c.input().has("psbtBase64")) {
            assertThrows(PsbtFormatException.class, () -> Psbt.fromBase64(c.in("psbtBase64")));
        }
    }

    /** A valid case: decodes, exposes the unsigned tx and map counts, and re-serialises byte for byte. */
    static void decodes(VectorCase c) {
        assertTrue(c.expected().path("valid").asBoolean(false), "vector marks the case valid");
        Psbt psbt = Psbt.fromHex(c.in("psbtHex"));
        assertEquals(c.out("unsignedTxHex"), HexFormat.of().formatHex(psbt.unsignedTx().serializeWithoutWitness()));
        assertEquals(c.expected().path("inputCount").asInt(), psbt.inputCount());
        assertEquals(c.expected().path("outputCount").asInt(), psbt.outputCount());
        assertEquals(c.in("psbtHex"), psbt.toHex());
        if (c.input().has("psbtBase64")) {
            Psbt fromB64 = Psbt.fromBase64(c.in("psbtBase64"));
            assertEquals(c.in("psbtBase64"), fromB64.toBase64());
        }
    }
}
