package dev.bitgojava.testkit;

/**
 * How a malicious {@code tx/build} answer is tampered with (see {@link Faults#maliciousBuildNext}). Every kind is
 * something a client's verify-before-sign must catch; the UTXO kinds alter the unsigned PSBT, the {@code ETH_}
 * kinds the WalletSimple operation parameters.
 */
public enum MaliciousBuild {
    /** UTXO and ETH: the first recipient is replaced by an address nobody asked for. */
    RECIPIENT_SWAPPED(true, true),
    /** UTXO and ETH: the first recipient's amount is one base unit more (taken from change or fee). */
    AMOUNT_CHANGED(true, true),
    /** UTXO: an extra output pays a foreign address (taken from change). */
    EXTRA_OUTPUT(true, false),
    /** UTXO: the change output pays a foreign address while still claiming the wallet change path. */
    CHANGE_TO_FOREIGN_ADDRESS(true, false),
    /** UTXO: the change output is a wallet address, but its derivation records claim the next index. */
    CHANGE_WRONG_INDEX(true, false),
    /** UTXO: the fee is absurd (most of the change goes to the miners). */
    ABSURD_FEE(true, false),
    /** ETH: the contract sequence id is not the wallet's next one. */
    ETH_SEQUENCE_ID_CHANGED(false, true);

    private final boolean utxo;
    private final boolean eth;

    MaliciousBuild(boolean utxo, boolean eth) {
        this.utxo = utxo;
        this.eth = eth;
    }

    /** Whether the kind applies to builds of UTXO wallets. */
    public boolean appliesToUtxo() {
        return utxo;
    }

    /** Whether the kind applies to builds of Ethereum wallets. */
    public boolean appliesToEth() {
        return eth;
    }
}
