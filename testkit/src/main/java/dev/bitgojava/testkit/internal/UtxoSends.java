package dev.bitgojava.testkit.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.bitgojava.signing.SigningException;
import dev.bitgojava.signing.bitcoin.Ecdsa;
import dev.bitgojava.signing.bitcoin.RawTransaction;
import dev.bitgojava.signing.bitcoin.Schnorr;
import dev.bitgojava.signing.bitcoin.TxIn;
import dev.bitgojava.signing.bitcoin.TxOut;
import dev.bitgojava.signing.utxo.AddressCodec;
import dev.bitgojava.signing.utxo.KeyRole;
import dev.bitgojava.signing.utxo.PsbtSigner;
import dev.bitgojava.signing.utxo.ScriptType;
import dev.bitgojava.signing.utxo.TapLeaf;
import dev.bitgojava.signing.utxo.UtxoCoin;
import dev.bitgojava.signing.utxo.WalletKeys;
import dev.bitgojava.signing.utxo.WalletScripts;
import dev.bitgojava.signing.utxo.psbt.Psbt;
import dev.bitgojava.signing.utxo.psbt.PsbtEntry;
import dev.bitgojava.signing.utxo.psbt.RecordOrder;
import dev.bitgojava.testkit.MaliciousBuild;
import dev.bitgojava.testkit.internal.Model.Address;
import dev.bitgojava.testkit.internal.Model.Entry;
import dev.bitgojava.testkit.internal.Model.Keychain;
import dev.bitgojava.testkit.internal.Model.Transfer;
import dev.bitgojava.testkit.internal.Model.Unspent;
import dev.bitgojava.testkit.internal.UtxoPsbts.Output;
import org.bitcoinj.base.BitcoinNetwork;

import java.math.BigInteger;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;

/**
 * {@code tx/build} and {@code tx/send} for UTXO wallets: builds real unsigned PSBTs spending the wallet's unspents,
 * checks the user's signature on every input of a half-signed PSBT against the key derived from the wallet's user
 * xpub, then adds BitGo's signature, finalizes and records the transfer.
 */
final class UtxoSends {

    /** Outputs below this are not made; the remainder goes to the fee. */
    static final long DUST = 1_000;
    /** Base units per 1000 virtual bytes when the build names no {@code feeRate}. */
    static final long DEFAULT_FEE_RATE_PER_KB = 20_000;
    private static final long EXTRA_OUTPUT_VALUE = 10_000;
    private static final HexFormat HEX = HexFormat.of();

    private final Store store;

    UtxoSends(Store store) {
        this.store = store;
    }

    // ------------------------------------------------------------------ build

