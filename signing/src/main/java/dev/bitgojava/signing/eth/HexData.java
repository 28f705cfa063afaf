package dev.bitgojava.signing.eth;

import dev.bitgojava.signing.eth.internal.EthBytes;

import java.io.ByteArrayOutputStream;

/**
 * How contract call data given as hex becomes bytes. Callers normally pass even-length {@code 0x} hex, which every
 * policy decodes the same way; the policies differ only for odd-length strings, where BitGo's SDK paths disagree.
 */
public enum HexData {

    /** Odd-length or non-hex data is an error. The safe choice, and the one {@link EthSigner} uses. */
    STRICT,

    /** Strip {@code 0x}, then left-pad to even length: {@code "0xabc"} → {@code 0a bc} (BitGo's TransferBuilder). */
    PAD_AFTER_PREFIX,

    /**
     * Bit-compatibility with BitGo's {@code coin.signTransaction}: pad the whole string to even length first, then
     * strip a {@code 0x} prefix, then decode leniently up to the first pair that is not hex, as Node does:
     * {@code "0xabc"} → {@code "00xabc"} → the single byte {@code 00}. Only for reproducing that SDK's results.
     */
    SIGN_TRANSACTION_COMPAT;

    private static final byte[] EMPTY = new byte[0];

    /** Decodes the data; null, empty and {@code "0x"} give no bytes. */
    public byte[] decode(String hex) {
        if (hex == null || hex.isEmpty()) {
            return EMPTY;
        }
        switch (this) {
            case STRICT:
                return EthBytes.decodeHex(hex, "data");
            case PAD_AFTER_PREFIX: {
                String body = EthBytes.stripPrefix(hex);
                return EthBytes.decodeHex((body.length() & 1) == 0 ? body : "0" + body, "data");
            }
            default: {
                String padded = (hex.length() & 1) == 0 ? hex : "0" + hex;
                return lenient(EthBytes.stripPrefix(padded));
            }
        }
    }

    private static byte[] lenient(String body) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(body.length() / 2);
        for (int i = 0; i + 1 < body.length(); i += 2) {
            int hi = EthBytes.digit(body.charAt(i));
            int lo = EthBytes.digit(body.charAt(i + 1));
            if (hi < 0 || lo < 0) {
                break;
            }
            out.write((hi << 4) | lo);
        }
        return out.toByteArray();
    }
}
