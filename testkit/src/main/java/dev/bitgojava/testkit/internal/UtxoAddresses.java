package dev.bitgojava.testkit.internal;

import org.bitcoinj.base.BitcoinNetwork;
import org.bitcoinj.base.LegacyAddress;
import org.bitcoinj.base.Network;
import org.bitcoinj.base.SegwitAddress;
import org.bitcoinj.crypto.ChildNumber;
import org.bitcoinj.crypto.DeterministicKey;
import org.bitcoinj.crypto.HDKeyDerivation;
import org.bouncycastle.crypto.digests.RIPEMD160Digest;

import java.io.ByteArrayOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Derives BitGo fixed-script 2-of-3 wallet addresses from the wallet's three root xpubs: keys at
 * {@code 0/0/chain/index} in the order user, backup, bitgo (never sorted), multisig script
 * {@code OP_2 U B G OP_3 OP_CHECKMULTISIG}, wrapped as p2sh (chains 0/1), p2shP2wsh (10/11) or p2wsh (20/21).
 *
 * <p>Thread-safe; the per-chain parent keys are cached.
 */
public final class UtxoAddresses {

    private static final HexFormat HEX = HexFormat.of();
    private static final Map<String, Network> NETWORKS = Map.of(
            "btc", BitcoinNetwork.MAINNET,
            "tbtc", BitcoinNetwork.TESTNET,
            "tbtc4", BitcoinNetwork.TESTNET);

    /**
     * One derived address with its scripts (hex; null when the script type has none), output script, derivation
     * path and the three derived public keys (hex, user, backup, bitgo).
     */
    public record Derived(String address, String scriptType, String redeemScript, String witnessScript,
                          String scriptPubKey, String path, List<String> publicKeys) {
    }

    private final Network network;
    private final List<DeterministicKey> roots;
    private final Map<Integer, List<DeterministicKey>> chainParents = new ConcurrentHashMap<>();

    private UtxoAddresses(Network network, List<DeterministicKey> roots) {
        this.network = network;
        this.roots = roots;
    }

    /** Whether the server can derive addresses for this coin. */
    public static boolean supportsCoin(String coin) {
        return NETWORKS.containsKey(coin);
    }

    /** A deriver for a wallet of {@code coin} whose keys are the given xpubs (user, backup, bitgo). */
    public static UtxoAddresses forWallet(String coin, List<String> xpubs) {
        Network network = NETWORKS.get(coin);
        if (network == null) {
            throw ApiException.badRequest("UnsupportedCoin", "the test server derives addresses only for "
                    + NETWORKS.keySet() + ", not " + coin);
        }
        return new UtxoAddresses(network, xpubs.stream().map(Keys::parseXpub).toList());
    }

    /** The script type name of a chain code, or a 400 for chains the server does not support. */
    public static String scriptType(int chain) {
        switch (chain) {
            case 0: case 1: return "p2sh";
            case 10: case 11: return "p2shP2wsh";
            case 20: case 21: return "p2wsh";
            case 30: case 31: case 40: case 41:
                throw ApiException.badRequest("UnsupportedChain",
                        "chain " + chain + " (taproot) is not supported by the test server yet");
            default:
                throw ApiException.badRequest("InvalidChain", "invalid address chain " + chain);
        }
    }

    /** The address at {@code 0/0/chain/index}. */
    public Derived derive(int chain, int index) {
        String type = scriptType(chain);
        if (index < 0) {
            throw ApiException.badRequest("InvalidIndex", "invalid address index " + index);
        }
        List<DeterministicKey> parents = chainParents.computeIfAbsent(chain, c -> roots.stream()
                .map(root -> child(child(child(root, 0), 0), c)).toList());
        ByteArrayOutputStream script = new ByteArrayOutputStream(105);
        script.write(0x52);
        List<String> publicKeys = new java.util.ArrayList<>(3);
        for (DeterministicKey parent : parents) {
            byte[] pub = child(parent, index).getPubKey();
            publicKeys.add(HEX.formatHex(pub));
            script.write(pub.length);
            script.writeBytes(pub);
        }
        String path = "0/0/" + chain + "/" + index;
        script.write(0x53);
        script.write(0xae);
        byte[] multisig = script.toByteArray();
        switch (type) {
            case "p2sh": {
                byte[] hash = hash160(multisig);
                return new Derived(LegacyAddress.fromScriptHash(network, hash).toString(), type,
                        HEX.formatHex(multisig), null, p2shScript(hash), path, List.copyOf(publicKeys));
            }
            case "p2shP2wsh": {
                byte[] redeem = witnessV0(sha256(multisig));
                byte[] hash = hash160(redeem);
                return new Derived(LegacyAddress.fromScriptHash(network, hash).toString(), type,
                        HEX.formatHex(redeem), HEX.formatHex(multisig), p2shScript(hash), path,
                        List.copyOf(publicKeys));
            }
            default: {
                byte[] program = sha256(multisig);
                return new Derived(SegwitAddress.fromProgram(network, 0, program).toString(), type, null,
                        HEX.formatHex(multisig), HEX.formatHex(witnessV0(program)), path, List.copyOf(publicKeys));
            }
        }
    }

    private static DeterministicKey child(DeterministicKey key, int index) {
        return HDKeyDerivation.deriveChildKey(key, new ChildNumber(index, false));
    }

    private static String p2shScript(byte[] hash160) {
        return "a914" + HEX.formatHex(hash160) + "87";
    }

    private static byte[] witnessV0(byte[] program) {
        byte[] out = new byte[2 + program.length];
        out[0] = 0x00;
        out[1] = (byte) program.length;
        System.arraycopy(program, 0, out, 2, program.length);
        return out;
    }

    private static byte[] sha256(byte[] data) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(data);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] hash160(byte[] data) {
        byte[] sha = sha256(data);
        RIPEMD160Digest ripemd = new RIPEMD160Digest();
        ripemd.update(sha, 0, sha.length);
        byte[] out = new byte[20];
        ripemd.doFinal(out, 0);
        return out;
    }
}
