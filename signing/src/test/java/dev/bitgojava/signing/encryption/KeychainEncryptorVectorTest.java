package dev.bitgojava.signing.encryption;

import com.fasterxml.jackson.databind.JsonNode;
import dev.bitgojava.signing.encryption.internal.Pbkdf2Sha256;
import dev.bitgojava.vectors.VectorCase;
import dev.bitgojava.vectors.VectorFiles;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.TestFactory;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** {@code sjcl.json}: BitGo's envelopes are reproduced byte for byte and decrypt (or fail) as BitGoJS does. */
class KeychainEncryptorVectorTest {

    private static final HexFormat HEX = HexFormat.of();
    private final KeychainEncryptor encryptor = KeychainEncryptor.defaults();

    @TestFactory
    Stream<DynamicNode> sjclVectors() {
        return VectorFiles.tests("sjcl.json", Map.of(
                "v1Encrypt", this::v1Encrypt,
                "v1Decrypt", this::v1Decrypt,
                "v2Encrypt", this::v2Encrypt,
                "v2Decrypt", this::v2Decrypt));
    }

    private void v1Encrypt(VectorCase c) throws Exception {
        JsonNode in = c.input();
        byte[] plaintext = c.in("plaintext").getBytes(StandardCharsets.UTF_8);
        if (in.has("plaintextUtf8Hex")) {
            assertEquals(c.in("plaintextUtf8Hex"), HEX.formatHex(plaintext), "plaintext UTF-8");
        }
        if (in.has("plaintextSha256Hex")) {
            assertEquals(c.in("plaintextSha256Hex"), HEX.formatHex(sha256(plaintext)), "plaintext SHA-256");
        }
        byte[] salt = HEX.parseHex(c.in("saltHex"));
        byte[] iv = HEX.parseHex(c.in("ivHex"));
        String adata = textOrNull(in.get("adata"));
        int iter = in.path("iter").asInt(KeychainEncryptor.V1_ITERATIONS);
        int ks = in.path("ks").asInt(KeychainEncryptor.V1_KEY_BITS);
        int ts = in.path("ts").asInt(KeychainEncryptor.V1_TAG_BITS);
        char[] password = c.in("password").toCharArray();

        String envelope = KeychainEncryptor.encryptV1(password, plaintext, adata, salt, iv, iter, ks, ts);
        assertEquals(c.out("envelopeJson"), envelope, "envelope");

        JsonNode mid = c.expected().get("intermediates");
        if (mid != null) {
            byte[] ct = Base64.getDecoder().decode(new com.fasterxml.jackson.databind.ObjectMapper()
                    .readTree(envelope).get("ct").asText());
            byte[] passwordBytes = c.in("password").getBytes(StandardCharsets.UTF_8);
            expectHex(mid, "pbkdf2KeyHex", Pbkdf2Sha256.derive(passwordBytes, salt, iter, ks / 8));
            expectHex(mid, "ivHex", iv);
            byte[] nonce = KeychainEncryptor.nonce(iv, plaintext.length);
            expectHex(mid, "ccmNonceHex", nonce);
            if (mid.has("ccmLengthFieldSizeL")) {
                assertEquals(mid.get("ccmLengthFieldSizeL").asInt(), 15 - nonce.length, "CCM L");
            }
            expectHex(mid, "ciphertextAndTagHex", ct);
            expectHex(mid, "ciphertextAndTagSha256Hex", sha256(ct));
            expectHex(mid, "tagHex", Arrays.copyOfRange(ct, ct.length - ts / 8, ct.length));
            expectHex(mid, "adataUtf8Hex", (adata == null ? "" : adata).getBytes(StandardCharsets.UTF_8));
        }
        assertEquals(c.in("plaintext"), encryptor.decrypt(password, envelope), "decrypts back");
    }

    private void v1Decrypt(VectorCase c) {
        char[] password = c.in("password").toCharArray();
        String envelope = c.in("envelopeJson");
        if (c.expected().path("ok").asBoolean()) {
            assertEquals(c.out("plaintext"), encryptor.decrypt(password, envelope));
            return;
        }
        String type = c.expected().path("sjclExceptionType").asText("");
        String message = c.expected().path("errorMessage").asText("");
        Class<? extends KeychainEncryptionException> expected;
        if (type.equals("corrupt")) {
            expected = WrongPassphraseException.class;
        } else if (type.equals("invalid") && message.startsWith("json decode")) {
            expected = MalformedEnvelopeException.class;
        } else if (type.equals("invalid")) {
            expected = UnsupportedEnvelopeException.class;
        } else {
            expected = KeychainEncryptionException.class;
        }
        assertThrows(expected, () -> encryptor.decrypt(password, envelope), message);
    }

    private void v2Encrypt(VectorCase c) throws Exception {
        JsonNode in = c.input();
        byte[] plaintext = c.in("plaintext").getBytes(StandardCharsets.UTF_8);
        byte[] salt = HEX.parseHex(c.in("saltHex"));
        byte[] iv = HEX.parseHex(c.in("ivHex"));
        Argon2Parameters costs = new Argon2Parameters(in.get("memorySizeKiB").asInt(), in.get("iterations").asInt(),
                in.get("parallelism").asInt());
        char[] password = c.in("password").toCharArray();

        String envelope = KeychainEncryptor.encryptV2(password, plaintext, textOrNull(in.get("adata")), salt, iv, costs);
        assertEquals(c.out("envelopeJson"), envelope, "envelope");

        JsonNode mid = c.expected().get("intermediates");
        if (mid != null) {
            byte[] ct = Base64.getDecoder().decode(new com.fasterxml.jackson.databind.ObjectMapper()
                    .readTree(envelope).get("ct").asText());
            expectHex(mid, "argon2idKeyHex", KeychainEncryptor.argon2id(password, salt, costs));
            expectHex(mid, "ciphertextAndTagHex", ct);
            expectHex(mid, "tagHex", Arrays.copyOfRange(ct, ct.length - 16, ct.length));
        }
        assertEquals(c.in("plaintext"), encryptor.decrypt(password, envelope), "decrypts back");
    }

    private void v2Decrypt(VectorCase c) {
        char[] password = c.in("password").toCharArray();
        String envelope = c.in("envelopeJson");
        if (c.expected().path("ok").asBoolean()) {
            assertEquals(c.out("plaintext"), encryptor.decrypt(password, envelope));
            return;
        }
        String message = c.expected().path("bitgoDecryptAsyncErrorMessage").asText("");
        Class<? extends KeychainEncryptionException> expected;
        if (message.equals("incorrect password")) {
            expected = WrongPassphraseException.class;
        } else if (message.contains("unknown envelope version")) {
            expected = UnsupportedEnvelopeException.class;
        } else {
            expected = KeychainEncryptionException.class;
        }
        assertThrows(expected, () -> encryptor.decrypt(password, envelope), message);
    }

    private static void expectHex(JsonNode node, String field, byte[] actual) {
        JsonNode expected = node.get(field);
        if (expected == null) {
            return;
        }
        assertEquals(expected.asText(), HEX.formatHex(actual), field);
    }

    private static String textOrNull(JsonNode node) {
        return node == null || node.isNull() ? null : node.asText();
    }

    private static byte[] sha256(byte[] data) throws Exception {
        return MessageDigest.getInstance("SHA-256").digest(data);
    }
}
