package dev.bitgojava.signing.utxo.internal;

import dev.bitgojava.signing.SigningException;
import dev.bitgojava.signing.internal.Hashes;
import org.bitcoinj.base.BitcoinNetwork;
import org.bitcoinj.crypto.ChildNumber;
import org.bitcoinj.crypto.DeterministicKey;
import org.bitcoinj.crypto.HDKeyDerivation;

/**
 * The one place where this package touches BIP32: parsing extended keys and non-hardened child derivation.
 * Kept small so that it can move to the project's own keychain classes without touching callers.
 */
public final class HdKeys {

    private HdKeys() {
    }

    /** Parses an xpub or xprv (BitGo always writes the mainnet prefixes, also for testnet coins). */
    public static DeterministicKey parse(String extendedKey, String what) {
        if (extendedKey == null || extendedKey.isBlank()) {
            throw new SigningException(what + " is missing");
        }
        try {
            return DeterministicKey.deserializeB58(extendedKey.trim(), BitcoinNetwork.MAINNET);
        } catch (RuntimeException e) {
            // bitcoinj raises several unchecked types for malformed keys; callers get one typed error.
            throw new SigningException(what + " is not a valid extended key: " + e.getMessage(), e);
        }
    }

    /** Non-hardened child {@code index} of {@code parent}. */
    public static DeterministicKey child(DeterministicKey parent, int index) {
        if (index < 0) {
            throw new SigningException("derivation index must be a non-hardened index (0 to 2^31-1): " + index);
        }
        try {
            return HDKeyDerivation.deriveChildKey(parent, new ChildNumber(index, false));
        } catch (RuntimeException e) {
            throw new SigningException("cannot derive child " + index + ": " + e.getMessage(), e);
        }
    }

    /** Derives along a sequence of non-hardened indexes. */
    public static DeterministicKey derive(DeterministicKey root, int... path) {
        DeterministicKey k = root;
        for (int i : path) {
            k = child(k, i);
        }
        return k;
    }

    /** The public key of a node, compressed (33 bytes). */
    public static byte[] publicKey(DeterministicKey key) {
        return key.getPubKey();
    }

    /** The 4-byte BIP32 fingerprint of a node (first 4 bytes of HASH160 of its public key). */
    public static byte[] fingerprint(DeterministicKey key) {
        return java.util.Arrays.copyOf(Hashes.hash160(key.getPubKey()), 4);
    }
}
