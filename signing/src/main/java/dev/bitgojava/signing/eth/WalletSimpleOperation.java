package dev.bitgojava.signing.eth;

import dev.bitgojava.signing.eth.internal.EthBytes;
import dev.bitgojava.signing.eth.internal.Keccak;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Optional;

/**
 * One WalletSimple multisig operation — a native {@code sendMultiSig} or a token {@code sendMultiSigToken} — with
 * the operation hash the contract re-computes and the user signs, and the call data that carries the signature.
 *
 * <p>Immutable and thread-safe. Addresses are held as 20 bytes and printed as lowercase {@code 0x} hex.
 */
public final class WalletSimpleOperation {

    /** {@code sendMultiSig(address,uint256,bytes,uint256,uint256,bytes)}. */
    private static final byte[] SEND_MULTI_SIG = {0x39, 0x12, 0x52, 0x15};
    /** {@code sendMultiSigToken(address,uint256,address,uint256,uint256,bytes)}. */
    private static final byte[] SEND_MULTI_SIG_TOKEN = {0x0d, (byte) 0xcd, 0x7a, 0x6c};

    private final WalletSimpleScheme scheme;
    private final byte[] recipient;
    private final BigInteger amount;
    private final byte[] data;
    private final byte[] tokenContract;
    private final long expireTime;
    private final long sequenceId;
    private final byte[] operationHash;

    private WalletSimpleOperation(WalletSimpleScheme scheme, byte[] recipient, BigInteger amount, byte[] data,
                                  byte[] tokenContract, long expireTime, long sequenceId) {
        if (scheme == null) {
            throw new InvalidEthInputException("the WalletSimple scheme is missing");
        }
        if (expireTime < 0) {
            throw new InvalidEthInputException("expireTime is negative: " + expireTime);
        }
        if (sequenceId < 0) {
            throw new InvalidEthInputException("sequenceId is negative: " + sequenceId);
        }
        this.scheme = scheme;
        this.recipient = recipient;
        this.amount = EthBytes.requireUint256(amount, "amount");
        this.data = data;
        this.tokenContract = tokenContract;
        this.expireTime = expireTime;
        this.sequenceId = sequenceId;
        this.operationHash = Keccak.hash(preimageBytes());
    }

    /**
     * A native send of {@code amount} wei to {@code recipient} with call data {@code data} (may be empty).
     *
     * @param expireTime seconds since the epoch after which the contract refuses the operation
     * @param sequenceId the contract sequence id the operation consumes
     */
    public static WalletSimpleOperation nativeSend(WalletSimpleScheme scheme, String recipient, BigInteger amount,
                                                   byte[] data, long expireTime, long sequenceId) {
        return new WalletSimpleOperation(scheme, EthBytes.parseAddress(recipient, "recipient"), amount,
                data == null ? new byte[0] : data.clone(), null, expireTime, sequenceId);
    }

    /** A token send of {@code amount} base units of the ERC-20 at {@code tokenContract} to {@code recipient}. */
    public static WalletSimpleOperation tokenSend(WalletSimpleScheme scheme, String recipient, BigInteger amount,
                                                  String tokenContract, long expireTime, long sequenceId) {
        return new WalletSimpleOperation(scheme, EthBytes.parseAddress(recipient, "recipient"), amount, null,
                EthBytes.parseAddress(tokenContract, "token contract"), expireTime, sequenceId);
    }

    /** True for {@code sendMultiSigToken}, false for {@code sendMultiSig}. */
    public boolean isTokenSend() {
        return tokenContract != null;
    }

    /** The prefix string hashed first: e.g. {@code ETHER}, {@code ERC20}, {@code 560048}, {@code 1-ERC20}. */
    public String prefix() {
        return isTokenSend() ? scheme.tokenPrefix() : scheme.nativePrefix();
    }

    /** True when the hash covers the standard ABI encoding, false for the tight ({@code encodePacked}) one. */
    public boolean isAbiEncoded() {
        return !isTokenSend() && scheme.nativeAbiEncoded();
    }

    /** The Solidity types of the hashed values, as BitGo names them: {@code string, address, uint, bytes|address, uint, uint}. */
    public java.util.List<String> abiTypes() {
        return java.util.List.of("string", "address", "uint", isTokenSend() ? "address" : "bytes", "uint", "uint");
    }

    /** The scheme the hash follows. */
    public WalletSimpleScheme scheme() {
        return scheme;
    }

    /** The recipient as lowercase {@code 0x} hex. */
    public String recipient() {
        return EthBytes.prefixedHex(recipient);
    }

    /** The amount in wei (native) or token base units. */
    public BigInteger amount() {
        return amount;
    }

    /** The call data of a native send (empty for token sends). */
    public byte[] data() {
        return data == null ? new byte[0] : data.clone();
    }

    /** The token contract as lowercase {@code 0x} hex, for token sends. */
    public Optional<String> tokenContract() {
        return tokenContract == null ? Optional.empty() : Optional.of(EthBytes.prefixedHex(tokenContract));
    }

    /** Seconds since the epoch after which the contract refuses the operation. */
    public long expireTime() {
        return expireTime;
    }

