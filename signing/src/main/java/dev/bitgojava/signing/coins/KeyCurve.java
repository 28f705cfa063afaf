package dev.bitgojava.signing.coins;

/** The signature curve of a coin's keys. */
public enum KeyCurve {
    /** secp256k1: BIP32 keychains ({@code xpub}/{@code xprv}). */
    SECP256K1,
    /** ed25519: 32-byte seed keychains (e.g. Stellar {@code G…}/{@code S…}). */
    ED25519
}
