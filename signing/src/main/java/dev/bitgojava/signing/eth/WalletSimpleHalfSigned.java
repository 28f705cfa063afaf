package dev.bitgojava.signing.eth;

import java.math.BigInteger;

/**
 * The user's half of a WalletSimple send, as BitGo's send call takes it ({@code halfSigned}): the operation hash,
 * the user's signature, the expiry and the contract sequence id, plus the verified recipient, amount and asset and
 * the call data that carries the signature.
 *
 * @param operationHash      {@code 0x} hex of the signed 32-byte hash
 * @param signature          {@code 0x} r ‖ s ‖ v
 * @param expireTime         seconds since the epoch
 * @param contractSequenceId the sequence id the operation consumes
 * @param recipient          lowercase {@code 0x} recipient address
 * @param amount             base units
 * @param tokenContract      lowercase {@code 0x} token contract, or null for a native send
 * @param data               {@code 0x} hex call data of a native send ({@code "0x"} when none), null for tokens
 * @param calldata           {@code 0x} hex of the {@code sendMultiSig}/{@code sendMultiSigToken} call
 */
public record WalletSimpleHalfSigned(String operationHash, String signature, long expireTime, long contractSequenceId,
                                     String recipient, BigInteger amount, String tokenContract, String data,
                                     String calldata) {
}
