package dev.bitgojava.signing.eth;

import dev.bitgojava.signing.eth.internal.EthBytes;

import java.math.BigInteger;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A signed EVM transaction: the raw bytes to broadcast, its hash (the transaction id) and the signature values.
 */
public final class SignedEvmTransaction {

    private final EvmTransaction unsigned;
    private final byte[] raw;
    private final byte[] hash;
    private final BigInteger v;
    private final BigInteger r;
    private final BigInteger s;
    private final String from;

    SignedEvmTransaction(EvmTransaction unsigned, byte[] raw, byte[] hash, BigInteger v, BigInteger r, BigInteger s,
                         String from) {
        this.unsigned = unsigned;
        this.raw = raw;
        this.hash = hash;
        this.v = v;
        this.r = r;
        this.s = s;
        this.from = from;
    }

    /** The transaction that was signed. */
    public EvmTransaction transaction() {
        return unsigned;
    }

    /** The raw signed transaction (for type 2, with its leading {@code 0x02}). */
    public byte[] raw() {
        return raw.clone();
    }

    /** The raw signed transaction as {@code 0x} lowercase hex. */
    public String rawHex() {
        return EthBytes.prefixedHex(raw);
    }

    /** keccak256 of the raw bytes, {@code 0x} hex: the transaction id. */
    public String id() {
        return EthBytes.prefixedHex(hash);
    }

    /** v: chainId·2+35+recovery id for legacy, the y parity (0 or 1) for EIP-1559. */
    public BigInteger v() {
        return v;
    }

    /** r of the signature. */
    public BigInteger r() {
        return r;
    }

    /** s of the signature (low-S). */
    public BigInteger s() {
        return s;
    }

    /** The sender's address, lowercase {@code 0x} hex. */
    public String from() {
        return from;
    }

    /**
     * The JSON view BitGo's SDK gives of a signed transaction: amounts as decimal strings, r, s and v as {@code 0x}
     * hex without leading zero bytes, chainId as {@code 0x} hex without leading zeros, and {@code _type}.
     */
    public Map<String, Object> jsonView() {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("nonce", unsigned.nonce());
        json.put("gasLimit", unsigned.gasLimit().toString());
        json.put("value", unsigned.value().toString());
        json.put("data", EthBytes.prefixedHex(unsigned.data()));
        json.put("id", id());
        json.put("to", unsigned.to());
        json.put("from", from);
        json.put("r", unsignedHex(r));
        json.put("s", unsignedHex(s));
        json.put("v", unsignedHex(v));
        json.put("chainId", "0x" + Long.toHexString(unsigned.chainId()));
        if (unsigned.type() == EvmTransaction.Type.LEGACY) {
            json.put("_type", "Legacy");
            json.put("gasPrice", unsigned.gasPrice().toString());
        } else {
            json.put("_type", "EIP1559");
            json.put("maxFeePerGas", unsigned.maxFeePerGas().toString());
            json.put("maxPriorityFeePerGas", unsigned.maxPriorityFeePerGas().toString());
        }
        return json;
    }

    /** {@code 0x} and the minimal bytes, at least one: zero (an EIP-1559 y-parity) is {@code 0x00}, as BitGo shows it. */
    private static String unsignedHex(BigInteger value) {
        return value.signum() == 0 ? "0x00" : EthBytes.prefixedHex(EthBytes.minimalBytes(value));
    }
}