    /** The contract sequence id the operation consumes. */
    public long sequenceId() {
        return sequenceId;
    }

    /** The bytes that are hashed into the operation hash. */
    public byte[] preimage() {
        return preimageBytes();
    }

    /** keccak256 of {@link #preimage()}: the 32 bytes the user signs. */
    public byte[] operationHash() {
        return operationHash.clone();
    }

    /** The operation hash as {@code 0x} lowercase hex. */
    public String operationHashHex() {
        return EthBytes.prefixedHex(operationHash);
    }

    /** Signs the operation hash with the user's private key (the root key of the wallet's user keychain). */
    public EthSignature sign(byte[] userPrivateKey) {
        return EthSignature.signHash(operationHash, userPrivateKey);
    }

    /** The {@code sendMultiSig}/{@code sendMultiSigToken} call data carrying the user's signature. */
    public byte[] calldata(EthSignature signature) {
        if (signature == null) {
            throw new InvalidEthInputException("the signature is missing");
        }
        return calldata(signature.toBytes());
    }

    /** The call data with an empty signature, as BitGo's unsigned prebuild carries it. */
    public byte[] unsignedCalldata() {
        return calldata(new byte[0]);
    }

    private byte[] calldata(byte[] signature) {
        // selector, six head words, then the dynamic tails (data for native sends, then the signature)
        int dataTail = isTokenSend() ? 0 : 32 + padded(data.length);
        byte[] out = new byte[4 + 6 * 32 + dataTail + 32 + padded(signature.length)];
        System.arraycopy(isTokenSend() ? SEND_MULTI_SIG_TOKEN : SEND_MULTI_SIG, 0, out, 0, 4);
        int head = 4;
        System.arraycopy(recipient, 0, out, head + 12, 20);
        EthBytes.putWord(out, head + 32, amount);
        if (isTokenSend()) {
            System.arraycopy(tokenContract, 0, out, head + 64 + 12, 20);
        } else {
            EthBytes.putWord(out, head + 64, 6L * 32);
        }
        EthBytes.putWord(out, head + 96, expireTime);
        EthBytes.putWord(out, head + 128, sequenceId);
        int signatureOffset = 6 * 32 + dataTail;
        EthBytes.putWord(out, head + 160, signatureOffset);
        if (!isTokenSend()) {
            EthBytes.putWord(out, head + 192, data.length);
            System.arraycopy(data, 0, out, head + 224, data.length);
        }
        EthBytes.putWord(out, head + signatureOffset, signature.length);
        System.arraycopy(signature, 0, out, head + signatureOffset + 32, signature.length);
        return out;
    }

    private byte[] preimageBytes() {
        byte[] prefix = prefix().getBytes(StandardCharsets.UTF_8);
        if (isAbiEncoded()) {
            // abi.encode(string, address, uint, bytes, uint, uint)
            int stringTail = 32 + padded(prefix.length);
            byte[] out = new byte[6 * 32 + stringTail + 32 + padded(data.length)];
            EthBytes.putWord(out, 0, 6L * 32);
            System.arraycopy(recipient, 0, out, 32 + 12, 20);
            EthBytes.putWord(out, 64, amount);
            EthBytes.putWord(out, 96, 6L * 32 + stringTail);
            EthBytes.putWord(out, 128, expireTime);
            EthBytes.putWord(out, 160, sequenceId);
            EthBytes.putWord(out, 192, prefix.length);
            System.arraycopy(prefix, 0, out, 224, prefix.length);
            int dataAt = 6 * 32 + stringTail;
            EthBytes.putWord(out, dataAt, data.length);
            System.arraycopy(data, 0, out, dataAt + 32, data.length);
            return out;
        }
        // abi.encodePacked(string, address, uint, bytes|address, uint, uint)
        byte[] middle = isTokenSend() ? tokenContract : data;
        byte[] out = new byte[prefix.length + 20 + 32 + middle.length + 64];
        int at = 0;
        System.arraycopy(prefix, 0, out, at, prefix.length);
        at += prefix.length;
        System.arraycopy(recipient, 0, out, at, 20);
        at += 20;
        EthBytes.putWord(out, at, amount);
        at += 32;
        System.arraycopy(middle, 0, out, at, middle.length);
        at += middle.length;
        EthBytes.putWord(out, at, expireTime);
        EthBytes.putWord(out, at + 32, sequenceId);
        return out;
    }

    private static int padded(int length) {
        return (length + 31) & ~31;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof WalletSimpleOperation other && Arrays.equals(operationHash, other.operationHash)
                && scheme.equals(other.scheme) && Arrays.equals(recipient, other.recipient)
                && amount.equals(other.amount) && Arrays.equals(data, other.data)
                && Arrays.equals(tokenContract, other.tokenContract)
                && expireTime == other.expireTime && sequenceId == other.sequenceId;
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(operationHash);
    }

    @Override
    public String toString() {
        return (isTokenSend() ? "sendMultiSigToken" : "sendMultiSig") + "[to=" + recipient() + ", amount=" + amount
                + tokenContract().map(t -> ", token=" + t).orElse("") + ", expireTime=" + expireTime
                + ", sequenceId=" + sequenceId + ", hash=" + operationHashHex() + "]";
    }
}
