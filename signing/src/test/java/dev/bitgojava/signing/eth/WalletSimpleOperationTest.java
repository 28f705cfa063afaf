package dev.bitgojava.signing.eth;

import org.junit.jupiter.api.Test;
import org.web3j.abi.FunctionEncoder;
import org.web3j.abi.datatypes.Address;
import org.web3j.abi.datatypes.DynamicBytes;
import org.web3j.abi.datatypes.Type;
import org.web3j.abi.datatypes.Utf8String;
import org.web3j.abi.datatypes.generated.Uint256;

import java.math.BigInteger;
import java.util.HexFormat;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Encodings the vectors do not reach, checked against web3j's independent ABI encoder, and input validation. */
class WalletSimpleOperationTest {

    private static final HexFormat HEX = HexFormat.of();
    private static final String TO = "0x4195826368e69639a2f44079a7a0886e3408c93e";
    private static final String TOKEN = "0x76c57d19bd3529dadf4bb66e75f0808bc8264a5e";
    private static final byte[] KEY = HEX.parseHex("55f7d1139093d564597de29531a5258e8c11bc2817ba8e4ec1ac335653275546");

    @Test
    void walletVersion4NativeSendsHashTheStandardAbiEncoding() {
        byte[] data = HEX.parseHex("0a0b0c0d0e0f101112131415161718191a1b1c1d1e1f2021222324252627282930313233");
        WalletSimpleOperation op = WalletSimpleOperation.nativeSend(WalletSimpleScheme.walletVersion4(560048), TO,
                new BigInteger("123456789"), data, 1_700_600_000L, 9);
        List<Type> values = List.of(new Utf8String("560048"), new Address(TO), new Uint256(new BigInteger("123456789")),
                new DynamicBytes(data), new Uint256(1_700_600_000L), new Uint256(9));
        assertEquals(FunctionEncoder.encodeConstructor(values), HEX.formatHex(op.preimage()));
        assertEquals("560048", op.prefix());
        assertTrue(op.isAbiEncoded());
    }

    @Test
    void walletVersion4TokenSendsKeepTheTightEncodingWithAChainIdPrefix() {
        WalletSimpleOperation op = WalletSimpleOperation.tokenSend(WalletSimpleScheme.walletVersion4(1), TO,
                BigInteger.TEN, TOKEN, 5, 6);
        assertEquals("1-ERC20", op.prefix());
        assertEquals(false, op.isAbiEncoded());
        assertEquals(HEX.formatHex("1-ERC20".getBytes()) + TO.substring(2)
                        + "%064x".formatted(10) + TOKEN.substring(2) + "%064x".formatted(5) + "%064x".formatted(6),
                HEX.formatHex(op.preimage()));
    }

    @Test
    void nativeCallDataMatchesWeb3jsAbiEncoding() {
        byte[] data = HEX.parseHex("a9059cbb00");
        WalletSimpleOperation op = WalletSimpleOperation.nativeSend(WalletSimpleScheme.STANDARD, TO, BigInteger.ONE,
                data, 100, 2);
        EthSignature signature = op.sign(KEY);
        List<Type> args = List.of(new Address(TO), new Uint256(1), new DynamicBytes(data), new Uint256(100),
                new Uint256(2), new DynamicBytes(signature.toBytes()));
        assertEquals("39125215" + FunctionEncoder.encodeConstructor(args), HEX.formatHex(op.calldata(signature)));
    }

    @Test
    void decodingCallDataGivesBackItsParameters() {
        WalletSimpleOperation op = WalletSimpleOperation.tokenSend(WalletSimpleScheme.STANDARD, TO, BigInteger.TWO,
                TOKEN, 100, 3);
        EthSignature signature = op.sign(KEY);
        WalletSimpleCall call = WalletSimpleCall.decode(op.calldata(signature));
        assertEquals(new WalletSimpleCall(WalletSimpleCall.SEND_MULTI_SIG_TOKEN, TO, BigInteger.TWO, null, TOKEN,
                BigInteger.valueOf(100), BigInteger.valueOf(3), signature.toHex()), call);
    }

    @Test
    void truncatedOrForeignCallDataIsATypedError() {
        byte[] calldata = WalletSimpleOperation.nativeSend(WalletSimpleScheme.STANDARD, TO, BigInteger.ONE,
                new byte[40], 1, 1).unsignedCalldata();
        for (int length = 0; length < calldata.length; length += 7) {
            byte[] truncated = java.util.Arrays.copyOf(calldata, length);
            assertThrows(InvalidEthInputException.class, () -> WalletSimpleCall.decode(truncated));
        }
        byte[] foreign = calldata.clone();
        foreign[0] = 0x12;
        assertThrows(InvalidEthInputException.class, () -> WalletSimpleCall.decode(foreign));
        byte[] hugeOffset = calldata.clone();
        hugeOffset[4 + 64] = (byte) 0xff;
        assertThrows(InvalidEthInputException.class, () -> WalletSimpleCall.decode(hugeOffset));
    }

    @Test
    void signaturesRecoverToTheSigner() {
        byte[] hash = new byte[32];
        hash[31] = 7;
        EthSignature signature = EthSignature.signHash(hash, KEY);
        assertEquals("0xed2ffee03d28828d6b1b2db696f033646413755b", signature.recoverAddress(hash));
        assertEquals(signature, EthSignature.parse(signature.toHex()));
    }

    @Test
    void malformedValuesAreTypedErrors() {
        BigInteger tooBig = BigInteger.ONE.shiftLeft(256);
        assertThrows(InvalidEthInputException.class, () -> WalletSimpleOperation.nativeSend(
                WalletSimpleScheme.STANDARD, TO, tooBig, null, 1, 1));
        assertThrows(InvalidEthInputException.class, () -> WalletSimpleOperation.nativeSend(
                WalletSimpleScheme.STANDARD, "0x123", BigInteger.ONE, null, 1, 1));
        assertThrows(InvalidEthInputException.class, () -> WalletSimpleOperation.nativeSend(
                WalletSimpleScheme.STANDARD, TO, BigInteger.ONE, null, -1, 1));
        assertThrows(InvalidEthInputException.class, () -> EthSignature.signHash(new byte[31], KEY));
        assertThrows(InvalidEthInputException.class, () -> EthSignature.signHash(new byte[32], new byte[32]));
        assertThrows(InvalidEthInputException.class, () -> EthSignature.parse("0x1234"));
        assertThrows(InvalidEthInputException.class, () -> WalletSimpleScheme.walletVersion4(0));
        assertThrows(InvalidEthInputException.class, () -> EthCoins.chainId("btc"));
    }

    @Test
    void hexDataPoliciesAgreeOnEvenLengthAndDifferOnOddLength() {
        for (HexData policy : HexData.values()) {
            assertArrayEquals(HEX.parseHex("abcd"), policy.decode("0xabcd"), policy.name());
            assertArrayEquals(new byte[0], policy.decode(null), policy.name());
            assertArrayEquals(new byte[0], policy.decode("0x"), policy.name());
        }
        assertThrows(InvalidEthInputException.class, () -> HexData.STRICT.decode("0xabc"));
        assertArrayEquals(HEX.parseHex("0abc"), HexData.PAD_AFTER_PREFIX.decode("0xabc"));
        assertArrayEquals(HEX.parseHex("00"), HexData.SIGN_TRANSACTION_COMPAT.decode("0xabc"));
        assertArrayEquals(HEX.parseHex("0abc"), HexData.SIGN_TRANSACTION_COMPAT.decode("abc"));
    }
}
