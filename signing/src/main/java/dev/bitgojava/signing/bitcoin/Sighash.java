package dev.bitgojava.signing.bitcoin;

import java.util.List;

/**
 * Bitcoin's signature hashes: legacy, segwit v0 (BIP 143, and Bitcoin Cash's FORKID variant) and taproot
 * (BIP 341). Each call here hashes the transaction-wide parts again; to sign several inputs of one transaction
 * use a {@link SighashCache}.
 */
public final class Sighash {

    /** Taproot only: like ALL, but the hash type byte is omitted from the signature. */
    public static final int DEFAULT = 0x00;
    /** Commit to all inputs and outputs. */
    public static final int ALL = 0x01;
    /** Commit to no outputs. */
    public static final int NONE = 0x02;
    /** Commit to the output with the same index as the input. */
    public static final int SINGLE = 0x03;
    /** Bitcoin Cash (and forks): replay-protected digest flag. */
    public static final int FORKID = 0x40;
    /** Commit to this input only. */
    public static final int ANYONECANPAY = 0x80;

    private Sighash() {
    }

    /** The legacy signature hash; see {@link SighashCache#legacy}. */
    public static byte[] legacy(RawTransaction tx, int inputIndex, byte[] scriptCode, int hashType) {
        return new SighashCache(tx).legacy(inputIndex, scriptCode, hashType);
    }

    /** The BIP 143 signature hash (also the FORKID digest when {@code hashType} has 0x40); see {@link SighashCache#segwitV0}. */
    public static byte[] segwitV0(RawTransaction tx, int inputIndex, byte[] scriptCode, long amount, int hashType) {
        return new SighashCache(tx).segwitV0(inputIndex, scriptCode, amount, hashType);
    }

    /** The BIP 341 signature hash; see {@link SighashCache#taproot}. */
    public static byte[] taproot(RawTransaction tx, int inputIndex, List<TxOut> spentOutputs, int hashType,
                                 byte[] leafHashOrNull, byte[] annexOrNull) {
        return new SighashCache(tx, spentOutputs).taproot(inputIndex, hashType, leafHashOrNull, annexOrNull);
    }
}
