package dev.bitgojava.signing.multiuser;

import dev.bitgojava.signing.bitcoin.Secp256k1;
import dev.bitgojava.signing.encryption.KeychainEncryptor;
import dev.bitgojava.signing.keys.Bip32Key;

import java.math.BigInteger;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Objects;

/**
 * The sender's half of sharing a wallet with spend permission. Per recipient it draws a fresh key pair (32 random
 * bytes, redrawn until a valid scalar) — not the sender's ECDH keychain — computes the x-only ECDH secret with the
 * recipient's sharing key, and encrypts the wallet user key's private key under that secret's 64 hex digits. The
 * ephemeral public key travels as {@code fromPubKey}. Immutable and thread-safe.
 */
public final class WalletShareEncryptor {

    private static final HexFormat HEX = HexFormat.of();
    private static final WalletShareEncryptor DEFAULT = new Builder().build();

    private final SecureRandom random;
    private final KeychainEncryptor encryptor;

    private WalletShareEncryptor(Builder b) {
        this.random = b.random != null ? b.random : new SecureRandom();
        this.encryptor = b.encryptor != null ? b.encryptor : KeychainEncryptor.defaults();
    }

    /** Fresh {@link SecureRandom} ephemeral keys and BitGo's default version-1 envelopes. */
    public static WalletShareEncryptor defaults() {
        return DEFAULT;
    }

    /** A builder for another random source or envelope format. */
    public static Builder builder() {
        return new Builder();
    }

    /** Options for {@link WalletShareEncryptor}. */
    public static final class Builder {
        private SecureRandom random;
        private KeychainEncryptor encryptor;

        private Builder() {
        }

        /** The source of the ephemeral private keys (32 bytes per recipient, drawn before the envelope's salt and IV). */
        public Builder random(SecureRandom random) {
            this.random = Objects.requireNonNull(random, "random");
            return this;
        }

        /** The envelope writer (version 1 by default; a version-2 encryptor for BitGo's {@code encryptionVersion: 2}). */
        public Builder encryptor(KeychainEncryptor encryptor) {
            this.encryptor = Objects.requireNonNull(encryptor, "encryptor");
            return this;
        }

        /** The encryptor. */
        public WalletShareEncryptor build() {
            return new WalletShareEncryptor(this);
        }
    }

    /**
     * The share keychain that gives {@code recipient} the BIP32 wallet user key {@code userKey}; {@code pub} is the
     * key's xpub.
     *
     * @throws InvalidEcdhKeyException when the recipient's sharing key is not a compressed secp256k1 point
     */
    public WalletShareKeychain encrypt(Bip32Key userKey, SharingKey recipient) {
        Objects.requireNonNull(userKey, "userKey");
        return encrypt(userKey.toXpub(), userKey.toXprv(), recipient);
    }

    /**
     * The share keychain that gives {@code recipient} the wallet user key whose public form is {@code userPub} and
     * whose private form (the text BitGo stores encrypted, e.g. an xprv) is {@code userPrv}.
     *
     * @throws InvalidEcdhKeyException when the recipient's sharing key is not a compressed secp256k1 point
     */
    public WalletShareKeychain encrypt(String userPub, String userPrv, SharingKey recipient) {
        Objects.requireNonNull(recipient, "recipient");
        if (userPub == null || userPrv == null || userPrv.isEmpty()) {
            throw new MultiUserException("sharing with spend permission needs the user key's pub and private key");
        }
        byte[] recipientKey = parsePublicKey(recipient.pubkey());
        byte[] ephemeral = drawPrivateKey();
        byte[] secret = null;
        char[] password = null;
        try {
            secret = Ecdh.sharedSecret(ephemeral, recipientKey);
            password = Ecdh.hex(secret);
            String fromPubKey = HEX.formatHex(Ecdh.publicKey(ephemeral));
            String encryptedPrv = encryptor.encrypt(password, userPrv);
            return new WalletShareKeychain(userPub, encryptedPrv, fromPubKey, recipient.pubkey(), recipient.path());
        } finally {
            Ecdh.wipe(ephemeral);
            Ecdh.wipe(secret);
            Ecdh.wipe(password);
        }
    }

    private byte[] drawPrivateKey() {
        byte[] k = new byte[32];
        while (true) {
            random.nextBytes(k);
            BigInteger value = new BigInteger(1, k);
            if (value.signum() > 0 && value.compareTo(Secp256k1.N) < 0) {
                return k;
            }
        }
    }

    static byte[] parsePublicKey(String hex) {
        if (hex == null) {
            throw new InvalidEcdhKeyException("no public key (null)");
        }
        try {
            return HEX.parseHex(hex);
        } catch (IllegalArgumentException e) {
            throw new InvalidEcdhKeyException("the public key is not hex", e);
        }
    }
}
