package dev.bitgojava.signing.utxo;

import dev.bitgojava.signing.SigningException;

/** A chain code that BitGo does not define, or whose script type the coin does not support. */
public class UnsupportedChainException extends SigningException {

    private final String errorName;

    private UnsupportedChainException(String errorName, String message) {
        super(message);
        this.errorName = errorName;
    }

    static UnsupportedChainException invalidChain(int chain) {
        return new UnsupportedChainException("InvalidAddressDerivationPropertyError",
                "invalid chain " + chain + ": BitGo wallets use chains 0, 1, 10, 11, 20, 21, 30, 31, 40, 41");
    }

    static UnsupportedChainException unsupportedType(ScriptType type) {
        String name = type.bitgoName();
        return new UnsupportedChainException(Character.toUpperCase(name.charAt(0)) + name.substring(1)
                + "UnsupportedError", name + " not supported by this coin");
    }

    /** The name of the matching error class in BitGo's SDK, e.g. {@code P2trUnsupportedError}. */
    public String errorName() {
        return errorName;
    }
}