    /** Builds the unsigned PSBT; the caller holds the wallet's monitor. */
    ObjectNode build(WalletState wallet, JsonNode body, MaliciousBuild tamper) {
        UtxoCoin coin = wallet.utxoCoin();
        List<Output> outputs = new ArrayList<>();
        long target = 0;
        for (Recipients.Recipient r : Recipients.parse(body.get("recipients"))) {
            if (r.amount().bitLength() > 52) {
                throw ApiException.badRequest("InvalidAmount", "the amount of " + r.address() + " exceeds the supply");
            }
            outputs.add(Output.external(scriptOf(coin, r.address()), r.amount().longValueExact()));
            target = Math.addExact(target, r.amount().longValueExact());
        }
        long feeRate = feeRate(body);
        int changeChain = changeChain(wallet, body);
        byte[] changeScriptSize = WalletScripts.derive(wallet.walletKeys(), changeChain, 0).scriptPubKey();

        List<Unspent> inputs = new ArrayList<>();
        long inputSum = 0;
        long fee = 0;
        List<Unspent> candidates = candidates(wallet, body);
        for (Unspent u : candidates) {
            inputs.add(u);
            inputSum += u.value().longValueExact();
            fee = fee(feeRate, inputs, outputs, changeScriptSize.length);
            if (inputSum >= target + fee) {
                break;
            }
        }
        if (inputs.isEmpty() || inputSum < target + fee) {
            throw new ApiException(400, "InsufficientFunds", "insufficient funds: the wallet can spend " + inputSum
                    + " but the send needs " + target + " plus a fee of " + fee);
        }
        long change = inputSum - target - fee;
        Address changeAddress = null;
        int changeIndex = -1;
        if (change >= DUST) {
            changeAddress = wallet.newAddress(changeChain, null, store.now());
            changeIndex = outputs.size();
            outputs.add(new Output(HEX.parseHex(changeAddress.scriptPubKey()), change, changeChain,
                    changeAddress.index()));
        } else {
            fee += change;
            change = 0;
        }
        if (tamper != null) {
            tamper(tamper, coin, outputs, changeIndex);
        }
        Psbt psbt = UtxoPsbts.build(coin, wallet.walletKeys(), inputs, outputs);
        long outSum = outputs.stream().mapToLong(Output::value).sum();
        long actualFee = inputSum - outSum;
        long vsize = vsize(inputs, outputs);

        ObjectNode out = Json.object();
        out.put("txHex", psbt.toHex());
        ObjectNode txInfo = out.putObject("txInfo");
        int p2sh = 0;
        for (Unspent u : inputs) {
            if (!ScriptType.fromChain(u.chain()).isSegwit()) {
                p2sh++;
            }
        }
        txInfo.put("nP2SHInputs", p2sh);
        txInfo.put("nSegwitInputs", inputs.size() - p2sh);
        txInfo.put("nOutputs", outputs.size());
        ArrayNode unspents = txInfo.putArray("unspents");
        inputs.forEach(u -> unspents.add(Views.unspent(wallet, u)));
        ArrayNode changeAddresses = txInfo.putArray("changeAddresses");
        ObjectNode details = txInfo.putObject("walletAddressDetails");
        if (changeAddress != null) {
            changeAddresses.add(changeAddress.address());
            details.putObject(changeAddress.address()).put("chain", changeAddress.chain())
                    .put("index", changeAddress.index());
        }
        ObjectNode feeInfo = out.putObject("feeInfo");
        feeInfo.put("size", vsize);
        feeInfo.put("fee", actualFee);
        feeInfo.put("feeRate", feeRate);
        feeInfo.put("payGoFee", 0);
        feeInfo.put("payGoFeeString", "0");
        out.put("walletId", wallet.id());
        out.put("coin", wallet.coin());
        return out;
    }

    private static void tamper(MaliciousBuild kind, UtxoCoin coin, List<Output> outputs, int changeIndex) {
        Output first = outputs.get(0);
        Output change = changeIndex >= 0 ? outputs.get(changeIndex) : null;
        switch (kind) {
            case RECIPIENT_SWAPPED:
                outputs.set(0, Output.external(foreignScript(coin), first.value()));
                break;
            case AMOUNT_CHANGED:
                outputs.set(0, Output.external(first.script(), first.value() + 1));
                if (change != null) {
                    outputs.set(changeIndex, withValue(change, change.value() - 1));
                }
                break;
            case EXTRA_OUTPUT: {
                long value = change != null ? Math.min(EXTRA_OUTPUT_VALUE, change.value() / 2) : DUST;
                if (change != null) {
                    outputs.set(changeIndex, withValue(change, change.value() - value));
                }
                outputs.add(Output.external(foreignScript(coin), value));
                break;
            }
            case CHANGE_TO_FOREIGN_ADDRESS:
                requireChange(kind, change);
                outputs.set(changeIndex, new Output(foreignScript(coin), change.value(), change.claimChain(),
                        change.claimIndex()));
                break;
            case CHANGE_WRONG_INDEX:
                requireChange(kind, change);
                outputs.set(changeIndex, new Output(change.script(), change.value(), change.claimChain(),
                        change.claimIndex() + 1));
                break;
            case ABSURD_FEE:
                requireChange(kind, change);
                outputs.set(changeIndex, withValue(change, change.value() / 10));
                break;
            default:
                throw new IllegalStateException("not a UTXO tampering: " + kind);
        }
    }

    private static void requireChange(MaliciousBuild kind, Output change) {
        if (change == null) {
            throw new ApiException(500, "FaultNotApplicable", "the malicious build " + kind
                    + " needs a change output, but this build has none; send less than the balance");
        }
    }

    private static Output withValue(Output o, long value) {
        return new Output(o.script(), value, o.claimChain(), o.claimIndex());
    }

    private static byte[] foreignScript(UtxoCoin coin) {
        if (coin.supportsSegwit()) {
            byte[] s = new byte[34];
            s[1] = 0x20;
            System.arraycopy(Ids.bytes(32), 0, s, 2, 32);
            return s;
        }
        byte[] s = new byte[25];
        s[0] = 0x76;
        s[1] = (byte) 0xa9;
        s[2] = 0x14;
        System.arraycopy(Ids.bytes(20), 0, s, 3, 20);
        s[23] = (byte) 0x88;
        s[24] = (byte) 0xac;
        return s;
    }

