package dev.bitgojava.signing.utxo;

import java.util.List;

/**
 * The taproot data of a wallet output on chains 30/31/40/41.
 *
 * @param internalKey  32-byte x-only internal key (aggregate of user and bitgo)
 * @param outputKey    32-byte x-only tweaked output key
 * @param outputKeyOdd whether the output key's y is odd (the control block's parity bit)
 * @param merkleRoot   32-byte root of the script tree
 * @param keyPathKeys  the roles whose aggregate is the internal key (user, bitgo)
 * @param leaves       the script leaves, in BitGo's order
 */
public record TaprootInfo(byte[] internalKey, byte[] outputKey, boolean outputKeyOdd, byte[] merkleRoot,
                          List<KeyRole> keyPathKeys, List<TapLeaf> leaves) {

    /** The leaf signed by the two roles. */
    public TapLeaf leafFor(KeyRole a, KeyRole b) {
        for (TapLeaf leaf : leaves) {
            if (leaf.isFor(a, b)) {
                return leaf;
            }
        }
        throw new dev.bitgojava.signing.SigningException("no tap leaf for " + a.bitgoName() + " + " + b.bitgoName());
    }
}
