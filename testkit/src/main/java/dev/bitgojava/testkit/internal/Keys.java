package dev.bitgojava.testkit.internal;

import org.bitcoinj.base.BitcoinNetwork;
import org.bitcoinj.crypto.DeterministicKey;
import org.bitcoinj.crypto.HDKeyDerivation;

/** BIP32 helpers: parsing client xpubs and making BitGo's own keys (mainnet prefixes, as BitGo always uses). */
public final class Keys {

    private Keys() {
    }

    /** Parses an xpub; a malformed value or a private key given as {@code pub} is a 400. */
    public static DeterministicKey parseXpub(String xpub) {
        DeterministicKey key;
        try {
            key = DeterministicKey.deserializeB58(xpub, BitcoinNetwork.MAINNET);
        } catch (RuntimeException e) {
            throw ApiException.badRequest("InvalidPub", "pub is not a valid xpub");
        }
        if (!key.isPubKeyOnly()) {
            throw ApiException.badRequest("InvalidPub", "pub must be a public key (xpub), not a private key");
        }
        return key;
    }

    /** A fresh random BIP32 root key from a 64-byte seed, as BitGo makes for its own keys. */
    public static DeterministicKey newRootKey() {
        byte[] seed = Ids.bytes(64);
        try {
            return HDKeyDerivation.createMasterPrivateKey(seed);
        } finally {
            java.util.Arrays.fill(seed, (byte) 0);
        }
    }

    /** The xpub (mainnet prefix) of a key. */
    public static String xpub(DeterministicKey key) {
        return key.dropPrivateBytes().dropParent().serializePubB58(BitcoinNetwork.MAINNET);
    }
}
