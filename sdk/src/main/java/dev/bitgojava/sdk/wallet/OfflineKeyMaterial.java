package dev.bitgojava.sdk.wallet;

import java.util.Arrays;
import java.util.Objects;

/**
 * What the user must store offline after {@code generateWallet} (BitGo's "key card"): the encrypted user key, the
 * backup key (in clear and encrypted) and the three public keys. Without the user key and passphrase, or the backup
 * key, funds cannot be recovered. The backup private key is held as a {@code char[]} and can be wiped with
 * {@link #clear()} once it is stored; BitGo never received it in clear.
 */
public final class OfflineKeyMaterial {

    private final String userXpub;
    private final String encryptedUserPrv;
    private final String backupXpub;
    private final char[] backupXprv;
    private final String encryptedBackupPrv;
    private final String bitgoXpub;

    /**
     * The material; {@code backupXprv} is copied (the caller keeps and clears its own array).
     *
     * @param backupXprv the backup xprv, or null when the backup key was supplied as an xpub
     */
    public OfflineKeyMaterial(String userXpub, String encryptedUserPrv, String backupXpub, char[] backupXprv,
                              String encryptedBackupPrv, String bitgoXpub) {
        this.userXpub = Objects.requireNonNull(userXpub, "userXpub");
        this.encryptedUserPrv = encryptedUserPrv;
        this.backupXpub = Objects.requireNonNull(backupXpub, "backupXpub");
        this.backupXprv = backupXprv == null ? null : backupXprv.clone();
        this.encryptedBackupPrv = encryptedBackupPrv;
        this.bitgoXpub = Objects.requireNonNull(bitgoXpub, "bitgoXpub");
    }

    /** The user xpub. */
    public String userXpub() {
        return userXpub;
    }

    /** The user xprv encrypted with the wallet passphrase. */
    public String encryptedUserPrv() {
        return encryptedUserPrv;
    }

    /** The backup xpub. */
    public String backupXpub() {
        return backupXpub;
    }

    /**
     * A copy of the backup xprv in clear (store it offline, then clear your copy), or null when the backup key was
     * not generated here or {@link #clear()} was called.
     */
    public synchronized char[] backupXprv() {
        return backupXprv == null || isCleared() ? null : backupXprv.clone();
    }

    /** The backup xprv encrypted with the wallet passphrase, or null. */
    public String encryptedBackupPrv() {
        return encryptedBackupPrv;
    }

    /** The BitGo xpub. */
    public String bitgoXpub() {
        return bitgoXpub;
    }

    /** Overwrites the backup xprv held here. */
    public synchronized void clear() {
        if (backupXprv != null) {
            Arrays.fill(backupXprv, '\0');
        }
    }

    private boolean isCleared() {
        for (char c : backupXprv) {
            if (c != '\0') {
                return false;
            }
        }
        return true;
    }

    /** Public keys only; never the private material. */
    @Override
    public String toString() {
        return "OfflineKeyMaterial[userXpub=" + userXpub + ", backupXpub=" + backupXpub + ", bitgoXpub=" + bitgoXpub
                + ", backupXprv=" + (backupXprv == null ? "absent" : "<redacted>") + "]";
    }
}
