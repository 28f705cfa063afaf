package dev.bitgojava.signing.utxo;

import dev.bitgojava.signing.SigningException;
import dev.bitgojava.signing.bitcoin.RawTransaction;
import dev.bitgojava.signing.bitcoin.Secp256k1;
import dev.bitgojava.signing.bitcoin.Taproot;
import dev.bitgojava.signing.keys.Bip32Key;
import dev.bitgojava.signing.utxo.internal.HdKeys;
import dev.bitgojava.signing.utxo.psbt.InputSigner;
import dev.bitgojava.signing.utxo.psbt.Psbt;
import dev.bitgojava.signing.utxo.psbt.PsbtEntry;
import dev.bitgojava.signing.utxo.psbt.PsbtFinalizer;
import dev.bitgojava.signing.utxo.psbt.PsbtSigningException;
import dev.bitgojava.signing.utxo.psbt.RecordOrder;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Signs BitGo wallet PSBTs with one of the wallet's root xprvs: every input gets a signature from the key derived
 * at the path its derivation record for that key names (BitGo: {@code 0/0/chain/index}). ECDSA inputs use the
 * legacy digest (p2sh on btc/ltc), BIP143 (p2shP2wsh, p2wsh) or the FORKID digest (bch); taproot script-path
 * inputs use BIP341 with BIP340 Schnorr and zero aux-rand. New records are placed in ascending key-type order and
 * output taproot trees are written with sibling subtrees in node-hash order, as BitGo's current SDK writes them.
 * Verify the PSBT with {@link UtxoTransactionVerifier} before signing.
 */
public final class PsbtSigner {

    private PsbtSigner() {
    }

    /**
     * Returns a copy of the PSBT with this key's signature on every input.
     *
     * @throws PsbtSigningException when an input has no derivation record for the key or inconsistent data
     */
    public static Psbt sign(Psbt psbt, String xprv, UtxoCoin coin) {
        Bip32Key root = HdKeys.parse(xprv, "signing xprv");
        if (!root.hasPrivateKey()) {
            throw new SigningException("signing needs an xprv, got an xpub");
        }
        byte[] fingerprint = HdKeys.fingerprint(root);
        Psbt out = psbt.copy();
        InputSigner signer = new InputSigner(out, coin.usesForkId());
        Map<String, Bip32Key> nodes = new HashMap<>();
        for (int i = 0; i < out.inputCount(); i++) {
            boolean taproot = !out.tapBip32Derivations(i).isEmpty() || !out.tapLeafScripts(i).isEmpty();
            int signed = taproot ? signTaproot(out, signer, i, root, fingerprint, nodes)
                    : signEcdsa(out, signer, i, root, fingerprint, nodes, coin);
            if (signed == 0) {
                throw new PsbtSigningException(i, "has no derivation record for the signing key");
            }
        }
        out.canonicalizeOutputTapTrees();
        return out;
    }

    private static int signEcdsa(Psbt out, InputSigner signer, int i, Bip32Key root, byte[] fingerprint,
                                 Map<String, Bip32Key> nodes, UtxoCoin coin) {
        int signed = 0;
        for (Psbt.KeyOrigin origin : out.bip32Derivations(i)) {
            if (!Arrays.equals(origin.fingerprint(), fingerprint)) {
                continue;
            }
            Bip32Key key = derive(root, origin.path(), nodes, i);
            byte[] pub = key.publicKey();
            if (!Arrays.equals(pub, origin.publicKey())) {
                throw new PsbtSigningException(i, "the derivation record's key is not the signing key at its path");
            }
            int hashType = signer.hashType(i, coin.defaultEcdsaSighash());
            if (coin.usesForkId() != ((hashType & 0x40) != 0)) {
                throw new PsbtSigningException(i, "sighash type 0x" + Integer.toHexString(hashType)
                        + (coin.usesForkId() ? " lacks" : " has") + " SIGHASH_FORKID");
            }
            InputSigner.EcdsaContext context = signer.ecdsaContext(i);
            if (!containsKey(context.scriptCode(), pub)) {
                throw new PsbtSigningException(i, "the signing key is not in the input's script");
            }
            byte[] secret = key.privateKey();
            try {
                byte[] sig = signer.signEcdsa(i, secret, hashType);
                out.input(i).put(PsbtEntry.of(Psbt.IN_PARTIAL_SIG, pub, sig), RecordOrder.KEY_TYPE_THEN_KEY);
            } finally {
                Arrays.fill(secret, (byte) 0);
            }
            signed++;
        }
        return signed;
    }

