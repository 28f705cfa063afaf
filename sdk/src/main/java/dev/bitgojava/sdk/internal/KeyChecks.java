package dev.bitgojava.sdk.internal;

import dev.bitgojava.sdk.errors.BitGoKeyMismatchException;
import dev.bitgojava.signing.SigningException;
import dev.bitgojava.signing.keys.Bip32Key;

import java.util.Arrays;

/** Checks on keys the server returned. */
public final class KeyChecks {

    private KeyChecks() {
    }

    /**
     * Parses a server-returned public key: it must be a valid BIP32 extended public key with no private part.
     *
     * @throws BitGoKeyMismatchException otherwise
     */
    public static Bip32Key requireXpub(String pub, String what) {
        if (pub == null || pub.isEmpty()) {
            throw new BitGoKeyMismatchException(what + " has no public key");
        }
        Bip32Key key;
        try {
            key = Bip32Key.parse(pub);
        } catch (SigningException e) {
            throw new BitGoKeyMismatchException(what + " is not a valid extended public key: " + e.getMessage(), e);
        }
        if (key.hasPrivateKey()) {
            throw new BitGoKeyMismatchException(what + " is an extended private key, expected an xpub");
        }
        return key;
    }

    /** Whether two keys have the same public key and chain code (network and depth metadata aside). */
    public static boolean samePublicKey(Bip32Key a, Bip32Key b) {
        return Arrays.equals(a.publicKey(), b.publicKey()) && Arrays.equals(a.chainCode(), b.chainCode());
    }

    /**
     * Requires that a returned public key equals the one sent.
     *
     * @throws BitGoKeyMismatchException otherwise
     */
    public static void requireSame(Bip32Key ours, String returnedPub, String what) {
        Bip32Key returned = requireXpub(returnedPub, what);
        if (!samePublicKey(ours, returned)) {
            throw new BitGoKeyMismatchException(what + " returned public key " + returnedPub
                    + " which is not the one uploaded (" + ours.toXpub() + ")");
        }
    }
}
