package dev.bitgojava.signing.eth.internal;

import dev.bitgojava.signing.SigningException;
import dev.bitgojava.signing.bitcoin.Ecdsa;
import dev.bitgojava.signing.bitcoin.Secp256k1;
import dev.bitgojava.signing.bitcoin.internal.EcBackends;
import dev.bitgojava.signing.eth.InvalidEthInputException;

import java.math.BigInteger;
import java.util.Arrays;

/**
 * The Ethereum code's view of secp256k1 keys: signing through {@link Ecdsa#signRecoverable} (the project's one
 * ECDSA implementation) with Ethereum's input errors, and the address of a private key.
 */
public final class EthKeys {

    private EthKeys() {
    }

    /**
     * Signs a 32-byte hash as it is (no message prefix): RFC 6979, low-S, with the recovery id.
     *
     * @throws InvalidEthInputException when the hash is not 32 bytes or the key is not in 1 .. n-1
     */
    public static Ecdsa.RecoverableSignature sign(byte[] hash, byte[] privateKey) {
        if (hash == null || hash.length != 32) {
            throw new InvalidEthInputException("the hash to sign must be 32 bytes");
        }
        scalar(privateKey);
        return Ecdsa.signRecoverable(hash, privateKey);
    }

    /** The 20-byte Ethereum address of a private key: the last 20 bytes of keccak256(X ‖ Y). */
    public static byte[] address(byte[] privateKey) {
        scalar(privateKey);
        byte[] encoded = EcBackends.get().uncompressedPublicKey(privateKey);
        byte[] hash = Keccak.hash(Arrays.copyOfRange(encoded, 1, 65));
        return Arrays.copyOfRange(hash, 12, 32);
    }

    private static BigInteger scalar(byte[] privateKey) {
        if (privateKey == null || privateKey.length != 32) {
            throw new InvalidEthInputException("a secp256k1 private key must be 32 bytes");
        }
        try {
            return Secp256k1.secretScalar(privateKey);
        } catch (SigningException e) {
            throw new InvalidEthInputException("the private key is outside the secp256k1 range");
        }
    }
}
