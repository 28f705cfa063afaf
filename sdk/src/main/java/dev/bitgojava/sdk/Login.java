package dev.bitgojava.sdk;

import dev.bitgojava.sdk.errors.BitGoConfigurationException;

import java.util.Arrays;
import java.util.Objects;

/**
 * The credentials of a password login. The password is kept as a copy in a {@code char[]} that
 * {@link Auth#login(Login)} clears after use (so a {@code Login} is good for one login); it leaves the process
 * only as its HMAC form. Build one with {@link #builder(String, char[])}.
 */
public final class Login {

    private final String username;
    private final char[] password;
    private final String otp;
    private final boolean trust;
    private final boolean forceSms;
    private final boolean extensible;

    private Login(Builder b) {
        this.username = b.username;
        this.password = b.password.clone();
        this.otp = b.otp;
        this.trust = b.trust;
        this.forceSms = b.forceSms;
        this.extensible = b.extensible;
    }

    /** A builder for {@code username} (the e-mail) and {@code password} (copied; the caller may clear theirs). */
    public static Builder builder(String username, char[] password) {
        return new Builder(username, password);
    }

    /** The user name (e-mail) as given. */
    public String username() {
        return username;
    }

    String otp() {
        return otp;
    }

    boolean trust() {
        return trust;
    }

    boolean forceSms() {
        return forceSms;
    }

    /** Whether the login asks for an extensible token. */
    public boolean extensible() {
        return extensible;
    }

    char[] password() {
        return password;
    }

    /** Clears the password copy. */
    void clear() {
        Arrays.fill(password, '\0');
    }

    /** Never shows the password or the OTP. */
    @Override
    public String toString() {
        return "Login(" + username + (otp != null ? ", otp" : "") + (extensible ? ", extensible" : "") + ")";
    }

    /** Options of a login. */
    public static final class Builder {
        private final String username;
        private final char[] password;
        private String otp;
        private boolean trust;
        private boolean forceSms;
        private boolean extensible;

        private Builder(String username, char[] password) {
            if (username == null || username.isBlank()) {
                throw new BitGoConfigurationException("a login needs a user name (e-mail)");
            }
            if (password == null || password.length == 0) {
                throw new BitGoConfigurationException("a login needs a password");
            }
            this.username = username;
            this.password = password;
        }

        /** The one-time password (second factor), when the account asks for one. */
        public Builder otp(String otp) {
            this.otp = otp;
            return this;
        }

        /** Ask BitGo to trust this device (only sent together with an OTP). */
        public Builder trust(boolean trust) {
            this.trust = trust;
            return this;
        }

        /** Ask for the OTP by SMS. */
        public Builder forceSms(boolean forceSms) {
            this.forceSms = forceSms;
            return this;
        }

        /**
         * Ask for an extensible token: the login makes a fresh extension key, sends its P2PKH address, and the
         * logged-in client keeps the key (never shown, wiped on logout) so that {@link Auth#extendToken} can
         * prolong the token before it expires.
         */
        public Builder extensible(boolean extensible) {
            this.extensible = extensible;
            return this;
        }

        /** The credentials (the password is copied now). */
        public Login build() {
            Objects.requireNonNull(password, "password");
            return new Login(this);
        }
    }
}
