package dev.bitgojava.testkit;

import java.math.BigInteger;

/**
 * The receive transfer {@link BitGoTestServer#credit} recorded.
 *
 * @param transferId the transfer's id
 * @param txid       the fake transaction id (its output 0 is the wallet's new unspent)
 * @param address    the wallet address that received the funds
 * @param amount     the amount in base units
 */
public record CreditedTransfer(String transferId, String txid, String address, BigInteger amount) {
}
