package dev.bitgojava.signing.eth;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.math.BigInteger;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Verify before sign: each tampered field of a server build is refused with its own error and nothing is signed. */
class EthTransactionVerifierTest {

    private static final long NOW = 1_700_000_000L;
    private static final Clock CLOCK = Clock.fixed(Instant.ofEpochSecond(NOW), ZoneOffset.UTC);
    private static final String RECIPIENT = "0x4195826368e69639a2f44079a7a0886e3408c93e";
    private static final String OTHER_ADDRESS = "0x63504ca76db81ed388e041be679cb3785fd1066e";
    private static final String TOKEN = "0x76c57d19bd3529dadf4bb66e75f0808bc8264a5e";
    private static final BigInteger AMOUNT = new BigInteger("1000000000000000000");
    private static final long SEQUENCE_ID = 7;
    private static final long EXPIRE = NOW + Duration.ofDays(7).getSeconds();
    private static final byte[] KEY = HexFormat.of().parseHex("55f7d1139093d564597de29531a5258e8c11bc2817ba8e4ec1ac335653275546");

    private final EthTransactionVerifier verifier = EthTransactionVerifier.builder().clock(CLOCK).build();

    private static final EthSendIntent NATIVE = new EthSendIntent(RECIPIENT, AMOUNT, null, "0xa9059cbb");
    private static final WalletSimpleBuild NATIVE_BUILD =
            new WalletSimpleBuild(RECIPIENT, AMOUNT, "0xa9059cbb", null, EXPIRE, SEQUENCE_ID);
    private static final EthSendIntent TOKEN_INTENT = EthSendIntent.token(RECIPIENT, BigInteger.valueOf(42), TOKEN);
    private static final WalletSimpleBuild TOKEN_BUILD =
            new WalletSimpleBuild(RECIPIENT, BigInteger.valueOf(42), null, TOKEN, EXPIRE, SEQUENCE_ID);

