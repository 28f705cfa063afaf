package dev.bitgojava.signing.encryption;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.bitgojava.signing.encryption.internal.Argon2id;
import dev.bitgojava.signing.encryption.internal.JsEscape;
import dev.bitgojava.signing.encryption.internal.Pbkdf2Sha256;
import dev.bitgojava.signing.encryption.internal.SjclJson;
import dev.bitgojava.signing.internal.JsJson;
import dev.bitgojava.signing.internal.Utf8;
import org.bouncycastle.crypto.InvalidCipherTextException;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.engines.AESEngine;
import org.bouncycastle.crypto.generators.HKDFBytesGenerator;
import org.bouncycastle.crypto.modes.AEADBlockCipher;
import org.bouncycastle.crypto.modes.CCMBlockCipher;
import org.bouncycastle.crypto.modes.GCMBlockCipher;
import org.bouncycastle.crypto.params.AEADParameters;
import org.bouncycastle.crypto.params.HKDFParameters;
import org.bouncycastle.crypto.params.KeyParameter;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.Map;
import java.util.Objects;

/**
 * Password encryption of key material in BitGo's two envelope formats, byte-compatible with BitGoJS in both
 * directions.
 *
 * <ul>
 *   <li><b>Version 1</b> (what {@code bitgo.encrypt} writes): SJCL JSON, PBKDF2-HMAC-SHA256 with 10000 iterations over
 *   an 8-byte salt, AES-256-CCM with a 64-bit tag and a 16-byte IV of which the first 13 (or 12, 11) bytes form the
 *   nonce.</li>
 *   <li><b>Version 2</b> ({@code encryptAsync({encryptionVersion: 2})}): Argon2id over a 16-byte salt, AES-256-GCM
 *   with a 12-byte IV and a 128-bit tag.</li>
 * </ul>
 *
 * <p>{@link #decrypt} recognises both versions and every parameter set SJCL accepts (iterations above 100, key sizes
 * 128/192/256, tag sizes 64/96/128, any field order, whitespace, adata), plus version-2 session envelopes
 * ({@code hkdfSalt}). Instances are immutable and thread-safe.
 *
 * <p>Passphrases are {@code char[]}; this class wipes its own copies of the passphrase bytes and derived keys, the
 * caller remains responsible for clearing the array it passed in.
 */
public final class KeychainEncryptor {

    /** The envelope format {@link #encrypt} writes. */
    public enum Version {
        /** SJCL, PBKDF2 + AES-CCM: what BitGoJS writes by default and every BitGo client reads. */
        V1,
        /** Argon2id + AES-GCM: BitGoJS's newer, memory-hard format. */
        V2
    }

    /** BitGo's PBKDF2 iteration count for version-1 envelopes. */
    public static final int V1_ITERATIONS = 10000;
    /** BitGo's version-1 AES key size in bits. */
    public static final int V1_KEY_BITS = 256;
    /** BitGo's version-1 CCM tag size in bits. */
    public static final int V1_TAG_BITS = 64;
    /** Salt bytes of a version-1 envelope. */
    public static final int V1_SALT_BYTES = 8;
    /** IV bytes of a version-1 envelope. */
    public static final int V1_IV_BYTES = 16;
    /** Salt bytes of a version-2 envelope. */
    public static final int V2_SALT_BYTES = 16;
    /** IV bytes of a version-2 envelope. */
    public static final int V2_IV_BYTES = 12;

    /**
     * The largest PBKDF2 iteration count {@link #decrypt} accepts: 1000 times BitGo's, so no legitimate envelope is
     * refused, while a hostile envelope cannot stall the caller for hours.
     */
    public static final long MAX_V1_ITERATIONS = 10_000_000L;

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final byte[] SESSION_INFO = "bitgo-v2-session".getBytes(StandardCharsets.US_ASCII);
    private static final int GCM_TAG_BITS = 128;

    private static final KeychainEncryptor DEFAULT = new Builder().build();

    private final Version version;
    private final Argon2Parameters argon2;
    private final SecureRandom random;

    private KeychainEncryptor(Builder b) {
        this.version = b.version;
        this.argon2 = b.argon2;
        this.random = b.random != null ? b.random : new SecureRandom();
    }

    /** An encryptor that writes BitGo's default version-1 envelopes with fresh {@link SecureRandom} salts and IVs. */
    public static KeychainEncryptor defaults() {
        return DEFAULT;
    }

