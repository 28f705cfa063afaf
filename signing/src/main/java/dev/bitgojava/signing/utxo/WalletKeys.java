package dev.bitgojava.signing.utxo;

import dev.bitgojava.signing.SigningException;
import dev.bitgojava.signing.keys.Bip32Key;
import dev.bitgojava.signing.utxo.internal.HdKeys;

import java.util.concurrent.ConcurrentHashMap;

/**
 * The three root extended public keys of a BitGo 2-of-3 wallet in their fixed order user, backup, bitgo
 * (never sorted). Derives the wallet's public keys at {@code 0/0/chain/index}; the {@code 0/0/chain} nodes
 * are cached, so deriving many addresses costs one child derivation per key. Thread-safe.
 */
public final class WalletKeys {

    private final String userXpub;
    private final String backupXpub;
    private final String bitgoXpub;
    private final Bip32Key[] roots;
    private final ConcurrentHashMap<Integer, Bip32Key[]> chainNodes = new ConcurrentHashMap<>();

    private WalletKeys(String user, String backup, String bitgo) {
        this.roots = new Bip32Key[] {
                HdKeys.parse(user, "user xpub").neuter(),
                HdKeys.parse(backup, "backup xpub").neuter(),
                HdKeys.parse(bitgo, "bitgo xpub").neuter()};
        this.userXpub = roots[0].toXpub();
        this.backupXpub = roots[1].toXpub();
        this.bitgoXpub = roots[2].toXpub();
    }

    /** The wallet keys from the three root xpubs (an xprv is accepted and reduced to its xpub). */
    public static WalletKeys fromXpubs(String userXpub, String backupXpub, String bitgoXpub) {
        return new WalletKeys(userXpub, backupXpub, bitgoXpub);
    }

    /** The user's root xpub. */
    public String userXpub() {
        return userXpub;
    }

    /** The backup root xpub. */
    public String backupXpub() {
        return backupXpub;
    }

    /** BitGo's root xpub. */
    public String bitgoXpub() {
        return bitgoXpub;
    }

    /** The root xpub of a role. */
    public String xpub(KeyRole role) {
        switch (role) {
            case USER:
                return userXpub;
            case BACKUP:
                return backupXpub;
            default:
                return bitgoXpub;
        }
    }

    /** The 4-byte master fingerprint of a role's root key, as PSBT derivation records carry it. */
    public byte[] fingerprint(KeyRole role) {
        return HdKeys.fingerprint(roots[role.ordinal()]);
    }

    /**
     * The three 33-byte compressed public keys at {@code 0/0/chain/index}, in the order user, backup, bitgo.
     */
    public byte[][] derivePublicKeys(int chain, int index) {
        if (index < 0) {
            throw new SigningException("address index must be between 0 and 2^31-1: " + index);
        }
        ScriptType.fromChain(chain);
        Bip32Key[] parents = chainNodes.computeIfAbsent(chain, c -> new Bip32Key[] {
                HdKeys.derive(roots[0], 0, 0, c),
                HdKeys.derive(roots[1], 0, 0, c),
                HdKeys.derive(roots[2], 0, 0, c)});
        return new byte[][] {
                HdKeys.child(parents[0], index).publicKey(),
                HdKeys.child(parents[1], index).publicKey(),
                HdKeys.child(parents[2], index).publicKey()};
    }

    /** Same as {@link #derivePublicKeys} without the cache: derives every step from the roots. */
    byte[][] derivePublicKeysUncached(int chain, int index) {
        return new byte[][] {
                HdKeys.derive(roots[0], 0, 0, chain, index).publicKey(),
                HdKeys.derive(roots[1], 0, 0, chain, index).publicKey(),
                HdKeys.derive(roots[2], 0, 0, chain, index).publicKey()};
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof WalletKeys w && w.userXpub.equals(userXpub) && w.backupXpub.equals(backupXpub)
                && w.bitgoXpub.equals(bitgoXpub);
    }

    @Override
    public int hashCode() {
        return java.util.Objects.hash(userXpub, backupXpub, bitgoXpub);
    }

    @Override
    public String toString() {
        return "WalletKeys[user=" + userXpub + ", backup=" + backupXpub + ", bitgo=" + bitgoXpub + "]";
    }
}
