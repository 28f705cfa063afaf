package dev.bitgojava.signing.keys;

/** An extended key (xpub/xprv/tpub/tprv) that must be rejected, with the {@link Reason} why. */
public class InvalidExtendedKeyException extends KeyException {

    /** What is wrong with the key. */
    public enum Reason {
        /** Null, empty or implausibly long text. */
        EMPTY_OR_TOO_LONG("no extended key text, or far too long for one"),
        /** A character outside the Base58 alphabet. */
        NOT_BASE58("not Base58 text"),
        /** The decoded payload is not 78 bytes plus a 4-byte checksum. */
        WRONG_LENGTH("wrong length: an extended key is 78 bytes plus a 4-byte checksum"),
        /** The Base58Check checksum does not match the payload. */
        BAD_CHECKSUM("the Base58Check checksum does not match"),
        /** The version bytes are none of xprv, xpub, tprv, tpub. */
        UNKNOWN_VERSION("unknown version bytes (expected xprv, xpub, tprv or tpub)"),
        /** Depth 0 (a master key) with a non-zero parent fingerprint. */
        ZERO_DEPTH_WITH_PARENT_FINGERPRINT("depth 0 (a master key) but the parent fingerprint is not zero"),
        /** Depth 0 (a master key) with a non-zero child index. */
        ZERO_DEPTH_WITH_CHILD_INDEX("depth 0 (a master key) but the child index is not zero"),
        /** Private version bytes, but the key field holds a public key (prefix 0x02/0x03). */
        PRIVATE_VERSION_WITH_PUBLIC_KEY("private version bytes, but the key field holds a public key"),
        /** Public version bytes, but the key field holds a private key (prefix 0x00). */
        PUBLIC_VERSION_WITH_PRIVATE_KEY("public version bytes, but the key field holds a private key"),
        /** Private key field not starting with 0x00. */
        INVALID_PRIVATE_KEY_PREFIX("the private key field must start with 0x00"),
        /** Public key field not starting with 0x02 or 0x03. */
        INVALID_PUBLIC_KEY_PREFIX("the public key field must start with 0x02 or 0x03"),
        /** Private key 0 or not below the curve order n. */
        PRIVATE_KEY_OUT_OF_RANGE("the private key is not in 1..n-1"),
        /** A public key whose x coordinate has no point on secp256k1. */
        PUBLIC_KEY_NOT_ON_CURVE("the public key is not a point of secp256k1");

        private final String description;

        Reason(String description) {
            this.description = description;
        }

        /** A short sentence saying what is wrong. */
        public String description() {
            return description;
        }
    }

    private final Reason reason;

    /** An error for the given reason; the key itself is never part of the message. */
    public InvalidExtendedKeyException(Reason reason) {
        super("invalid extended key: " + reason.description());
        this.reason = reason;
    }

    /** What is wrong with the key. */
    public Reason reason() {
        return reason;
    }
}
