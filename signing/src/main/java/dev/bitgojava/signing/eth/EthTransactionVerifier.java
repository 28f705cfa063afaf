package dev.bitgojava.signing.eth;

import dev.bitgojava.signing.eth.internal.EthBytes;

import java.math.BigInteger;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;

/**
 * Verify before sign for WalletSimple operations: checks what the server built against the caller's intent and
 * returns the operation to sign only when recipient, amount, asset, data, expiry and sequence id all match.
 * Each refusal is a distinct {@link EthVerificationException}; malformed values are {@link InvalidEthInputException}s.
 * Immutable and thread-safe.
 */
public final class EthTransactionVerifier {

    /** The default bound on how far ahead an operation may expire: BitGo's default is 7 days, plus a margin. */
    public static final Duration DEFAULT_MAX_EXPIRE_AHEAD = Duration.ofDays(30);

    private final Clock clock;
    private final Duration maxExpireAhead;

    private EthTransactionVerifier(Builder builder) {
        this.clock = builder.clock;
        this.maxExpireAhead = builder.maxExpireAhead;
    }

    /** A verifier with the system clock and {@link #DEFAULT_MAX_EXPIRE_AHEAD}. */
    public static EthTransactionVerifier create() {
        return builder().build();
    }

    /** Options: the clock and the expiry bound. */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Verifies a built operation against the intent and returns the operation to sign.
     *
     * @param intent             what the caller asked for
     * @param build              what the server built
     * @param expectedSequenceId the contract sequence id the caller expects this operation to use
     * @param scheme             how the wallet's contract hashes operations
     * @throws EthVerificationException when any field differs from the intent or is out of bounds
     * @throws InvalidEthInputException when a built value is malformed
     */
    public WalletSimpleOperation verify(EthSendIntent intent, WalletSimpleBuild build, long expectedSequenceId,
                                        WalletSimpleScheme scheme) {
        if (intent == null || build == null || scheme == null) {
            throw new InvalidEthInputException("intent, build and scheme are required");
        }
        byte[] intendedRecipient = EthBytes.parseAddress(intent.recipient(), "intended recipient");
        byte[] builtRecipient = EthBytes.parseAddress(build.recipient(), "built recipient");
        if (!Arrays.equals(intendedRecipient, builtRecipient)) {
            throw new EthVerificationException.RecipientMismatch(intent.recipient(), build.recipient());
        }

        BigInteger builtAmount = EthBytes.requireUint256(build.amount(), "built amount");
        if (!intent.amount().equals(builtAmount)) {
            throw new EthVerificationException.AmountMismatch(intent.amount(), builtAmount);
        }

        byte[] intendedToken = intent.tokenContract() == null ? null
                : EthBytes.parseAddress(intent.tokenContract(), "intended token contract");
        byte[] builtToken = build.tokenContract() == null ? null
                : EthBytes.parseAddress(build.tokenContract(), "built token contract");
        if (!Arrays.equals(intendedToken, builtToken)) {
            throw new EthVerificationException.TokenContractMismatch(intent.tokenContract(), build.tokenContract());
        }

        byte[] intendedData = HexData.STRICT.decode(intent.data());
        byte[] builtData;
        try {
            builtData = HexData.STRICT.decode(build.data());
        } catch (InvalidEthInputException e) {
            throw new EthVerificationException.DataMismatch("the built call data is not even-length hex");
        }
        if (!Arrays.equals(intendedData, builtData)) {
            throw new EthVerificationException.DataMismatch(builtToken != null
                    ? "the built token send carries call data"
                    : "the built call data differs from the intended call data");
        }

        long now = clock.instant().getEpochSecond();
        if (build.expireTime() <= now) {
            throw new EthVerificationException.ExpireTimeOutOfRange(
                    "expireTime " + build.expireTime() + " is not after now (" + now + ")");
        }
        if (build.expireTime() - now > maxExpireAhead.getSeconds()) {
            throw new EthVerificationException.ExpireTimeOutOfRange("expireTime " + build.expireTime()
                    + " is more than " + maxExpireAhead + " ahead of now (" + now + ")");
        }

        if (build.sequenceId() != expectedSequenceId) {
            throw new EthVerificationException.SequenceIdMismatch(expectedSequenceId, build.sequenceId());
        }

        return builtToken == null
                ? WalletSimpleOperation.nativeSend(scheme, build.recipient(), builtAmount, builtData,
                        build.expireTime(), build.sequenceId())
                : WalletSimpleOperation.tokenSend(scheme, build.recipient(), builtAmount, build.tokenContract(),
                        build.expireTime(), build.sequenceId());
    }

    /** Options for {@link EthTransactionVerifier}. */
    public static final class Builder {
        private Clock clock = Clock.systemUTC();
        private Duration maxExpireAhead = DEFAULT_MAX_EXPIRE_AHEAD;

        private Builder() {
        }

        /** The clock "now" is read from (tests pass a fixed clock). */
        public Builder clock(Clock clock) {
            if (clock == null) {
                throw new InvalidEthInputException("clock is required");
            }
            this.clock = clock;
            return this;
        }

        /** The furthest ahead of now an operation may expire; must be positive. */
        public Builder maxExpireAhead(Duration maxExpireAhead) {
            if (maxExpireAhead == null || maxExpireAhead.isNegative() || maxExpireAhead.isZero()) {
                throw new InvalidEthInputException("maxExpireAhead must be positive");
            }
            this.maxExpireAhead = maxExpireAhead;
            return this;
        }

        /** The verifier. */
        public EthTransactionVerifier build() {
            return new EthTransactionVerifier(this);
        }
    }
}
