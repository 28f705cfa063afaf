package dev.bitgojava.signing.multiuser;

import dev.bitgojava.signing.internal.JsJson;
import dev.bitgojava.signing.internal.Utf8;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.macs.HMac;
import org.bouncycastle.crypto.params.KeyParameter;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;

/**
 * The body of BitGo's password login, {@code POST /api/auth/v1/session}, exactly as BitGoJS sends it. The password
 * never appears in clear: {@link #passwordHmac()} is HMAC-SHA256 keyed with the lower-cased e-mail over the password
 * as typed. {@link #toJson()} writes the keys in BitGoJS's order. Build one with {@link #builder(String, char[])}.
 *
 * @param email           the user name lower-cased (locale independent)
 * @param passwordHmac    64 lowercase hex digits; a password equivalent, never log it
 * @param forceSms        ask BitGo to send the OTP by SMS
 * @param otp             the one-time password, or null when none is sent
 * @param trust           whether the device asks to be trusted (sent only together with an OTP)
 * @param extensionAddress the P2PKH address of the extension key for an extensible token, or null
 * @param forReset2FA     passed through when not null
 * @param initialHash     passed through when not null
 * @param fingerprintHash passed through when not null
 * @param forceV1Auth     ask for the legacy (non-HMAC) token scheme
 */
public record LoginRequest(String email, String passwordHmac, boolean forceSms, String otp, boolean trust,
                           String extensionAddress, Boolean forReset2FA, String initialHash, String fingerprintHash,
                           boolean forceV1Auth) {

    /** The HTTP method of the login call. */
    public static final String METHOD = "POST";
    /** The path of the login call, relative to the environment's root URI (not under {@code /api/v2}). */
    public static final String PATH = "/api/auth/v1/session";

    /** Checks the fields that must be present. */
    public LoginRequest {
        if (email == null || passwordHmac == null) {
            throw new MultiUserException("a login request needs an e-mail and a password");
        }
        if (otp != null && otp.isEmpty()) {
            otp = null;
        }
    }

    /** A builder for the login of {@code username} with {@code password} (the array is not kept or modified). */
    public static Builder builder(String username, char[] password) {
        return new Builder(username, password);
    }

    /** The e-mail as BitGo expects it: lower-cased with locale-independent rules (JavaScript {@code toLowerCase}). */
    public static String normalizeEmail(String username) {
        if (username == null) {
            throw new MultiUserException("no user name (null)");
        }
        return username.toLowerCase(Locale.ROOT);
    }

    /**
     * The password form BitGo receives at login and in {@code verifypassword}: lowercase hex HMAC-SHA256 with the
     * UTF-8 of {@code key} as key (the lower-cased e-mail, or the user's {@code username} for verifypassword) over the
     * UTF-8 of the password exactly as typed (no trimming, no normalisation).
     */
    public static String passwordHmac(String key, char[] password) {
        if (key == null || key.isEmpty() || password == null) {
            throw new MultiUserException("the password HMAC needs a non-empty e-mail and a password");
        }
        byte[] message = utf8(password);
        byte[] out = new byte[32];
        try {
            HMac mac = new HMac(new SHA256Digest());
            mac.init(new KeyParameter(key.getBytes(StandardCharsets.UTF_8)));
            mac.update(message, 0, message.length);
            mac.doFinal(out, 0);
            return new String(Ecdh.hex(out));
        } finally {
            Arrays.fill(message, (byte) 0);
            Arrays.fill(out, (byte) 0);
        }
    }

    private static byte[] utf8(char[] chars) {
        byte[] out = Utf8.encodeSecret(chars);
        if (out == null) {
            throw new MultiUserException("the password is not valid UTF-16 text (unpaired surrogate)");
        }
        return out;
    }

    /**
     * The request body, compact JSON with keys in BitGoJS's order: {@code email, password, forceSMS, otp, trust,
     * extensible, extensionAddress, forReset2FA, initialHash, fingerprintHash, forceV1Auth}, absent ones omitted.
     */
    public String toJson() {
        StringBuilder out = new StringBuilder(160).append('{');
        JsJson.string(JsJson.name(out, "email"), email);
        JsJson.string(JsJson.name(out, "password"), passwordHmac);
        JsJson.name(out, "forceSMS").append(forceSms);
        if (otp != null) {
            JsJson.string(JsJson.name(out, "otp"), otp);
            if (trust) {
                JsJson.name(out, "trust").append(1);
            }
        }
        if (extensionAddress != null) {
            JsJson.name(out, "extensible").append(true);
            JsJson.string(JsJson.name(out, "extensionAddress"), extensionAddress);
        }
        if (forReset2FA != null) {
            JsJson.name(out, "forReset2FA").append(forReset2FA.booleanValue());
        }
        if (initialHash != null) {
            JsJson.string(JsJson.name(out, "initialHash"), initialHash);
        }
        if (fingerprintHash != null) {
            JsJson.string(JsJson.name(out, "fingerprintHash"), fingerprintHash);
        }
        if (forceV1Auth) {
            JsJson.name(out, "forceV1Auth").append(true);
        }
        return out.append('}').toString();
    }

    /** Never shows the password HMAC or the OTP. */
    @Override
    public String toString() {
        return "LoginRequest(" + email + (otp != null ? ", otp" : "") + (forceSms ? ", forceSMS" : "")
                + (extensionAddress != null ? ", extensible" : "") + ")";
    }

    /** Options of a login; everything but the user name and password is optional. */
    public static final class Builder {
        private final String email;
        private final String passwordHmac;
        private boolean forceSms;
        private String otp;
        private boolean trust;
        private String extensionAddress;
        private Boolean forReset2FA;
        private String initialHash;
        private String fingerprintHash;
        private boolean forceV1Auth;

        private Builder(String username, char[] password) {
            this.email = normalizeEmail(username);
            this.passwordHmac = passwordHmac(email, password);
        }

        /** The one-time password; null or empty sends none. */
        public Builder otp(String otp) {
            this.otp = otp;
            return this;
        }

        /** Ask for the OTP by SMS ({@code forceSMS}, always sent; false unless set). */
        public Builder forceSms(boolean forceSms) {
            this.forceSms = forceSms;
            return this;
        }

        /** Ask BitGo to trust this device (sent as {@code trust: 1}, only together with an OTP). */
        public Builder trust(boolean trust) {
            this.trust = trust;
            return this;
        }

        /** Ask for an extensible token tied to the key behind this P2PKH address. */
        public Builder extensible(String extensionAddress) {
            this.extensionAddress = extensionAddress;
            return this;
        }

        /** Passed through as {@code forReset2FA} when not null. */
        public Builder forReset2FA(Boolean forReset2FA) {
            this.forReset2FA = forReset2FA;
            return this;
        }

        /** Passed through as {@code initialHash} when not null. */
        public Builder initialHash(String initialHash) {
            this.initialHash = initialHash;
            return this;
        }

        /** Passed through as {@code fingerprintHash} when not null. */
        public Builder fingerprintHash(String fingerprintHash) {
            this.fingerprintHash = fingerprintHash;
            return this;
        }

        /** Ask for the legacy token scheme ({@code forceV1Auth: true}). */
        public Builder forceV1Auth(boolean forceV1Auth) {
            this.forceV1Auth = forceV1Auth;
            return this;
        }

        /** The request. */
        public LoginRequest build() {
            return new LoginRequest(email, passwordHmac, forceSms, otp, trust, extensionAddress, forReset2FA,
                    initialHash, fingerprintHash, forceV1Auth);
        }
    }
}
