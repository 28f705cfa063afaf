package dev.bitgojava.signing.bitcoin.internal;

import dev.bitgojava.signing.bitcoin.Ecdsa;

/**
 * The secp256k1 operations on hot paths (key creation, BIP32 tweaks, ECDSA, BIP 340), behind one interface so that
 * a native libsecp256k1 and the pure-Java Bouncy Castle code give the same bytes and callers need not care which
 * runs. {@link EcBackends#get()} picks one per process.
 *
 * <p>Callers validate inputs first (lengths, secret keys in [1, n-1], tweaks below n) so that errors stay the typed
 * ones of the public classes; implementations may assume valid arguments unless a method says otherwise. No method
 * modifies its arguments.
 */
public interface EcBackend {

    /** A short name for logs and benchmarks ({@code native} or {@code java}). */
    String name();

    /** The 33-byte compressed public key of a valid 32-byte secret key. */
    byte[] publicKey(byte[] secretKey32);

    /** The 65-byte uncompressed public key ({@code 04 || X || Y}) of a valid 32-byte secret key. */
    byte[] uncompressedPublicKey(byte[] secretKey32);

    /**
     * Parses a 33- or 65-byte public key and returns it uncompressed (65 bytes), or null when the bytes are no point
     * of the curve.
     */
    byte[] parsePublicKey(byte[] encoded);

    /** {@code (secretKey + tweak) mod n} as 32 bytes, or null when that is zero. The tweak must be below n. */
    byte[] privateKeyTweakAdd(byte[] secretKey32, byte[] tweak32);

    /**
     * {@code P + tweak·G} compressed (33 bytes) for a valid 33-byte compressed P, or null when the sum is the point at
     * infinity. The tweak must be below n; it is treated as public (BIP32 public derivation, taproot tweaks).
     */
    byte[] publicKeyTweakAdd(byte[] publicKey33, byte[] tweak32);

    /** ECDSA with an RFC 6979 nonce (no extra entropy, the hash unreduced as libsecp256k1 does), low-S. */
    Ecdsa.Signature ecdsaSign(byte[] hash32, byte[] secretKey32);

    /** {@link #ecdsaSign} with the recovery id (bit 0: R's y parity after low-S; bit 1: R's x was at least n). */
    Ecdsa.RecoverableSignature ecdsaSignRecoverable(byte[] hash32, byte[] secretKey32);

    /**
     * Verifies r and s (each in [1, n-1]; high s accepted) over a 32-byte hash with a 33- or 65-byte public key.
     * Answers false for an invalid public key.
     */
    boolean ecdsaVerify(byte[] hash32, Ecdsa.Signature signature, byte[] publicKey);

    /** A BIP 340 signature over a 32-byte message with the aux randomness exactly as given. */
    byte[] schnorrSign32(byte[] msg32, byte[] secretKey32, byte[] auxRand32);

    /** Verifies a 64-byte BIP 340 signature over a 32-byte message; false for any invalid input. */
    boolean schnorrVerify32(byte[] msg32, byte[] xOnlyPublicKey32, byte[] sig64);
}
