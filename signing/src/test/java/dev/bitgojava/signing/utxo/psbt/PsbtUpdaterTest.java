package dev.bitgojava.signing.utxo.psbt;

import dev.bitgojava.signing.bitcoin.RawTransaction;
import dev.bitgojava.signing.bitcoin.Secp256k1;
import dev.bitgojava.signing.bitcoin.TxIn;
import dev.bitgojava.signing.bitcoin.TxOut;
import dev.bitgojava.signing.utxo.internal.Hashes;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PsbtUpdaterTest {

    private static final byte[] FINGERPRINT = {1, 2, 3, 4};
    private static final int[] PATH = {0x80000000, 7};
    private static final byte[] KEY_A = key(1);
    private static final byte[] KEY_B = key(2);
    private static final byte[] KEY_C = key(3);

    private static byte[] key(int secret) {
        byte[] s = new byte[32];
        s[31] = (byte) secret;
        return Secp256k1.publicKey(s);
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            out.writeBytes(p);
        }
        return out.toByteArray();
    }

    private static byte[] multisig2of2(byte[] k1, byte[] k2) {
        return concat(new byte[] {0x52, 33}, k1, new byte[] {33}, k2, new byte[] {0x52, (byte) 0xae});
    }

    private static byte[] p2sh(byte[] redeem) {
        return concat(new byte[] {(byte) 0xa9, 0x14}, Hashes.hash160(redeem), new byte[] {(byte) 0x87});
    }

    private static byte[] p2wsh(byte[] witnessScript) {
        return concat(new byte[] {0x00, 0x20}, Hashes.sha256(witnessScript));
    }

    private static byte[] p2wpkh(byte[] key) {
        return concat(new byte[] {0x00, 0x14}, Hashes.hash160(key));
    }

    private static byte[] p2pkh(byte[] key) {
        return concat(new byte[] {0x76, (byte) 0xa9, 0x14}, Hashes.hash160(key), new byte[] {(byte) 0x88,
                (byte) 0xac});
    }

    private static RawTransaction funding(TxOut... outputs) {
        return new RawTransaction(2, List.of(new TxIn(new byte[32], 0, TxIn.SEQUENCE_FINAL)), List.of(outputs), 0);
    }

    private static Psbt spending(RawTransaction previous, int vout, TxOut... outputs) {
        return Psbt.create(new RawTransaction(2, List.of(new TxIn(previous.txidBytes(), vout, TxIn.SEQUENCE_FINAL)),
                List.of(outputs), 0));
    }

    private static final TxOut PAYMENT = new TxOut(1_000, p2wpkh(KEY_C));

    @Test
    void legacyInputGetsTheWholePreviousTransaction() {
        RawTransaction previous = funding(new TxOut(5_000, p2pkh(KEY_A)));
        Psbt updated = PsbtUpdater.builder().previousTransaction(previous).build().update(spending(previous, 0, PAYMENT));
        assertEquals(previous, updated.nonWitnessUtxo(0).orElseThrow());
        assertTrue(updated.witnessUtxo(0).isEmpty());
    }

    @Test
    void segwitInputGetsOnlyTheSpentOutput() {
        TxOut spent = new TxOut(7_000, p2wpkh(KEY_A));
        RawTransaction previous = funding(new TxOut(5_000, p2pkh(KEY_B)), spent);
        Psbt updated = PsbtUpdater.builder().previousTransaction(previous).build().update(spending(previous, 1, PAYMENT));
        assertEquals(spent, updated.witnessUtxo(0).orElseThrow());
        assertTrue(updated.nonWitnessUtxo(0).isEmpty());
    }

    @Test
    void nestedSegwitIsRecognisedThroughTheRedeemScriptAndScriptsGoWhereTheyHash() {
        byte[] witnessScript = multisig2of2(KEY_A, KEY_B);
        byte[] redeem = p2wsh(witnessScript);
        RawTransaction previous = funding(new TxOut(9_000, p2sh(redeem)));
        Psbt updated = PsbtUpdater.builder()
                .previousTransaction(previous)
                .redeemScript(multisig2of2(KEY_B, KEY_C))
                .redeemScript(redeem)
                .witnessScript(multisig2of2(KEY_C, KEY_A))
                .witnessScript(witnessScript)
                .build().update(spending(previous, 0, PAYMENT));
        assertTrue(updated.witnessUtxo(0).isPresent());
        assertTrue(updated.nonWitnessUtxo(0).isEmpty());
        assertArrayEquals(redeem, updated.redeemScript(0).orElseThrow());
        assertArrayEquals(witnessScript, updated.witnessScript(0).orElseThrow());
        assertTrue(updated.output(0).all(Psbt.OUT_REDEEM_SCRIPT).isEmpty());
    }

    @Test
    void keyOriginsGoToTheInputsAndOutputsWhoseScriptsHoldTheKey() {
        byte[] redeem = multisig2of2(KEY_B, KEY_A);
        RawTransaction previous = funding(new TxOut(9_000, p2sh(redeem)));
        Psbt updated = PsbtUpdater.builder()
                .previousTransaction(previous)
                .redeemScript(redeem)
                .keyOrigin(KEY_A, FINGERPRINT, PATH)
                .keyOrigin(KEY_B, FINGERPRINT, new int[] {1})
                .keyOrigin(KEY_C, FINGERPRINT, new int[] {2})
                .build().update(spending(previous, 0, PAYMENT, new TxOut(500, p2pkh(KEY_A))));

        List<Psbt.KeyOrigin> in = updated.bip32Derivations(0);
        assertEquals(2, in.size());
        byte[] first = Arrays.compareUnsigned(KEY_A, KEY_B) < 0 ? KEY_A : KEY_B;
        assertArrayEquals(first, in.get(0).publicKey(), "records sorted by key");
        Psbt.KeyOrigin a = in.stream().filter(o -> Arrays.equals(o.publicKey(), KEY_A)).findFirst().orElseThrow();
        assertArrayEquals(FINGERPRINT, a.fingerprint());
        assertArrayEquals(PATH, a.path());

        assertEquals(1, updated.outputBip32Derivations(0).size());
        assertArrayEquals(KEY_C, updated.outputBip32Derivations(0).get(0).publicKey());
        assertEquals(1, updated.outputBip32Derivations(1).size());
        assertArrayEquals(KEY_A, updated.outputBip32Derivations(1).get(0).publicKey());
    }

    @Test
    void sighashTypeGoesToEveryInputAndNothingElseChanges() {
        RawTransaction previous = funding(new TxOut(5_000, p2pkh(KEY_A)), new TxOut(6_000, p2pkh(KEY_B)));
        Psbt psbt = Psbt.create(new RawTransaction(2, List.of(
                new TxIn(previous.txidBytes(), 0, TxIn.SEQUENCE_FINAL),
                new TxIn(previous.txidBytes(), 1, TxIn.SEQUENCE_FINAL)), List.of(PAYMENT), 0));
        Psbt updated = PsbtUpdater.builder().sighashType(0x81).build().update(psbt);
        assertEquals(0x81, updated.sighashType(0).orElseThrow());
        assertEquals(0x81, updated.sighashType(1).orElseThrow());
        assertEquals(1, updated.input(0).entries().size());
        assertTrue(updated.output(0).isEmpty());
    }

    @Test
    void updateLeavesItsArgumentUnchanged() {
        RawTransaction previous = funding(new TxOut(5_000, p2pkh(KEY_A)));
        Psbt psbt = spending(previous, 0, PAYMENT);
        String before = psbt.toHex();
        PsbtUpdater.builder().previousTransaction(previous).sighashType(1).build().update(psbt);
        assertEquals(before, psbt.toHex());
    }

    @Test
    void previousTransactionLackingTheSpentOutputIsRefused() {
        RawTransaction previous = funding(new TxOut(5_000, p2pkh(KEY_A)));
        PsbtUpdater updater = PsbtUpdater.builder().previousTransaction(previous).build();
        PsbtFormatException e = assertThrows(PsbtFormatException.class,
                () -> updater.update(spending(previous, 3, PAYMENT)));
        assertTrue(e.getMessage().contains("input 0"), e.getMessage());
    }

    @Test
    void unrelatedPreviousTransactionAddsNothing() {
        RawTransaction previous = funding(new TxOut(5_000, p2pkh(KEY_A)));
        RawTransaction other = funding(new TxOut(5_001, p2pkh(KEY_A)));
        Psbt updated = PsbtUpdater.builder().previousTransaction(other).build().update(spending(previous, 0, PAYMENT));
        assertTrue(updated.input(0).isEmpty());
    }

    @Test
    void malformedKeyOriginIsRefused() {
        PsbtUpdater.Builder b = PsbtUpdater.builder();
        assertThrows(PsbtFormatException.class, () -> b.keyOrigin(new byte[32], FINGERPRINT, PATH));
        assertThrows(PsbtFormatException.class, () -> b.keyOrigin(KEY_A, new byte[3], PATH));
        assertThrows(PsbtFormatException.class, () -> b.keyOrigin(KEY_A, FINGERPRINT, null));
    }
}
