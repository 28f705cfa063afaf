package dev.bitgojava.signing.bitcoin.internal;

import dev.bitgojava.signing.bitcoin.Ecdsa;
import dev.bitgojava.signing.bitcoin.Secp256k1;
import fr.acinq.secp256k1.Secp256k1Exception;

import java.math.BigInteger;
import java.util.Arrays;

/**
 * The native backend: Bitcoin Core's libsecp256k1 through ACINQ's secp256k1-kmp JNI bindings (the library ships
 * inside the jar for Linux, macOS and Windows and is extracted once per process). Constructing it loads the library
 * and checks one known answer; any failure there makes {@link EcBackends} use the Java backend instead.
 */
final class NativeEcBackend implements EcBackend {

    private static final BigInteger N = Secp256k1.N;

    private final fr.acinq.secp256k1.Secp256k1 lib;

    NativeEcBackend() {
        lib = fr.acinq.secp256k1.Secp256k1.Companion.get();
        byte[] one = new byte[32];
        one[31] = 1;
        if (!Arrays.equals(compress(lib.pubkeyCreate(one)), Secp256k1.G.getEncoded(true))) {
            throw new IllegalStateException("libsecp256k1 gave a wrong public key for the secret key 1");
        }
    }

    @Override
    public String name() {
        return "native";
    }

    @Override
    public byte[] publicKey(byte[] secretKey32) {
        return compress(lib.pubkeyCreate(secretKey32));
    }

    @Override
    public byte[] uncompressedPublicKey(byte[] secretKey32) {
        return lib.pubkeyCreate(secretKey32);
    }

    @Override
    public byte[] parsePublicKey(byte[] encoded) {
        // libsecp256k1 also accepts the hybrid 06/07 form, which the Java backend (and Bitcoin) refuses.
        if (!hasStandardPrefix(encoded)) {
            return null;
        }
        try {
            return lib.pubkeyParse(encoded);
        } catch (Secp256k1Exception | IllegalArgumentException e) {
            return null;
        }
    }

    @Override
    public byte[] privateKeyTweakAdd(byte[] secretKey32, byte[] tweak32) {
        // The binding writes the sum into the array it is given: hand it a copy.
        byte[] sum = secretKey32.clone();
        try {
            return lib.privKeyTweakAdd(sum, tweak32);
        } catch (Secp256k1Exception e) {
            Arrays.fill(sum, (byte) 0);
            return null;
        }
    }

    @Override
    public byte[] publicKeyTweakAdd(byte[] publicKey33, byte[] tweak32) {
        try {
            return compress(lib.pubKeyTweakAdd(publicKey33, tweak32));
        } catch (Secp256k1Exception e) {
            return null;
        }
    }

    @Override
    public Ecdsa.Signature ecdsaSign(byte[] hash32, byte[] secretKey32) {
        if (new BigInteger(1, hash32).compareTo(N) >= 0) {
            // This libsecp256k1 (0.6) reduces such a hash before RFC 6979; the project derives the nonce from the
            // unreduced hash, as older libsecp256k1 builds did. Only the (astronomically rare) hashes >= n differ.
            Ecdsa.RecoverableSignature signature = ecdsaSignRecoverable(hash32, secretKey32);
            return new Ecdsa.Signature(signature.r(), signature.s());
        }
        byte[] compact = lib.sign(hash32, secretKey32);
        return new Ecdsa.Signature(new BigInteger(1, Arrays.copyOfRange(compact, 0, 32)),
                new BigInteger(1, Arrays.copyOfRange(compact, 32, 64)));
    }

    /**
     * The binding's signer does not return the recovery id, and recovering it afterwards costs a public-key
     * recovery. Instead this computes the same RFC 6979 nonce k as libsecp256k1 (and the Java backend), lets the
     * library compute R = k·G, and finishes s = k⁻¹(e + r·d) with Bouncy Castle's constant-time inverse: one native
     * multiplication, R's y parity at hand.
     */
    @Override
    public Ecdsa.RecoverableSignature ecdsaSignRecoverable(byte[] hash32, byte[] secretKey32) {
        return RecoverableSigning.sign(hash32, secretKey32, k -> {
            byte[] k32 = Secp256k1.toBytes32(k);
            byte[] point;
            try {
                point = lib.pubkeyCreate(k32);
            } finally {
                Arrays.fill(k32, (byte) 0);
            }
            return new RecoverableSigning.NoncePoint(new BigInteger(1, Arrays.copyOfRange(point, 1, 33)),
                    (point[64] & 1) != 0);
        });
    }

    @Override
    public boolean ecdsaVerify(byte[] hash32, Ecdsa.Signature signature, byte[] publicKey) {
        BigInteger r = signature.r();
        BigInteger s = signature.s();
        if (r.signum() <= 0 || r.compareTo(N) >= 0 || s.signum() <= 0 || s.compareTo(N) >= 0
                || !hasStandardPrefix(publicKey)) {
            return false;
        }
        // libsecp256k1 refuses high s; (r, s) is valid exactly when (r, n - s) is, and consensus accepts both.
        if (!Secp256k1.isLowS(s)) {
            s = N.subtract(s);
        }
        byte[] compact = new byte[64];
        System.arraycopy(Secp256k1.toBytes32(r), 0, compact, 0, 32);
        System.arraycopy(Secp256k1.toBytes32(s), 0, compact, 32, 32);
        try {
            return lib.verify(compact, hash32, publicKey);
        } catch (Secp256k1Exception | IllegalArgumentException e) {
            return false;
        }
    }

    @Override
    public byte[] schnorrSign32(byte[] msg32, byte[] secretKey32, byte[] auxRand32) {
        return lib.signSchnorr(msg32, secretKey32, auxRand32);
    }

    @Override
    public boolean schnorrVerify32(byte[] msg32, byte[] xOnlyPublicKey32, byte[] sig64) {
        try {
            return lib.verifySchnorr(sig64, msg32, xOnlyPublicKey32);
        } catch (Secp256k1Exception | IllegalArgumentException e) {
            return false;
        }
    }

    private static boolean hasStandardPrefix(byte[] encoded) {
        return encoded != null && ((encoded.length == 33 && (encoded[0] == 2 || encoded[0] == 3))
                || (encoded.length == 65 && encoded[0] == 4));
    }

    /** 65-byte {@code 04 || X || Y} to 33-byte {@code 02/03 || X}. */
    private static byte[] compress(byte[] uncompressed) {
        byte[] out = new byte[33];
        out[0] = (byte) (2 | (uncompressed[64] & 1));
        System.arraycopy(uncompressed, 1, out, 1, 32);
        return out;
    }
}
