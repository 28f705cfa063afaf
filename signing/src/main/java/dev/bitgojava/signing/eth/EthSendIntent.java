package dev.bitgojava.signing.eth;

import dev.bitgojava.signing.eth.internal.EthBytes;

import java.math.BigInteger;

/**
 * What the caller wants to send, before anything is built: the recipient, the amount in base units (wei, or the
 * token's base units), the token contract for token sends (null for ETH) and optional call data (null for none).
 *
 * @param recipient     {@code 0x} address of the recipient
 * @param amount        base units, 0 .. 2^256-1
 * @param tokenContract {@code 0x} address of the ERC-20 contract, or null for a native send
 * @param data          even-length {@code 0x} hex call data, or null; must be absent for token sends
 */
public record EthSendIntent(String recipient, BigInteger amount, String tokenContract, String data) {

    /** Validates every field; malformed values are {@link InvalidEthInputException}s. */
    public EthSendIntent {
        EthBytes.parseAddress(recipient, "intended recipient");
        EthBytes.requireUint256(amount, "intended amount");
        if (tokenContract != null) {
            EthBytes.parseAddress(tokenContract, "intended token contract");
        }
        if (data != null) {
            byte[] bytes = HexData.STRICT.decode(data);
            if (tokenContract != null && bytes.length > 0) {
                throw new InvalidEthInputException("a token send carries no call data");
            }
        }
    }

    /** A native ETH send without call data. */
    public static EthSendIntent ether(String recipient, BigInteger wei) {
        return new EthSendIntent(recipient, wei, null, null);
    }

    /** A token send of {@code amount} base units of the ERC-20 at {@code tokenContract}. */
    public static EthSendIntent token(String recipient, BigInteger amount, String tokenContract) {
        if (tokenContract == null) {
            throw new InvalidEthInputException("a token send needs the token contract");
        }
        return new EthSendIntent(recipient, amount, tokenContract, null);
    }
}
