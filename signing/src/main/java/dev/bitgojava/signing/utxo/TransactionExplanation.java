package dev.bitgojava.signing.utxo;

import java.math.BigInteger;
import java.util.List;

/**
 * What a wallet PSBT does, with every wallet input and change output re-derived from the wallet xpubs.
 *
 * @param inputAmount     sum of the input amounts
 * @param externalAmount  sum of the outputs that do not go to the wallet
 * @param changeAmount    sum of the change outputs
 * @param fee             inputs minus all outputs
 * @param estimatedVsize  estimated virtual size of the fully signed transaction
 * @param externalOutputs outputs that leave the wallet, in transaction order
 * @param changeOutputs   verified change outputs, in transaction order
 */
public record TransactionExplanation(BigInteger inputAmount, BigInteger externalAmount, BigInteger changeAmount,
                                     BigInteger fee, long estimatedVsize, List<Output> externalOutputs,
                                     List<Output> changeOutputs) {

    /**
     * One output.
     *
     * @param outputIndex index in the transaction
     * @param address     address in the coin's default format, or null when the script has none
     * @param scriptPubKey output script
     * @param amount      amount in base units
     * @param chain       wallet chain (change only, else -1)
     * @param index       wallet address index (change only, else -1)
     */
    public record Output(int outputIndex, String address, byte[] scriptPubKey, BigInteger amount, int chain, int index) {
    }
}
