package dev.bitgojava.signing.encryption;

import dev.bitgojava.signing.encryption.internal.JsEscape;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Round trips and every distinct way an envelope can be refused. */
class KeychainEncryptorTest {

    private static final char[] PASS = "wallet passphrase".toCharArray();
    /** Cheap Argon2 costs so that version-2 tests stay fast. */
    private static final Argon2Parameters CHEAP = new Argon2Parameters(64, 1, 1);

    private final KeychainEncryptor v1 = KeychainEncryptor.defaults();
    private final KeychainEncryptor v2 = KeychainEncryptor.builder()
            .version(KeychainEncryptor.Version.V2).argon2(CHEAP).build();

    private static String randomText(Random random, int length) {
        StringBuilder sb = new StringBuilder();
        while (sb.length() < length) {
            int cp = random.nextInt(4) == 0 ? 0x80 + random.nextInt(0x10000 - 0x80) : 0x20 + random.nextInt(0x5f);
            if (Character.isSurrogate((char) cp)) {
                cp = 0x1F680; // a non-BMP character as a valid surrogate pair
            }
            sb.appendCodePoint(cp);
        }
        return sb.toString();
    }

    @Test
    void version1RoundTripsRandomTextPassphrasesAndAdata() {
        Random random = new Random(7);
        for (int i = 0; i < 20; i++) {
            String plaintext = randomText(random, random.nextInt(200));
            char[] pass = randomText(random, 1 + random.nextInt(30)).toCharArray();
            String adata = i % 2 == 0 ? null : randomText(random, random.nextInt(20));
            String envelope = v1.encrypt(pass, plaintext, adata);
            assertEquals(plaintext, v1.decrypt(pass, envelope));
        }
    }

    @Test
    void version2RoundTripsRandomTextPassphrasesAndAdata() {
        Random random = new Random(11);
        for (int i = 0; i < 10; i++) {
            String plaintext = randomText(random, random.nextInt(200));
            char[] pass = randomText(random, 1 + random.nextInt(30)).toCharArray();
            String adata = i % 2 == 0 ? null : randomText(random, random.nextInt(20));
            String envelope = v2.encrypt(pass, plaintext, adata);
            assertTrue(envelope.startsWith("{\"v\":2,\"m\":64,\"t\":1,\"p\":1,"), envelope);
            assertEquals(plaintext, v1.decrypt(pass, envelope), "any encryptor decrypts either version");
        }
    }

    @Test
    void version1WritesBitGosParametersAndFreshSaltAndIvEachTime() {
        String a = v1.encrypt(PASS, "secret");
        String b = v1.encrypt(PASS, "secret");
        assertTrue(a.matches("\\{\"iv\":\"[A-Za-z0-9+/]{22}==\",\"v\":1,\"iter\":10000,\"ks\":256,\"ts\":64,"
                + "\"mode\":\"ccm\",\"adata\":\"\",\"cipher\":\"aes\",\"salt\":\"[A-Za-z0-9+/]{11}=\",\"ct\":\".*\"}"), a);
        assertNotEquals(a, b);
    }

    @Test
    void injectedRandomSourceGivesSaltThenIv() {
        byte[] salt = {1, 2, 3, 4, 5, 6, 7, 8};
        byte[] iv = new byte[16];
        for (int i = 0; i < 16; i++) {
            iv[i] = (byte) (0x10 + i);
        }
        SecureRandom fixed = new SecureRandom() {
            private int call;

            @Override
            public void nextBytes(byte[] bytes) {
                byte[] source = call++ == 0 ? salt : iv;
                System.arraycopy(source, 0, bytes, 0, bytes.length);
            }
        };
        String envelope = KeychainEncryptor.builder().random(fixed).build().encrypt(PASS, "xprv");
        String expected = KeychainEncryptor.encryptV1(PASS, "xprv".getBytes(StandardCharsets.UTF_8), null, salt, iv,
                10000, 256, 64);
        assertEquals(expected, envelope);
    }

    @ParameterizedTest
    @CsvSource({"1000,128,64", "2000,192,96", "10000,256,128", "101,128,128"})
    void decryptHonoursLegacyIterationKeyAndTagSizes(int iter, int ks, int ts) {
        String envelope = KeychainEncryptor.encryptV1(PASS, "legacy".getBytes(StandardCharsets.UTF_8), "ad",
                new byte[8], new byte[16], iter, ks, ts);
        assertTrue(envelope.contains("\"iter\":" + iter + ",\"ks\":" + ks + ",\"ts\":" + ts), envelope);
        assertEquals("legacy", v1.decrypt(PASS, envelope));
    }

