package dev.bitgojava.signing.utxo.psbt;

import dev.bitgojava.signing.bitcoin.RawTransaction;
import dev.bitgojava.signing.bitcoin.Secp256k1;
import dev.bitgojava.signing.bitcoin.TxIn;
import dev.bitgojava.signing.bitcoin.TxOut;
import dev.bitgojava.signing.utxo.internal.Hashes;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PsbtCombineTest {

    private static final RawTransaction TX = new RawTransaction(2,
            List.of(new TxIn(new byte[32], 0, TxIn.SEQUENCE_FINAL)),
            List.of(new TxOut(1_000, new byte[] {0x6a})), 0);

    private static byte[] key(int secret) {
        byte[] s = new byte[32];
        s[31] = (byte) secret;
        return Secp256k1.publicKey(s);
    }

    /** Two keys whose HASH160 order is the reverse of their byte order. */
    private static byte[][] keysOrderedDifferentlyByHash() {
        for (int i = 1; ; i++) {
            byte[] a = key(i);
            byte[] b = key(i + 1);
            boolean byKey = Arrays.compareUnsigned(a, b) < 0;
            boolean byHash = Arrays.compareUnsigned(Hashes.hash160(a), Hashes.hash160(b)) < 0;
            if (byKey != byHash) {
                return byKey ? new byte[][] {a, b} : new byte[][] {b, a};
            }
        }
    }

    private static Psbt withPartialSig(byte[] key, int marker) {
        Psbt p = Psbt.create(TX);
        p.input(0).put(PsbtEntry.of(Psbt.IN_PARTIAL_SIG, key, new byte[] {0x30, (byte) marker, 0x01}),
                RecordOrder.BITCOIN_CORE);
        return p;
    }

    private static List<byte[]> sigKeys(Psbt p) {
        List<byte[]> out = new ArrayList<>();
        p.partialSignatures(0).forEach(kv -> out.add(kv.keyData()));
        return out;
    }

    @Test
    void coreOrderSortsPartialSignaturesByHash160OfTheirKey() {
        byte[][] keys = keysOrderedDifferentlyByHash();
        Psbt combined = Psbt.combine(List.of(withPartialSig(keys[0], 1), withPartialSig(keys[1], 2)),
                RecordOrder.BITCOIN_CORE);
        assertArrayEquals(keys[1], sigKeys(combined).get(0));
        assertArrayEquals(keys[0], sigKeys(combined).get(1));
    }

    @Test
    void keyOrderSortsPartialSignaturesByKeyBytes() {
        byte[][] keys = keysOrderedDifferentlyByHash();
        Psbt combined = Psbt.combine(List.of(withPartialSig(keys[1], 1), withPartialSig(keys[0], 2)),
                RecordOrder.KEY_TYPE_THEN_KEY);
        assertArrayEquals(keys[0], sigKeys(combined).get(0));
        assertArrayEquals(keys[1], sigKeys(combined).get(1));
    }

    @Test
    void unknownRecordsOfEveryMapAreKeptAndSorted() {
        Psbt a = Psbt.create(TX);
        Psbt b = Psbt.create(TX);
        byte[] low = {(byte) 0xf0, 0x01};
        byte[] high = {(byte) 0xf0, 0x02};
        for (Psbt p : List.of(a, b)) {
            byte[] k = p == a ? high : low;
            p.global().put(new PsbtEntry(k, new byte[] {1}), RecordOrder.BITCOIN_CORE);
            p.input(0).put(new PsbtEntry(k, new byte[] {2}), RecordOrder.BITCOIN_CORE);
            p.output(0).put(new PsbtEntry(k, new byte[] {3}), RecordOrder.BITCOIN_CORE);
        }
        Psbt combined = Psbt.combine(List.of(a, b), RecordOrder.BITCOIN_CORE);
        assertEquals(3, combined.global().entries().size());
        assertArrayEquals(low, combined.global().entries().get(1).key());
        assertArrayEquals(high, combined.global().entries().get(2).key());
        for (PsbtMap m : List.of(combined.input(0), combined.output(0))) {
            assertEquals(2, m.entries().size());
            assertArrayEquals(low, m.entries().get(0).key());
            assertArrayEquals(high, m.entries().get(1).key());
        }
    }

    @Test
    void combiningLeavesTheArgumentsUnchanged() {
        byte[][] keys = keysOrderedDifferentlyByHash();
        Psbt a = withPartialSig(keys[0], 1);
        String before = a.toHex();
        Psbt combined = Psbt.combine(List.of(a, withPartialSig(keys[1], 2)), RecordOrder.BITCOIN_CORE);
        assertEquals(before, a.toHex());
        assertNotEquals(before, combined.toHex());
    }

    @Test
    void psbtsOfDifferentTransactionsAreRefused() {
        Psbt other = Psbt.create(new RawTransaction(2, TX.inputs(), List.of(new TxOut(999, new byte[] {0x6a})), 0));
        PsbtFormatException e = assertThrows(PsbtFormatException.class,
                () -> Psbt.combine(List.of(Psbt.create(TX), other), RecordOrder.BITCOIN_CORE));
        assertTrue(e.getMessage().contains("unsigned transaction"), e.getMessage());
    }
}
