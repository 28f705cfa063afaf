package dev.bitgojava.sdk;

import dev.bitgojava.sdk.errors.BitGoConfigurationException;

import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * What a new access token may do: label, scopes, lifetime, the client IPs allowed to use it and spending limits.
 * BitGo asks for a one-time password to create one. Build with {@link #builder(String, String)}.
 *
 * @param label          a name for the token
 * @param otp            the one-time password
 * @param scopes         at least one scope
 * @param lifetime       how long the token lives, or null for BitGo's default
 * @param ipRestrict     the client IPs (or CIDR ranges) allowed to use it; empty for any
 * @param spendingLimits per-coin limits; empty for none
 */
public record AccessTokenRequest(String label, String otp, Set<AccessTokenScope> scopes, Duration lifetime,
                                 List<String> ipRestrict, List<SpendingLimit> spendingLimits) {

    /** Checks the fields. */
    public AccessTokenRequest {
        if (label == null || label.isBlank()) {
            throw new BitGoConfigurationException("an access token needs a label");
        }
        if (otp == null || otp.isEmpty()) {
            throw new BitGoConfigurationException("creating an access token needs a one-time password");
        }
        if (scopes == null || scopes.isEmpty()) {
            throw new BitGoConfigurationException("an access token needs at least one scope");
        }
        if (lifetime != null && (lifetime.isNegative() || lifetime.toSeconds() < 1)) {
            throw new BitGoConfigurationException("an access token's lifetime must be at least one second");
        }
        scopes = Set.copyOf(scopes);
        ipRestrict = ipRestrict == null ? List.of() : List.copyOf(ipRestrict);
        spendingLimits = spendingLimits == null ? List.of() : List.copyOf(spendingLimits);
    }

    /** A builder for a token named {@code label}, created with the one-time password {@code otp}. */
    public static Builder builder(String label, String otp) {
        return new Builder(label, otp);
    }

    /** Never shows the OTP. */
    @Override
    public String toString() {
        return "AccessTokenRequest(" + label + ", scopes=" + scopes + ", lifetime=" + lifetime + ", ipRestrict="
                + ipRestrict + ", spendingLimits=" + spendingLimits + ")";
    }

    /** Options of a new access token. */
    public static final class Builder {
        private final String label;
        private final String otp;
        private final Set<AccessTokenScope> scopes = EnumSet.noneOf(AccessTokenScope.class);
        private Duration lifetime;
        private List<String> ipRestrict = List.of();
        private List<SpendingLimit> spendingLimits = List.of();

        private Builder(String label, String otp) {
            this.label = label;
            this.otp = otp;
        }

        /** Adds scopes. */
        public Builder scopes(AccessTokenScope... scopes) {
            for (AccessTokenScope s : scopes) {
                this.scopes.add(Objects.requireNonNull(s, "scope"));
            }
            return this;
        }

        /** How long the token lives. */
        public Builder lifetime(Duration lifetime) {
            this.lifetime = lifetime;
            return this;
        }

        /** The client IPs (or CIDR ranges) allowed to use the token. */
        public Builder ipRestrict(List<String> ips) {
            this.ipRestrict = ips;
            return this;
        }

        /** Per-coin spending limits. */
        public Builder spendingLimits(List<SpendingLimit> limits) {
            this.spendingLimits = limits;
            return this;
        }

        /** The request. */
        public AccessTokenRequest build() {
            return new AccessTokenRequest(label, otp, scopes, lifetime, ipRestrict, spendingLimits);
        }
    }
}
