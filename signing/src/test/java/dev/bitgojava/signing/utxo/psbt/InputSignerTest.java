package dev.bitgojava.signing.utxo.psbt;

import dev.bitgojava.signing.bitcoin.RawTransaction;
import dev.bitgojava.signing.bitcoin.SighashCache;
import dev.bitgojava.signing.bitcoin.TxIn;
import dev.bitgojava.signing.bitcoin.TxOut;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class InputSignerTest {

    private static final TxOut P2SH_FUNDS = new TxOut(40_000, script(0xa9, 0x14, 0x11, 20, 0x87));
    private static final TxOut P2TR_FUNDS = new TxOut(60_000, script(0x51, 0x20, 0x22, 32, -1));
    private static final byte[] LEAF_HASH = filled(0x33, 32);

    /** A script of two opcode bytes, {@code n} bytes of {@code fill}, then an optional trailing opcode. */
    private static byte[] script(int op1, int op2, int fill, int n, int trailer) {
        byte[] s = new byte[2 + n + (trailer >= 0 ? 1 : 0)];
        s[0] = (byte) op1;
        s[1] = (byte) op2;
        Arrays.fill(s, 2, 2 + n, (byte) fill);
        if (trailer >= 0) {
            s[s.length - 1] = (byte) trailer;
        }
        return s;
    }

    private static byte[] filled(int b, int n) {
        byte[] out = new byte[n];
        Arrays.fill(out, (byte) b);
        return out;
    }

    private static RawTransaction previous() {
        return new RawTransaction(2, List.of(new TxIn(filled(0x44, 32), 0, TxIn.SEQUENCE_FINAL)),
                List.of(P2SH_FUNDS, P2TR_FUNDS), 0);
    }

    /** Spends output 0 of the previous transaction (p2sh) and output 1 (p2tr) to one output. */
    private static Psbt mixedPsbt(boolean p2shWithPreviousTransaction) {
        RawTransaction prev = previous();
        RawTransaction spend = new RawTransaction(1, List.of(
                new TxIn(prev.txidBytes(), 0, TxIn.SEQUENCE_FINAL),
                new TxIn(prev.txidBytes(), 1, TxIn.SEQUENCE_FINAL)),
                List.of(new TxOut(95_000, script(0x00, 0x14, 0x55, 20, -1))), 0);
        Psbt psbt = Psbt.create(spend);
        if (p2shWithPreviousTransaction) {
            psbt.input(0).put(PsbtEntry.of(Psbt.IN_NON_WITNESS_UTXO, prev.serializeWithoutWitness()),
                    RecordOrder.KEY_TYPE_THEN_KEY);
        }
        psbt.input(1).put(PsbtEntry.of(Psbt.IN_WITNESS_UTXO, witnessUtxo(P2TR_FUNDS)), RecordOrder.KEY_TYPE_THEN_KEY);
        return psbt;
    }

    private static byte[] witnessUtxo(TxOut out) {
        byte[] spk = out.scriptPubKey();
        byte[] v = new byte[8 + 1 + spk.length];
        for (int i = 0; i < 8; i++) {
            v[i] = (byte) (out.value() >>> (8 * i));
        }
        v[8] = (byte) spk.length;
        System.arraycopy(spk, 0, v, 9, spk.length);
        return v;
    }

    @Test
    void taprootDigestTakesTheSpentOutputOfANonSegwitInputFromItsPreviousTransaction() {
        Psbt psbt = mixedPsbt(true);
        byte[] expected = new SighashCache(psbt.unsignedTx(), List.of(P2SH_FUNDS, P2TR_FUNDS))
                .taproot(1, 0, LEAF_HASH, null);
        assertArrayEquals(expected, new InputSigner(psbt, false).taprootScriptSighash(1, LEAF_HASH, 0));
    }

    @Test
    void taprootDigestRefusesAnInputWithoutAnyUtxoData() {
        Psbt psbt = mixedPsbt(false);
        assertThrows(PsbtSigningException.class, () -> new InputSigner(psbt, false).taprootScriptSighash(1, LEAF_HASH, 0));
    }
}
