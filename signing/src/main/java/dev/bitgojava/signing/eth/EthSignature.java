package dev.bitgojava.signing.eth;

import dev.bitgojava.signing.bitcoin.Ecdsa;
import dev.bitgojava.signing.eth.internal.EthBytes;
import dev.bitgojava.signing.eth.internal.EthKeys;
import org.web3j.crypto.ECDSASignature;
import org.web3j.crypto.Keys;
import org.web3j.crypto.Sign;

import java.math.BigInteger;
import java.util.Arrays;

/**
 * A secp256k1 signature over a 32-byte hash in the form WalletSimple contracts and BitGo expect:
 * r (32 bytes) ‖ s (32 bytes) ‖ v (1 byte, 27 or 28), written as {@code 0x}-prefixed lowercase hex.
 */
public final class EthSignature {

    private final byte[] r;
    private final byte[] s;
    private final int v;

    private EthSignature(byte[] r, byte[] s, int v) {
        this.r = r;
        this.s = s;
        this.v = v;
    }

    /**
     * Signs a 32-byte hash as it is (no {@code \x19Ethereum Signed Message} prefix): RFC 6979, low-S,
     * v = 27 + recovery id. This is what BitGo's SDK does for operation hashes.
     */
    public static EthSignature signHash(byte[] hash32, byte[] privateKey) {
        Ecdsa.RecoverableSignature sig = EthKeys.sign(hash32, privateKey);
        return new EthSignature(EthBytes.toBytes32(sig.r()), EthBytes.toBytes32(sig.s()), 27 + sig.recoveryId());
    }

    /** Parses {@code 0x} r ‖ s ‖ v (65 bytes, v = 27 or 28). */
    public static EthSignature parse(String hex) {
        byte[] bytes = EthBytes.decodeHex(hex, "signature");
        if (bytes.length != 65) {
            throw new InvalidEthInputException("a signature has 65 bytes, not " + bytes.length);
        }
        int v = bytes[64] & 0xff;
        if (v != 27 && v != 28) {
            throw new InvalidEthInputException("signature v must be 27 or 28, not " + v);
        }
        return new EthSignature(Arrays.copyOfRange(bytes, 0, 32), Arrays.copyOfRange(bytes, 32, 64), v);
    }

    /** r as 32 bytes. */
    public byte[] r() {
        return r.clone();
    }

    /** s as 32 bytes (low-S when this library made it). */
    public byte[] s() {
        return s.clone();
    }

    /** v: 27 or 28. */
    public int v() {
        return v;
    }

    /** The 65 bytes r ‖ s ‖ v. */
    public byte[] toBytes() {
        byte[] out = new byte[65];
        System.arraycopy(r, 0, out, 0, 32);
        System.arraycopy(s, 0, out, 32, 32);
        out[64] = (byte) v;
        return out;
    }

    /** {@code 0x} + lowercase hex of r ‖ s ‖ v, exactly as BitGo's SDK prints it. */
    public String toHex() {
        return EthBytes.prefixedHex(toBytes());
    }

    /**
     * The lowercase {@code 0x} address whose key made this signature over the hash.
     *
     * @throws InvalidEthInputException when no key can be recovered
     */
    public String recoverAddress(byte[] hash32) {
        if (hash32 == null || hash32.length != 32) {
            throw new InvalidEthInputException("the signed hash must be 32 bytes");
        }
        BigInteger key;
        try {
            key = Sign.recoverFromSignature(v - 27,
                    new ECDSASignature(new BigInteger(1, r), new BigInteger(1, s)), hash32);
        } catch (RuntimeException e) {
            throw new InvalidEthInputException("the signature is not a valid secp256k1 signature");
        }
        if (key == null) {
            throw new InvalidEthInputException("no public key recovers from this signature");
        }
        return "0x" + Keys.getAddress(key);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof EthSignature other && v == other.v && Arrays.equals(r, other.r) && Arrays.equals(s, other.s);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(r) + Arrays.hashCode(s) + v;
    }

    @Override
    public String toString() {
        return toHex();
    }
}