    @Test
    void largePlaintextsUseShorterCcmNonces() {
        byte[] iv = new byte[16];
        assertEquals(13, KeychainEncryptor.nonce(iv, 65535).length);
        assertEquals(12, KeychainEncryptor.nonce(iv, 65536).length);
        assertEquals(11, KeychainEncryptor.nonce(iv, 1 << 24).length);
        assertEquals(8, KeychainEncryptor.nonce(new byte[8], 10).length, "a short IV is used whole");
        String big = "x".repeat(70000);
        assertEquals(big, v1.decrypt(PASS, v1.encrypt(PASS, big)));
    }

    @Test
    void decryptAcceptsAnyFieldOrderWhitespaceAndSjclDefaults() {
        String envelope = KeychainEncryptor.encryptV1(PASS, "abc".getBytes(StandardCharsets.UTF_8), null,
                new byte[8], new byte[16], 10000, 128, 64);
        String ct = field(envelope, "ct");
        // No v, ks, ts, mode, cipher or adata: SJCL's defaults (v 1, ks 128, ts 64, ccm, aes, "") apply.
        String reordered = " { 'ct' : \"" + ct + "\",\n salt:\"AAAAAAAAAAA=\", \t\"iter\":10000, iv:\"AAAAAAAAAAAAAAAAAAAAAA==\" } ";
        assertEquals("abc", v1.decrypt(PASS, reordered));
    }

    @Test
    void adataIsWrittenWithJavaScriptEscapeAndAuthenticatedAsUtf8() {
        String envelope = v1.encrypt(PASS, "k", "a b/ü:1");
        assertEquals("a%20b/%FC%3A1", field(envelope, "adata"));
        assertEquals("k", v1.decrypt(PASS, envelope));
        assertEquals("%u4E2D%uD83D%uDE80", JsEscape.escape("中🚀"));
        assertEquals("中🚀", JsEscape.unescape("%u4E2D%uD83D%uDE80"));
        assertEquals("100%", JsEscape.unescape("100%"), "a stray percent sign stays");
    }

    @Test
    void version2AdataIsStoredAsJsonText() {
        String envelope = v2.encrypt(PASS, "k", "m/0/0/1/7 \"ü\"\n");
        assertTrue(envelope.endsWith(",\"adata\":\"m/0/0/1/7 \\\"ü\\\"\\n\"}"), envelope);
        assertEquals("k", v2.decrypt(PASS, envelope));
    }

    @Test
    void wrongPassphraseIsReportedForBothVersions() {
        String e1 = v1.encrypt(PASS, "secret");
        String e2 = v2.encrypt(PASS, "secret");
        WrongPassphraseException ex = assertThrows(WrongPassphraseException.class,
                () -> v1.decrypt("wrong".toCharArray(), e1));
        assertTrue(ex.getMessage().contains("wrong passphrase"), ex.getMessage());
        assertThrows(WrongPassphraseException.class, () -> v1.decrypt("wrong".toCharArray(), e2));
    }

    @Test
    void tamperedCiphertextAndAdataAreCaughtByTheTag() {
        String e1 = v1.encrypt(PASS, "secret", "path");
        byte[] ct = Base64.getDecoder().decode(field(e1, "ct"));
        ct[0] ^= 1;
        String flipped = e1.replace(field(e1, "ct"), Base64.getEncoder().encodeToString(ct));
        WrongPassphraseException ex = assertThrows(WrongPassphraseException.class, () -> v1.decrypt(PASS, flipped));
        assertTrue(ex.getMessage().contains("tampered"), ex.getMessage());
        assertThrows(WrongPassphraseException.class, () -> v1.decrypt(PASS, e1.replace("\"path\"", "\"pbth\"")));

        String e2 = v2.encrypt(PASS, "secret", "path");
        assertThrows(WrongPassphraseException.class, () -> v2.decrypt(PASS, e2.replace("\"path\"", "\"pbth\"")));
    }

    @Test
    void version1CiphertextShorterThanTheTagIsATagMismatchAsInSjcl() {
        String good = v1.encrypt(PASS, "");
        String truncated = good.replace(field(good, "ct"), "AAAA");
        WrongPassphraseException ex = assertThrows(WrongPassphraseException.class, () -> v1.decrypt(PASS, truncated));
        assertTrue(ex.getMessage().contains("shorter than the 8-byte"), ex.getMessage());
    }

