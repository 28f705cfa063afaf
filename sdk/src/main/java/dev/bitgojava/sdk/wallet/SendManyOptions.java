package dev.bitgojava.sdk.wallet;

import dev.bitgojava.sdk.errors.BitGoConfigurationException;

import java.math.BigInteger;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Options of {@link Wallet#sendMany}: recipients (address to amount in base units), the wallet passphrase (a
 * {@code char[]} copy, wiped after signing), an optional {@code sequenceId} (generated when absent), OTP, comment
 * and fee bounds for verify-before-sign. Build with {@link #builder()}.
 */
public final class SendManyOptions {

    private final Map<String, BigInteger> recipients;
    private final char[] passphrase;
    private final String sequenceId;
    private final String otp;
    private final String comment;
    private final BigInteger feeRate;
    private final BigInteger maxFee;
    private final BigInteger maxFeeRatePerVbyte;
    private final Long expectedContractSequenceId;

    private SendManyOptions(Builder b) {
        this.recipients = Collections.unmodifiableMap(new LinkedHashMap<>(b.recipients));
        this.passphrase = b.passphrase;
        this.sequenceId = b.sequenceId;
        this.otp = b.otp;
        this.comment = b.comment;
        this.feeRate = b.feeRate;
        this.maxFee = b.maxFee;
        this.maxFeeRatePerVbyte = b.maxFeeRatePerVbyte;
        this.expectedContractSequenceId = b.expectedContractSequenceId;
    }

    /** A builder. */
    public static Builder builder() {
        return new Builder();
    }

    /** Recipient address to amount in base units, in the order given. */
    public Map<String, BigInteger> recipients() {
        return recipients;
    }

    /** The passphrase array held here (wiped by {@link #clearPassphrase()}). */
    public char[] passphrase() {
        return passphrase;
    }

    /** The caller's sequence id, if given. */
    public Optional<String> sequenceId() {
        return Optional.ofNullable(sequenceId);
    }

    /** The one-time password, if given. */
    public Optional<String> otp() {
        return Optional.ofNullable(otp);
    }

    /** The comment, if given. */
    public Optional<String> comment() {
        return Optional.ofNullable(comment);
    }

    /** The fee rate to ask the server to build with (base units per kB), if given. */
    public Optional<BigInteger> feeRate() {
        return Optional.ofNullable(feeRate);
    }

    /** The largest absolute fee accepted (UTXO), if given; else the verifier's default. */
    public Optional<BigInteger> maxFee() {
        return Optional.ofNullable(maxFee);
    }

    /** The largest fee rate accepted in base units per vbyte (UTXO), if given; else the verifier's default. */
    public Optional<BigInteger> maxFeeRatePerVbyte() {
        return Optional.ofNullable(maxFeeRatePerVbyte);
    }

    /** The ETH contract sequence id the caller expects the operation to use, if given. */
    public Optional<Long> expectedContractSequenceId() {
        return Optional.ofNullable(expectedContractSequenceId);
    }

    /** Overwrites the passphrase copy held here. */
    public void clearPassphrase() {
        Arrays.fill(passphrase, '\0');
    }

    @Override
    public String toString() {
        return "SendManyOptions[recipients=" + recipients + ", sequenceId=" + sequenceId
                + ", passphrase=<redacted>" + (otp != null ? ", otp=<redacted>" : "") + "]";
    }

    /** Builder of {@link SendManyOptions}. */
    public static final class Builder {
        private final Map<String, BigInteger> recipients = new LinkedHashMap<>();
        private char[] passphrase;
        private String sequenceId;
        private String otp;
        private String comment;
        private BigInteger feeRate;
        private BigInteger maxFee;
        private BigInteger maxFeeRatePerVbyte;
        private Long expectedContractSequenceId;

        private Builder() {
        }

        /** Adds a recipient: a positive amount in base units (amounts to the same address add up). */
        public Builder recipient(String address, BigInteger amount) {
            if (address == null || address.isBlank()) {
                throw new BitGoConfigurationException("a recipient needs an address");
            }
            if (amount == null || amount.signum() <= 0) {
                throw new BitGoConfigurationException("the amount for " + address + " must be positive: " + amount);
            }
            recipients.merge(address, amount, BigInteger::add);
            return this;
        }

        /** The wallet passphrase that decrypts the user key (required); a copy is kept, clear your own array. */
        public Builder passphrase(char[] passphrase) {
            this.passphrase = passphrase == null ? null : passphrase.clone();
            return this;
        }

        /** The idempotency key; generated when not given. */
        public Builder sequenceId(String sequenceId) {
            this.sequenceId = sequenceId;
            return this;
        }

        /** A one-time password for BitGo's second factor. */
        public Builder otp(String otp) {
            this.otp = otp;
            return this;
        }

        /** A comment stored with the transfer. */
        public Builder comment(String comment) {
            this.comment = comment;
            return this;
        }

        /** The fee rate to build with (base units per kB). */
        public Builder feeRate(BigInteger feeRate) {
            this.feeRate = requireNonNegative(feeRate, "feeRate");
            return this;
        }

        /** The largest absolute fee verify-before-sign accepts (UTXO). */
        public Builder maxFee(BigInteger maxFee) {
            this.maxFee = requireNonNegative(maxFee, "maxFee");
            return this;
        }

        /** The largest fee rate per vbyte verify-before-sign accepts (UTXO). */
        public Builder maxFeeRatePerVbyte(BigInteger maxFeeRatePerVbyte) {
            this.maxFeeRatePerVbyte = requireNonNegative(maxFeeRatePerVbyte, "maxFeeRatePerVbyte");
            return this;
        }

        /** The ETH contract sequence id the operation must use (otherwise the prebuild's is taken). */
        public Builder expectedContractSequenceId(long id) {
            this.expectedContractSequenceId = id;
            return this;
        }

        private static BigInteger requireNonNegative(BigInteger v, String name) {
            if (v == null || v.signum() < 0) {
                throw new BitGoConfigurationException(name + " must be a non-negative amount: " + v);
            }
            return v;
        }

        /**
         * The options.
         *
         * @throws BitGoConfigurationException when there is no recipient, no passphrase, or a malformed sequence id
         */
        public SendManyOptions build() {
            if (recipients.isEmpty()) {
                throw new BitGoConfigurationException("sendMany needs at least one recipient");
            }
            if (passphrase == null || passphrase.length == 0) {
                throw new BitGoConfigurationException("sendMany needs the wallet passphrase");
            }
            if (sequenceId != null && (sequenceId.isBlank() || sequenceId.length() > 128)) {
                throw new BitGoConfigurationException("sequenceId must be 1..128 characters");
            }
            return new SendManyOptions(this);
        }
    }
}
