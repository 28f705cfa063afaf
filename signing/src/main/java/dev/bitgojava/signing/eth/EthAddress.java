package dev.bitgojava.signing.eth;

import dev.bitgojava.signing.SigningException;
import dev.bitgojava.signing.keys.Bip32Key;
import org.bouncycastle.crypto.digests.KeccakDigest;
import org.bouncycastle.math.ec.ECPoint;

import java.util.Arrays;
import java.util.HexFormat;

/**
 * A 20-byte Ethereum account address: the last 20 bytes of keccak256 of the 64-byte uncompressed public key
 * {@code X || Y}. {@link #toString()} gives the lowercase {@code 0x…} form BitGoJS returns,
 * {@link #toChecksumString()} the EIP-55 mixed-case form. Immutable.
 */
public final class EthAddress {

    private static final HexFormat HEX = HexFormat.of();
    private static final org.bouncycastle.math.ec.ECCurve CURVE =
            org.bouncycastle.crypto.ec.CustomNamedCurves.getByName("secp256k1").getCurve();

    private final byte[] bytes;

    private EthAddress(byte[] bytes) {
        this.bytes = bytes;
    }

    /** The address of a BIP32 key's public key (BitGo uses the root key of each ETH wallet keychain). */
    public static EthAddress of(Bip32Key key) {
        byte[] uncompressed = key.uncompressedPublicKey();
        return fromXY(Arrays.copyOfRange(uncompressed, 1, 65));
    }

    /**
     * The address of a secp256k1 public key given as 33 compressed bytes, 65 uncompressed bytes ({@code 04 X Y}) or
     * the 64 bytes {@code X || Y}.
     *
     * @throws SigningException when the bytes are no point of secp256k1
     */
    public static EthAddress fromPublicKey(byte[] publicKey) {
        if (publicKey == null) {
            throw new SigningException("no public key (null)");
        }
        byte[] encoded = publicKey;
        if (publicKey.length == 64) {
            encoded = new byte[65];
            encoded[0] = 4;
            System.arraycopy(publicKey, 0, encoded, 1, 64);
        }
        if (encoded.length != 33 && encoded.length != 65) {
            throw new SigningException("a secp256k1 public key has 33, 64 or 65 bytes, got " + publicKey.length);
        }
        ECPoint point;
        try {
            point = CURVE.decodePoint(encoded).normalize();
        } catch (IllegalArgumentException e) {
            throw new SigningException("not a secp256k1 public key: " + e.getMessage(), e);
        }
        if (point.isInfinity() || !point.isValid()) {
            throw new SigningException("not a secp256k1 public key: the point is not on the curve");
        }
        byte[] full = point.getEncoded(false);
        return fromXY(Arrays.copyOfRange(full, 1, 65));
    }

    private static EthAddress fromXY(byte[] xy) {
        byte[] hash = keccak256(xy);
        return new EthAddress(Arrays.copyOfRange(hash, 12, 32));
    }

    /**
     * Parses {@code 0x} followed by 40 hex digits. All-lowercase and all-uppercase forms are accepted as they are;
     * a mixed-case form must carry a valid EIP-55 checksum.
     *
     * @throws SigningException when the text is not an address or its checksum is wrong
     */
    public static EthAddress parse(String text) {
        if (text == null || text.length() != 42 || !(text.startsWith("0x") || text.startsWith("0X"))) {
            throw new SigningException("not an Ethereum address: expected 0x and 40 hex digits");
        }
        String digits = text.substring(2);
        byte[] bytes;
        try {
            bytes = HEX.parseHex(digits.toLowerCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new SigningException("not an Ethereum address: non-hex characters", e);
        }
        EthAddress address = new EthAddress(bytes);
        boolean mixed = !digits.equals(digits.toLowerCase(java.util.Locale.ROOT))
                && !digits.equals(digits.toUpperCase(java.util.Locale.ROOT));
        if (mixed && !address.toChecksumString().substring(2).equals(digits)) {
            throw new SigningException("Ethereum address has an invalid EIP-55 checksum (mixed case that does not match)");
        }
        return address;
    }

    /** The 20 address bytes (a copy). */
    public byte[] toBytes() {
        return bytes.clone();
    }

    /** Lowercase {@code 0x} + 40 hex digits, as BitGoJS prints addresses. */
    @Override
    public String toString() {
        return "0x" + HEX.formatHex(bytes);
    }

    /** The EIP-55 checksummed form: hex letters upper-cased where the keccak of the lowercase hex has a nibble ≥ 8. */
    public String toChecksumString() {
        String lower = HEX.formatHex(bytes);
        byte[] hash = keccak256(lower.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        StringBuilder out = new StringBuilder("0x");
        for (int i = 0; i < lower.length(); i++) {
            char c = lower.charAt(i);
            int nibble = (hash[i / 2] >> (i % 2 == 0 ? 4 : 0)) & 0xF;
            out.append(c >= 'a' && nibble >= 8 ? Character.toUpperCase(c) : c);
        }
        return out.toString();
    }

    private static byte[] keccak256(byte[] data) {
        KeccakDigest keccak = new KeccakDigest(256);
        keccak.update(data, 0, data.length);
        byte[] out = new byte[32];
        keccak.doFinal(out, 0);
        return out;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof EthAddress a && Arrays.equals(a.bytes, bytes);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(bytes);
    }
}
