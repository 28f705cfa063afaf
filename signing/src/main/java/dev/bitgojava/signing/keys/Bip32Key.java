package dev.bitgojava.signing.keys;

import dev.bitgojava.signing.bitcoin.Secp256k1;
import dev.bitgojava.signing.bitcoin.internal.EcBackends;
import dev.bitgojava.signing.internal.Base58;
import dev.bitgojava.signing.internal.Hashes;
import dev.bitgojava.signing.keys.InvalidExtendedKeyException.Reason;
import org.bouncycastle.math.ec.ECPoint;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A BIP32 secp256k1 extended key (an xprv, or an xpub after {@link #neuter()}), as BitGo uses for multisig
 * keychains. Immutable and thread-safe.
 *
 * <p>BitGo always writes mainnet version bytes ({@code xprv}/{@code xpub}), also for testnet coins; keys parsed from
 * {@code tprv}/{@code tpub} keep their network so they serialise back unchanged.
 *
 * <p>Performance: public keys and private derivation run on the process's secp256k1 backend (native libsecp256k1
 * where it loads); public derivation adds a variable-time multiple of G to the kept parent point, with no
 * decompression; public keys are computed lazily and kept; and {@link #derive(String)} keeps the
 * parents of the last derived leaves (such as a wallet's {@code 0/0/<chain>} node) so deriving many indexes below
 * one parent costs one step each.
 */
public final class Bip32Key {

    /** Version bytes of the supported serialisations. */
    public enum Network {
        /** {@code xprv} 0x0488ade4 / {@code xpub} 0x0488b21e: what BitGo writes for every coin. */
        MAINNET(0x0488ade4, 0x0488b21e),
        /** {@code tprv} 0x04358394 / {@code tpub} 0x043587cf. */
        TESTNET(0x04358394, 0x043587cf);

        private final int privateVersion;
        private final int publicVersion;

        Network(int privateVersion, int publicVersion) {
            this.privateVersion = privateVersion;
            this.publicVersion = publicVersion;
        }
    }

    /** Seed size BitGo draws for {@code keychains().create()} of UTXO and ETH coins. */
    public static final int BITGO_SEED_BYTES = 64;
    /** Smallest seed BIP32 allows. */
    public static final int MIN_SEED_BYTES = 16;
    /** Largest seed BIP32 allows. */
    public static final int MAX_SEED_BYTES = 64;

    private static final byte[] BITCOIN_SEED = "Bitcoin seed".getBytes(StandardCharsets.US_ASCII);
    private static final int PAYLOAD_BYTES = 78;
    private static final int MAX_TEXT = 120;
    private static final int CACHE_LIMIT = 64;

    private final Network network;
    private final int depth;
    private final int parentFingerprint;
    private final int childIndex;
    private final byte[] chainCode;
    /** 32 bytes, or null for a public key. */
    private final byte[] privateKey;

    /** 33 bytes compressed; computed on first use for a private key. */
    private volatile byte[] publicKey;
    /** The public key as a point, kept for public derivation (which adds points without decompressing). */
    private volatile ECPoint point;
    private volatile byte[] identifier;
    private volatile Map<Bip32Path, Bip32Key> parentCache;

    private Bip32Key(Network network, int depth, int parentFingerprint, int childIndex, byte[] chainCode,
                     byte[] privateKey, byte[] publicKey) {
        this.network = network;
        this.depth = depth;
        this.parentFingerprint = parentFingerprint;
        this.childIndex = childIndex;
        this.chainCode = chainCode;
        this.privateKey = privateKey;
        this.publicKey = publicKey;
    }

    // ------------------------------------------------------------------------------------------------ creation

    /**
     * The BIP32 master key of a seed of 16 to 64 bytes: HMAC-SHA512 keyed with {@code Bitcoin seed}.
     *
     * @throws InvalidSeedException when the seed size is outside 16..64 bytes, or (with negligible probability)
     *                              the seed gives no valid key
     */
    public static Bip32Key fromSeed(byte[] seed) {
        if (seed == null || seed.length < MIN_SEED_BYTES || seed.length > MAX_SEED_BYTES) {
            throw new InvalidSeedException("a BIP32 seed must have 16 to 64 bytes, got "
                    + (seed == null ? "none" : seed.length));
        }
        byte[] i = Hashes.hmacSha512(BITCOIN_SEED, seed);
        try {
            byte[] il = Arrays.copyOfRange(i, 0, 32);
            BigInteger k = new BigInteger(1, il);
            if (k.signum() == 0 || k.compareTo(Secp256k1.N) >= 0) {
                Arrays.fill(il, (byte) 0);
                throw new InvalidSeedException("the seed gives a master key outside 1..n-1; use another seed");
            }
            return new Bip32Key(Network.MAINNET, 0, 0, 0, Arrays.copyOfRange(i, 32, 64), il, null);
        } finally {
            Arrays.fill(i, (byte) 0);
        }
    }

    /** A new master key from a fresh 64-byte seed, as BitGo's {@code keychains().create()} makes one. */
    public static Bip32Key generate(SecureRandom random) {
        byte[] seed = new byte[BITGO_SEED_BYTES];
        (random == null ? new SecureRandom() : random).nextBytes(seed);
        try {
            return fromSeed(seed);
        } finally {
            Arrays.fill(seed, (byte) 0);
        }
    }

    /**
     * Parses an {@code xprv}, {@code xpub}, {@code tprv} or {@code tpub}, with every check BIP32 asks for.
     *
     * @throws InvalidExtendedKeyException naming the reason the key is refused
     */
    public static Bip32Key parse(String text) {
        if (text == null || text.isEmpty() || text.length() > MAX_TEXT) {
            throw new InvalidExtendedKeyException(Reason.EMPTY_OR_TOO_LONG);
        }
        byte[] raw = Base58.decode(text);
        if (raw == null) {
            throw new InvalidExtendedKeyException(Reason.NOT_BASE58);
        }
        try {
            if (raw.length != PAYLOAD_BYTES + 4) {
                throw new InvalidExtendedKeyException(Reason.WRONG_LENGTH);
            }
            byte[] check = Base58.checksum(raw, PAYLOAD_BYTES);
            if (!MessageDigest.isEqual(check, Arrays.copyOfRange(raw, PAYLOAD_BYTES, PAYLOAD_BYTES + 4))) {
                throw new InvalidExtendedKeyException(Reason.BAD_CHECKSUM);
            }
            int version = readInt(raw, 0);
            Network network = null;
            boolean isPrivate = false;
            for (Network n : Network.values()) {
                if (version == n.privateVersion) {
                    network = n;
                    isPrivate = true;
                } else if (version == n.publicVersion) {
                    network = n;
                }
            }
            if (network == null) {
                throw new InvalidExtendedKeyException(Reason.UNKNOWN_VERSION);
            }
            int depth = raw[4] & 0xFF;
            int parentFingerprint = readInt(raw, 5);
            int childIndex = readInt(raw, 9);
            if (depth == 0 && parentFingerprint != 0) {
                throw new InvalidExtendedKeyException(Reason.ZERO_DEPTH_WITH_PARENT_FINGERPRINT);
            }
            if (depth == 0 && childIndex != 0) {
                throw new InvalidExtendedKeyException(Reason.ZERO_DEPTH_WITH_CHILD_INDEX);
            }
            byte[] chainCode = Arrays.copyOfRange(raw, 13, 45);
            int prefix = raw[45] & 0xFF;
            if (isPrivate) {
                if (prefix == 0x02 || prefix == 0x03) {
                    throw new InvalidExtendedKeyException(Reason.PRIVATE_VERSION_WITH_PUBLIC_KEY);
                }
                if (prefix != 0x00) {
                    throw new InvalidExtendedKeyException(Reason.INVALID_PRIVATE_KEY_PREFIX);
                }
                byte[] key = Arrays.copyOfRange(raw, 46, 78);
                BigInteger k = new BigInteger(1, key);
                if (k.signum() == 0 || k.compareTo(Secp256k1.N) >= 0) {
                    throw new InvalidExtendedKeyException(Reason.PRIVATE_KEY_OUT_OF_RANGE);
                }
                return new Bip32Key(network, depth, parentFingerprint, childIndex, chainCode, key, null);
            }
            if (prefix == 0x00) {
                throw new InvalidExtendedKeyException(Reason.PUBLIC_VERSION_WITH_PRIVATE_KEY);
            }
            if (prefix != 0x02 && prefix != 0x03) {
                throw new InvalidExtendedKeyException(Reason.INVALID_PUBLIC_KEY_PREFIX);
            }
            byte[] pub = Arrays.copyOfRange(raw, 45, 78);
            byte[] uncompressed = EcBackends.get().parsePublicKey(pub);
            if (uncompressed == null) {
                throw new InvalidExtendedKeyException(Reason.PUBLIC_KEY_NOT_ON_CURVE);
            }
            Bip32Key key = new Bip32Key(network, depth, parentFingerprint, childIndex, chainCode, null, pub);
            key.point = Secp256k1.CURVE.createPoint(new BigInteger(1, Arrays.copyOfRange(uncompressed, 1, 33)),
                    new BigInteger(1, Arrays.copyOfRange(uncompressed, 33, 65)));
            return key;
        } finally {
            Arrays.fill(raw, (byte) 0);
        }
    }

    private static int readInt(byte[] b, int off) {
        return (b[off] & 0xFF) << 24 | (b[off + 1] & 0xFF) << 16 | (b[off + 2] & 0xFF) << 8 | (b[off + 3] & 0xFF);
    }

    private static void writeInt(byte[] b, int off, int v) {
        b[off] = (byte) (v >>> 24);
        b[off + 1] = (byte) (v >>> 16);
        b[off + 2] = (byte) (v >>> 8);
        b[off + 3] = (byte) v;
    }

    // ------------------------------------------------------------------------------------------------ serialisation

    /** The key in its own network's encoding: {@code xprv}/{@code tprv} when private, else {@code xpub}/{@code tpub}. */
    public String toBase58() {
        return hasPrivateKey() ? toXprv() : toXpub();
    }

    /** The public serialisation ({@code xpub} or {@code tpub}). */
    public String toXpub() {
        return serialise(network.publicVersion, publicKey());
    }

    /**
     * The private serialisation ({@code xprv} or {@code tprv}).
     *
     * @throws PrivateKeyRequiredException when the key is public only
     */
    public String toXprv() {
        byte[] keyField = new byte[33];
        System.arraycopy(requirePrivate("export an xprv"), 0, keyField, 1, 32);
        try {
            return serialise(network.privateVersion, keyField);
        } finally {
            Arrays.fill(keyField, (byte) 0);
        }
    }

    private String serialise(int version, byte[] keyField) {
        byte[] payload = new byte[PAYLOAD_BYTES];
        writeInt(payload, 0, version);
        payload[4] = (byte) depth;
        writeInt(payload, 5, parentFingerprint);
        writeInt(payload, 9, childIndex);
        System.arraycopy(chainCode, 0, payload, 13, 32);
        System.arraycopy(keyField, 0, payload, 45, 33);
        try {
            return Base58.encodeChecked(payload);
        } finally {
            Arrays.fill(payload, (byte) 0);
        }
    }

    /** The same key in the other network's version bytes. */
    public Bip32Key inNetwork(Network target) {
        if (target == network) {
            return this;
        }
        return new Bip32Key(target, depth, parentFingerprint, childIndex, chainCode, privateKey, publicKey);
    }

    /** The public form of this key: same public key and chain code, no private material. */
    public Bip32Key neuter() {
        if (privateKey == null) {
            return this;
        }
        return new Bip32Key(network, depth, parentFingerprint, childIndex, chainCode, null, compressedPublicKey());
    }

    // ------------------------------------------------------------------------------------------------ accessors

    /** Whether the key holds its private key. */
    public boolean hasPrivateKey() {
        return privateKey != null;
    }

    /** The network whose version bytes the key serialises with. */
    public Network network() {
        return network;
    }

    /** The number of derivation steps from the master key (0 for a master key). */
    public int depth() {
        return depth;
    }

    /** The first four bytes of the parent's identifier, big-endian (0 for a master key). */
    public int parentFingerprint() {
        return parentFingerprint;
    }

    /** The raw child index this key was derived with (hardened ones carry bit 31). */
    public int childIndex() {
        return childIndex;
    }

    /** The 32-byte chain code (a copy). */
    public byte[] chainCode() {
        return chainCode.clone();
    }

    /**
     * The 32-byte private key (a copy the caller should wipe).
     *
     * @throws PrivateKeyRequiredException when the key is public only
     */
    public byte[] privateKey() {
        return requirePrivate("read the private key").clone();
    }

    /** The 33-byte compressed public key (a copy). */
    public byte[] publicKey() {
        return compressedPublicKey().clone();
    }

    /** The 65-byte uncompressed public key {@code 04 || X || Y}. */
    public byte[] uncompressedPublicKey() {
        return privateKey != null ? EcBackends.get().uncompressedPublicKey(privateKey)
                : EcBackends.get().parsePublicKey(publicKey);
    }

    /** HASH160 of the compressed public key: the key's identifier. */
    public byte[] identifier() {
        return hash160().clone();
    }

    /** The first four bytes of {@link #identifier()}, big-endian. */
    public int fingerprint() {
        return readInt(hash160(), 0);
    }

    private byte[] requirePrivate(String action) {
        if (privateKey == null) {
            throw new PrivateKeyRequiredException("cannot " + action + ": this is a public key (xpub)");
        }
        return privateKey;
    }

    private ECPoint point() {
        ECPoint p = point;
        if (p == null) {
            p = Secp256k1.decodePoint(compressedPublicKey()).normalize();
            point = p;
        }
        return p;
    }

    private byte[] compressedPublicKey() {
        byte[] pub = publicKey;
        if (pub == null) {
            pub = EcBackends.get().publicKey(privateKey);
            publicKey = pub;
        }
        return pub;
    }

    private byte[] hash160() {
        byte[] id = identifier;
        if (id == null) {
            id = Hashes.hash160(compressedPublicKey());
            identifier = id;
        }
        return id;
    }

    // ------------------------------------------------------------------------------------------------ derivation

    /**
     * The key at {@code path} below this one ({@code 0/0/20/5}, {@code m/44'/0'}). A path starting with {@code m}
     * is only accepted on a master key, as in BitGoJS.
     *
     * @throws InvalidDerivationPathException when the path is malformed or absolute on a child key
     * @throws PrivateKeyRequiredException    when a hardened step is asked of a public key
     */
    public Bip32Key derive(String path) {
        return derive(Bip32Path.parse(path));
    }

    /** The key at {@code path} below this one; see {@link #derive(String)}. */
    public Bip32Key derive(Bip32Path path) {
        if (path.isAbsolute() && parentFingerprint != 0) {
            throw new InvalidDerivationPathException("path '" + path + "' starts at m but this is not a master key "
                    + "(depth " + depth + "); give the path relative to this key");
        }
        int[] steps = path.rawIndexes();
        if (steps.length == 0) {
            return this;
        }
        if (depth + steps.length > 255) {
            throw new InvalidDerivationPathException("derivation deeper than 255 levels");
        }
        if (steps.length == 1) {
            return deriveChild(steps[0]);
        }
        Bip32Path parentPath = Bip32Path.of(Arrays.copyOf(steps, steps.length - 1));
        Map<Bip32Path, Bip32Key> cache = parentCache;
        if (cache == null) {
            cache = new ConcurrentHashMap<>();
            parentCache = cache;
        }
        Bip32Key parent = cache.get(parentPath);
        if (parent == null) {
            parent = this;
            for (int i = 0; i < steps.length - 1; i++) {
                parent = parent.deriveChild(steps[i]);
            }
            if (cache.size() >= CACHE_LIMIT) {
                cache.clear();
            }
            cache.put(parentPath, parent);
        }
        return parent.deriveChild(steps[steps.length - 1]);
    }

    /**
     * BitGo's {@code deriveKeyWithSeed}: the key at {@link Bip32Path#coldDerivation(String)} of the seed string, in
     * the same form (private or public) as this key. Like BitGo's SDK, it derives from a master key only.
     *
     * @throws InvalidDerivationPathException when this key is not a master key ("Expected master, got child")
     */
    public Bip32Key deriveWithSeed(String seed) {
        if (parentFingerprint != 0) {
            throw new InvalidDerivationPathException("Expected master, got child: deriveKeyWithSeed derives from a "
                    + "master key (depth 0), this key has depth " + depth);
        }
        return derive(Bip32Path.coldDerivation(seed));
    }

    /**
     * One BIP32 step (CKDpriv for a private key, CKDpub for a public one). {@code index} with bit 31 set is hardened.
     * In the negligible case that the index gives no valid key, the next index is used, as BitGoJS's bip32 does.
     *
     * @throws PrivateKeyRequiredException when a hardened child of a public key is asked for
     */
    public Bip32Key deriveChild(int index) {
        if (depth >= 255) {
            throw new InvalidDerivationPathException("derivation deeper than 255 levels");
        }
        boolean hardened = (index & Bip32Path.HARDENED) != 0;
        if (hardened && privateKey == null) {
            throw new PrivateKeyRequiredException("Missing private key for hardened child key: index "
                    + (index & ~Bip32Path.HARDENED) + "' cannot be derived from an xpub");
        }
        byte[] data = new byte[37];
        if (hardened) {
            System.arraycopy(privateKey, 0, data, 1, 32);
        } else {
            System.arraycopy(compressedPublicKey(), 0, data, 0, 33);
        }
        writeInt(data, 33, index);
        byte[] i = Hashes.hmacSha512(chainCode, data);
        Arrays.fill(data, (byte) 0);
        byte[] il = Arrays.copyOfRange(i, 0, 32);
        try {
            if (new BigInteger(1, il).compareTo(Secp256k1.N) >= 0) {
                return deriveChild(index + 1);
            }
            byte[] childChain = Arrays.copyOfRange(i, 32, 64);
            int fingerprint = fingerprint();
            if (privateKey != null) {
                byte[] k = EcBackends.get().privateKeyTweakAdd(privateKey, il);
                if (k == null) {
                    return deriveChild(index + 1);
                }
                return new Bip32Key(network, depth + 1, fingerprint, index, childChain, k, null);
            }
            // IL is public here: a variable-time table of multiples of G plus one addition to the kept parent point
            // beats a native tweak, which has to parse (decompress) the parent and serialise the child.
            ECPoint child = Secp256k1.multiplyGAndAddVarTime(new BigInteger(1, il), point());
            if (child.isInfinity()) {
                return deriveChild(index + 1);
            }
            Bip32Key key = new Bip32Key(network, depth + 1, fingerprint, index, childChain, null,
                    child.getEncoded(true));
            key.point = child;
            return key;
        } finally {
            Arrays.fill(i, (byte) 0);
            Arrays.fill(il, (byte) 0);
        }
    }

    // ------------------------------------------------------------------------------------------------ identity

    /** Keys are equal when they serialise identically (same network, position, chain code and key). */
    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof Bip32Key k)) {
            return false;
        }
        return network == k.network && depth == k.depth && parentFingerprint == k.parentFingerprint
                && childIndex == k.childIndex && Arrays.equals(chainCode, k.chainCode)
                && (privateKey == null) == (k.privateKey == null)
                && (privateKey == null ? Arrays.equals(compressedPublicKey(), k.compressedPublicKey())
                : MessageDigest.isEqual(privateKey, k.privateKey));
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(chainCode) * 31 + depth;
    }

    /** The public serialisation only; never the private key. */
    @Override
    public String toString() {
        return (privateKey != null ? "Bip32Key(private, " : "Bip32Key(public, ") + toXpub() + ")";
    }
}
