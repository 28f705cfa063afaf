package dev.bitgojava.signing.utxo.internal;

import dev.bitgojava.signing.SigningException;
import dev.bitgojava.signing.keys.Bip32Key;
import dev.bitgojava.signing.keys.KeyException;

/**
 * The one place where this package touches BIP32: parsing BitGo's extended keys into {@link Bip32Key} and
 * non-hardened child derivation, with this package's error messages.
 */
public final class HdKeys {

    private HdKeys() {
    }

    /**
     * Parses an xpub or xprv. BitGo writes the mainnet prefixes for every coin, also testnet ones, so
     * {@code tpub}/{@code tprv} are refused as they always were here.
     *
     * @throws SigningException when the key is missing or not a valid mainnet extended key
     */
    public static Bip32Key parse(String extendedKey, String what) {
        if (extendedKey == null || extendedKey.isBlank()) {
            throw new SigningException(what + " is missing");
        }
        Bip32Key key;
        try {
            key = Bip32Key.parse(extendedKey.trim());
        } catch (KeyException e) {
            throw new SigningException(what + " is not a valid extended key: " + e.getMessage(), e);
        }
        if (key.network() != Bip32Key.Network.MAINNET) {
            throw new SigningException(what + " is not a valid extended key: BitGo keys use the xpub/xprv prefix");
        }
        return key;
    }

    /** The 4-byte BIP32 fingerprint of a node (first 4 bytes of HASH160 of its public key), as PSBTs carry it. */
    public static byte[] fingerprint(Bip32Key key) {
        int f = key.fingerprint();
        return new byte[] {(byte) (f >>> 24), (byte) (f >>> 16), (byte) (f >>> 8), (byte) f};
    }

    /**
     * Non-hardened child {@code index} of {@code parent}.
     *
     * @throws SigningException when the index is hardened (negative as a signed int)
     */
    public static Bip32Key child(Bip32Key parent, int index) {
        if (index < 0) {
            throw new SigningException("derivation index must be a non-hardened index (0 to 2^31-1): " + index);
        }
        return parent.deriveChild(index);
    }

    /** Derives along a sequence of non-hardened indexes, one step at a time. */
    public static Bip32Key derive(Bip32Key root, int... path) {
        Bip32Key k = root;
        for (int i : path) {
            k = child(k, i);
        }
        return k;
    }
}
