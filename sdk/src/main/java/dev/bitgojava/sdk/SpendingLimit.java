package dev.bitgojava.sdk;

import dev.bitgojava.sdk.errors.BitGoConfigurationException;

import java.math.BigInteger;

/**
 * A per-coin spending limit of an access token: at most {@code txValueLimit} base units per transaction.
 *
 * @param coin         the coin, e.g. {@code tbtc4}
 * @param txValueLimit the limit in base units (non-negative)
 */
public record SpendingLimit(String coin, BigInteger txValueLimit) {

    /** Checks the coin and the amount. */
    public SpendingLimit {
        if (coin == null || coin.isBlank()) {
            throw new BitGoConfigurationException("a spending limit needs a coin");
        }
        if (txValueLimit == null || txValueLimit.signum() < 0) {
            throw new BitGoConfigurationException("a spending limit must be a non-negative amount of base units");
        }
    }
}
