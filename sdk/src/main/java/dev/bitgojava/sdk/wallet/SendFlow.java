package dev.bitgojava.sdk.wallet;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.bitgojava.client.api.TransactionApi;
import dev.bitgojava.client.model.BuildTransactionRequest;
import dev.bitgojava.client.model.BuildTransactionResponse;
import dev.bitgojava.client.model.BuildTransactionResult;
import dev.bitgojava.client.model.HalfSigned;
import dev.bitgojava.client.model.Recipient;
import dev.bitgojava.client.model.SendTransactionRequest;
import dev.bitgojava.client.model.SendTransactionResponse;
import dev.bitgojava.client.model.Transfer;
import dev.bitgojava.sdk.Outcome;
import dev.bitgojava.sdk.errors.BitGoConflictException;
import dev.bitgojava.sdk.errors.BitGoException;
import dev.bitgojava.sdk.errors.BitGoKeyMismatchException;
import dev.bitgojava.sdk.errors.BitGoSendOutcomeUnknownException;
import dev.bitgojava.sdk.errors.BitGoTransactionRejectedException;
import dev.bitgojava.sdk.errors.BitGoUnsupportedException;
import dev.bitgojava.sdk.errors.BitGoWrongPassphraseException;
import dev.bitgojava.sdk.internal.BitGoJson;
import dev.bitgojava.sdk.internal.InFlightSends;
import dev.bitgojava.sdk.internal.KeyChecks;
import dev.bitgojava.signing.SigningException;
import dev.bitgojava.signing.encryption.KeychainEncryptionException;
import dev.bitgojava.signing.encryption.KeychainEncryptor;
import dev.bitgojava.signing.encryption.WrongPassphraseException;
import dev.bitgojava.signing.eth.EthSendIntent;
import dev.bitgojava.signing.eth.EthSigner;
import dev.bitgojava.signing.eth.EthTransactionVerifier;
import dev.bitgojava.signing.eth.WalletSimpleBuild;
import dev.bitgojava.signing.eth.WalletSimpleHalfSigned;
import dev.bitgojava.signing.eth.WalletSimpleScheme;
import dev.bitgojava.signing.keys.Bip32Key;
import dev.bitgojava.signing.utxo.PsbtSigner;
import dev.bitgojava.signing.utxo.UtxoTransactionVerifier;
import dev.bitgojava.signing.utxo.psbt.Psbt;

import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** One send: build, verify, sign, send, and reconcile by sequence id when the answer is lost. */
final class SendFlow {

    /** BitGo's SDK lets a WalletSimple operation expire one week after signing unless the build says otherwise. */
    private static final Duration DEFAULT_ETH_EXPIRY = Duration.ofDays(7);
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final KeychainEncryptor ENCRYPTOR = KeychainEncryptor.defaults();
    private static final ObjectMapper MAPPER = BitGoJson.newMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    private final Wallet wallet;

    SendFlow(Wallet wallet) {
        this.wallet = wallet;
    }

    /** A fresh sequence id: 128 random bits as 32 lowercase hex characters. */
    static String newSequenceId() {
        byte[] b = new byte[16];
        RANDOM.nextBytes(b);
        return HexFormat.of().formatHex(b);
    }

    SendResult send(SendManyOptions options) {
        boolean callerSequenceId = options.sequenceId().isPresent();
        String sequenceId = options.sequenceId().orElseGet(SendFlow::newSequenceId);
        String key = wallet.client().config().environment().baseUrl() + "|" + wallet.coin() + "|" + wallet.id()
                + "|" + sequenceId;
        return InFlightSends.run(key, () -> {
            if (callerSequenceId) {
                Optional<Transfer> earlier = wallet.transferBySequenceId(sequenceId);
                if (earlier.isPresent()) {
                    return sent(sequenceId, earlier.get());
                }
            }
            SendTransactionRequest request = buildVerifyAndSign(options, sequenceId);
            return sendReconciling(request, sequenceId);
        });
    }

    // ------------------------------------------------------------------------------------------- build, verify, sign

    private SendTransactionRequest buildVerifyAndSign(SendManyOptions options, String sequenceId) {
        WalletKeychains keychains = wallet.verifiedKeychains();
        if (keychains.user().encryptedPrv() == null) {
            throw new BitGoKeyMismatchException("the user keychain of wallet " + wallet.id()
                    + " holds no encrypted private key; this wallet cannot sign here");
        }
        if (wallet.walletCoin().isEth() && options.recipients().size() != 1) {
            throw new BitGoUnsupportedException("an Ethereum multisig send pays exactly one recipient");
        }
        BuildTransactionRequest build = new BuildTransactionRequest().sequenceId(sequenceId);
        List<Recipient> recipients = new ArrayList<>();
        options.recipients().forEach((address, amount) ->
                recipients.add(new Recipient().address(address).amount(amount.toString())));
        build.recipients(recipients);
        options.comment().ifPresent(build::comment);
        options.feeRate().ifPresent(r -> build.feeRate(r.toString()));
        if (wallet.walletCoin().isUtxo()) {
            build.txFormat(BuildTransactionRequest.TxFormatEnum.PSBT);
        }
        BuildTransactionResult result = wallet.client().api(TransactionApi.class)
                .buildTransaction(wallet.coin(), wallet.id(), build);
        BuildTransactionResponse prebuild = prebuild(result);

        SendTransactionRequest send = wallet.walletCoin().isUtxo()
                ? new SendTransactionRequest().txHex(signUtxo(options, prebuild, keychains))
                : new SendTransactionRequest().halfSigned(signEth(options, prebuild, keychains, sequenceId));
        send.sequenceId(sequenceId);
        options.comment().ifPresent(send::comment);
        options.otp().ifPresent(otp -> send.putAdditionalProperty("otp", otp));
        return send;
    }