    private static byte[] scriptOf(UtxoCoin coin, String address) {
        try {
            return AddressCodec.toScriptPubKey(coin, address);
        } catch (SigningException e) {
            throw ApiException.badRequest("InvalidAddress", "invalid " + coin.id() + " address " + address);
        }
    }

    private static long feeRate(JsonNode body) {
        String text = Model.text(body, "feeRate");
        if (text == null) {
            return DEFAULT_FEE_RATE_PER_KB;
        }
        try {
            long rate = Long.parseLong(text);
            if (rate < 1000) {
                throw ApiException.badRequest("InvalidFeeRate", "feeRate must be at least 1000 base units per kB");
            }
            return rate;
        } catch (NumberFormatException e) {
            throw ApiException.badRequest("InvalidFeeRate", "feeRate must be an integer");
        }
    }

    private static int changeChain(WalletState wallet, JsonNode body) {
        String typeName = Model.text(body, "changeAddressType");
        if (typeName == null) {
            return wallet.defaultChangeChain();
        }
        for (ScriptType type : ScriptType.values()) {
            if (type.bitgoName().equals(typeName)) {
                if (!wallet.utxoCoin().supports(type)) {
                    throw ApiException.badRequest("UnsupportedChangeAddressType",
                            wallet.coin() + " has no " + typeName + " addresses");
                }
                return type.internalChain();
            }
        }
        throw ApiException.badRequest("UnsupportedChangeAddressType", "unknown change address type " + typeName);
    }

    /**
     * The unspents a build may use: those named in {@code unspents}, or every wallet unspent oldest first except
     * p2trMusig2 ones (their user+bitgo spend is a MuSig2 key-path spend the test server does not do).
     */
    private static List<Unspent> candidates(WalletState wallet, JsonNode body) {
        JsonNode named = body.get("unspents");
        if (named == null || !named.isArray() || named.isEmpty()) {
            return wallet.unspents().stream().filter(u -> ScriptType.fromChain(u.chain()) != ScriptType.P2TR_MUSIG2)
                    .toList();
        }
        List<Unspent> out = new ArrayList<>();
        for (JsonNode id : named) {
            Unspent u = wallet.unspent(id.asText());
            if (u == null) {
                throw ApiException.badRequest("UnspentNotFound", "unspent " + id.asText() + " is not the wallet's");
            }
            if (ScriptType.fromChain(u.chain()) == ScriptType.P2TR_MUSIG2) {
                throw ApiException.badRequest("UnsupportedUnspent", "unspent " + u.id()
                        + " is p2trMusig2: its MuSig2 key-path spend is not supported by the test server");
            }
            out.add(u);
        }
        return out;
    }

    private static long fee(long feeRate, List<Unspent> inputs, List<Output> outputs, int changeScriptLength) {
        long vsize = vsize(inputs, outputs) + 9 + changeScriptLength;
        return (vsize * feeRate + 999) / 1000;
    }

    private static long vsize(List<Unspent> inputs, List<Output> outputs) {
        long vsize = 11;
        for (Unspent u : inputs) {
            switch (ScriptType.fromChain(u.chain())) {
                case P2SH:
                    vsize += 41 + 254;
                    break;
                case P2SH_P2WSH:
                    vsize += 41 + 35 + (254 + 3) / 4;
                    break;
                case P2WSH:
                    vsize += 41 + (254 + 3) / 4;
                    break;
                default:
                    vsize += 41 + (1 + 65 + 65 + 69 + 66 + 3) / 4;
            }
        }
        for (Output o : outputs) {
            vsize += 9 + o.script().length;
        }
        return vsize;
    }

    // ------------------------------------------------------------------ send

