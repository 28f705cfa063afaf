package dev.bitgojava.signing.utxo;

import com.fasterxml.jackson.databind.JsonNode;
import dev.bitgojava.signing.bitcoin.RawTransaction;
import dev.bitgojava.signing.bitcoin.TxIn;
import dev.bitgojava.signing.bitcoin.TxOut;
import dev.bitgojava.signing.bitcoin.internal.ByteWriter;
import dev.bitgojava.signing.utxo.TransactionVerificationException.ChangeOutputMismatchException;
import dev.bitgojava.signing.utxo.TransactionVerificationException.FeeOutOfBoundsException;
import dev.bitgojava.signing.utxo.TransactionVerificationException.ForeignInputException;
import dev.bitgojava.signing.utxo.TransactionVerificationException.MissingInputAmountException;
import dev.bitgojava.signing.utxo.TransactionVerificationException.PreviousTransactionMismatchException;
import dev.bitgojava.signing.utxo.TransactionVerificationException.RecipientMismatchException;
import dev.bitgojava.signing.utxo.TransactionVerificationException.UnexpectedOutputException;
import dev.bitgojava.signing.utxo.psbt.Psbt;
import dev.bitgojava.signing.utxo.psbt.PsbtEntry;
import dev.bitgojava.signing.utxo.psbt.PsbtMap;
import dev.bitgojava.signing.utxo.psbt.RecordOrder;
import dev.bitgojava.vectors.VectorCase;
import dev.bitgojava.vectors.VectorFiles;
import org.junit.jupiter.api.Test;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Hand-tampered copies of the first utxo-psbt.json scenario (3 inputs: p2sh, p2shP2wsh, p2wsh; external + change). */
class UtxoTransactionVerifierTamperTest {

    private static final HexFormat HEX = HexFormat.of();
    private static final VectorCase SCENARIO = VectorFiles.cases("utxo-psbt.json", "scenarios").get(0);
    private static final UtxoCoin COIN = UtxoCoin.fromId(SCENARIO.in("coin"));
    private static final UtxoTransactionVerifier VERIFIER = UtxoTransactionVerifier.builder().build();

    private static WalletKeys keys() {
        JsonNode x = SCENARIO.input().path("walletXpubs");
        return WalletKeys.fromXpubs(x.path("user").asText(), x.path("backup").asText(), x.path("bitgo").asText());
    }

    private static Psbt unsigned() {
        return Psbt.fromHex(SCENARIO.out("unsignedPsbtHex"));
    }

    private static Map<String, BigInteger> intent() {
        Map<String, BigInteger> m = new LinkedHashMap<>();
        for (String name : new String[] {"externalOutput", "externalOutput2"}) {
            JsonNode o = SCENARIO.input().path(name);
            if (o.isObject()) {
                m.put(o.path("address").asText(), new BigInteger(o.path("value").asText()));
            }
        }
        return m;
    }

    private static int changeIndex(Psbt p) {
        for (int k = 0; k < p.outputCount(); k++) {
            if (!p.outputBip32Derivations(k).isEmpty() || !p.outputTapBip32Derivations(k).isEmpty()) {
                return k;
            }
        }
        throw new AssertionError("scenario has no change output");
    }

    private static int externalIndex(Psbt p) {
        return changeIndex(p) == 0 ? 1 : 0;
    }

    /** Rebuilds a PSBT with another unsigned transaction, keeping input maps and padding output maps. */
    private static Psbt withTx(Psbt p, UnaryOperator<List<TxOut>> outputs) {
        RawTransaction old = p.unsignedTx();
        RawTransaction tx = new RawTransaction(old.version(), old.inputs(), outputs.apply(new ArrayList<>(old.outputs())),
                old.lockTime());
        ByteWriter w = new ByteWriter(4096);
        w.write(new byte[] {0x70, 0x73, 0x62, 0x74, (byte) 0xff});
        w.writeVarBytes(new byte[] {0}).writeVarBytes(tx.serializeWithoutWitness()).writeByte(0);
        for (int i = 0; i < p.inputCount(); i++) {
            writeMap(w, p.input(i));
        }
        for (int k = 0; k < tx.outputs().size(); k++) {
            if (k < p.outputCount()) {
                writeMap(w, p.output(k));
            } else {
                w.writeByte(0);
            }
        }
        return Psbt.parse(w.toByteArray());
    }

