package dev.bitgojava.signing.utxo;

/**
 * The output script types of BitGo fixed-script 2-of-3 wallets, each with its pair of chain codes
 * (even = external/receive, odd = internal/change).
 */
public enum ScriptType {
    /** Chains 0/1: bare multisig in P2SH. */
    P2SH("p2sh", 0),
    /** Chains 10/11: multisig witness script in P2SH-wrapped P2WSH. */
    P2SH_P2WSH("p2shP2wsh", 10),
    /** Chains 20/21: native P2WSH multisig. */
    P2WSH("p2wsh", 20),
    /** Chains 30/31: BitGo's legacy taproot (legacy MuSig internal key, three 2-of-2 leaves). */
    P2TR("p2tr", 30),
    /** Chains 40/41: taproot with a BIP327 MuSig2 internal key and two 2-of-2 leaves. */
    P2TR_MUSIG2("p2trMusig2", 40);

    private final String bitgoName;
    private final int externalChain;

    ScriptType(String bitgoName, int externalChain) {
        this.bitgoName = bitgoName;
        this.externalChain = externalChain;
    }

    /** The script type of a chain code; throws {@link UnsupportedChainException} for any other chain. */
    public static ScriptType fromChain(int chain) {
        for (ScriptType type : values()) {
            if (chain == type.externalChain || chain == type.externalChain + 1) {
                return type;
            }
        }
        throw UnsupportedChainException.invalidChain(chain);
    }

    /** Whether the chain code is one BitGo uses. */
    public static boolean isValidChain(int chain) {
        for (ScriptType type : values()) {
            if (chain == type.externalChain || chain == type.externalChain + 1) {
                return true;
            }
        }
        return false;
    }

    /** The name BitGo's SDK uses (p2sh, p2shP2wsh, p2wsh, p2tr, p2trMusig2). */
    public String bitgoName() {
        return bitgoName;
    }

    /** The external (receive) chain code. */
    public int externalChain() {
        return externalChain;
    }

    /** The internal (change) chain code. */
    public int internalChain() {
        return externalChain + 1;
    }

    /** Whether outputs of this type are taproot (segwit v1). */
    public boolean isTaproot() {
        return this == P2TR || this == P2TR_MUSIG2;
    }

    /** Whether inputs of this type are signed with a witness (BIP143 or BIP341 digest). */
    public boolean isSegwit() {
        return this != P2SH;
    }
}