    /** A builder for an encryptor with another version, other Argon2 costs or a specific random source. */
    public static Builder builder() {
        return new Builder();
    }

    /** Options for {@link KeychainEncryptor}. */
    public static final class Builder {
        private Version version = Version.V1;
        private Argon2Parameters argon2 = Argon2Parameters.BITGO_DEFAULT;
        private SecureRandom random;

        private Builder() {
        }

        /** The format {@link #encrypt} writes; version 1 by default. */
        public Builder version(Version version) {
            this.version = Objects.requireNonNull(version, "version");
            return this;
        }

        /** Argon2id costs for version-2 envelopes; BitGo's defaults (64 MiB, t=3, p=4) unless set. */
        public Builder argon2(Argon2Parameters parameters) {
            this.argon2 = Objects.requireNonNull(parameters, "parameters");
            return this;
        }

        /**
         * The source of salts and IVs. Each envelope draws the salt first and the IV second (8 + 16 bytes for
         * version 1, 16 + 12 for version 2), in the same order as BitGoJS.
         */
        public Builder random(SecureRandom random) {
            this.random = Objects.requireNonNull(random, "random");
            return this;
        }

        /** The encryptor. */
        public KeychainEncryptor build() {
            return new KeychainEncryptor(this);
        }
    }

    // ------------------------------------------------------------------------------------------------ encrypt

    /** Encrypts {@code plaintext} (as UTF-8) under {@code passphrase}, without associated data. */
    public String encrypt(char[] passphrase, String plaintext) {
        return encrypt(passphrase, plaintext, null);
    }

    /**
     * Encrypts {@code plaintext} (as UTF-8) under {@code passphrase}; {@code adata}, when not null, is authenticated
     * but not encrypted and is stored in clear in the envelope.
     */
    public String encrypt(char[] passphrase, String plaintext, String adata) {
        if (plaintext == null) {
            throw new KeychainEncryptionException("no plaintext to encrypt (null)");
        }
        byte[] data = utf8(plaintext, "plaintext");
        try {
            if (version == Version.V1) {
                byte[] salt = draw(V1_SALT_BYTES);
                byte[] iv = draw(V1_IV_BYTES);
                return encryptV1(passphrase, data, adata, salt, iv, V1_ITERATIONS, V1_KEY_BITS, V1_TAG_BITS);
            }
            byte[] salt = draw(V2_SALT_BYTES);
            byte[] iv = draw(V2_IV_BYTES);
            return encryptV2(passphrase, data, adata, salt, iv, argon2);
        } finally {
            Arrays.fill(data, (byte) 0);
        }
    }

    private byte[] draw(int n) {
        byte[] out = new byte[n];
        random.nextBytes(out);
        return out;
    }

    /** Version-1 envelope with the given salt, IV and SJCL parameters (for reproducing known envelopes). */
    static String encryptV1(char[] passphrase, byte[] plaintext, String adata, byte[] salt, byte[] iv,
                            int iterations, int keyBits, int tagBits) {
        checkV1Parameters(iterations, keyBits, tagBits, iv.length);
        String adataText = adata == null ? "" : adata;
        byte[] key = pbkdf2(passphrase, salt, iterations, keyBits / 8);
        byte[] ct;
        try {
            ct = ccm(true, key, nonce(iv, plaintext.length), tagBits, utf8(adataText, "adata"), plaintext);
        } finally {
            Arrays.fill(key, (byte) 0);
        }
        Base64.Encoder b64 = Base64.getEncoder();
        return "{\"iv\":\"" + b64.encodeToString(iv) + "\",\"v\":1,\"iter\":" + iterations + ",\"ks\":" + keyBits
                + ",\"ts\":" + tagBits + ",\"mode\":\"ccm\",\"adata\":\"" + JsEscape.escape(adataText)
                + "\",\"cipher\":\"aes\",\"salt\":\"" + b64.encodeToString(salt) + "\",\"ct\":\""
                + b64.encodeToString(ct) + "\"}";
    }