    private static int signTaproot(Psbt out, InputSigner signer, int i, Bip32Key root, byte[] fingerprint,
                                   Map<String, Bip32Key> nodes) {
        int signed = 0;
        List<Psbt.KeyedValue> leaves = out.tapLeafScripts(i);
        for (Psbt.KeyOrigin origin : out.tapBip32Derivations(i)) {
            if (!Arrays.equals(origin.fingerprint(), fingerprint)) {
                continue;
            }
            Bip32Key key = derive(root, origin.path(), nodes, i);
            byte[] xOnly = Arrays.copyOfRange(key.publicKey(), 1, 33);
            if (!Arrays.equals(xOnly, origin.publicKey())) {
                throw new PsbtSigningException(i, "the taproot derivation record's key is not the signing key");
            }
            int hashType = signer.hashType(i, 0);
            for (byte[] leafHash : origin.leafHashes()) {
                byte[] script = null;
                for (Psbt.KeyedValue leaf : leaves) {
                    byte[] v = leaf.value();
                    byte[] s = Arrays.copyOf(v, v.length - 1);
                    if (Arrays.equals(Taproot.leafHash(v[v.length - 1] & 0xff, s), leafHash)) {
                        script = s;
                    }
                }
                if (script == null || !containsKey(script, xOnly)) {
                    throw new PsbtSigningException(i, "no tap leaf script with the signing key for leaf hash");
                }
                byte[] secret = key.privateKey();
                try {
                    byte[] sig = signer.signTaprootScript(i, leafHash, secret, hashType);
                    byte[] keyData = new byte[64];
                    System.arraycopy(xOnly, 0, keyData, 0, 32);
                    System.arraycopy(leafHash, 0, keyData, 32, 32);
                    out.input(i).put(PsbtEntry.of(Psbt.IN_TAP_SCRIPT_SIG, keyData, sig), RecordOrder.KEY_TYPE_THEN_KEY);
                } finally {
                    Arrays.fill(secret, (byte) 0);
                }
                signed++;
            }
        }
        return signed;
    }

    private static Bip32Key derive(Bip32Key root, int[] path, Map<String, Bip32Key> nodes,
                                           int input) {
        for (int step : path) {
            if (step < 0) {
                throw new PsbtSigningException(input, "hardened derivation path in a wallet input");
            }
        }
        if (path.length < 1) {
            return root;
        }
        int[] parentPath = Arrays.copyOf(path, path.length - 1);
        String k = Arrays.toString(parentPath);
        Bip32Key parent = nodes.computeIfAbsent(k, x -> HdKeys.derive(root, parentPath));
        return HdKeys.child(parent, path[path.length - 1]);
    }

    private static boolean containsKey(byte[] script, byte[] key) {
        outer:
        for (int p = 0; p + key.length <= script.length; p++) {
            for (int k = 0; k < key.length; k++) {
                if (script[p + k] != key[k]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }

    /** Combines two signed copies of the same PSBT (e.g. user and cosigner) into one, in key-type order. */
    public static Psbt combine(Psbt a, Psbt b) {
        return Psbt.combine(List.of(a, b), RecordOrder.KEY_TYPE_THEN_KEY);
    }

    /** Finalizes every input (2 signatures each) and extracts the fully signed network transaction. */
    public static RawTransaction finalizeAndExtract(Psbt psbt, UtxoCoin coin) {
        return PsbtFinalizer.finalizeAndExtract(psbt, coin.usesForkId());
    }

    /** BitGo's legacy half-signed transaction format (SDK option {@code returnLegacyFormat}); not for taproot. */
    public static RawTransaction legacyHalfSigned(Psbt halfSigned, UtxoCoin coin) {
        return PsbtFinalizer.legacyHalfSigned(halfSigned, coin.usesForkId());
    }

    /** The signature hash an input's signature commits to (for checks and tests); taproot needs the leaf hash. */
    public static byte[] signatureHash(Psbt psbt, int inputIndex, UtxoCoin coin, byte[] leafHashOrNull) {
        InputSigner signer = new InputSigner(psbt, coin.usesForkId());
        if (leafHashOrNull != null) {
            return signer.taprootScriptSighash(inputIndex, leafHashOrNull, signer.hashType(inputIndex, 0));
        }
        return signer.ecdsaSighash(inputIndex, signer.hashType(inputIndex, coin.defaultEcdsaSighash()));
    }

    static boolean verifyXOnly(byte[] x) {
        return Secp256k1.liftX(x) != null;
    }
}
