package dev.bitgojava.testkit.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.bitgojava.signing.SigningException;
import dev.bitgojava.signing.eth.EthAddress;
import dev.bitgojava.signing.eth.EthSignature;
import dev.bitgojava.signing.eth.HexData;
import dev.bitgojava.signing.eth.WalletSimpleOperation;
import dev.bitgojava.signing.eth.WalletSimpleScheme;
import dev.bitgojava.signing.keys.Bip32Key;
import dev.bitgojava.testkit.MaliciousBuild;
import dev.bitgojava.testkit.internal.Model.Entry;
import dev.bitgojava.testkit.internal.Model.Transfer;

import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;

/**
 * {@code tx/build} and {@code tx/send} for Ethereum (WalletSimple) wallets: the build returns the operation
 * parameters (recipient, amount, next contract sequence id, expiry, gas); the send recomputes the operation hash
 * with the signing module, recovers the signer of the user's signature and accepts it only from the address of the
 * wallet's user key, then records the transfer and uses up the sequence id.
 */
final class EthSends {

    /** How long a built operation stays valid, as BitGo's SDK defaults it. */
    static final Duration EXPIRY = Duration.ofDays(7);
    static final String GAS_LIMIT = "200000";
    static final String MAX_FEE_PER_GAS = "30000000000";
    static final String MAX_PRIORITY_FEE_PER_GAS = "1500000000";
    /** How far above the next sequence id a WalletSimple contract accepts one. */
    private static final long SEQUENCE_WINDOW = 10_000;
    private static final WalletSimpleScheme SCHEME = WalletSimpleScheme.STANDARD;

    private final Store store;

    EthSends(Store store) {
        this.store = store;
    }

    /** The operation parameters of a build; the caller holds the wallet's monitor. */
    ObjectNode build(WalletState wallet, JsonNode body, MaliciousBuild tamper) {
        Recipients.Recipient r = single(Recipients.parse(body.get("recipients")));
        parseAddress(r.address(), "recipient");
        decodeData(r.data());
        if (r.amount().compareTo(wallet.balance()) > 0) {
            throw new ApiException(400, "InsufficientFunds", "insufficient funds: the wallet holds "
                    + wallet.balance() + " but the send needs " + r.amount());
        }
        String address = r.address().toLowerCase(java.util.Locale.ROOT);
        BigInteger amount = r.amount();
        long sequenceId = wallet.nextContractSequenceId();
        if (tamper == MaliciousBuild.RECIPIENT_SWAPPED) {
            address = "0x" + Ids.hex(20);
        } else if (tamper == MaliciousBuild.AMOUNT_CHANGED) {
            amount = amount.add(BigInteger.ONE);
        } else if (tamper == MaliciousBuild.ETH_SEQUENCE_ID_CHANGED) {
            sequenceId += 3;
        }
        ObjectNode out = Json.object();
        ObjectNode recipient = out.putArray("recipients").addObject().put("address", address)
                .put("amount", amount.toString());
        if (r.data() != null) {
            recipient.put("data", r.data());
        }
        out.put("nextContractSequenceId", sequenceId);
        out.put("expireTime", store.now().plus(EXPIRY).getEpochSecond());
        out.put("gasLimit", Model.text(body, "gasLimit") != null ? Model.text(body, "gasLimit") : GAS_LIMIT);
        ObjectNode eip1559 = out.putObject("eip1559");
        JsonNode asked = body.path("eip1559");
        eip1559.put("maxFeePerGas", asked.hasNonNull("maxFeePerGas") ? asked.get("maxFeePerGas").asText()
                : MAX_FEE_PER_GAS);
        eip1559.put("maxPriorityFeePerGas", asked.hasNonNull("maxPriorityFeePerGas")
                ? asked.get("maxPriorityFeePerGas").asText() : MAX_PRIORITY_FEE_PER_GAS);
        out.put("isBatch", false);
        out.put("walletId", wallet.id());
        out.put("coin", wallet.coin());
        return out;
    }

