package dev.bitgojava.signing.eth;

import dev.bitgojava.signing.eth.internal.EthBytes;

import java.math.BigInteger;
import java.util.Arrays;

/**
 * A decoded {@code sendMultiSig} or {@code sendMultiSigToken} call, e.g. from the data of a transaction the server
 * built, so that its parameters can be checked like any other build.
 *
 * @param methodId      {@code 0x39125215} (sendMultiSig) or {@code 0x0dcd7a6c} (sendMultiSigToken)
 * @param to            lowercase {@code 0x} recipient
 * @param amount        base units
 * @param data          {@code 0x} hex call data of a native send, null for tokens
 * @param tokenContract lowercase {@code 0x} token contract, null for native sends
 * @param expireTime    seconds since the epoch
 * @param sequenceId    contract sequence id
 * @param signature     {@code 0x} hex of the signature argument ({@code "0x"} when empty)
 */
public record WalletSimpleCall(String methodId, String to, BigInteger amount, String data, String tokenContract,
                               BigInteger expireTime, BigInteger sequenceId, String signature) {

    /** The selector of {@code sendMultiSig(address,uint256,bytes,uint256,uint256,bytes)}. */
    public static final String SEND_MULTI_SIG = "0x39125215";
    /** The selector of {@code sendMultiSigToken(address,uint256,address,uint256,uint256,bytes)}. */
    public static final String SEND_MULTI_SIG_TOKEN = "0x0dcd7a6c";

    /** True for {@code sendMultiSigToken}. */
    public boolean isTokenSend() {
        return tokenContract != null;
    }

    /**
     * Decodes call data.
     *
     * @throws InvalidEthInputException when it is not a well-formed WalletSimple send call
     */
    public static WalletSimpleCall decode(byte[] calldata) {
        if (calldata == null || calldata.length < 4 + 6 * 32) {
            throw new InvalidEthInputException("call data is too short for a WalletSimple send");
        }
        String methodId = EthBytes.prefixedHex(Arrays.copyOfRange(calldata, 0, 4));
        boolean token;
        if (SEND_MULTI_SIG.equals(methodId)) {
            token = false;
        } else if (SEND_MULTI_SIG_TOKEN.equals(methodId)) {
            token = true;
        } else {
            throw new InvalidEthInputException("call data is not sendMultiSig or sendMultiSigToken: " + methodId);
        }
        String to = address(calldata, 4);
        BigInteger amount = word(calldata, 4 + 32);
        String data = token ? null : EthBytes.prefixedHex(dynamic(calldata, 4 + 64));
        String tokenContract = token ? address(calldata, 4 + 64) : null;
        BigInteger expireTime = word(calldata, 4 + 96);
        BigInteger sequenceId = word(calldata, 4 + 128);
        String signature = EthBytes.prefixedHex(dynamic(calldata, 4 + 160));
        return new WalletSimpleCall(methodId, to, amount, data, tokenContract, expireTime, sequenceId, signature);
    }

    private static BigInteger word(byte[] in, int at) {
        if (at < 0 || at + 32 > in.length) {
            throw new InvalidEthInputException("call data ends inside an argument");
        }
        return new BigInteger(1, Arrays.copyOfRange(in, at, at + 32));
    }

    private static String address(byte[] in, int at) {
        BigInteger value = word(in, at);
        if (value.bitLength() > 160) {
            throw new InvalidEthInputException("an address argument has non-zero high bytes");
        }
        return EthBytes.prefixedHex(Arrays.copyOfRange(in, at + 12, at + 32));
    }

    private static byte[] dynamic(byte[] in, int headAt) {
        BigInteger offset = word(in, headAt);
        if (offset.bitLength() > 30) {
            throw new InvalidEthInputException("a dynamic argument's offset is out of range");
        }
        int start = 4 + offset.intValueExact();
        BigInteger length = word(in, start);
        if (length.bitLength() > 30 || start + 32L + length.longValueExact() > in.length) {
            throw new InvalidEthInputException("a dynamic argument runs past the end of the call data");
        }
        return Arrays.copyOfRange(in, start + 32, start + 32 + length.intValueExact());
    }
}
