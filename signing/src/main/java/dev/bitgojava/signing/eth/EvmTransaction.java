package dev.bitgojava.signing.eth;

import dev.bitgojava.signing.bitcoin.Ecdsa;
import dev.bitgojava.signing.eth.internal.EthBytes;
import dev.bitgojava.signing.eth.internal.EthKeys;
import dev.bitgojava.signing.eth.internal.Keccak;
import org.web3j.rlp.RlpEncoder;
import org.web3j.rlp.RlpList;
import org.web3j.rlp.RlpString;
import org.web3j.rlp.RlpType;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

/**
 * An unsigned EVM transaction, legacy (EIP-155) or EIP-1559, that can be written as BitGo's unsigned prebuild and
 * signed by one key. Immutable and thread-safe.
 */
public final class EvmTransaction {

    /** The transaction envelope. */
    public enum Type {
        /** Legacy gas price, EIP-155 replay protection. */
        LEGACY,
        /** Type 2: max fee and priority fee, empty access list. */
        EIP1559
    }

    private static final RlpString EMPTY = RlpString.create(new byte[0]);

    private final Type type;
    private final long chainId;
    private final long nonce;
    private final BigInteger gasPrice;
    private final BigInteger maxPriorityFeePerGas;
    private final BigInteger maxFeePerGas;
    private final BigInteger gasLimit;
    private final byte[] to;
    private final BigInteger value;
    private final byte[] data;

    private EvmTransaction(Type type, long chainId, long nonce, BigInteger gasPrice, BigInteger maxPriorityFeePerGas,
                           BigInteger maxFeePerGas, BigInteger gasLimit, String to, BigInteger value, byte[] data) {
        if (chainId <= 0) {
            throw new InvalidEthInputException("a chain id is positive, not " + chainId);
        }
        if (nonce < 0) {
            throw new InvalidEthInputException("a nonce is not negative: " + nonce);
        }
        this.type = type;
        this.chainId = chainId;
        this.nonce = nonce;
        this.gasPrice = gasPrice;
        this.maxPriorityFeePerGas = maxPriorityFeePerGas;
        this.maxFeePerGas = maxFeePerGas;
        this.gasLimit = EthBytes.requireUint256(gasLimit, "gasLimit");
        this.to = EthBytes.parseAddress(to, "to");
        this.value = EthBytes.requireUint256(value, "value");
        this.data = data == null ? new byte[0] : data.clone();
    }

    /** A legacy transaction with EIP-155 replay protection for {@code chainId}. */
    public static EvmTransaction legacy(long chainId, long nonce, BigInteger gasPrice, BigInteger gasLimit,
                                        String to, BigInteger value, byte[] data) {
        return new EvmTransaction(Type.LEGACY, chainId, nonce, EthBytes.requireUint256(gasPrice, "gasPrice"),
                null, null, gasLimit, to, value, data);
    }

    /** An EIP-1559 (type 2) transaction with an empty access list. */
    public static EvmTransaction eip1559(long chainId, long nonce, BigInteger maxPriorityFeePerGas,
                                         BigInteger maxFeePerGas, BigInteger gasLimit, String to, BigInteger value,
                                         byte[] data) {
        return new EvmTransaction(Type.EIP1559, chainId, nonce, null,
                EthBytes.requireUint256(maxPriorityFeePerGas, "maxPriorityFeePerGas"),
                EthBytes.requireUint256(maxFeePerGas, "maxFeePerGas"), gasLimit, to, value, data);
    }

    /** The envelope type. */
    public Type type() {
        return type;
    }

    /** The chain id. */
    public long chainId() {
        return chainId;
    }

    /** The sender's nonce. */
    public long nonce() {
        return nonce;
    }

    /** The gas price of a legacy transaction, null for EIP-1559. */
    public BigInteger gasPrice() {
        return gasPrice;
    }

    /** The priority fee of an EIP-1559 transaction, null for legacy. */
    public BigInteger maxPriorityFeePerGas() {
        return maxPriorityFeePerGas;
    }