    static Stream<Arguments> tamperedBuilds() {
        return Stream.of(
                tamper("recipient swapped", NATIVE, NATIVE_BUILD,
                        b -> with(b, OTHER_ADDRESS, b.amount(), b.data(), b.tokenContract(), b.expireTime(), b.sequenceId()),
                        EthVerificationException.RecipientMismatch.class),
                tamper("amount one wei more", NATIVE, NATIVE_BUILD,
                        b -> with(b, b.recipient(), b.amount().add(BigInteger.ONE), b.data(), null, b.expireTime(), b.sequenceId()),
                        EthVerificationException.AmountMismatch.class),
                tamper("amount one wei less", NATIVE, NATIVE_BUILD,
                        b -> with(b, b.recipient(), b.amount().subtract(BigInteger.ONE), b.data(), null, b.expireTime(), b.sequenceId()),
                        EthVerificationException.AmountMismatch.class),
                tamper("token amount changed", TOKEN_INTENT, TOKEN_BUILD,
                        b -> with(b, b.recipient(), BigInteger.valueOf(43), null, b.tokenContract(), b.expireTime(), b.sequenceId()),
                        EthVerificationException.AmountMismatch.class),
                tamper("token contract swapped", TOKEN_INTENT, TOKEN_BUILD,
                        b -> with(b, b.recipient(), b.amount(), null, OTHER_ADDRESS, b.expireTime(), b.sequenceId()),
                        EthVerificationException.TokenContractMismatch.class),
                tamper("token send turned native", TOKEN_INTENT, TOKEN_BUILD,
                        b -> with(b, b.recipient(), b.amount(), null, null, b.expireTime(), b.sequenceId()),
                        EthVerificationException.TokenContractMismatch.class),
                tamper("native send turned token", NATIVE, NATIVE_BUILD,
                        b -> with(b, b.recipient(), b.amount(), null, TOKEN, b.expireTime(), b.sequenceId()),
                        EthVerificationException.TokenContractMismatch.class),
                tamper("data changed", NATIVE, NATIVE_BUILD,
                        b -> with(b, b.recipient(), b.amount(), "0xa9059cbc", null, b.expireTime(), b.sequenceId()),
                        EthVerificationException.DataMismatch.class),
                tamper("data dropped", NATIVE, NATIVE_BUILD,
                        b -> with(b, b.recipient(), b.amount(), null, null, b.expireTime(), b.sequenceId()),
                        EthVerificationException.DataMismatch.class),
                tamper("data added to a token send", TOKEN_INTENT, TOKEN_BUILD,
                        b -> with(b, b.recipient(), b.amount(), "0x00", b.tokenContract(), b.expireTime(), b.sequenceId()),
                        EthVerificationException.DataMismatch.class),
                tamper("data not hex", NATIVE, NATIVE_BUILD,
                        b -> with(b, b.recipient(), b.amount(), "0xa9059cbz", null, b.expireTime(), b.sequenceId()),
                        EthVerificationException.DataMismatch.class),
                tamper("expireTime in the past", NATIVE, NATIVE_BUILD,
                        b -> with(b, b.recipient(), b.amount(), b.data(), null, NOW - 1, b.sequenceId()),
                        EthVerificationException.ExpireTimeOutOfRange.class),
                tamper("expireTime is now", NATIVE, NATIVE_BUILD,
                        b -> with(b, b.recipient(), b.amount(), b.data(), null, NOW, b.sequenceId()),
                        EthVerificationException.ExpireTimeOutOfRange.class),
                tamper("expireTime absurdly far", NATIVE, NATIVE_BUILD,
                        b -> with(b, b.recipient(), b.amount(), b.data(), null, Long.MAX_VALUE, b.sequenceId()),
                        EthVerificationException.ExpireTimeOutOfRange.class),
                tamper("sequence id reused", NATIVE, NATIVE_BUILD,
                        b -> with(b, b.recipient(), b.amount(), b.data(), null, b.expireTime(), SEQUENCE_ID - 1),
                        EthVerificationException.SequenceIdMismatch.class),
                tamper("sequence id skipped ahead", TOKEN_INTENT, TOKEN_BUILD,
                        b -> with(b, b.recipient(), b.amount(), null, b.tokenContract(), b.expireTime(), SEQUENCE_ID + 1000),
                        EthVerificationException.SequenceIdMismatch.class),
                tamper("recipient malformed", NATIVE, NATIVE_BUILD,
                        b -> with(b, "0x4195826368e69639a2f44079a7a0886e3408c93", b.amount(), b.data(), null, b.expireTime(), b.sequenceId()),
                        InvalidEthInputException.class),
                tamper("recipient with a broken checksum", NATIVE, NATIVE_BUILD,
                        b -> with(b, "0x4195826368E69639a2f44079a7a0886e3408c93e", b.amount(), b.data(), null, b.expireTime(), b.sequenceId()),
                        InvalidEthInputException.class),
                tamper("amount missing", NATIVE, NATIVE_BUILD,
                        b -> with(b, b.recipient(), null, b.data(), null, b.expireTime(), b.sequenceId()),
                        InvalidEthInputException.class),
                tamper("amount negative", NATIVE, NATIVE_BUILD,
                        b -> with(b, b.recipient(), BigInteger.ONE.negate(), b.data(), null, b.expireTime(), b.sequenceId()),
                        InvalidEthInputException.class));
    }

    private static Arguments tamper(String name, EthSendIntent intent, WalletSimpleBuild honest,
                                    UnaryOperator<WalletSimpleBuild> change, Class<? extends RuntimeException> refusal) {
        return Arguments.of(name, intent, change.apply(honest), refusal);
    }