    private static void writeMap(ByteWriter w, PsbtMap m) {
        for (PsbtEntry e : m.entries()) {
            w.writeVarBytes(e.key()).writeVarBytes(e.value());
        }
        w.writeByte(0);
    }

    private static byte[] foreignP2wsh() {
        byte[] s = new byte[34];
        s[1] = 0x20;
        for (int i = 2; i < 34; i++) {
            s[i] = (byte) i;
        }
        return s;
    }

    @Test
    void theUntamperedScenarioPasses() {
        TransactionExplanation x = VERIFIER.verify(unsigned(), keys(), COIN, intent());
        assertEquals(intent().size(), x.externalOutputs().size());
    }

    @Test
    void swappedRecipientIsRefused() {
        Psbt p = unsigned();
        int ext = externalIndex(p);
        Psbt t = withTx(p, outs -> {
            outs.set(ext, new TxOut(outs.get(ext).value(), foreignP2wsh()));
            return outs;
        });
        UnexpectedOutputException e = assertThrows(UnexpectedOutputException.class,
                () -> VERIFIER.verify(t, keys(), COIN, intent()));
        assertEquals(ext, e.outputIndex());
    }

    @Test
    void amountOneAboveOrBelowIsRefused() {
        for (long delta : new long[] {1, -1}) {
            Psbt p = unsigned();
            int ext = externalIndex(p);
            Psbt t = withTx(p, outs -> {
                outs.set(ext, new TxOut(outs.get(ext).value() + delta, outs.get(ext).scriptPubKey()));
                return outs;
            });
            assertThrows(RecipientMismatchException.class, () -> VERIFIER.verify(t, keys(), COIN, intent()));
        }
    }

    @Test
    void extraOutputIsRefused() {
        Psbt p = unsigned();
        Psbt t = withTx(p, outs -> {
            outs.add(new TxOut(500, foreignP2wsh()));
            return outs;
        });
        UnexpectedOutputException e = assertThrows(UnexpectedOutputException.class,
                () -> VERIFIER.verify(t, keys(), COIN, intent()));
        assertEquals(p.outputCount(), e.outputIndex());
    }

    @Test
    void changeToAForeignKeyIsRefused() {
        Psbt p = unsigned();
        int ch = changeIndex(p);
        Psbt t = withTx(p, outs -> {
            outs.set(ch, new TxOut(outs.get(ch).value(), foreignP2wsh()));
            return outs;
        });
        ChangeOutputMismatchException e = assertThrows(ChangeOutputMismatchException.class,
                () -> VERIFIER.verify(t, keys(), COIN, intent()));
        assertEquals(ch, e.outputIndex());
    }

    @Test
    void changeClaimingAWrongIndexIsRefused() {
        Psbt p = unsigned();
        int ch = changeIndex(p);
        for (PsbtEntry e : p.output(ch).all(Psbt.OUT_BIP32_DERIVATION)) {
            byte[] v = e.value().clone();
            v[v.length - 4]++;
            p.output(ch).put(new PsbtEntry(e.key(), v), RecordOrder.KEY_TYPE_THEN_KEY);
        }
        ChangeOutputMismatchException e = assertThrows(ChangeOutputMismatchException.class,
                () -> VERIFIER.verify(p, keys(), COIN, intent()));
        assertEquals(ch, e.outputIndex());
    }

    @Test
    void inputFromAForeignScriptIsRefused() {
        Psbt p = unsigned();
        int last = p.inputCount() - 1;
        TxOut w = p.witnessUtxo(last).orElseThrow();
        p.input(last).put(PsbtEntry.of(Psbt.IN_WITNESS_UTXO, txOut(w.value(), foreignP2wsh())), RecordOrder.KEY_TYPE_THEN_KEY);
        ForeignInputException e = assertThrows(ForeignInputException.class, () -> VERIFIER.verify(p, keys(), COIN, intent()));
        assertEquals(last, e.inputIndex());
    }

