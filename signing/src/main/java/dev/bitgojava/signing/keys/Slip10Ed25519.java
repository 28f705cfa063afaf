package dev.bitgojava.signing.keys;

import dev.bitgojava.signing.internal.Hashes;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * SLIP-0010 key derivation for ed25519 (hardened steps only), as BitGo's {@code Ed25519KeyDeriver}: master =
 * HMAC-SHA512(key {@code ed25519 seed}, seed); child = HMAC-SHA512(chain code, 0x00 || key || index + 2^31).
 */
public final class Slip10Ed25519 {

    private static final byte[] ED25519_SEED = "ed25519 seed".getBytes(StandardCharsets.US_ASCII);

    private Slip10Ed25519() {
    }

    /**
     * A derived node: the 32-byte private key (an ed25519 seed) and its chain code.
     *
     * @param key       the 32-byte private key
     * @param chainCode the 32-byte chain code
     */
    public record Node(byte[] key, byte[] chainCode) {

        /** Copies the arrays. */
        public Node {
            key = key.clone();
            chainCode = chainCode.clone();
        }

        @Override
        public byte[] key() {
            return key.clone();
        }

        @Override
        public byte[] chainCode() {
            return chainCode.clone();
        }

        /** The ed25519 key pair of this node's key. */
        public Ed25519KeyPair keyPair() {
            return Ed25519KeyPair.fromSeed(key);
        }

        /** The node's ed25519 public key. */
        public byte[] publicKey() {
            return keyPair().publicKey();
        }

        /** The chain code and public key only. */
        @Override
        public String toString() {
            return "Slip10Ed25519.Node(public " + keyPair().publicKeyHex() + ")";
        }
    }

    /**
     * The node at {@code path} (every step hardened, e.g. {@code m/44'/148'/0'}) below the master node of the seed.
     *
     * @throws InvalidDerivationPathException when the path is malformed or has a non-hardened step
     * @throws InvalidSeedException           when the seed is not 16 to 64 bytes
     */
    public static Node derive(byte[] seed, String path) {
        if (seed == null || seed.length < 16 || seed.length > 64) {
            throw new InvalidSeedException("a SLIP-0010 seed must have 16 to 64 bytes, got "
                    + (seed == null ? "none" : seed.length));
        }
        Bip32Path parsed = Bip32Path.parse(path);
        byte[] i = Hashes.hmacSha512(ED25519_SEED, seed);
        byte[] key = Arrays.copyOfRange(i, 0, 32);
        byte[] chain = Arrays.copyOfRange(i, 32, 64);
        for (int step : parsed.indexes()) {
            if ((step & Bip32Path.HARDENED) == 0) {
                throw new InvalidDerivationPathException("SLIP-0010 ed25519 derives hardened steps only; '" + path
                        + "' has the non-hardened step " + step);
            }
            byte[] data = new byte[37];
            System.arraycopy(key, 0, data, 1, 32);
            data[33] = (byte) (step >>> 24);
            data[34] = (byte) (step >>> 16);
            data[35] = (byte) (step >>> 8);
            data[36] = (byte) step;
            Arrays.fill(i, (byte) 0);
            i = Hashes.hmacSha512(chain, data);
            Arrays.fill(data, (byte) 0);
            Arrays.fill(key, (byte) 0);
            key = Arrays.copyOfRange(i, 0, 32);
            chain = Arrays.copyOfRange(i, 32, 64);
        }
        Arrays.fill(i, (byte) 0);
        try {
            return new Node(key, chain);
        } finally {
            Arrays.fill(key, (byte) 0);
        }
    }
}