    private static WalletSimpleBuild with(WalletSimpleBuild ignored, String recipient, BigInteger amount, String data,
                                          String token, long expireTime, long sequenceId) {
        return new WalletSimpleBuild(recipient, amount, data, token, expireTime, sequenceId);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("tamperedBuilds")
    void refusesATamperedBuild(String name, EthSendIntent intent, WalletSimpleBuild tampered,
                               Class<? extends RuntimeException> refusal) {
        assertThrows(refusal, () -> verifier.verify(intent, tampered, SEQUENCE_ID, WalletSimpleScheme.STANDARD));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("tamperedBuilds")
    void signsNothingForATamperedBuild(String name, EthSendIntent intent, WalletSimpleBuild tampered,
                                       Class<? extends RuntimeException> refusal) {
        AtomicInteger signed = new AtomicInteger();
        EthSigner signer = new EthSigner(verifier, WalletSimpleScheme.STANDARD);
        assertThrows(refusal, () -> {
            signer.sign(intent, tampered, SEQUENCE_ID, KEY);
            signed.incrementAndGet();
        });
        assertEquals(0, signed.get());
    }

    @Test
    void acceptsAnHonestNativeBuildAndReturnsItsOperation() {
        WalletSimpleOperation op = verifier.verify(NATIVE, NATIVE_BUILD, SEQUENCE_ID, WalletSimpleScheme.STANDARD);
        assertEquals(WalletSimpleOperation.nativeSend(WalletSimpleScheme.STANDARD, RECIPIENT, AMOUNT,
                HexFormat.of().parseHex("a9059cbb"), EXPIRE, SEQUENCE_ID), op);
    }

    @Test
    void acceptsAnHonestTokenBuildAndReturnsItsOperation() {
        WalletSimpleOperation op = verifier.verify(TOKEN_INTENT, TOKEN_BUILD, SEQUENCE_ID, WalletSimpleScheme.STANDARD);
        assertEquals(WalletSimpleOperation.tokenSend(WalletSimpleScheme.STANDARD, RECIPIENT, BigInteger.valueOf(42),
                TOKEN, EXPIRE, SEQUENCE_ID), op);
    }

    @Test
    void comparesRecipientsIgnoringCase() {
        WalletSimpleBuild upperCase = new WalletSimpleBuild(RECIPIENT.toUpperCase().replace("0X", "0x"), AMOUNT, "0xa9059cbb", null, EXPIRE, SEQUENCE_ID);
        assertEquals(RECIPIENT, verifier.verify(NATIVE, upperCase, SEQUENCE_ID, WalletSimpleScheme.STANDARD).recipient());
    }

    @Test
    void acceptsAnEip55ChecksummedRecipient() {
        WalletSimpleBuild checksummed = new WalletSimpleBuild("0xEd2FfEe03d28828d6b1B2dB696f033646413755B",
                AMOUNT, null, null, EXPIRE, SEQUENCE_ID);
        EthSendIntent intent = EthSendIntent.ether("0xed2ffee03d28828d6b1b2db696f033646413755b", AMOUNT);
        assertEquals("0xed2ffee03d28828d6b1b2db696f033646413755b",
                verifier.verify(intent, checksummed, SEQUENCE_ID, WalletSimpleScheme.STANDARD).recipient());
    }

    @Test
    void theExpiryBoundIsConfigurable() {
        EthTransactionVerifier strict = EthTransactionVerifier.builder().clock(CLOCK)
                .maxExpireAhead(Duration.ofDays(1)).build();
        assertThrows(EthVerificationException.ExpireTimeOutOfRange.class,
                () -> strict.verify(NATIVE, NATIVE_BUILD, SEQUENCE_ID, WalletSimpleScheme.STANDARD));
    }

    @Test
    void aMalformedIntentIsRefusedWhenItIsMade() {
        assertThrows(InvalidEthInputException.class, () -> EthSendIntent.ether("4195826368e69639a2f44079a7a0886e3408c93e", AMOUNT));
        assertThrows(InvalidEthInputException.class, () -> EthSendIntent.ether(RECIPIENT, null));
        assertThrows(InvalidEthInputException.class, () -> new EthSendIntent(RECIPIENT, AMOUNT, null, "0xabc"));
        assertThrows(InvalidEthInputException.class, () -> new EthSendIntent(RECIPIENT, AMOUNT, TOKEN, "0x00"));
    }

    @Test
    void missingArgumentsAreTypedErrors() {
        assertThrows(InvalidEthInputException.class,
                () -> verifier.verify(null, NATIVE_BUILD, SEQUENCE_ID, WalletSimpleScheme.STANDARD));
        assertThrows(InvalidEthInputException.class,
                () -> verifier.verify(NATIVE, null, SEQUENCE_ID, WalletSimpleScheme.STANDARD));
    }
}
