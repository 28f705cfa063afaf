package dev.bitgojava.signing.bitcoin;

import dev.bitgojava.vectors.VectorCase;
import dev.bitgojava.vectors.VectorFiles;
import org.bouncycastle.util.encoders.Hex;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Parsing and serialising transactions, and refusing malformed bytes with a typed error. */
class RawTransactionTest {

    private static String signedSegwitTxHex() {
        VectorCase c = VectorFiles.cases("bip143.json", "nativeP2wpkh").get(0);
        return c.out("signedTxHex");
    }

    @Test
    void segwitTransactionRoundTripsByteForByte() {
        String hex = signedSegwitTxHex();
        RawTransaction tx = RawTransaction.fromHex(hex);
        assertTrue(tx.hasWitness());
        assertEquals(hex, tx.toHex());
    }

    @Test
    void txidIgnoresWitnessesButWtxidDoesNot() {
        RawTransaction tx = RawTransaction.fromHex(signedSegwitTxHex());
        RawTransaction stripped = tx.withWitness(1, List.of());
        assertEquals(tx.txid(), stripped.txid());
        assertNotEquals(tx.txid(), tx.wtxid());
        RawTransaction legacyOnly = tx.unsigned();
        assertEquals(legacyOnly.txid(), legacyOnly.wtxid());
    }

    @Test
    void txidIsTheReversedDoubleSha256OfTheLegacySerialisation() {
        RawTransaction tx = RawTransaction.fromHex(signedSegwitTxHex());
        byte[] hash = RawTransaction.doubleSha256(tx.serializeWithoutWitness());
        byte[] reversed = new byte[32];
        for (int i = 0; i < 32; i++) {
            reversed[i] = hash[31 - i];
        }
        assertEquals(Hex.toHexString(reversed), tx.txid());
    }

    @Test
    void everyTruncationIsRefusedWithATypedError() {
        byte[] full = Hex.decode(signedSegwitTxHex());
        for (int length = 0; length < full.length; length++) {
            byte[] cut = Arrays.copyOf(full, length);
            assertThrows(TransactionFormatException.class, () -> RawTransaction.parse(cut), "length " + length);
        }
    }

    @Test
    void trailingBytesAreRefused() {
        byte[] full = Hex.decode(signedSegwitTxHex());
        byte[] longer = Arrays.copyOf(full, full.length + 1);
        assertThrows(TransactionFormatException.class, () -> RawTransaction.parse(longer));
    }

    @Test
    void hugeInputCountFailsFastWithoutAllocating() {
        byte[] bytes = Hex.decode("01000000" + "ffffffffffffffff7f" + "00000000");
        TransactionFormatException e = assertThrows(TransactionFormatException.class, () -> RawTransaction.parse(bytes));
        assertTrue(e.getMessage().contains("input"), e.getMessage());
    }

    @Test
    void hugeScriptLengthFailsFast() {
        String input = "00".repeat(32) + "00000000" + "fe00000010" + "ffffffff";
        byte[] bytes = Hex.decode("01000000" + "01" + input + "00" + "00000000");
        assertThrows(TransactionFormatException.class, () -> RawTransaction.parse(bytes));
    }

    @Test
    void nonCanonicalCompactSizeIsRefused() {
        RawTransaction tx = RawTransaction.fromHex(signedSegwitTxHex()).unsigned();
        String hex = tx.toHex();
        // version, then the input count 02 rewritten as fd0200
        String bad = hex.substring(0, 8) + "fd0200" + hex.substring(10);
        assertThrows(TransactionFormatException.class, () -> RawTransaction.fromHex(bad));
    }

    @Test
    void unknownSegwitFlagIsRefused() {
        String hex = signedSegwitTxHex();
        String bad = hex.substring(0, 10) + "02" + hex.substring(12);
        assertThrows(TransactionFormatException.class, () -> RawTransaction.fromHex(bad));
    }

    @Test
    void segwitFormWithOnlyEmptyWitnessesIsRefused() {
        RawTransaction tx = RawTransaction.fromHex(signedSegwitTxHex()).unsigned();
        String hex = tx.toHex();
        String lockTime = hex.substring(hex.length() - 8);
        String bad = hex.substring(0, 8) + "0001" + hex.substring(8, hex.length() - 8) + "0000" + lockTime;
        assertThrows(TransactionFormatException.class, () -> RawTransaction.fromHex(bad));
    }

    @Test
    void invalidHexIsRefusedWithATypedError() {
        assertThrows(TransactionFormatException.class, () -> RawTransaction.fromHex("0g"));
        assertThrows(TransactionFormatException.class, () -> RawTransaction.fromHex("abc"));
        assertThrows(TransactionFormatException.class, () -> RawTransaction.parse(null));
    }

    @Test
    void legacyOnlyParsingReadsAZeroInputTransaction() {
        byte[] bytes = Hex.decode("02000000" + "00" + "01" + "0100000000000000" + "01" + "51" + "00000000");
        RawTransaction tx = RawTransaction.parseWithoutWitness(bytes);
        assertEquals(0, tx.inputs().size());
        assertEquals(1, tx.outputs().size());
        assertArrayEquals(bytes, tx.serialize());
    }

    @Test
    void inputsAndOutputsExposeTheirFields() {
        RawTransaction tx = RawTransaction.fromHex(signedSegwitTxHex());
        TxIn in = tx.inputs().get(1);
        assertEquals(32, in.prevTxid().length);
        assertEquals(1, in.vout());
        assertEquals(0xffffffff, in.sequence());
        assertEquals(2, in.witness().size());
        assertFalse(tx.inputs().get(0).hasWitness());
        assertEquals(112340000L, tx.outputs().get(0).value());
        assertEquals(0x11, tx.lockTime());
        assertEquals(1, tx.version());
    }
}
