package dev.bitgojava.signing.multiuser;

/**
 * The login password does not open the user's encrypted ECDH key ({@code encryptedECDHXprv} at login,
 * {@code encryptedXprv} when accepting a share). BitGoJS reports this as {@code incorrect password} with
 * {@code errorCode = ecdh_xprv_decryption_failure}.
 */
public class IncorrectLoginPasswordException extends MultiUserException {

    /** BitGo's error code for this condition. */
    public static final String ERROR_CODE = "ecdh_xprv_decryption_failure";

    /** An error with its message and the lower-level cause. */
    public IncorrectLoginPasswordException(String message, Throwable cause) {
        super(message, cause);
    }

    @Override
    public String errorCode() {
        return ERROR_CODE;
    }
}