    @Test
    void malformedEnvelopesAreRefusedAsMalformed() {
        String good = v1.encrypt(PASS, "secret");
        assertThrows(MalformedEnvelopeException.class, () -> v1.decrypt(PASS, "not json"));
        assertThrows(MalformedEnvelopeException.class, () -> v1.decrypt(PASS, "{}"));
        assertThrows(MalformedEnvelopeException.class, () -> v1.decrypt(PASS, null));
        assertThrows(MalformedEnvelopeException.class, () -> v1.decrypt(PASS, good.replace("\"v\":1", "\"v\":true")),
                "booleans are not SJCL values");
        assertThrows(MalformedEnvelopeException.class, () -> v1.decrypt(PASS, good.replaceAll(",\"ct\":\"[^\"]*\"", "")),
                "missing ct");
        assertThrows(MalformedEnvelopeException.class, () -> v1.decrypt(PASS, good.replaceAll(",\"salt\":\"[^\"]*\"", "")),
                "missing salt");
        assertThrows(MalformedEnvelopeException.class,
                () -> v1.decrypt(PASS, good.replace(field(good, "ct"), "A")), "bad base64");
        assertThrows(MalformedEnvelopeException.class, () -> v1.decrypt(PASS, good.replace("\"iter\":10000", "\"iter\":\"x\"")),
                "string where a number belongs");

        String good2 = v2.encrypt(PASS, "secret");
        assertThrows(MalformedEnvelopeException.class, () -> v2.decrypt(PASS, good2.replaceAll(",\"iv\":\"[^\"]*\"", "")),
                "missing iv");
        assertThrows(MalformedEnvelopeException.class, () -> v2.decrypt(PASS, good2.replace(field(good2, "ct"), "!!")),
                "bad base64");
        assertThrows(MalformedEnvelopeException.class, () -> v2.decrypt(PASS, good2.replace("\"t\":1", "\"t\":\"1\"")),
                "string cost");
    }

    @Test
    void unsupportedParametersAreRefusedAsUnsupported() {
        String good = v1.encrypt(PASS, "secret");
        assertThrows(UnsupportedEnvelopeException.class, () -> v1.decrypt(PASS, good.replace("\"mode\":\"ccm\"", "\"mode\":\"ocb2\"")));
        assertThrows(UnsupportedEnvelopeException.class, () -> v1.decrypt(PASS, good.replace("\"cipher\":\"aes\"", "\"cipher\":\"des\"")));
        assertThrows(UnsupportedEnvelopeException.class, () -> v1.decrypt(PASS, good.replace("\"ks\":256", "\"ks\":512")));
        assertThrows(UnsupportedEnvelopeException.class, () -> v1.decrypt(PASS, good.replace("\"ts\":64", "\"ts\":32")));
        assertThrows(UnsupportedEnvelopeException.class, () -> v1.decrypt(PASS, good.replace("\"iter\":10000", "\"iter\":100")));
        assertThrows(UnsupportedEnvelopeException.class, () -> v1.decrypt(PASS, good.replace("\"iter\":10000", "\"iter\":99999999999")));
        assertThrows(UnsupportedEnvelopeException.class, () -> v1.decrypt(PASS, good.replace("\"v\":1", "\"v\":3")));
        assertThrows(UnsupportedEnvelopeException.class,
                () -> v1.decrypt(PASS, good.replace(field(good, "iv"), "AAAAAAAA")), "6-byte iv");

        String good2 = v2.encrypt(PASS, "secret");
        assertThrows(UnsupportedEnvelopeException.class, () -> v2.decrypt(PASS, good2.replace("\"m\":64", "\"m\":262145")));
        assertThrows(UnsupportedEnvelopeException.class, () -> v2.decrypt(PASS, good2.replace("\"t\":1", "\"t\":17")));
        assertThrows(UnsupportedEnvelopeException.class, () -> v2.decrypt(PASS, good2.replace("\"p\":1", "\"p\":0")));
    }

    @Test
    void decryptToBytesReturnsTheUtf8Plaintext() {
        assertArrayEquals("ü".getBytes(StandardCharsets.UTF_8), v1.decryptToBytes(PASS, v1.encrypt(PASS, "ü")));
    }

    @Test
    void nullInputsGiveTypedErrors() {
        assertThrows(KeychainEncryptionException.class, () -> v1.encrypt(null, "x"));
        assertThrows(KeychainEncryptionException.class, () -> v1.encrypt(PASS, null));
        assertThrows(KeychainEncryptionException.class, () -> v1.decrypt(null, v1.encrypt(PASS, "x")));
        assertThrows(KeychainEncryptionException.class, () -> v1.encrypt(new char[] {'\uD800'}, "x"),
                "unpaired surrogate");
    }

    private static String field(String envelope, String name) {
        int start = envelope.indexOf("\"" + name + "\":\"") + name.length() + 4;
        return envelope.substring(start, envelope.indexOf('"', start));
    }
}