    /** The prebuild: the build result's open properties read as the declared prebuild shape. */
    static BuildTransactionResponse prebuild(BuildTransactionResult result) {
        if (result == null || result.getAdditionalProperties() == null) {
            throw new BitGoTransactionRejectedException("the server returned an empty build", null);
        }
        Map<String, Object> fields = new HashMap<>(result.getAdditionalProperties());
        if (result.getKeyDerivationPath() != null) {
            fields.put("keyDerivationPath", result.getKeyDerivationPath());
        }
        try {
            return MAPPER.convertValue(fields, BuildTransactionResponse.class);
        } catch (IllegalArgumentException e) {
            throw new BitGoTransactionRejectedException("the server's build is malformed: " + e.getMessage(), e);
        }
    }

    private String signUtxo(SendManyOptions options, BuildTransactionResponse prebuild, WalletKeychains keychains) {
        if (prebuild.getTxHex() == null) {
            throw new BitGoTransactionRejectedException("the build carries no txHex", null);
        }
        Psbt psbt;
        try {
            psbt = Psbt.fromHex(prebuild.getTxHex());
        } catch (SigningException e) {
            throw new BitGoTransactionRejectedException("the build is not a readable PSBT: " + e.getMessage(), e);
        }
        UtxoTransactionVerifier.Builder verifier = UtxoTransactionVerifier.builder();
        options.maxFee().ifPresent(verifier::maxFee);
        options.maxFeeRatePerVbyte().ifPresent(verifier::maxFeeRatePerVbyte);
        try {
            verifier.build().verify(psbt, wallet.walletKeys(), wallet.walletCoin().utxo(), options.recipients());
        } catch (SigningException e) {
            throw new BitGoTransactionRejectedException("refused to sign the build: " + e.getMessage(), e);
        }
        char[] xprv = decryptUserKey(options.passphrase(), keychains.user());
        try {
            String xprvText = new String(xprv);
            return PsbtSigner.sign(psbt, xprvText, wallet.walletCoin().utxo()).toHex();
        } catch (SigningException e) {
            throw new BitGoTransactionRejectedException("could not sign the build: " + e.getMessage(), e);
        } finally {
            Arrays.fill(xprv, '\0');
        }
    }

    private HalfSigned signEth(SendManyOptions options, BuildTransactionResponse prebuild, WalletKeychains keychains,
                               String sequenceId) {
        Map.Entry<String, BigInteger> wanted = options.recipients().entrySet().iterator().next();
        List<Recipient> built = prebuild.getRecipients();
        if (built == null || built.size() != 1) {
            throw new BitGoTransactionRejectedException("the build pays " + (built == null ? 0 : built.size())
                    + " recipients, the intent one", null);
        }
        Recipient r = built.get(0);
        BigInteger builtAmount;
        try {
            builtAmount = new BigInteger(r.getAmount());
        } catch (RuntimeException e) {
            throw new BitGoTransactionRejectedException("the build's amount is not an integer: " + r.getAmount(), e);
        }
        if (prebuild.getNextContractSequenceId() == null) {
            throw new BitGoTransactionRejectedException("the build names no contract sequence id", null);
        }
        long contractSequenceId = prebuild.getNextContractSequenceId();
        long expected = options.expectedContractSequenceId().orElse(contractSequenceId);
        java.time.Clock clock = wallet.client().config().clock();
        long expireTime = prebuild.getExpireTime() != null ? prebuild.getExpireTime()
                : clock.instant().plus(DEFAULT_ETH_EXPIRY).getEpochSecond();
        String data = r.getData() == null || r.getData().isEmpty() ? null : r.getData();
        WalletSimpleBuild build = new WalletSimpleBuild(r.getAddress(), builtAmount, data, null, expireTime,
                contractSequenceId);
        EthSendIntent intent;
        try {
            intent = EthSendIntent.ether(wanted.getKey(), wanted.getValue());
        } catch (SigningException e) {
            throw new BitGoTransactionRejectedException("the intended recipient is not usable: " + e.getMessage(), e);
        }
        EthSigner signer = new EthSigner(EthTransactionVerifier.builder().clock(clock).build(),
                WalletSimpleScheme.STANDARD);
        WalletSimpleHalfSigned half;
        char[] xprv = decryptUserKey(options.passphrase(), keychains.user());
        byte[] prv = null;
        try {
            prv = Bip32Key.parse(new String(xprv)).privateKey();
            half = signer.sign(intent, build, expected, prv);
        } catch (SigningException e) {
            throw new BitGoTransactionRejectedException("refused to sign the build: " + e.getMessage(), e);
        } finally {
            Arrays.fill(xprv, '\0');
            if (prv != null) {
                Arrays.fill(prv, (byte) 0);
            }
        }
        Recipient signedRecipient = new Recipient().address(half.recipient()).amount(half.amount().toString());
        if (half.data() != null && !"0x".equals(half.data())) {
            signedRecipient.data(half.data());
        }
        return new HalfSigned()
                .recipients(List.of(signedRecipient))
                .expireTime(half.expireTime())
                .contractSequenceId(Math.toIntExact(half.contractSequenceId()))
                .operationHash(half.operationHash())
                .signature(half.signature())
                .sequenceId(sequenceId);
    }

