package dev.bitgojava.signing.multiuser;

import dev.bitgojava.signing.SigningException;
import dev.bitgojava.signing.bitcoin.BitcoinMessage;
import dev.bitgojava.signing.bitcoin.Secp256k1;
import dev.bitgojava.signing.internal.Hex;

import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Objects;

/**
 * The key behind an extensible login token. The client makes a fresh one per login, sends its P2PKH
 * {@link #address()} as {@code extensionAddress}, and later authorises {@code POST /api/v1/user/extendtoken} with a
 * Bitcoin signed-message signature of {@code <timestamp ms>|<token>|<duration s>} sent hex-encoded in the
 * {@code signature} header, as BitGo's SDK does. The private key never leaves this object; {@link #destroy()} wipes it.
 * Thread-safe.
 */
public final class ExtensionKey {

    private final byte[] privateKey;
    private final String address;
    private boolean destroyed;

    private ExtensionKey(byte[] privateKey, int addressVersion) {
        this.privateKey = privateKey;
        this.address = BitcoinMessage.p2pkhAddress(Secp256k1.publicKey(privateKey), addressVersion);
    }

    /**
     * A fresh key whose compressed public key's P2PKH address uses {@code addressVersion}
     * ({@link BitcoinMessage#TESTNET_P2PKH} outside production, {@link BitcoinMessage#MAINNET_P2PKH} in production,
     * as BitGo's SDK picks the environment's network).
     */
    public static ExtensionKey generate(SecureRandom random, int addressVersion) {
        Objects.requireNonNull(random, "random");
        if (addressVersion < 0 || addressVersion > 0xff) {
            throw new MultiUserException("an address version is one byte: " + addressVersion);
        }
        byte[] key = new byte[32];
        while (true) {
            random.nextBytes(key);
            try {
                Secp256k1.secretScalar(key);
                return new ExtensionKey(key, addressVersion);
            } catch (SigningException e) {
                // zero or not below the group order (about 2^-128): draw again
            }
        }
    }

    /** The P2PKH address of this key's compressed public key, sent at login as {@code extensionAddress}. */
    public String address() {
        return address;
    }

    /**
     * The text an extension signs: {@code <timestampMillis>|<token>|<durationSeconds>}.
     *
     * @throws MultiUserException when the token is null or empty
     */
    public static String extensionMessage(long timestampMillis, String token, long durationSeconds) {
        if (token == null || token.isEmpty()) {
            throw new MultiUserException("extending a token needs the token");
        }
        return timestampMillis + "|" + token + "|" + durationSeconds;
    }

    /**
     * The {@code signature} header of an extension request: the 65-byte compact signature (compressed-key header) of
     * {@link #extensionMessage} as 130 lowercase hex digits.
     *
     * @throws MultiUserException when the key was destroyed or the token is missing
     */
    public synchronized String signExtension(long timestampMillis, String token, long durationSeconds) {
        if (destroyed) {
            throw new MultiUserException("the extension key was destroyed (logged out)");
        }
        String message = extensionMessage(timestampMillis, token, durationSeconds);
        return Hex.encode(BitcoinMessage.sign(message, privateKey, true));
    }

    /**
     * Whether {@code signatureHex} is a valid extension signature for these values by the key behind
     * {@code extensionAddress}. False for anything malformed; never throws.
     */
    public static boolean verifyExtension(String extensionAddress, long timestampMillis, String token,
                                          long durationSeconds, String signatureHex) {
        if (token == null || token.isEmpty() || signatureHex == null
                || signatureHex.length() != 2 * BitcoinMessage.SIGNATURE_LENGTH) {
            return false;
        }
        byte[] signature = Hex.decodeOrNull(signatureHex);
        return signature != null && BitcoinMessage.verify(extensionMessage(timestampMillis, token, durationSeconds),
                extensionAddress, signature);
    }

    /** Wipes the private key; signing fails from then on. */
    public synchronized void destroy() {
        Arrays.fill(privateKey, (byte) 0);
        destroyed = true;
    }

    /** Whether {@link #destroy()} was called. */
    public synchronized boolean isDestroyed() {
        return destroyed;
    }

    /** Shows the address only. */
    @Override
    public String toString() {
        return "ExtensionKey(" + address + (isDestroyed() ? ", destroyed" : "") + ")";
    }
}
