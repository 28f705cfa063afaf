package dev.bitgojava.signing.bitcoin;

import dev.bitgojava.signing.SigningException;
import dev.bitgojava.signing.internal.Base58;
import dev.bitgojava.signing.internal.Hashes;
import org.bouncycastle.math.ec.ECPoint;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Arrays;

/**
 * Bitcoin signed messages ({@code signmessage}/{@code verifymessage}, BIP 137's legacy P2PKH form): the hash is double
 * SHA-256 of {@code "\x18Bitcoin Signed Message:\n"}, the message's UTF-8 length as a Bitcoin varint, and the UTF-8
 * bytes; the signature is 65 bytes, a header {@code 27 + recoveryId (+ 4 for a compressed key)} then r and s (32
 * bytes each, big-endian). A verifier recovers the public key and compares its HASH160 with the address's. BitGo
 * uses this to authorise extending an extensible token.
 */
public final class BitcoinMessage {

    /** Version byte of a mainnet P2PKH address ({@code 1…}). */
    public static final int MAINNET_P2PKH = 0x00;
    /** Version byte of a testnet P2PKH address ({@code m…}/{@code n…}). */
    public static final int TESTNET_P2PKH = 0x6f;
    /** Length of a compact recoverable signature. */
    public static final int SIGNATURE_LENGTH = 65;

    private static final byte[] MAGIC = "\u0018Bitcoin Signed Message:\n".getBytes(StandardCharsets.US_ASCII);

    private BitcoinMessage() {
    }

    /**
     * The 32-byte hash a signed message signs: double SHA-256 of the magic prefix, varint length and UTF-8 message.
     *
     * @throws SigningException when the message is null
     */
    public static byte[] hash(String message) {
        if (message == null) {
            throw new SigningException("no message to sign (null)");
        }
        byte[] text = message.getBytes(StandardCharsets.UTF_8);
        int length = text.length;
        int varintSize = length < 0xfd ? 1 : length <= 0xffff ? 3 : 5;
        byte[] data = new byte[MAGIC.length + varintSize + length];
        System.arraycopy(MAGIC, 0, data, 0, MAGIC.length);
        int at = MAGIC.length;
        if (varintSize == 1) {
            data[at++] = (byte) length;
        } else if (varintSize == 3) {
            data[at++] = (byte) 0xfd;
            data[at++] = (byte) length;
            data[at++] = (byte) (length >>> 8);
        } else {
            data[at++] = (byte) 0xfe;
            for (int i = 0; i < 4; i++) {
                data[at++] = (byte) (length >>> (8 * i));
            }
        }
        System.arraycopy(text, 0, data, at, length);
        return Hashes.hash256(data);
    }

    /**
     * Signs {@code message} with a 32-byte private key (RFC 6979 nonce, low-S) and returns the 65-byte compact
     * signature; {@code compressed} says which public-key form the verifier must recover (it sets the header's +4).
     *
     * @throws SigningException when the message is null or the key is no valid secret key
     */
    public static byte[] sign(String message, byte[] privateKey32, boolean compressed) {
        Ecdsa.RecoverableSignature signature = Ecdsa.signRecoverable(hash(message), privateKey32);
        byte[] out = new byte[SIGNATURE_LENGTH];
        out[0] = (byte) (27 + signature.recoveryId() + (compressed ? 4 : 0));
        System.arraycopy(Secp256k1.toBytes32(signature.r()), 0, out, 1, 32);
        System.arraycopy(Secp256k1.toBytes32(signature.s()), 0, out, 33, 32);
        return out;
    }

    /**
     * The public key (33 bytes compressed or 65 uncompressed, as the header says) that signed {@code message}, or
     * null when the signature is not 65 bytes, has a header outside 27..34 or recovers no key. Never throws for a
     * malformed signature.
     *
     * @throws SigningException when the message is null
     */
    public static byte[] recoverPublicKey(String message, byte[] signature) {
        byte[] hash = hash(message);
        if (signature == null || signature.length != SIGNATURE_LENGTH) {
            return null;
        }
        int header = (signature[0] & 0xff) - 27;
        if (header < 0 || header > 7) {
            return null;
        }
        BigInteger r = new BigInteger(1, Arrays.copyOfRange(signature, 1, 33));
        BigInteger s = new BigInteger(1, Arrays.copyOfRange(signature, 33, 65));
        ECPoint key = Ecdsa.recoverPublicKey(hash, r, s, header & 3);
        return key == null ? null : key.getEncoded(header >= 4);
    }

    /**
     * Whether {@code signature} (65 bytes) over {@code message} was made by the key behind the P2PKH
     * {@code address}: the recovered key's HASH160 equals the address's (mainnet or testnet). False for a
     * malformed address or signature; never throws for bad input other than a null message.
     *
     * @throws SigningException when the message is null
     */
    public static boolean verify(String message, String address, byte[] signature) {
        byte[] expected = p2pkhHashOrNull(address);
        byte[] key = recoverPublicKey(message, signature);
        return expected != null && key != null && MessageDigest.isEqual(expected, Hashes.hash160(key));
    }

    /**
     * The Base58Check P2PKH address of a public key (33 or 65 bytes, hashed as given) with a version byte such as
     * {@link #MAINNET_P2PKH} or {@link #TESTNET_P2PKH}.
     *
     * @throws SigningException when the key is no valid point or the version does not fit a byte
     */
    public static String p2pkhAddress(byte[] publicKey, int version) {
        Secp256k1.decodePoint(publicKey);
        if (version < 0 || version > 0xff) {
            throw new SigningException("an address version is one byte: " + version);
        }
        byte[] payload = new byte[21];
        payload[0] = (byte) version;
        System.arraycopy(Hashes.hash160(publicKey), 0, payload, 1, 20);
        return Base58.encodeChecked(payload);
    }

    /** Whether {@code address} is a valid mainnet or testnet P2PKH address (Base58Check, 21-byte payload). */
    public static boolean isP2pkhAddress(String address) {
        return p2pkhHashOrNull(address) != null;
    }

    private static byte[] p2pkhHashOrNull(String address) {
        byte[] payload = Base58.decodeChecked(address);
        if (payload == null || payload.length != 21
                || ((payload[0] & 0xff) != MAINNET_P2PKH && (payload[0] & 0xff) != TESTNET_P2PKH)) {
            return null;
        }
        return Arrays.copyOfRange(payload, 1, 21);
    }
}