    /**
     * Decrypts the user key's envelope and checks that it is the private half of the user xpub. The returned array
     * is the caller's to wipe.
     */
    private char[] decryptUserKey(char[] passphrase, WalletKeychain user) {
        byte[] plain;
        try {
            plain = ENCRYPTOR.decryptToBytes(passphrase, user.encryptedPrv());
        } catch (WrongPassphraseException e) {
            throw new BitGoWrongPassphraseException("the wallet passphrase does not decrypt the user key", e);
        } catch (KeychainEncryptionException e) {
            throw new BitGoKeyMismatchException("the user key's encrypted private key is unusable: "
                    + e.getMessage(), e);
        }
        char[] xprv;
        try {
            CharBuffer chars = StandardCharsets.UTF_8.decode(ByteBuffer.wrap(plain));
            xprv = new char[chars.remaining()];
            chars.get(xprv);
            Arrays.fill(chars.array(), '\0');
        } finally {
            Arrays.fill(plain, (byte) 0);
        }
        try {
            Bip32Key key = Bip32Key.parse(new String(xprv));
            if (!key.hasPrivateKey() || !KeyChecks.samePublicKey(key, KeyChecks.requireXpub(user.pub(), "user key"))) {
                throw new BitGoKeyMismatchException("the user key's private key does not match its public key "
                        + user.pub());
            }
        } catch (SigningException e) {
            Arrays.fill(xprv, '\0');
            throw new BitGoKeyMismatchException("the user key decrypts to no extended private key", e);
        } catch (BitGoKeyMismatchException e) {
            Arrays.fill(xprv, '\0');
            throw e;
        }
        return xprv;
    }

    // ------------------------------------------------------------------------------------------- send, reconcile

    private SendResult sendReconciling(SendTransactionRequest request, String sequenceId) {
        BitGoException cause;
        try {
            return sendOnce(request, sequenceId);
        } catch (BitGoConflictException e) {
            cause = e;
        } catch (BitGoException e) {
            if (!e.mayHaveBeenProcessed()) {
                throw e;
            }
            cause = e;
        }
        // The send may have been carried out: find it by sequence id before sending anything again.
        for (int round = 0; ; round++) {
            Optional<Transfer> found;
            try {
                found = wallet.transferBySequenceId(sequenceId);
            } catch (BitGoException lookupFailed) {
                lookupFailed.addSuppressed(cause);
                throw new BitGoSendOutcomeUnknownException("the send with sequenceId " + sequenceId
                        + " may have been processed and looking it up failed", sequenceId, lookupFailed);
            }
            if (found.isPresent()) {
                return sent(sequenceId, found.get());
            }
            if (cause instanceof BitGoConflictException || round == 1) {
                throw new BitGoSendOutcomeUnknownException("the send with sequenceId " + sequenceId
                        + " failed ambiguously and no transfer with that sequenceId is found", sequenceId, cause);
            }
            try {
                return sendOnce(request, sequenceId);
            } catch (BitGoConflictException e) {
                cause = e;
            } catch (BitGoException e) {
                if (!e.mayHaveBeenProcessed()) {
                    throw e;
                }
                cause = e;
            }
        }
    }

    private SendResult sendOnce(SendTransactionRequest request, String sequenceId) {
        Outcome<SendTransactionResponse> outcome = wallet.client().withPendingApproval(() ->
                wallet.client().api(TransactionApi.class).sendTransaction(wallet.coin(), wallet.id(), request));
        if (outcome.isPendingApproval()) {
            return new SendResult.AwaitingApproval(sequenceId, outcome.pendingApproval());
        }
        SendTransactionResponse r = outcome.value();
        if (r == null) {
            return new SendResult.Sent(sequenceId, null, null, null, false);
        }
        String txid = r.getTxid() != null ? r.getTxid() : r.getTransfer() == null ? null : r.getTransfer().getTxid();
        return new SendResult.Sent(sequenceId, txid, r.getTransfer(), r.getStatus(), false);
    }

    private static SendResult sent(String sequenceId, Transfer transfer) {
        return new SendResult.Sent(sequenceId, transfer.getTxid(), transfer,
                transfer.getState() == null ? null : transfer.getState().getValue(), true);
    }
}
