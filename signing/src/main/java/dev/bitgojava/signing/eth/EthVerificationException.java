package dev.bitgojava.signing.eth;

import dev.bitgojava.signing.SigningException;

/**
 * A refusal to sign: the operation the server built differs from what the caller asked for. Each subclass names one
 * field; nothing has been signed when one is thrown.
 */
public abstract class EthVerificationException extends SigningException {

    EthVerificationException(String message) {
        super(message);
    }

    /** The built operation pays a different address than the intended recipient. */
    public static final class RecipientMismatch extends EthVerificationException {
        RecipientMismatch(String intended, String built) {
            super("refusing to sign: recipient " + built + " is not the intended " + intended);
        }
    }

    /** The built operation sends a different amount than intended. */
    public static final class AmountMismatch extends EthVerificationException {
        AmountMismatch(java.math.BigInteger intended, java.math.BigInteger built) {
            super("refusing to sign: amount " + built + " is not the intended " + intended);
        }
    }

    /** The built operation sends a different asset: another token contract, or native instead of token or back. */
    public static final class TokenContractMismatch extends EthVerificationException {
        TokenContractMismatch(String intended, String built) {
            super("refusing to sign: token contract " + (built == null ? "(none, native send)" : built)
                    + " is not the intended " + (intended == null ? "(none, native send)" : intended));
        }
    }

    /** The built operation carries different call data than intended. */
    public static final class DataMismatch extends EthVerificationException {
        DataMismatch(String detail) {
            super("refusing to sign: " + detail);
        }
    }

    /** The operation's expiry is already past, or further ahead than the configured bound. */
    public static final class ExpireTimeOutOfRange extends EthVerificationException {
        ExpireTimeOutOfRange(String detail) {
            super("refusing to sign: " + detail);
        }
    }

    /** The operation uses a different contract sequence id than the one expected. */
    public static final class SequenceIdMismatch extends EthVerificationException {
        SequenceIdMismatch(long expected, long built) {
            super("refusing to sign: sequence id " + built + " is not the expected " + expected);
        }
    }
}