    /** Version-2 envelope with the given salt and IV (for reproducing known envelopes). */
    static String encryptV2(char[] passphrase, byte[] plaintext, String adata, byte[] salt, byte[] iv,
                            Argon2Parameters costs) {
        if (salt.length == 0 || iv.length == 0) {
            throw new IllegalArgumentException("salt and iv must not be empty");
        }
        byte[] key = argon2id(passphrase, salt, costs);
        byte[] ct;
        try {
            ct = gcm(true, key, iv, adata == null ? null : utf8(adata, "adata"), plaintext);
        } finally {
            Arrays.fill(key, (byte) 0);
        }
        Base64.Encoder b64 = Base64.getEncoder();
        StringBuilder out = new StringBuilder(96 + ct.length * 4 / 3)
                .append("{\"v\":2,\"m\":").append(costs.memoryKiB())
                .append(",\"t\":").append(costs.iterations())
                .append(",\"p\":").append(costs.parallelism())
                .append(",\"salt\":\"").append(b64.encodeToString(salt))
                .append("\",\"iv\":\"").append(b64.encodeToString(iv))
                .append("\",\"ct\":\"").append(b64.encodeToString(ct)).append('"');
        if (adata != null) {
            out.append(",\"adata\":");
            JsJson.string(out, adata);
        }
        return out.append('}').toString();
    }

    // ------------------------------------------------------------------------------------------------ decrypt

