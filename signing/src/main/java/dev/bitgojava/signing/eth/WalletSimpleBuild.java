package dev.bitgojava.signing.eth;

import java.math.BigInteger;

/**
 * The operation parameters as BitGo's server built them (the prebuild's recipient, amount, data, token contract,
 * expireTime and next contract sequence id). Untrusted: {@link EthTransactionVerifier} checks every field against
 * the caller's {@link EthSendIntent} before anything is signed, so this record does not validate.
 *
 * @param recipient     {@code 0x} address the operation pays
 * @param amount        base units
 * @param data          {@code 0x} hex call data, or null
 * @param tokenContract {@code 0x} token contract address, or null for a native send
 * @param expireTime    seconds since the epoch
 * @param sequenceId    the contract sequence id the operation uses
 */
public record WalletSimpleBuild(String recipient, BigInteger amount, String data, String tokenContract,
                                long expireTime, long sequenceId) {
}