    /**
     * Checks a half-signed PSBT: it spends only unspents of the wallet, each once, and carries a valid user
     * signature on every input (checked over the server's own input data, not the client's). Returns the send,
     * ready to be co-signed.
     */
    PreparedSend prepare(WalletState wallet, JsonNode body) {
        String txHex = Model.text(body, "txHex");
        if (txHex == null || txHex.isEmpty()) {
            throw ApiException.badRequest("MissingTxHex", "a " + wallet.coin()
                    + " send needs txHex: the half-signed PSBT");
        }
        Psbt client;
        try {
            client = Psbt.fromHex(txHex);
        } catch (SigningException e) {
            throw ApiException.badRequest("InvalidTransaction", "txHex is not a PSBT: " + e.getMessage());
        }
        UtxoCoin coin = wallet.utxoCoin();
        WalletKeys keys = wallet.walletKeys();
        RawTransaction tx = client.unsignedTx();
        List<Unspent> inputs = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (TxIn in : tx.inputs()) {
            String id = in.prevTxidHex() + ":" + Integer.toUnsignedString(in.vout());
            Unspent u = wallet.unspent(id);
            if (u == null) {
                throw ApiException.badRequest("UnspentNotFound",
                        "input " + id + " is not an unspent of the wallet (unknown or already spent)");
            }
            if (!seen.add(id)) {
                throw ApiException.badRequest("DuplicateInput", "input " + id + " is spent twice");
            }
            inputs.add(u);
        }
        if (inputs.isEmpty()) {
            throw ApiException.badRequest("InvalidTransaction", "the transaction has no inputs");
        }
        Psbt server = Psbt.create(tx);
        UtxoPsbts.addInputRecords(server, coin, keys, inputs);
        for (int i = 0; i < inputs.size(); i++) {
            copyVerifiedUserSignature(client, server, i, coin, keys, inputs.get(i));
        }

        BigInteger inputSum = BigInteger.ZERO;
        for (Unspent u : inputs) {
            inputSum = inputSum.add(u.value());
        }
        List<Entry> recipients = new ArrayList<>();
        BigInteger external = BigInteger.ZERO;
        BigInteger outSum = BigInteger.ZERO;
        for (TxOut o : tx.outputs()) {
            BigInteger value = BigInteger.valueOf(o.value());
            outSum = outSum.add(value);
            if (wallet.addressForScript(HEX.formatHex(o.scriptPubKey())) == null) {
                recipients.add(new Entry(addressOf(coin, o.scriptPubKey()), value, false, false));
                external = external.add(value);
            }
        }
        BigInteger fee = inputSum.subtract(outSum);
        if (fee.signum() < 0) {
            throw ApiException.badRequest("InvalidTransaction", "outputs (" + outSum + ") exceed inputs ("
                    + inputSum + ")");
        }
        return new Send(wallet, server, inputs, recipients, external, fee);
    }

    private static void copyVerifiedUserSignature(Psbt client, Psbt server, int i, UtxoCoin coin, WalletKeys keys,
                                                  Unspent u) {
        WalletScripts scripts = WalletScripts.derive(keys, u.chain(), u.index());
        byte[] userKey = scripts.publicKey(KeyRole.USER);
        if (scripts.type().isTaproot()) {
            TapLeaf leaf = scripts.taproot().orElseThrow().leafFor(KeyRole.USER, KeyRole.BITGO);
            byte[] keyData = new byte[64];
            System.arraycopy(userKey, 1, keyData, 0, 32);
            System.arraycopy(leaf.leafHash(), 0, keyData, 32, 32);
            byte[] sig = null;
            for (Psbt.KeyedValue kv : client.tapScriptSignatures(i)) {
                if (Arrays.equals(kv.keyData(), keyData)) {
                    sig = kv.value();
                }
            }
            if (sig == null) {
                throw missingSignature(i);
            }
            if (sig.length != 64) {
                throw invalidSignature(i, "a taproot signature must be 64 bytes with SIGHASH_DEFAULT");
            }
            byte[] sighash = PsbtSigner.signatureHash(server, i, coin, leaf.leafHash());
            if (!Schnorr.verify(sighash, Arrays.copyOfRange(keyData, 0, 32), sig)) {
                throw invalidSignature(i, "the user's Schnorr signature does not verify");
            }
            server.input(i).put(PsbtEntry.of(Psbt.IN_TAP_SCRIPT_SIG, keyData, sig), RecordOrder.KEY_TYPE_THEN_KEY);
            return;
        }
        byte[] sig = null;
        for (Psbt.KeyedValue kv : client.partialSignatures(i)) {
            if (Arrays.equals(kv.keyData(), userKey)) {
                sig = kv.value();
            }
        }
        if (sig == null) {
            throw missingSignature(i);
        }
        if (sig.length < 9 || (sig[sig.length - 1] & 0xff) != coin.defaultEcdsaSighash()) {
            throw invalidSignature(i, "the signature's sighash type must be 0x"
                    + Integer.toHexString(coin.defaultEcdsaSighash()));
        }
        byte[] sighash = PsbtSigner.signatureHash(server, i, coin, null);
        boolean valid;
        try {
            valid = Ecdsa.verify(sighash, Arrays.copyOf(sig, sig.length - 1), userKey);
        } catch (SigningException e) {
            valid = false;
        }
        if (!valid) {
            throw invalidSignature(i, "the user's signature does not verify");
        }
        server.input(i).put(PsbtEntry.of(Psbt.IN_PARTIAL_SIG, userKey, sig), RecordOrder.KEY_TYPE_THEN_KEY);
    }

