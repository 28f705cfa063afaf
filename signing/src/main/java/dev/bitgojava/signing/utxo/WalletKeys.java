package dev.bitgojava.signing.utxo;

import dev.bitgojava.signing.SigningException;
import dev.bitgojava.signing.utxo.internal.HdKeys;
import org.bitcoinj.crypto.DeterministicKey;

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
    private final DeterministicKey[] roots;
    private final ConcurrentHashMap<Integer, DeterministicKey[]> chainNodes = new ConcurrentHashMap<>();

    private WalletKeys(String user, String backup, String bitgo) {
        this.roots = new DeterministicKey[] {
                publicOnly(HdKeys.parse(user, "user xpub")),
                publicOnly(HdKeys.parse(backup, "backup xpub")),
                publicOnly(HdKeys.parse(bitgo, "bitgo xpub"))};
        this.userXpub = roots[0].serializePubB58(org.bitcoinj.base.BitcoinNetwork.MAINNET);
        this.backupXpub = roots[1].serializePubB58(org.bitcoinj.base.BitcoinNetwork.MAINNET);
        this.bitgoXpub = roots[2].serializePubB58(org.bitcoinj.base.BitcoinNetwork.MAINNET);
    }

    /** The wallet keys from the three root xpubs (an xprv is accepted and reduced to its xpub). */
    public static WalletKeys fromXpubs(String userXpub, String backupXpub, String bitgoXpub) {
        return new WalletKeys(userXpub, backupXpub, bitgoXpub);
    }

    private static DeterministicKey publicOnly(DeterministicKey key) {
        return key.hasPrivKey() ? key.dropPrivateBytes().dropParent() : key;
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
        DeterministicKey[] parents = chainNodes.computeIfAbsent(chain, c -> new DeterministicKey[] {
                HdKeys.derive(roots[0], 0, 0, c), HdKeys.derive(roots[1], 0, 0, c), HdKeys.derive(roots[2], 0, 0, c)});
        return new byte[][] {
                HdKeys.child(parents[0], index).getPubKey(),
                HdKeys.child(parents[1], index).getPubKey(),
                HdKeys.child(parents[2], index).getPubKey()};
    }

    /** Same as {@link #derivePublicKeys} without the cache: derives every step from the roots. */
    byte[][] derivePublicKeysUncached(int chain, int index) {
        return new byte[][] {
                HdKeys.derive(roots[0], 0, 0, chain, index).getPubKey(),
                HdKeys.derive(roots[1], 0, 0, chain, index).getPubKey(),
                HdKeys.derive(roots[2], 0, 0, chain, index).getPubKey()};
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
