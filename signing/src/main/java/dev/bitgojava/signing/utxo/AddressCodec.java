package dev.bitgojava.signing.utxo;

import dev.bitgojava.signing.bitcoin.Bech32;
import dev.bitgojava.signing.internal.Base58;
import dev.bitgojava.signing.utxo.internal.CashAddr;

import java.util.Arrays;

/**
 * Converts between output scripts and address strings for a coin: Base58Check (P2PKH, P2SH), bech32/bech32m
 * (segwit v0/v1) and CashAddr for Bitcoin Cash.
 */
public final class AddressCodec {

    private AddressCodec() {
    }

    /** The address of an output script in the coin's default format (Base58 for bch, as BitGo's SDK writes). */
    public static String toAddress(UtxoCoin coin, byte[] scriptPubKey) {
        byte[] s = scriptPubKey;
        if (isP2sh(s)) {
            return base58(coin.p2shVersion(), Arrays.copyOfRange(s, 2, 22));
        }
        if (s.length == 25 && s[0] == 0x76 && (s[1] & 0xff) == 0xa9 && s[2] == 0x14 && (s[23] & 0xff) == 0x88
                && (s[24] & 0xff) == 0xac) {
            return base58(coin.p2pkhVersion(), Arrays.copyOfRange(s, 3, 23));
        }
        if (coin.bech32Hrp() != null && s.length >= 4 && s.length <= 42 && (s[1] & 0xff) == s.length - 2
                && (s[0] == 0 || ((s[0] & 0xff) >= 0x51 && (s[0] & 0xff) <= 0x60))) {
            int version = s[0] == 0 ? 0 : (s[0] & 0xff) - 0x50;
            if (version == 0 || coin.supportsTaproot()) {
                try {
                    return Bech32.encodeSegwitAddress(coin.bech32Hrp(), version, Arrays.copyOfRange(s, 2, s.length));
                } catch (dev.bitgojava.signing.bitcoin.AddressFormatException e) {
                    // a version 0 program of neither 20 nor 32 bytes: no valid address, as in BitGoJS
                }
            }
        }
        throw new AddressFormatException("output script has no address form on " + coin.id());
    }

    /** The CashAddr form of a P2PKH or P2SH output script (Bitcoin Cash only). */
    public static String toCashAddr(UtxoCoin coin, byte[] scriptPubKey) {
        if (coin.cashAddrPrefix() == null) {
            throw new AddressFormatException(coin.id() + " has no CashAddr format");
        }
        if (isP2sh(scriptPubKey)) {
            return CashAddr.encode(coin.cashAddrPrefix(), 1, Arrays.copyOfRange(scriptPubKey, 2, 22));
        }
        if (scriptPubKey.length == 25 && scriptPubKey[0] == 0x76) {
            return CashAddr.encode(coin.cashAddrPrefix(), 0, Arrays.copyOfRange(scriptPubKey, 3, 23));
        }
        throw new AddressFormatException("output script has no CashAddr form");
    }

    /** The output script an address pays to; throws {@link AddressFormatException} if it is not valid for the coin. */
    public static byte[] toScriptPubKey(UtxoCoin coin, String address) {
        if (address == null || address.isBlank()) {
            throw new AddressFormatException("address is empty");
        }
        if (coin.bech32Hrp() != null) {
            Bech32.SegwitAddress sw = segwitOrNull(coin.bech32Hrp(), address);
            if (sw != null) {
                if (sw.witnessVersion() == 1 && !coin.supportsTaproot()) {
                    throw new AddressFormatException("taproot address on " + coin.id() + ": " + address);
                }
                return sw.scriptPubKey();
            }
        }
        if (coin.cashAddrPrefix() != null) {
            CashAddr.Decoded ca = CashAddr.decode(coin.cashAddrPrefix(), address);
            if (ca != null) {
                if (ca.type() == 1) {
                    return p2shScript(ca.hash());
                } else if (ca.type() == 0) {
                    return p2pkhScript(ca.hash());
                }
                throw new AddressFormatException("unknown CashAddr type " + ca.type());
            }
        }
        byte[] decoded = Base58.decodeChecked(address);
        if (decoded != null && decoded.length == 21) {
            int version = decoded[0] & 0xff;
            byte[] hash = Arrays.copyOfRange(decoded, 1, 21);
            if (version == coin.p2shVersion()) {
                return p2shScript(hash);
            }
            if (version == coin.p2pkhVersion()) {
                return p2pkhScript(hash);
            }
        }
        throw new AddressFormatException("not a valid " + coin.id() + " address: " + address);
    }

    private static Bech32.SegwitAddress segwitOrNull(String hrp, String address) {
        try {
            Bech32.SegwitAddress sw = Bech32.decodeSegwitAddress(address);
            return sw.hrp().equals(hrp) ? sw : null;
        } catch (dev.bitgojava.signing.bitcoin.AddressFormatException e) {
            return null;
        }
    }

    private static boolean isP2sh(byte[] s) {
        return s.length == 23 && (s[0] & 0xff) == 0xa9 && s[1] == 0x14 && (s[22] & 0xff) == 0x87;
    }

    private static byte[] p2shScript(byte[] hash) {
        byte[] out = new byte[23];
        out[0] = (byte) 0xa9;
        out[1] = 0x14;
        System.arraycopy(hash, 0, out, 2, 20);
        out[22] = (byte) 0x87;
        return out;
    }

    private static byte[] p2pkhScript(byte[] hash) {
        byte[] out = new byte[25];
        out[0] = 0x76;
        out[1] = (byte) 0xa9;
        out[2] = 0x14;
        System.arraycopy(hash, 0, out, 3, 20);
        out[23] = (byte) 0x88;
        out[24] = (byte) 0xac;
        return out;
    }

    private static String base58(int version, byte[] hash) {
        byte[] payload = new byte[21];
        payload[0] = (byte) version;
        System.arraycopy(hash, 0, payload, 1, 20);
        return Base58.encodeChecked(payload);
    }
}