    private static ApiException missingSignature(int input) {
        ObjectNode context = Json.object().put("inputIndex", input);
        return new ApiException(400, "MissingSignature", "input " + input + " has no signature of the user key",
                context, Json.object());
    }

    private static ApiException invalidSignature(int input, String why) {
        ObjectNode context = Json.object().put("inputIndex", input);
        return new ApiException(400, "InvalidSignature", "input " + input + ": " + why, context, Json.object());
    }

    private static String addressOf(UtxoCoin coin, byte[] script) {
        try {
            return AddressCodec.toAddress(coin, script);
        } catch (SigningException e) {
            return HEX.formatHex(script);
        }
    }

    /** A verified half-signed PSBT (the server's own copy) waiting for BitGo's signature. */
    private final class Send implements PreparedSend {
        private final WalletState wallet;
        private final Psbt halfSigned;
        private final List<Unspent> inputs;
        private final List<Entry> recipients;
        private final BigInteger external;
        private final BigInteger fee;

        Send(WalletState wallet, Psbt halfSigned, List<Unspent> inputs, List<Entry> recipients, BigInteger external,
             BigInteger fee) {
            this.wallet = wallet;
            this.halfSigned = halfSigned;
            this.inputs = List.copyOf(inputs);
            this.recipients = List.copyOf(recipients);
            this.external = external;
            this.fee = fee;
        }

        @Override
        public List<Entry> recipients() {
            return recipients;
        }

        @Override
        public BigInteger externalAmount() {
            return external;
        }

        @Override
        public BigInteger fee() {
            return fee;
        }

        @Override
        public Transfer execute(String sequenceId, String comment, Instant now) {
            List<String> spent = new ArrayList<>();
            for (Unspent u : inputs) {
                if (wallet.unspent(u.id()) == null) {
                    throw ApiException.badRequest("UnspentNotFound", "input " + u.id() + " was spent meanwhile");
                }
                spent.add(u.id());
            }
            Keychain bitgo = store.keychain(wallet.keyIds().get(2));
            String xprv = bitgo.prv().serializePrivB58(BitcoinNetwork.MAINNET);
            UtxoCoin coin = wallet.utxoCoin();
            RawTransaction signed = PsbtSigner.finalizeAndExtract(PsbtSigner.sign(halfSigned, xprv, coin), coin);
            String txid = signed.txid();
            byte[] network = signed.serialize();
            List<Unspent> created = new ArrayList<>();
            List<Entry> entries = new ArrayList<>();
            for (Unspent u : inputs) {
                entries.add(new Entry(u.address(), u.value().negate(), true, false));
            }
            BigInteger walletOutputs = BigInteger.ZERO;
            List<TxOut> outs = signed.outputs();
            for (int k = 0; k < outs.size(); k++) {
                TxOut o = outs.get(k);
                BigInteger value = BigInteger.valueOf(o.value());
                Address own = wallet.addressForScript(HEX.formatHex(o.scriptPubKey()));
                if (own == null) {
                    entries.add(new Entry(addressOf(coin, o.scriptPubKey()), value, false, false));
                    continue;
                }
                walletOwnedOutput(created, entries, own, txid, k, value, now, network);
                walletOutputs = walletOutputs.add(value);
            }
            BigInteger inputSum = inputs.stream().map(Unspent::value).reduce(BigInteger.ZERO, BigInteger::add);
            BigInteger value = walletOutputs.subtract(inputSum);
            Transfer transfer = new Transfer(Ids.id32(), txid, "send", value, fee, "signed", 0, now,
                    List.copyOf(entries), sequenceId, comment, signed.toHex());
            wallet.recordSend(transfer, spent, created);
            return transfer;
        }

        private void walletOwnedOutput(List<Unspent> created, List<Entry> entries, Address own, String txid, int vout,
                                       BigInteger value, Instant now, byte[] network) {
            created.add(new Unspent(txid, vout, own.address(), value, own.chain(), own.index(), own.redeemScript(),
                    own.witnessScript(), 0, now, network));
            entries.add(new Entry(own.address(), value, true, own.chain() % 2 == 1));
        }
    }
}