    /**
     * Decrypts a version-1 or version-2 envelope and returns the plaintext as text.
     *
     * @throws WrongPassphraseException     the passphrase is wrong or the envelope was altered
     * @throws MalformedEnvelopeException   the envelope cannot be read, or the plaintext is not UTF-8
     * @throws UnsupportedEnvelopeException the envelope names parameters BitGo clients refuse
     */
    public String decrypt(char[] passphrase, String envelope) {
        byte[] plain = decryptToBytes(passphrase, envelope);
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(plain)).toString();
        } catch (CharacterCodingException e) {
            throw new MalformedEnvelopeException("the decrypted plaintext is not UTF-8 text", e);
        } finally {
            Arrays.fill(plain, (byte) 0);
        }
    }

    /**
     * Decrypts a version-1 or version-2 envelope and returns the plaintext bytes, which the caller can wipe.
     *
     * @see #decrypt(char[], String)
     */
    public byte[] decryptToBytes(char[] passphrase, String envelope) {
        if (envelope == null) {
            throw new MalformedEnvelopeException("no envelope (null)");
        }
        JsonNode parsed = tryParseJson(envelope);
        JsonNode v = parsed == null ? null : parsed.get("v");
        if (v != null && v.isIntegralNumber()) {
            if (v.asLong() == 2 && v.canConvertToInt()) {
                return decryptV2(passphrase, parsed);
            }
            if (v.asLong() != 1) {
                throw new UnsupportedEnvelopeException("unknown envelope version " + v.asText());
            }
        }
        return decryptV1(passphrase, envelope);
    }

    private static JsonNode tryParseJson(String text) {
        try {
            JsonNode node = JSON.readTree(text);
            return node != null && node.isObject() ? node : null;
        } catch (JsonProcessingException e) {
            return null;
        }
    }

    private static byte[] decryptV1(char[] passphrase, String envelope) {
        Map<String, Object> fields;
        try {
            fields = SjclJson.decode(envelope);
        } catch (SjclJson.NotSjclJsonException e) {
            throw new MalformedEnvelopeException("not a version-1 (SJCL) envelope: " + e.getMessage()
                    + " (SJCL: json decode: this isn't json!)");
        }
        long v = number(fields, "v", 1);
        if (v != 1) {
            throw new UnsupportedEnvelopeException("unknown envelope version " + v);
        }
        String cipher = text(fields, "cipher", "aes");
        if (!"aes".equals(cipher)) {
            throw new UnsupportedEnvelopeException("unsupported cipher '" + cipher + "' (only aes)");
        }
        String mode = text(fields, "mode", "ccm");
        if (!"ccm".equals(mode)) {
            throw new UnsupportedEnvelopeException("unsupported mode '" + mode + "' (only ccm)");
        }
        long iter = number(fields, "iter", V1_ITERATIONS);
        long ks = number(fields, "ks", 128);
        long ts = number(fields, "ts", 64);
        String adata = text(fields, "adata", "");
        byte[] iv = base64(fields, "iv");
        byte[] salt = base64(fields, "salt");
        byte[] ct = base64(fields, "ct");
        if (iter <= 100 || iter > MAX_V1_ITERATIONS) {
            throw new UnsupportedEnvelopeException("PBKDF2 iteration count " + iter + " outside 101.." + MAX_V1_ITERATIONS);
        }
        checkV1Parameters((int) iter, (int) ks, (int) ts, iv.length);
        int tagBytes = (int) ts / 8;
        if (ct.length < tagBytes) {
            // SJCL (and so BitGoJS) reports this as a tag mismatch, not as a malformed envelope
            throw new WrongPassphraseException("wrong passphrase, or the envelope was tampered with: ct is shorter than the "
                    + tagBytes + "-byte AES-CCM authentication tag");
        }
        byte[] key = pbkdf2(passphrase, salt, (int) iter, (int) ks / 8);
        try {
            return ccm(false, key, nonce(iv, ct.length - tagBytes), (int) ts, utf8(adata, "adata"), ct);
        } finally {
            Arrays.fill(key, (byte) 0);
        }
    }

    private static void checkV1Parameters(int iterations, int keyBits, int tagBits, int ivBytes) {
        if (keyBits != 128 && keyBits != 192 && keyBits != 256) {
            throw new UnsupportedEnvelopeException("unsupported key size ks=" + keyBits + " (128, 192 or 256)");
        }
        if (tagBits != 64 && tagBits != 96 && tagBits != 128) {
            throw new UnsupportedEnvelopeException("unsupported tag size ts=" + tagBits + " (64, 96 or 128)");
        }
        if (iterations <= 100) {
            throw new UnsupportedEnvelopeException("PBKDF2 iteration count " + iterations + " is not above 100");
        }
        if (ivBytes < 7 || ivBytes > 16) {
            throw new UnsupportedEnvelopeException("iv of " + ivBytes + " bytes (SJCL CCM needs 7..16)");
        }
    }

    private static long number(Map<String, Object> fields, String name, long fallback) {
        Object value = fields.get(name);
        if (value == null) {
            return fallback;
        }
        if (value == SjclJson.OUT_OF_RANGE) {
            throw new UnsupportedEnvelopeException("field '" + name + "' is out of range");
        }
        if (!(value instanceof Long n)) {
            throw new MalformedEnvelopeException("field '" + name + "' must be a number");
        }
        return n;
    }

    private static String text(Map<String, Object> fields, String name, String fallback) {
        Object value = fields.get(name);
        if (value == null) {
            return fallback;
        }
        if (!(value instanceof String s)) {
            throw new MalformedEnvelopeException("field '" + name + "' must be a string");
        }
        return JsEscape.unescape(s);
    }

    private static byte[] base64(Map<String, Object> fields, String name) {
        Object value = fields.get(name);
        if (value == null) {
            throw new MalformedEnvelopeException("missing field '" + name + "'");
        }
        if (!(value instanceof String s)) {
            throw new MalformedEnvelopeException("field '" + name + "' must be a Base64 string");
        }
        return decodeBase64(s.replace("=", ""), name);
    }

    private static byte[] decodeBase64(String s, String name) {
        try {
            return Base64.getDecoder().decode(s);
        } catch (IllegalArgumentException e) {
            throw new MalformedEnvelopeException("field '" + name + "' is not valid Base64", e);
        }
    }

    private static byte[] decryptV2(char[] passphrase, JsonNode env) {
        Argon2Parameters costs = new Argon2Parameters(intField(env, "m"), intField(env, "t"), intField(env, "p"));
        byte[] salt = base64Field(env, "salt");
        byte[] iv = base64Field(env, "iv");
        byte[] ct = base64Field(env, "ct");
        byte[] hkdfSalt = env.has("hkdfSalt") ? base64Field(env, "hkdfSalt") : null;
        byte[] aad = null;
        JsonNode adata = env.get("adata");
        if (adata != null && !adata.isNull()) {
            if (!adata.isTextual()) {
                throw new MalformedEnvelopeException("field 'adata' must be a string");
            }
            aad = utf8(adata.asText(), "adata");
        }
        if (salt.length == 0 || iv.length == 0) {
            throw new MalformedEnvelopeException("salt and iv must not be empty");
        }
        if (ct.length < GCM_TAG_BITS / 8) {
            throw new MalformedEnvelopeException("ct is shorter than the 16-byte GCM tag");
        }
        byte[] key = argon2id(passphrase, salt, costs);
        try {
            if (hkdfSalt != null) {
                byte[] sessionKey = hkdf(key, hkdfSalt);
                Arrays.fill(key, (byte) 0);
                key = sessionKey;
            }
            return gcm(false, key, iv, aad, ct);
        } finally {
            Arrays.fill(key, (byte) 0);
        }
    }

    private static int intField(JsonNode env, String name) {
        JsonNode n = env.get(name);
        if (n == null || n.isNull()) {
            throw new MalformedEnvelopeException("missing field '" + name + "'");
        }
        if (!n.isIntegralNumber()) {
            throw new MalformedEnvelopeException("field '" + name + "' must be an integer");
        }
        if (!n.canConvertToInt()) {
            throw new UnsupportedEnvelopeException("field '" + name + "' is out of range: " + n.asText());
        }
        return n.intValue();
    }

    private static byte[] base64Field(JsonNode env, String name) {
        JsonNode n = env.get(name);
        if (n == null || n.isNull()) {
            throw new MalformedEnvelopeException("missing field '" + name + "'");
        }
        if (!n.isTextual()) {
            throw new MalformedEnvelopeException("field '" + name + "' must be a Base64 string");
        }
        return decodeBase64(n.asText(), name);
    }

    // ------------------------------------------------------------------------------------------------ primitives

    /** The CCM nonce SJCL uses: the first {@code 15 - L} IV bytes, L from the message length (at least 2). */
    static byte[] nonce(byte[] iv, int messageLength) {
        int lengthBytes = 2;
        while (lengthBytes < 4 && (messageLength >>> (8 * lengthBytes)) != 0) {
            lengthBytes++;
        }
        if (lengthBytes < 15 - iv.length) {
            lengthBytes = 15 - iv.length;
        }
        return Arrays.copyOf(iv, 15 - lengthBytes);
    }

    private static byte[] ccm(boolean encrypt, byte[] key, byte[] nonce, int tagBits, byte[] aad, byte[] input) {
        return aead(CCMBlockCipher.newInstance(AESEngine.newInstance()), encrypt, key, nonce, tagBits, aad, input,
                "CCM");
    }

    private static byte[] gcm(boolean encrypt, byte[] key, byte[] iv, byte[] aad, byte[] input) {
        return aead(GCMBlockCipher.newInstance(AESEngine.newInstance()), encrypt, key, iv, GCM_TAG_BITS, aad, input,
                "GCM");
    }

    private static byte[] aead(AEADBlockCipher cipher, boolean encrypt, byte[] key, byte[] nonce, int tagBits,
                               byte[] aad, byte[] input, String mode) {
        cipher.init(encrypt, new AEADParameters(new KeyParameter(key), tagBits, nonce, aad));
        byte[] out = new byte[cipher.getOutputSize(input.length)];
        int n = cipher.processBytes(input, 0, input.length, out, 0);
        try {
            n += cipher.doFinal(out, n);
        } catch (InvalidCipherTextException e) {
            Arrays.fill(out, (byte) 0);
            throw new WrongPassphraseException("wrong passphrase, or the envelope was tampered with: the AES-" + mode
                    + " authentication tag does not match");
        }
        return n == out.length ? out : Arrays.copyOf(out, n);
    }

    private static byte[] pbkdf2(char[] passphrase, byte[] salt, int iterations, int keyBytes) {
        byte[] password = utf8(passphrase);
        try {
            return Pbkdf2Sha256.derive(password, salt, iterations, keyBytes);
        } finally {
            Arrays.fill(password, (byte) 0);
        }
    }

    /** The 32-byte Argon2id key of a version-2 envelope, its lanes filled in parallel where processors allow. */
    static byte[] argon2id(char[] passphrase, byte[] salt, Argon2Parameters costs) {
        byte[] password = utf8(passphrase);
        try {
            return Argon2id.hash(password, salt, costs.memoryKiB(), costs.iterations(), costs.parallelism(), 32);
        } finally {
            Arrays.fill(password, (byte) 0);
        }
    }

    private static byte[] hkdf(byte[] ikm, byte[] salt) {
        HKDFBytesGenerator hkdf = new HKDFBytesGenerator(new SHA256Digest());
        hkdf.init(new HKDFParameters(ikm, salt, SESSION_INFO));
        byte[] out = new byte[32];
        hkdf.generateBytes(out, 0, out.length);
        return out;
    }

    private static byte[] utf8(char[] chars) {
        if (chars == null) {
            throw new KeychainEncryptionException("no passphrase (null)");
        }
        byte[] out = Utf8.encodeSecret(chars);
        if (out == null) {
            throw new KeychainEncryptionException("the passphrase is not valid UTF-16 text (unpaired surrogate)");
        }
        return out;
    }

    private static byte[] utf8(String text, String what) {
        byte[] out = Utf8.encode(text);
        if (out == null) {
            throw new KeychainEncryptionException("the " + what + " is not valid UTF-16 text (unpaired surrogate)");
        }
        return out;
    }
}
