package dev.bitgojava.sdk.wallet;

import dev.bitgojava.sdk.errors.BitGoConfigurationException;

import java.util.Arrays;
import java.util.Optional;

/**
 * Options of {@link Wallets#generateWallet}: label, passphrase (kept as a {@code char[]} copy and wiped by
 * {@link #clearPassphrase()}, which {@code generateWallet} calls when it is done), enterprise, wallet type, and
 * optionally a backup xpub the user already holds. Build with {@link #builder()}.
 */
public final class GenerateWalletOptions {

    private final String label;
    private final char[] passphrase;
    private final String enterprise;
    private final String type;
    private final String backupXpub;
    private final boolean uploadEncryptedBackupKey;
    private final Integer walletVersion;

    private GenerateWalletOptions(Builder b) {
        this.label = b.label;
        this.passphrase = b.passphrase;
        this.enterprise = b.enterprise;
        this.type = b.type;
        this.backupXpub = b.backupXpub;
        this.uploadEncryptedBackupKey = b.uploadEncryptedBackupKey;
        this.walletVersion = b.walletVersion;
    }

    /** A builder. */
    public static Builder builder() {
        return new Builder();
    }

    /** The wallet label. */
    public String label() {
        return label;
    }

    /** The passphrase (the array itself; cleared by {@link #clearPassphrase()}). */
    public char[] passphrase() {
        return passphrase;
    }

    /** The enterprise id, if any (required for ETH wallets). */
    public Optional<String> enterprise() {
        return Optional.ofNullable(enterprise);
    }

    /** {@code hot} (default) or {@code cold}. */
    public String type() {
        return type;
    }

    /** A backup xpub to use instead of generating a backup key, if any. */
    public Optional<String> backupXpub() {
        return Optional.ofNullable(backupXpub);
    }

    /** Whether the generated backup key is uploaded encrypted with the passphrase (BitGo's SDK default: true). */
    public boolean uploadEncryptedBackupKey() {
        return uploadEncryptedBackupKey;
    }

    /** The wallet version to ask for, if any. */
    public Optional<Integer> walletVersion() {
        return Optional.ofNullable(walletVersion);
    }

    /** Overwrites the passphrase copy held here. */
    public void clearPassphrase() {
        Arrays.fill(passphrase, '\0');
    }

    @Override
    public String toString() {
        return "GenerateWalletOptions[label=" + label + ", enterprise=" + enterprise + ", type=" + type
                + ", passphrase=<redacted>]";
    }

    /** Builder of {@link GenerateWalletOptions}. */
    public static final class Builder {
        private String label;
        private char[] passphrase;
        private String enterprise;
        private String type = "hot";
        private String backupXpub;
        private boolean uploadEncryptedBackupKey = true;
        private Integer walletVersion;

        private Builder() {
        }

        /** The wallet label (required). */
        public Builder label(String label) {
            this.label = label;
            return this;
        }

        /** The wallet passphrase (required, not empty); a copy is kept, clear your own array. */
        public Builder passphrase(char[] passphrase) {
            this.passphrase = passphrase == null ? null : passphrase.clone();
            return this;
        }

        /** The enterprise that owns the wallet (required by BitGo for ETH). */
        public Builder enterprise(String enterprise) {
            this.enterprise = enterprise;
            return this;
        }

        /** {@code hot} or {@code cold}. */
        public Builder type(String type) {
            this.type = type;
            return this;
        }

        /** Use this backup xpub instead of generating a backup key. */
        public Builder backupXpub(String backupXpub) {
            this.backupXpub = backupXpub;
            return this;
        }

        /** Whether to upload the generated backup key encrypted with the passphrase (default true). */
        public Builder uploadEncryptedBackupKey(boolean upload) {
            this.uploadEncryptedBackupKey = upload;
            return this;
        }

        /** The wallet version to ask for. */
        public Builder walletVersion(int walletVersion) {
            this.walletVersion = walletVersion;
            return this;
        }

        /**
         * The options.
         *
         * @throws BitGoConfigurationException when the label or passphrase is missing or the type is unknown
         */
        public GenerateWalletOptions build() {
            if (label == null || label.isBlank()) {
                throw new BitGoConfigurationException("generateWallet needs a label");
            }
            if (passphrase == null || passphrase.length == 0) {
                throw new BitGoConfigurationException("generateWallet needs a non-empty passphrase");
            }
            if (!"hot".equals(type) && !"cold".equals(type)) {
                throw new BitGoConfigurationException("wallet type must be hot or cold, not " + type);
            }
            return new GenerateWalletOptions(this);
        }
    }
}
