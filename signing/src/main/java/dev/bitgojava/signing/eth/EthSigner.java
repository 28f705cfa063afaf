package dev.bitgojava.signing.eth;

import dev.bitgojava.signing.eth.internal.EthBytes;

/**
 * Signs the user's half of a WalletSimple send, but only after {@link EthTransactionVerifier} has accepted what the
 * server built. The key is the 32-byte private key of the wallet's user root keychain (WalletSimple uses no
 * derivation); the signer neither keeps nor copies it, so the caller clears it afterwards. Thread-safe.
 */
public final class EthSigner {

    private final EthTransactionVerifier verifier;
    private final WalletSimpleScheme scheme;

    /** A signer that verifies with {@code verifier} and hashes operations per {@code scheme}. */
    public EthSigner(EthTransactionVerifier verifier, WalletSimpleScheme scheme) {
        if (verifier == null || scheme == null) {
            throw new InvalidEthInputException("verifier and scheme are required");
        }
        this.verifier = verifier;
        this.scheme = scheme;
    }

    /** A signer with the default verifier and the {@link WalletSimpleScheme#STANDARD} scheme. */
    public static EthSigner standard() {
        return new EthSigner(EthTransactionVerifier.create(), WalletSimpleScheme.STANDARD);
    }

    /**
     * Verifies the build against the intent, then signs its operation hash.
     *
     * @throws EthVerificationException when the build does not match the intent; nothing is signed
     * @throws InvalidEthInputException when an input or the key is malformed
     */
    public WalletSimpleHalfSigned sign(EthSendIntent intent, WalletSimpleBuild build, long expectedSequenceId,
                                       byte[] userPrivateKey) {
        WalletSimpleOperation operation = verifier.verify(intent, build, expectedSequenceId, scheme);
        EthSignature signature = operation.sign(userPrivateKey);
        return new WalletSimpleHalfSigned(operation.operationHashHex(), signature.toHex(), operation.expireTime(),
                operation.sequenceId(), operation.recipient(), operation.amount(),
                operation.tokenContract().orElse(null),
                operation.isTokenSend() ? null : EthBytes.prefixedHex(operation.data()),
                EthBytes.prefixedHex(operation.calldata(signature)));
    }
}
