package dev.bitgojava.signing.utxo;

import dev.bitgojava.signing.bitcoin.Taproot;
import dev.bitgojava.signing.internal.Hashes;
import dev.bitgojava.signing.utxo.internal.KeyAggregation;
import dev.bitgojava.signing.utxo.internal.TapTree;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The scripts of one wallet output: the three derived keys, the 2-of-3 multisig script, redeem and witness
 * scripts, the taproot tree, and the scriptPubKey. Immutable; built by {@link #of}.
 */
public final class WalletScripts {

    private final ScriptType type;
    private final byte[][] publicKeys;
    private final byte[] scriptPubKey;
    private final byte[] redeemScript;
    private final byte[] witnessScript;
    private final TaprootInfo taproot;

    private WalletScripts(ScriptType type, byte[][] publicKeys, byte[] scriptPubKey, byte[] redeemScript,
                          byte[] witnessScript, TaprootInfo taproot) {
        this.type = type;
        this.publicKeys = publicKeys;
        this.scriptPubKey = scriptPubKey;
        this.redeemScript = redeemScript;
        this.witnessScript = witnessScript;
        this.taproot = taproot;
    }

    /** The scripts for the three derived 33-byte public keys (user, backup, bitgo) and a script type. */
    public static WalletScripts of(ScriptType type, byte[] user, byte[] backup, byte[] bitgo) {
        byte[][] keys = {user.clone(), backup.clone(), bitgo.clone()};
        switch (type) {
            case P2SH: {
                byte[] multisig = multisigScript(keys);
                return new WalletScripts(type, keys, p2sh(multisig), multisig, null, null);
            }
            case P2SH_P2WSH: {
                byte[] multisig = multisigScript(keys);
                byte[] redeem = p2wsh(multisig);
                return new WalletScripts(type, keys, p2sh(redeem), redeem, multisig, null);
            }
            case P2WSH: {
                byte[] multisig = multisigScript(keys);
                return new WalletScripts(type, keys, p2wsh(multisig), null, multisig, null);
            }
            default: {
                TaprootInfo info = taproot(type, keys);
                byte[] spk = new byte[34];
                spk[0] = 0x51;
                spk[1] = 0x20;
                System.arraycopy(info.outputKey(), 0, spk, 2, 32);
                return new WalletScripts(type, keys, spk, null, null, info);
            }
        }
    }

    /** The scripts of a wallet address at {@code 0/0/chain/index}. */
    public static WalletScripts derive(WalletKeys keys, int chain, int index) {
        ScriptType type = ScriptType.fromChain(chain);
        byte[][] pubs = keys.derivePublicKeys(chain, index);
        return of(type, pubs[0], pubs[1], pubs[2]);
    }

    /** {@code OP_2 <user> <backup> <bitgo> OP_3 OP_CHECKMULTISIG}, keys in the given order (never sorted). */
    public static byte[] multisigScript(byte[][] keys) {
        byte[] s = new byte[3 + 34 * keys.length];
        int p = 0;
        s[p++] = 0x52;
        for (byte[] k : keys) {
            s[p++] = (byte) k.length;
            System.arraycopy(k, 0, s, p, k.length);
            p += k.length;
        }
        s[p++] = 0x53;
        s[p++] = (byte) 0xae;
        return Arrays.copyOf(s, p);
    }

    /** {@code <x(a)> OP_CHECKSIGVERIFY <x(b)> OP_CHECKSIG} of two compressed keys. */
    public static byte[] twoOfTwoLeafScript(byte[] a, byte[] b) {
        byte[] s = new byte[68];
        s[0] = 0x20;
        System.arraycopy(a, 1, s, 1, 32);
        s[33] = (byte) 0xad;
        s[34] = 0x20;
        System.arraycopy(b, 1, s, 35, 32);
        s[67] = (byte) 0xac;
        return s;
    }

    static byte[] p2sh(byte[] redeemScript) {
        byte[] out = new byte[23];
        out[0] = (byte) 0xa9;
        out[1] = 0x14;
        System.arraycopy(Hashes.hash160(redeemScript), 0, out, 2, 20);
        out[22] = (byte) 0x87;
        return out;
    }

    static byte[] p2wsh(byte[] witnessScript) {
        byte[] out = new byte[34];
        out[0] = 0x00;
        out[1] = 0x20;
        System.arraycopy(Hashes.sha256(witnessScript), 0, out, 2, 32);
        return out;
    }

    private static TaprootInfo taproot(ScriptType type, byte[][] keys) {
        byte[] u = keys[0];
        byte[] b = keys[1];
        byte[] g = keys[2];
        byte[] internal = type == ScriptType.P2TR ? KeyAggregation.legacyMusig(u, g) : KeyAggregation.musig2(u, g);
        int v = TapTree.LEAF_VERSION;
        if (type == ScriptType.P2TR) {
            byte[] sUG = twoOfTwoLeafScript(u, g);
            byte[] sUB = twoOfTwoLeafScript(u, b);
            byte[] sBG = twoOfTwoLeafScript(b, g);
            byte[] hUG = TapTree.leafHash(v, sUG);
            byte[] hUB = TapTree.leafHash(v, sUB);
            byte[] hBG = TapTree.leafHash(v, sBG);
            byte[] inner = TapTree.branchHash(hUB, hBG);
            byte[] root = TapTree.branchHash(hUG, inner);
            Taproot.TweakedKey q = TapTree.tweak(internal, root);
            int odd = q.parity();
            List<TapLeaf> leaves = List.of(
                    new TapLeaf(KeyRole.USER, KeyRole.BITGO, sUG, v, hUG, TapTree.controlBlock(v, odd, internal, inner)),
                    new TapLeaf(KeyRole.USER, KeyRole.BACKUP, sUB, v, hUB,
                            TapTree.controlBlock(v, odd, internal, hBG, hUG)),
                    new TapLeaf(KeyRole.BACKUP, KeyRole.BITGO, sBG, v, hBG,
                            TapTree.controlBlock(v, odd, internal, hUB, hUG)));
            return new TaprootInfo(internal, q.outputKey(), odd == 1, root, List.of(KeyRole.USER, KeyRole.BITGO),
                    leaves);
        }
        byte[] sUB = twoOfTwoLeafScript(u, b);
        byte[] sBG = twoOfTwoLeafScript(b, g);
        byte[] hUB = TapTree.leafHash(v, sUB);
        byte[] hBG = TapTree.leafHash(v, sBG);
        byte[] root = TapTree.branchHash(hUB, hBG);
        Taproot.TweakedKey q = TapTree.tweak(internal, root);
        int odd = q.parity();
        List<TapLeaf> leaves = List.of(
                new TapLeaf(KeyRole.USER, KeyRole.BACKUP, sUB, v, hUB, TapTree.controlBlock(v, odd, internal, hBG)),
                new TapLeaf(KeyRole.BACKUP, KeyRole.BITGO, sBG, v, hBG, TapTree.controlBlock(v, odd, internal, hUB)));
        return new TaprootInfo(internal, q.outputKey(), odd == 1, root, List.of(KeyRole.USER, KeyRole.BITGO), leaves);
    }

    /** The script type. */
    public ScriptType type() {
        return type;
    }

    /** The 33-byte derived public key of a role. */
    public byte[] publicKey(KeyRole role) {
        return publicKeys[role.ordinal()].clone();
    }

    /** The output script. */
    public byte[] scriptPubKey() {
        return scriptPubKey.clone();
    }

    /** The P2SH redeem script (p2sh: the multisig script; p2shP2wsh: the P2WSH program), if any. */
    public Optional<byte[]> redeemScript() {
        return Optional.ofNullable(redeemScript).map(byte[]::clone);
    }

    /** The witness script (the multisig script) of p2shP2wsh and p2wsh, if any. */
    public Optional<byte[]> witnessScript() {
        return Optional.ofNullable(witnessScript).map(byte[]::clone);
    }

    /** The taproot data of p2tr and p2trMusig2, if any. */
    public Optional<TaprootInfo> taproot() {
        return Optional.ofNullable(taproot);
    }

    /** Whether the output script equals the given one. */
    public boolean matches(byte[] otherScriptPubKey) {
        return otherScriptPubKey != null && Arrays.equals(scriptPubKey, otherScriptPubKey);
    }
}
