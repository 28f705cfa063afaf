package dev.bitgojava.signing.utxo;

/**
 * One 2-of-2 tapscript leaf of a wallet's taproot tree: {@code <x(first)> OP_CHECKSIGVERIFY <x(second)> OP_CHECKSIG}.
 *
 * @param first        the key that signs with OP_CHECKSIGVERIFY
 * @param second       the key that signs with OP_CHECKSIG
 * @param script       the leaf script
 * @param leafVersion  the leaf version (0xc0)
 * @param leafHash     the BIP341 leaf hash
 * @param controlBlock the control block that proves the leaf against the output key
 */
public record TapLeaf(KeyRole first, KeyRole second, byte[] script, int leafVersion, byte[] leafHash,
                      byte[] controlBlock) {

    /** Whether this leaf is signed by exactly the two roles, in either order. */
    public boolean isFor(KeyRole a, KeyRole b) {
        return (first == a && second == b) || (first == b && second == a);
    }

    /** Whether the role signs in this leaf. */
    public boolean involves(KeyRole role) {
        return first == role || second == role;
    }
}
