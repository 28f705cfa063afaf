package dev.bitgojava.signing.utxo;

import dev.bitgojava.signing.bitcoin.RawTransaction;
import dev.bitgojava.signing.bitcoin.TxIn;
import dev.bitgojava.signing.bitcoin.TxOut;
import dev.bitgojava.signing.utxo.TransactionVerificationException.ChangeOutputMismatchException;
import dev.bitgojava.signing.utxo.TransactionVerificationException.FeeOutOfBoundsException;
import dev.bitgojava.signing.utxo.TransactionVerificationException.ForeignInputException;
import dev.bitgojava.signing.utxo.TransactionVerificationException.MissingInputAmountException;
import dev.bitgojava.signing.utxo.TransactionVerificationException.PreviousTransactionMismatchException;
import dev.bitgojava.signing.utxo.TransactionVerificationException.RecipientMismatchException;
import dev.bitgojava.signing.utxo.TransactionVerificationException.UnexpectedOutputException;
import dev.bitgojava.signing.utxo.psbt.Psbt;
import dev.bitgojava.signing.utxo.psbt.PsbtFormatException;

import java.math.BigInteger;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Verify before sign: refuses a wallet PSBT unless it pays exactly what the caller intended, every other output is
 * change re-derived from the wallet's own xpubs, every input spends a wallet script whose amount is known, and
 * the fee is within bounds. Immutable and thread-safe; build one with {@link #builder()}.
 */
public final class UtxoTransactionVerifier {

    private final BigInteger maxFee;
    private final BigInteger maxFeeRate;

    private UtxoTransactionVerifier(BigInteger maxFee, BigInteger maxFeeRate) {
        this.maxFee = maxFee;
        this.maxFeeRate = maxFeeRate;
    }

    /** A builder with defaults: fee at most 0.01 coin (10^6 base units) and 1,000 base units per vbyte. */
    public static Builder builder() {
        return new Builder();
    }

    /** Options of the verifier. */
    public static final class Builder {
        private BigInteger maxFee = BigInteger.valueOf(1_000_000);
        private BigInteger maxFeeRate = BigInteger.valueOf(1_000);

        /** The largest absolute fee accepted, in base units. */
        public Builder maxFee(BigInteger value) {
            if (value == null || value.signum() < 0) {
                throw new IllegalArgumentException("maxFee must be a non-negative amount");
            }
            this.maxFee = value;
            return this;
        }

        /** The largest fee rate accepted, in base units per estimated virtual byte. */
        public Builder maxFeeRatePerVbyte(BigInteger value) {
            if (value == null || value.signum() < 0) {
                throw new IllegalArgumentException("maxFeeRatePerVbyte must be non-negative");
            }
            this.maxFeeRate = value;
            return this;
        }

        /** The verifier. */
        public UtxoTransactionVerifier build() {
            return new UtxoTransactionVerifier(maxFee, maxFeeRate);
        }
    }

    /**
     * Verifies the PSBT against the intent (recipient address to exact amount in base units) and returns its
     * explanation; throws a {@link TransactionVerificationException} subclass naming the first problem found.
     */
    public TransactionExplanation verify(Psbt psbt, WalletKeys keys, UtxoCoin coin, Map<String, BigInteger> recipients) {
        TransactionExplanation x = explain(psbt, keys, coin);
        Map<String, String> scriptToAddress = new LinkedHashMap<>();
        Map<String, BigInteger> intended = new LinkedHashMap<>();
        for (Map.Entry<String, BigInteger> r : recipients.entrySet()) {
            if (r.getValue() == null || r.getValue().signum() <= 0) {
                throw new RecipientMismatchException(r.getKey(), "intended amount must be positive");
            }
            String spk = HexFormat.of().formatHex(AddressCodec.toScriptPubKey(coin, r.getKey()));
            intended.merge(spk, r.getValue(), BigInteger::add);
            scriptToAddress.putIfAbsent(spk, r.getKey());
        }
        Map<String, BigInteger> paid = new LinkedHashMap<>();
        for (TransactionExplanation.Output o : x.externalOutputs()) {
            String spk = HexFormat.of().formatHex(o.scriptPubKey());
            if (!intended.containsKey(spk)) {
                throw new UnexpectedOutputException(o.outputIndex(), "pays " + (o.address() != null ? o.address()
                        : spk) + " which is neither an intended recipient nor wallet change");
            }
            paid.merge(spk, o.amount(), BigInteger::add);
        }
        for (Map.Entry<String, BigInteger> want : intended.entrySet()) {
            BigInteger got = paid.getOrDefault(want.getKey(), BigInteger.ZERO);
            if (got.compareTo(want.getValue()) != 0) {
                throw new RecipientMismatchException(scriptToAddress.get(want.getKey()),
                        "intended " + want.getValue() + " but the transaction pays " + got);
            }
        }
        if (x.fee().compareTo(maxFee) > 0) {
            throw new FeeOutOfBoundsException("fee " + x.fee() + " exceeds the maximum " + maxFee);
        }
        BigInteger rate = new java.math.BigDecimal(x.fee())
                .divide(java.math.BigDecimal.valueOf(x.estimatedVsize()), 0, RoundingMode.CEILING).toBigInteger();
        if (rate.compareTo(maxFeeRate) > 0) {
            throw new FeeOutOfBoundsException("fee rate " + rate + " per vbyte exceeds the maximum " + maxFeeRate);
        }
        return x;
    }

    /**
     * Explains a wallet PSBT: input amounts, external and change outputs, fee. Checks the wallet-side facts
     * (inputs re-derive and have known amounts, change re-derives, fee is not negative) but no intent.
     */
    public static TransactionExplanation explain(Psbt psbt, WalletKeys keys, UtxoCoin coin) {
        RawTransaction tx = psbt.unsignedTx();
        BigInteger in = BigInteger.ZERO;
        long vsize = 4 + 4 + 1 + 1 + (psbt.inputCount() > 0 ? 1 : 0);
        for (int i = 0; i < psbt.inputCount(); i++) {
            WalletScripts scripts = inputScripts(psbt, keys, i);
            TxOut spent = spentOutput(psbt, i, scripts.type());
            if (!scripts.matches(spent.scriptPubKey())) {
                throw new ForeignInputException(i, "spends a script that is not the wallet's at the claimed path");
            }
            in = in.add(BigInteger.valueOf(spent.value()));
            vsize += estimatedInputVsize(scripts.type());
        }
        BigInteger external = BigInteger.ZERO;
        BigInteger change = BigInteger.ZERO;
        List<TransactionExplanation.Output> externals = new ArrayList<>();
        List<TransactionExplanation.Output> changes = new ArrayList<>();
        for (int k = 0; k < tx.outputs().size(); k++) {
            TxOut out = tx.outputs().get(k);
            byte[] spk = out.scriptPubKey();
            vsize += 8 + 1 + spk.length;
            BigInteger amount = BigInteger.valueOf(out.value());
            String address;
            try {
                address = AddressCodec.toAddress(coin, spk);
            } catch (AddressFormatException e) {
                address = null;
            }
            int[] path = claimedOutputPath(psbt, k);
            if (path == null) {
                externals.add(new TransactionExplanation.Output(k, address, spk, amount, -1, -1));
                external = external.add(amount);
                continue;
            }
            int chain = path[2];
            int index = path[3];
            WalletScripts derived;
            try {
                ScriptType type = ScriptType.fromChain(chain);
                if (!coin.supports(type)) {
                    throw new ChangeOutputMismatchException(k, "claims chain " + chain + " which " + coin.id()
                            + " does not support");
                }
                derived = WalletScripts.derive(keys, chain, index);
            } catch (UnsupportedChainException e) {
                throw new ChangeOutputMismatchException(k, "claims an invalid wallet chain " + chain);
            }
            if (!derived.matches(spk)) {
                throw new ChangeOutputMismatchException(k, "its script is not the wallet's address at 0/0/" + chain
                        + "/" + index);
            }
            changes.add(new TransactionExplanation.Output(k, address, spk, amount, chain, index));
            change = change.add(amount);
        }
        BigInteger fee = in.subtract(external).subtract(change);
        if (fee.signum() < 0) {
            throw new FeeOutOfBoundsException("outputs (" + external.add(change) + ") exceed inputs (" + in + ")");
        }
        return new TransactionExplanation(in, external, change, fee, vsize, List.copyOf(externals),
                List.copyOf(changes));
    }

    private static WalletScripts inputScripts(Psbt psbt, WalletKeys keys, int i) {
        int[] path = walletPath(psbt.bip32Derivations(i), keys);
        if (path == null) {
            path = walletPath(psbt.tapBip32Derivations(i), keys);
        }
        if (path == null) {
            throw new ForeignInputException(i, "has no derivation record of a wallet key at 0/0/chain/index");
        }
        try {
            return WalletScripts.derive(keys, path[2], path[3]);
        } catch (UnsupportedChainException e) {
            throw new ForeignInputException(i, "claims an invalid wallet chain " + path[2]);
        }
    }

    private static int[] walletPath(List<Psbt.KeyOrigin> origins, WalletKeys keys) {
        for (Psbt.KeyOrigin o : origins) {
            int[] p = o.path();
            if (p.length == 4 && p[0] == 0 && p[1] == 0 && p[2] >= 0 && p[3] >= 0
                    && ScriptType.isValidChain(p[2])) {
                for (KeyRole role : KeyRole.values()) {
                    if (Arrays.equals(o.fingerprint(), keys.fingerprint(role))) {
                        return p;
                    }
                }
            }
        }
        return null;
    }

    private static int[] claimedOutputPath(Psbt psbt, int k) {
        List<Psbt.KeyOrigin> origins = new ArrayList<>(psbt.outputBip32Derivations(k));
        origins.addAll(psbt.outputTapBip32Derivations(k));
        if (origins.isEmpty()) {
            return null;
        }
        int[] first = origins.get(0).path();
        for (Psbt.KeyOrigin o : origins) {
            int[] p = o.path();
            if (p.length != 4 || p[0] != 0 || p[1] != 0 || p[2] < 0 || p[3] < 0 || !Arrays.equals(p, first)) {
                throw new ChangeOutputMismatchException(k, "has a derivation record that is not a wallet path "
                        + o.pathString());
            }
        }
        return first;
    }

    private static TxOut spentOutput(Psbt psbt, int i, ScriptType type) {
        TxIn txIn = psbt.unsignedTx().inputs().get(i);
        TxOut fromPrev = null;
        Optional<byte[]> prevBytes = psbt.input(i).get(Psbt.IN_NON_WITNESS_UTXO);
        if (prevBytes.isPresent()) {
            RawTransaction prev;
            try {
                prev = RawTransaction.parse(prevBytes.get());
            } catch (RuntimeException e) {
                throw new PreviousTransactionMismatchException(i, "previous transaction does not parse");
            }
            if (!Arrays.equals(prev.txidBytes(), txIn.prevTxid())) {
                throw new PreviousTransactionMismatchException(i, "previous transaction " + prev.txid()
                        + " is not the one the input spends (" + txIn.prevTxidHex() + ")");
            }
            if (txIn.vout() < 0 || txIn.vout() >= prev.outputs().size()) {
                throw new PreviousTransactionMismatchException(i, "previous transaction has no output " + txIn.vout());
            }
            fromPrev = prev.outputs().get(txIn.vout());
        }
        TxOut witness;
        try {
            witness = psbt.witnessUtxo(i).orElse(null);
        } catch (PsbtFormatException e) {
            throw new MissingInputAmountException(i, "witness UTXO is malformed");
        }
        if (fromPrev != null && witness != null && !fromPrev.equals(witness)) {
            throw new PreviousTransactionMismatchException(i, "witness UTXO (" + witness.value()
                    + ") contradicts the previous transaction (" + fromPrev.value() + ")");
        }
        if (fromPrev == null && !type.isSegwit()) {
            throw new MissingInputAmountException(i, "a " + type.bitgoName()
                    + " input needs its previous transaction (non-witness UTXO)");
        }
        TxOut spent = fromPrev != null ? fromPrev : witness;
        if (spent == null) {
            throw new MissingInputAmountException(i, "neither previous transaction nor witness UTXO is given");
        }
        return spent;
    }

    private static long estimatedInputVsize(ScriptType type) {
        switch (type) {
            case P2SH:
                return 41 + 256;
            case P2SH_P2WSH:
                return 41 + 35 + (256 + 3) / 4;
            case P2WSH:
                return 41 + (256 + 3) / 4;
            default:
                return 41 + (1 + 65 + 65 + 69 + 99 + 3) / 4;
        }
    }
}
