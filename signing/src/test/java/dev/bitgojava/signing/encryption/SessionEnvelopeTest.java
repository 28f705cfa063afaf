package dev.bitgojava.signing.encryption;

import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.generators.HKDFBytesGenerator;
import org.bouncycastle.crypto.params.HKDFParameters;
import org.junit.jupiter.api.Test;

import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * Version-2 session envelopes (BitGoJS {@code EncryptionSession}): the AES key is HKDF-SHA256 of the Argon2id output
 * with the envelope's {@code hkdfSalt} and info {@code bitgo-v2-session}. The envelope is built here with the JDK's
 * AES-GCM, independently of the code under test.
 */
class SessionEnvelopeTest {

    private static final char[] PASS = "session pass".toCharArray();
    private static final Argon2Parameters COSTS = new Argon2Parameters(64, 1, 1);

    private static String sessionEnvelope(String plaintext, String adata) throws Exception {
        byte[] salt = new byte[16];
        byte[] hkdfSalt = new byte[32];
        byte[] iv = new byte[12];
        for (int i = 0; i < 32; i++) {
            hkdfSalt[i] = (byte) i;
        }
        byte[] master = KeychainEncryptor.argon2id(PASS, salt, COSTS);
        HKDFBytesGenerator hkdf = new HKDFBytesGenerator(new SHA256Digest());
        hkdf.init(new HKDFParameters(master, hkdfSalt, "bitgo-v2-session".getBytes(StandardCharsets.US_ASCII)));
        byte[] key = new byte[32];
        hkdf.generateBytes(key, 0, 32);
        Cipher gcm = Cipher.getInstance("AES/GCM/NoPadding");
        gcm.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(key, "AES"), new GCMParameterSpec(128, iv));
        gcm.updateAAD(adata.getBytes(StandardCharsets.UTF_8));
        byte[] ct = gcm.doFinal(plaintext.getBytes(StandardCharsets.UTF_8));
        Base64.Encoder b64 = Base64.getEncoder();
        return "{\"v\":2,\"m\":64,\"t\":1,\"p\":1,\"salt\":\"" + b64.encodeToString(salt) + "\",\"hkdfSalt\":\""
                + b64.encodeToString(hkdfSalt) + "\",\"iv\":\"" + b64.encodeToString(iv) + "\",\"ct\":\""
                + b64.encodeToString(ct) + "\",\"adata\":\"" + adata + "\"}";
    }

    @Test
    void sessionEnvelopesDecryptStandalone() throws Exception {
        assertEquals("xprv-session", KeychainEncryptor.defaults().decrypt(PASS, sessionEnvelope("xprv-session", "ad")));
    }

    @Test
    void aSessionEnvelopeWithoutItsHkdfSaltDoesNotAuthenticate() throws Exception {
        String withoutHkdf = sessionEnvelope("x", "ad").replaceAll(",\"hkdfSalt\":\"[^\"]*\"", "");
        assertThrows(WrongPassphraseException.class, () -> KeychainEncryptor.defaults().decrypt(PASS, withoutHkdf));
    }
}