    @Test
    void missingPreviousTransactionIsRefused() {
        Psbt p = unsigned();
        p.input(0).removeType(Psbt.IN_NON_WITNESS_UTXO);
        MissingInputAmountException e = assertThrows(MissingInputAmountException.class,
                () -> VERIFIER.verify(p, keys(), COIN, intent()));
        assertEquals(0, e.inputIndex());
    }

    @Test
    void previousTransactionNotMatchingTheTxidIsRefused() {
        Psbt p = unsigned();
        RawTransaction prev = p.nonWitnessUtxo(0).orElseThrow();
        RawTransaction other = new RawTransaction(prev.version(), prev.inputs(), prev.outputs(), prev.lockTime() + 1);
        p.input(0).put(PsbtEntry.of(Psbt.IN_NON_WITNESS_UTXO, other.serialize()), RecordOrder.KEY_TYPE_THEN_KEY);
        PreviousTransactionMismatchException e = assertThrows(PreviousTransactionMismatchException.class,
                () -> VERIFIER.verify(p, keys(), COIN, intent()));
        assertEquals(0, e.inputIndex());
    }

    @Test
    void witnessUtxoAmountContradictingThePreviousTransactionIsRefused() {
        Psbt p = unsigned();
        RawTransaction prev = p.nonWitnessUtxo(0).orElseThrow();
        TxOut real = prev.outputs().get(p.unsignedTx().inputs().get(0).vout());
        p.input(0).put(PsbtEntry.of(Psbt.IN_WITNESS_UTXO, txOut(real.value() - 1, real.scriptPubKey())),
                RecordOrder.KEY_TYPE_THEN_KEY);
        assertThrows(PreviousTransactionMismatchException.class, () -> VERIFIER.verify(p, keys(), COIN, intent()));
    }

    @Test
    void inflatedWitnessUtxoAmountGivesAnAbsurdFeeAndIsRefused() {
        Psbt p = unsigned();
        int last = p.inputCount() - 1;
        TxOut w = p.witnessUtxo(last).orElseThrow();
        p.input(last).put(PsbtEntry.of(Psbt.IN_WITNESS_UTXO, txOut(w.value() + 100_000_000L, w.scriptPubKey())),
                RecordOrder.KEY_TYPE_THEN_KEY);
        assertThrows(FeeOutOfBoundsException.class, () -> VERIFIER.verify(p, keys(), COIN, intent()));
    }

    @Test
    void deflatedWitnessUtxoAmountMakesOutputsExceedInputsAndIsRefused() {
        Psbt p = unsigned();
        int last = p.inputCount() - 1;
        TxOut w = p.witnessUtxo(last).orElseThrow();
        p.input(last).put(PsbtEntry.of(Psbt.IN_WITNESS_UTXO, txOut(1, w.scriptPubKey())), RecordOrder.KEY_TYPE_THEN_KEY);
        assertThrows(FeeOutOfBoundsException.class, () -> VERIFIER.verify(p, keys(), COIN, intent()));
    }

    @Test
    void feeAboveTheAbsoluteBoundIsRefused() {
        Psbt p = unsigned();
        BigInteger fee = UtxoTransactionVerifier.explain(p, keys(), COIN).fee();
        UtxoTransactionVerifier strict = UtxoTransactionVerifier.builder().maxFee(fee.subtract(BigInteger.ONE)).build();
        assertThrows(FeeOutOfBoundsException.class, () -> strict.verify(p, keys(), COIN, intent()));
    }

    @Test
    void feeRateAboveTheBoundIsRefused() {
        UtxoTransactionVerifier strict = UtxoTransactionVerifier.builder().maxFeeRatePerVbyte(BigInteger.ONE).build();
        assertThrows(FeeOutOfBoundsException.class, () -> strict.verify(unsigned(), keys(), COIN, intent()));
    }

    @Test
    void missingIntendedRecipientIsRefused() {
        Map<String, BigInteger> more = new LinkedHashMap<>(intent());
        more.put(WalletAddress.derive(keys(), COIN, 0, 99).address(), BigInteger.TEN);
        assertThrows(RecipientMismatchException.class, () -> VERIFIER.verify(unsigned(), keys(), COIN, more));
    }

    private static byte[] txOut(long value, byte[] script) {
        return new ByteWriter(64).writeInt64(value).writeVarBytes(script).toByteArray();
    }
}