    /**
     * Checks {@code halfSigned}: the operation it describes, its hash, its expiry and sequence id, and that the
     * user's key made the signature.
     */
    PreparedSend prepare(WalletState wallet, JsonNode body) {
        JsonNode half = body.get("halfSigned");
        if (half == null || !half.isObject()) {
            throw ApiException.badRequest("MissingHalfSigned", "a " + wallet.coin()
                    + " send needs halfSigned: the user's signature over the WalletSimple operation");
        }
        JsonNode recipientsNode = half.has("recipients") ? half.get("recipients") : body.get("recipients");
        Recipients.Recipient r = single(Recipients.parse(recipientsNode));
        String address = parseAddress(r.address(), "recipient");
        byte[] data = decodeData(r.data());
        JsonNode expire = half.get("expireTime");
        JsonNode sequence = half.get("contractSequenceId");
        String signatureHex = Model.text(half, "signature");
        if (expire == null || !expire.canConvertToLong() || sequence == null || !sequence.canConvertToLong()
                || signatureHex == null) {
            throw ApiException.badRequest("InvalidHalfSigned",
                    "halfSigned needs expireTime, contractSequenceId and signature");
        }
        long expireTime = expire.asLong();
        long sequenceId = sequence.asLong();
        WalletSimpleOperation operation;
        try {
            operation = WalletSimpleOperation.nativeSend(SCHEME, address, r.amount(), data, expireTime, sequenceId);
        } catch (SigningException e) {
            throw ApiException.badRequest("InvalidHalfSigned", e.getMessage());
        }
        String claimedHash = Model.text(half, "operationHash");
        if (claimedHash != null && !claimedHash.equalsIgnoreCase(operation.operationHashHex())) {
            throw ApiException.badRequest("InvalidOperationHash",
                    "operationHash is not the hash of the operation halfSigned describes");
        }
        if (expireTime <= store.now().getEpochSecond()) {
            throw ApiException.badRequest("OperationExpired", "the operation expired at " + expireTime);
        }
        checkSequenceId(wallet, sequenceId);
        String signer;
        try {
            signer = EthSignature.parse(signatureHex).recoverAddress(operation.operationHash());
        } catch (SigningException e) {
            throw ApiException.badRequest("InvalidSignature", "the signature is malformed: " + e.getMessage());
        }
        String userAddress = userAddress(wallet);
        if (!userAddress.equalsIgnoreCase(signer)) {
            throw ApiException.badRequest("InvalidSignature",
                    "the operation is not signed by the wallet's user key (signer " + signer + ")");
        }
        return new Send(wallet, operation, EthSignature.parse(signatureHex), address, r.amount());
    }

    private static void checkSequenceId(WalletState wallet, long sequenceId) {
        long next = wallet.nextContractSequenceId();
        if (sequenceId < next) {
            throw ApiException.badRequest("SequenceIdUsed", "contract sequence id " + sequenceId
                    + " is already used; the next is " + next);
        }
        if (sequenceId >= next + SEQUENCE_WINDOW) {
            throw ApiException.badRequest("SequenceIdTooHigh", "contract sequence id " + sequenceId
                    + " is too far above the next one, " + next);
        }
    }

    private String userAddress(WalletState wallet) {
        Model.Keychain user = store.keychain(wallet.keyIds().get(0));
        return EthAddress.of(Bip32Key.parse(user.pub())).toString();
    }

    private static Recipients.Recipient single(List<Recipients.Recipient> recipients) {
        if (recipients.size() != 1) {
            throw ApiException.badRequest("UnsupportedBatch",
                    "the test server sends to exactly one recipient per Ethereum transaction");
        }
        return recipients.get(0);
    }

    private static String parseAddress(String text, String what) {
        try {
            return EthAddress.parse(text).toString();
        } catch (SigningException e) {
            throw ApiException.badRequest("InvalidAddress", "invalid " + what + " address " + text);
        }
    }

    private static byte[] decodeData(String data) {
        try {
            return HexData.STRICT.decode(data);
        } catch (SigningException e) {
            throw ApiException.badRequest("InvalidData", "data must be even-length 0x hex");
        }
    }

    /** A verified WalletSimple operation waiting for BitGo to send it. */
    private static final class Send implements PreparedSend {
        private final WalletState wallet;
        private final WalletSimpleOperation operation;
        private final EthSignature signature;
        private final String recipient;
        private final BigInteger amount;

        Send(WalletState wallet, WalletSimpleOperation operation, EthSignature signature, String recipient,
             BigInteger amount) {
            this.wallet = wallet;
            this.operation = operation;
            this.signature = signature;
            this.recipient = recipient;
            this.amount = amount;
        }

        @Override
        public List<Entry> recipients() {
            return List.of(new Entry(recipient, amount, false, false));
        }

        @Override
        public BigInteger externalAmount() {
            return amount;
        }

        @Override
        public BigInteger fee() {
            return BigInteger.ZERO;
        }

        @Override
        public Transfer execute(String sequenceId, String comment, Instant now) {
            checkSequenceId(wallet, operation.sequenceId());
            if (amount.compareTo(wallet.balance()) > 0) {
                throw new ApiException(400, "InsufficientFunds", "insufficient funds: the wallet holds "
                        + wallet.balance() + " but the send needs " + amount);
            }
            if (operation.expireTime() <= now.getEpochSecond()) {
                throw ApiException.badRequest("OperationExpired", "the operation expired meanwhile");
            }
            wallet.useContractSequenceId(operation.sequenceId());
            String tx = "0x" + HexFormat.of().formatHex(operation.calldata(signature));
            List<Entry> entries = List.of(new Entry(recipient, amount, false, false),
                    new Entry(wallet.contractAddress(), amount.negate(), true, false));
            Transfer transfer = new Transfer(Ids.id32(), "0x" + Ids.hex(32), "send", amount.negate(),
                    BigInteger.ZERO, "signed", 0, now, entries, sequenceId, comment, tx);
            wallet.recordSend(transfer, List.of(), List.of());
            return transfer;
        }
    }
}
