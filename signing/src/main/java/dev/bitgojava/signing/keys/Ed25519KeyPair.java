package dev.bitgojava.signing.keys;

import org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters;
import org.bouncycastle.crypto.params.Ed25519PublicKeyParameters;
import org.bouncycastle.crypto.signers.Ed25519Signer;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.HexFormat;

/**
 * An ed25519 key pair (RFC 8032) for BitGo's ed25519 account coins such as xlm: the 32-byte seed is the private key.
 * Signs with pure Ed25519 (no pre-hash), which is deterministic. Immutable and thread-safe.
 */
public final class Ed25519KeyPair {

    /** Seed size; also what BitGo draws for a new ed25519 keychain. */
    public static final int SEED_BYTES = 32;

    private final byte[] seed;
    private final byte[] publicKey;
    private final Ed25519PrivateKeyParameters privateParameters;

    private Ed25519KeyPair(byte[] seed) {
        this.seed = seed;
        this.privateParameters = new Ed25519PrivateKeyParameters(seed, 0);
        this.publicKey = privateParameters.generatePublicKey().getEncoded();
    }

    /**
     * The key pair whose private key is the 32-byte seed ({@code keychains().create({seed})} for xlm).
     *
     * @throws InvalidSeedException when the seed is not 32 bytes
     */
    public static Ed25519KeyPair fromSeed(byte[] seed) {
        if (seed == null || seed.length != SEED_BYTES) {
            throw new InvalidSeedException("an ed25519 seed has 32 bytes, got " + (seed == null ? "none" : seed.length));
        }
        return new Ed25519KeyPair(seed.clone());
    }

    /** A new key pair from 32 fresh random bytes. */
    public static Ed25519KeyPair generate(SecureRandom random) {
        byte[] seed = new byte[SEED_BYTES];
        (random == null ? new SecureRandom() : random).nextBytes(seed);
        return new Ed25519KeyPair(seed);
    }

    /** The key pair of a Stellar secret seed ({@code S…}). */
    public static Ed25519KeyPair fromStellarSecret(String secret) {
        return new Ed25519KeyPair(StellarStrKey.decodeSecretSeed(secret));
    }

    /** The 32-byte public key (a copy). */
    public byte[] publicKey() {
        return publicKey.clone();
    }

    /** The 32-byte seed, i.e. the private key (a copy the caller should wipe). */
    public byte[] seed() {
        return seed.clone();
    }

    /** The 64-byte secret-key form {@code seed || public key} (NaCl's layout; a copy the caller should wipe). */
    public byte[] secretKey() {
        byte[] out = Arrays.copyOf(seed, 64);
        System.arraycopy(publicKey, 0, out, 32, 32);
        return out;
    }

    /** The public key as a Stellar account StrKey ({@code G…}), which is also the xlm address. */
    public String stellarPublicKey() {
        return StellarStrKey.encodePublicKey(publicKey);
    }

    /** The seed as a Stellar secret StrKey ({@code S…}). */
    public String stellarSecretSeed() {
        return StellarStrKey.encodeSecretSeed(seed);
    }

    /** BitGo's {@code generateRootKeyPair} form of the public key: lowercase hex of the raw key. */
    public String publicKeyHex() {
        return HexFormat.of().formatHex(publicKey);
    }

    /** The 64-byte Ed25519 signature of the message bytes. */
    public byte[] sign(byte[] message) {
        Ed25519Signer signer = new Ed25519Signer();
        signer.init(true, privateParameters);
        signer.update(message, 0, message.length);
        return signer.generateSignature();
    }

    /** The signature of the UTF-8 bytes of a text message, as BitGo's {@code coin.signMessage} signs. */
    public byte[] signMessage(String message) {
        return sign(message.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Whether {@code signature} is a valid Ed25519 signature of {@code message} by {@code publicKey}. Malformed
     * inputs (wrong sizes, a public key that is no curve point) are simply invalid.
     */
    public static boolean verify(byte[] publicKey, byte[] message, byte[] signature) {
        if (publicKey == null || publicKey.length != 32 || signature == null || signature.length != 64
                || message == null) {
            return false;
        }
        try {
            Ed25519Signer verifier = new Ed25519Signer();
            verifier.init(false, new Ed25519PublicKeyParameters(publicKey, 0));
            verifier.update(message, 0, message.length);
            return verifier.verifySignature(signature);
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** Keys are equal when their seeds are. */
    @Override
    public boolean equals(Object o) {
        return o instanceof Ed25519KeyPair k && MessageDigest.isEqual(seed, k.seed);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(publicKey);
    }

    /** The public key only. */
    @Override
    public String toString() {
        return "Ed25519KeyPair(" + stellarPublicKey() + ")";
    }
}
