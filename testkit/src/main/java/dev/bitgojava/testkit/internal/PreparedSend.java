package dev.bitgojava.testkit.internal;

import dev.bitgojava.testkit.internal.Model.Entry;
import dev.bitgojava.testkit.internal.Model.Transfer;

import java.math.BigInteger;
import java.time.Instant;
import java.util.List;

/**
 * A send whose user signature the server has checked, waiting to be co-signed and recorded — at once, or when a
 * pending approval is approved.
 */
interface PreparedSend {

    /** The outputs that leave the wallet: address and amount. */
    List<Entry> recipients();

    /** The sum of {@link #recipients()}. */
    BigInteger externalAmount();

    /** The network fee the wallet pays. */
    BigInteger fee();

    /**
     * Co-signs, "broadcasts" and records the send on the wallet; the caller holds the wallet's monitor. Checks
     * again what may have changed since preparing (unspents still unspent, balance, contract sequence id).
     *
     * @throws ApiException when the send can no longer be made
     */
    Transfer execute(String sequenceId, String comment, Instant now);
}
