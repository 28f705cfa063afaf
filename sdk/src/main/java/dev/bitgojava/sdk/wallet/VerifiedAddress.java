package dev.bitgojava.sdk.wallet;

/**
 * A wallet address the SDK re-derived from the wallet's own keys and found equal to what the server returned.
 *
 * @param id      BitGo's address id
 * @param address the address
 * @param chain   the derivation chain (0/1 p2sh, 10/11 p2shP2wsh, 20/21 p2wsh, 30/31 p2tr, ...)
 * @param index   the derivation index
 * @param label   the label, or null
 */
public record VerifiedAddress(String id, String address, int chain, int index, String label) {
}