    /** The fee cap of an EIP-1559 transaction, null for legacy. */
    public BigInteger maxFeePerGas() {
        return maxFeePerGas;
    }

    /** The gas limit. */
    public BigInteger gasLimit() {
        return gasLimit;
    }

    /** The destination as lowercase {@code 0x} hex. */
    public String to() {
        return EthBytes.prefixedHex(to);
    }

    /** The value in wei. */
    public BigInteger value() {
        return value;
    }

    /** The call data. */
    public byte[] data() {
        return data.clone();
    }

    /**
     * The unsigned transaction as BitGo's prebuild writes it: legacy {@code RLP[nonce, gasPrice, gasLimit, to, value,
     * data, chainId·2+35, "", ""]}; EIP-1559 {@code 0x02 ‖ RLP[chainId, nonce, priority fee, max fee, gasLimit, to,
     * value, data, [], "", "", ""]}.
     */
    public byte[] unsignedPrebuild() {
        List<RlpType> fields = fields();
        if (type == Type.LEGACY) {
            fields.add(uint(BigInteger.valueOf(chainId).shiftLeft(1).add(BigInteger.valueOf(35))));
            fields.add(EMPTY);
            fields.add(EMPTY);
        } else {
            fields.add(EMPTY);
            fields.add(EMPTY);
            fields.add(EMPTY);
        }
        return envelope(fields);
    }

    /** The 32-byte hash the sender signs (EIP-155 for legacy, EIP-1559 signing payload for type 2). */
    public byte[] signingHash() {
        List<RlpType> fields = fields();
        if (type == Type.LEGACY) {
            fields.add(uint(BigInteger.valueOf(chainId)));
            fields.add(EMPTY);
            fields.add(EMPTY);
        }
        return Keccak.hash(envelope(fields));
    }

    /** Signs with one key (RFC 6979, low-S) and returns the raw signed transaction with its hash and sender. */
    public SignedEvmTransaction sign(byte[] privateKey) {
        Ecdsa.RecoverableSignature sig = EthKeys.sign(signingHash(), privateKey);
        if (sig.recoveryId() > 1) {
            throw new InvalidEthInputException("the signature's recovery id cannot be written in a transaction");
        }
        BigInteger v = type == Type.LEGACY
                ? BigInteger.valueOf(chainId).shiftLeft(1).add(BigInteger.valueOf(35 + sig.recoveryId()))
                : BigInteger.valueOf(sig.recoveryId());
        BigInteger r = sig.r();
        BigInteger s = sig.s();
        List<RlpType> fields = fields();
        fields.add(uint(v));
        fields.add(uint(r));
        fields.add(uint(s));
        byte[] raw = envelope(fields);
        return new SignedEvmTransaction(this, raw, Keccak.hash(raw), v, r, s,
                EthBytes.prefixedHex(EthKeys.address(privateKey)));
    }

    private List<RlpType> fields() {
        List<RlpType> fields = new ArrayList<>(12);
        if (type == Type.LEGACY) {
            fields.add(uint(BigInteger.valueOf(nonce)));
            fields.add(uint(gasPrice));
        } else {
            fields.add(uint(BigInteger.valueOf(chainId)));
            fields.add(uint(BigInteger.valueOf(nonce)));
            fields.add(uint(maxPriorityFeePerGas));
            fields.add(uint(maxFeePerGas));
        }
        fields.add(uint(gasLimit));
        fields.add(RlpString.create(to));
        fields.add(uint(value));
        fields.add(RlpString.create(data));
        if (type == Type.EIP1559) {
            fields.add(new RlpList(new ArrayList<>()));
        }
        return fields;
    }

    private byte[] envelope(List<RlpType> fields) {
        byte[] rlp = RlpEncoder.encode(new RlpList(fields));
        if (type == Type.LEGACY) {
            return rlp;
        }
        byte[] out = new byte[rlp.length + 1];
        out[0] = 0x02;
        System.arraycopy(rlp, 0, out, 1, rlp.length);
        return out;
    }

    private static RlpString uint(BigInteger value) {
        return RlpString.create(EthBytes.minimalBytes(value));
    }
}
