package dev.bitgojava.signing.utxo.psbt;

import com.fasterxml.jackson.databind.JsonNode;
import dev.bitgojava.signing.bitcoin.RawTransaction;
import dev.bitgojava.signing.keys.Bip32Key;
import dev.bitgojava.signing.keys.Bip32Path;
import dev.bitgojava.signing.keys.internal.Base58;
import dev.bitgojava.signing.utxo.internal.Hashes;
import dev.bitgojava.vectors.VectorCase;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads the inputs of the BIP174 {@code roles} cases. The converter's field names are known only for the cases of
 * the project's copy (creator, signer, finalizer); for the other roles this reads the data by what it is (a PSBT,
 * a transaction, a script, a key with its path) and by the words in the field names, and fails with the role and
 * the fields present when it cannot make sense of an input.
 */
final class RoleInputs {

    private static final HexFormat HEX = HexFormat.of();
    private static final String PSBT_HEX_MAGIC = "70736274ff";
    private static final String PSBT_BASE64_MAGIC = "cHNidP8";

    private RoleInputs() {
    }

    /** The role of a case: its {@code role} input, else its id; lower case without separators. */
    static String role(VectorCase c) {
        String role = c.input().path("role").asText("");
        if (role.isEmpty()) {
            role = c.id();
        }
        return role.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
    }

    /** The one PSBT a role works on. */
    static Psbt psbt(VectorCase c) {
        List<Psbt> all = psbts(c);
        if (all.size() != 1) {
            throw unreadable(c, "expected exactly one PSBT in the input, found " + all.size());
        }
        return all.get(0);
    }

    /**
     * Every PSBT of the input, in document order: hex-encoded ones when there are any (their base64 twins are the
     * same bytes), else base64-encoded ones.
     */
    static List<Psbt> psbts(VectorCase c) {
        List<String> hex = new ArrayList<>();
        List<String> base64 = new ArrayList<>();
        collectPsbts(c.input(), hex, base64);
        List<Psbt> out = new ArrayList<>();
        if (!hex.isEmpty()) {
            hex.forEach(h -> out.add(Psbt.fromHex(h)));
        } else {
            base64.forEach(b -> out.add(Psbt.fromBase64(b)));
        }
        return out;
    }

    private static void collectPsbts(JsonNode node, List<String> hex, List<String> base64) {
        if (node.isTextual()) {
            String s = node.asText();
            if (s.toLowerCase(Locale.ROOT).startsWith(PSBT_HEX_MAGIC)) {
                hex.add(s.toLowerCase(Locale.ROOT));
            } else if (s.startsWith(PSBT_BASE64_MAGIC)) {
                base64.add(s);
            }
        } else if (node.isContainerNode()) {
            node.forEach(child -> collectPsbts(child, hex, base64));
        }
    }

    // ------------------------------------------------------------------ updater

    /** The updater a case describes: previous transactions, scripts, key origins, sighash type. */
    static PsbtUpdater updater(VectorCase c) {
        JsonNode in = c.input();
        PsbtUpdater.Builder b = PsbtUpdater.builder();
        List<String> unread = new ArrayList<>();
        int facts = 0;
        for (Iterator<Map.Entry<String, JsonNode>> it = in.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> f = it.next();
            String name = f.getKey().toLowerCase(Locale.ROOT);
            JsonNode v = f.getValue();
            if (name.equals("role") || isPsbtField(v) || isContext(name)) {
                continue;
            }
            if (name.contains("sighash") || name.contains("hashtype")) {
                b.sighashType(sighashType(c, f.getKey(), v));
                facts++;
            } else if (name.contains("redeem")) {
                for (String s : hexItems(c, f.getKey(), v)) {
                    b.redeemScript(HEX.parseHex(s));
                    facts++;
                }
            } else if (name.contains("witness") && name.contains("script")) {
                for (String s : hexItems(c, f.getKey(), v)) {
                    b.witnessScript(HEX.parseHex(s));
                    facts++;
                }
            } else if (name.contains("prev") || name.contains("tx") || name.contains("transaction")
                    || name.contains("utxo")) {
                for (String s : hexItems(c, f.getKey(), v)) {
                    b.previousTransaction(transaction(c, f.getKey(), s));
                    facts++;
                }
            } else if (name.contains("key") || name.contains("derivation") || name.contains("origin")
                    || name.contains("bip32")) {
                facts += keyOrigins(c, f.getKey(), v, b);
            } else if (name.contains("script")) {
                // Redeem or witness script: the updater places each by hash, so either list will do.
                for (String s : hexItems(c, f.getKey(), v)) {
                    b.redeemScript(HEX.parseHex(s));
                    b.witnessScript(HEX.parseHex(s));
                    facts++;
                }
            } else if (v.isArray() && allTransactions(v)) {
                for (String s : hexItems(c, f.getKey(), v)) {
                    b.previousTransaction(RawTransaction.fromHex(s));
                    facts++;
                }
            } else {
                unread.add(f.getKey());
            }
        }
        if (facts == 0 || !unread.isEmpty()) {
            throw unreadable(c, facts == 0 ? "found nothing to add to the PSBT"
                    : "cannot tell what these fields hold: " + unread);
        }
        return b.build();
    }

    private static boolean isPsbtField(JsonNode v) {
        if (!v.isTextual()) {
            return false;
        }
        String s = v.asText();
        return s.toLowerCase(Locale.ROOT).startsWith(PSBT_HEX_MAGIC) || s.startsWith(PSBT_BASE64_MAGIC);
    }

    /** Fields that say where keys come from rather than what to add. */
    private static boolean isContext(String name) {
        return name.contains("xprv") || name.contains("xpub") || name.contains("fingerprint")
                || name.contains("seed") || name.equals("network") || name.equals("about") || name.equals("note")
                || name.equals("notes");
    }

    private static int sighashType(VectorCase c, String field, JsonNode v) {
        if (v.isIntegralNumber()) {
            return v.asInt();
        }
        if (v.isBoolean() && v.asBoolean() && field.toLowerCase(Locale.ROOT).contains("all")) {
            return 1;
        }
        String s = v.asText().trim().toUpperCase(Locale.ROOT).replace("SIGHASH_", "");
        int anyoneCanPay = 0;
        if (s.endsWith("|ANYONECANPAY")) {
            anyoneCanPay = 0x80;
            s = s.substring(0, s.length() - "|ANYONECANPAY".length());
        }
        switch (s) {
            case "ALL":
                return 1 | anyoneCanPay;
            case "NONE":
                return 2 | anyoneCanPay;
            case "SINGLE":
                return 3 | anyoneCanPay;
            default:
                try {
                    return s.startsWith("0X") ? Integer.parseInt(s.substring(2), 16) : Integer.parseInt(s);
                } catch (NumberFormatException e) {
                    throw unreadable(c, "field '" + field + "' is not a sighash type: " + v);
                }
        }
    }

    /** Hex strings of a field: the string itself, an array of strings, or objects holding one hex field. */
    private static List<String> hexItems(VectorCase c, String field, JsonNode v) {
        List<String> out = new ArrayList<>();
        if (v.isTextual()) {
            out.add(requireHex(c, field, v.asText()));
        } else if (v.isArray()) {
            for (JsonNode item : v) {
                out.addAll(hexItems(c, field, item));
            }
        } else if (v.isObject()) {
            String found = null;
            for (Iterator<Map.Entry<String, JsonNode>> it = v.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> f = it.next();
                if (f.getValue().isTextual() && f.getKey().toLowerCase(Locale.ROOT).endsWith("hex")) {
                    if (found != null) {
                        throw unreadable(c, "an item of '" + field + "' has more than one hex field: " + v);
                    }
                    found = f.getValue().asText();
                }
            }
            if (found == null) {
                throw unreadable(c, "an item of '" + field + "' has no hex field: " + v);
            }
            out.add(requireHex(c, field, found));
        } else {
            throw unreadable(c, "field '" + field + "' is neither hex nor a list of hex: " + v);
        }
        return out;
    }

    private static String requireHex(VectorCase c, String field, String s) {
        if (s.length() % 2 != 0 || !s.chars().allMatch(ch -> Character.digit(ch, 16) >= 0)) {
            throw unreadable(c, "field '" + field + "' holds text that is not hex: " + s);
        }
        return s.toLowerCase(Locale.ROOT);
    }

    private static RawTransaction transaction(VectorCase c, String field, String hex) {
        try {
            return RawTransaction.fromHex(hex);
        } catch (RuntimeException e) {
            throw unreadable(c, "field '" + field + "' holds something that is not a transaction: " + e.getMessage());
        }
    }

    private static boolean allTransactions(JsonNode v) {
        if (v.isEmpty()) {
            return false;
        }
        for (JsonNode item : v) {
            try {
                RawTransaction.fromHex(item.isTextual() ? item.asText() : "");
            } catch (RuntimeException e) {
                return false;
            }
        }
        return true;
    }

    /**
     * Key origins: a list of objects with a public key and a path (and optionally their own fingerprint), or an
     * object mapping public key hex to path. The master fingerprint comes from the key item, the case's
     * fingerprint field, or the case's master xprv.
     */
    private static int keyOrigins(VectorCase c, String field, JsonNode v, PsbtUpdater.Builder b) {
        int n = 0;
        if (v.isArray()) {
            for (JsonNode item : v) {
                if (!item.isObject()) {
                    throw unreadable(c, "an item of '" + field + "' is not an object with a key and a path: " + item);
                }
                String path = firstText(item, "path", "derivationPath", "keyPath", "bip32Path");
                if (path == null) {
                    throw unreadable(c, "an item of '" + field + "' has no path: " + item);
                }
                String pub = firstText(item, "publicKeyHex", "pubkeyHex", "pubKeyHex", "publicKey", "pubkey",
                        "pubKey", "keyHex", "key");
                byte[] fingerprint = fingerprint(c, item);
                byte[] publicKey = pub != null ? HEX.parseHex(requireHex(c, field, pub))
                        : master(c).derive(path).publicKey();
                b.keyOrigin(publicKey, fingerprint, Bip32Path.parse(path).indexes());
                n++;
            }
        } else if (v.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = v.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> f = it.next();
                b.keyOrigin(HEX.parseHex(requireHex(c, field, f.getKey())), fingerprint(c, c.input()),
                        Bip32Path.parse(f.getValue().asText()).indexes());
                n++;
            }
        } else {
            throw unreadable(c, "field '" + field + "' is not a list of keys with paths: " + v);
        }
        return n;
    }

    private static byte[] fingerprint(VectorCase c, JsonNode item) {
        String own = firstText(item, "masterFingerprintHex", "fingerprintHex", "masterFingerprint", "fingerprint");
        if (own == null && item != c.input()) {
            own = firstText(c.input(), "masterFingerprintHex", "fingerprintHex", "masterFingerprint", "fingerprint");
        }
        if (own != null) {
            return HEX.parseHex(requireHex(c, "fingerprint", own));
        }
        int fp = master(c).fingerprint();
        return new byte[] {(byte) (fp >>> 24), (byte) (fp >>> 16), (byte) (fp >>> 8), (byte) fp};
    }

    private static Bip32Key master(VectorCase c) {
        String xprv = firstText(c.input(), "masterXprv", "xprv", "masterKey", "rootXprv");
        if (xprv == null) {
            throw unreadable(c, "needs a master key (masterXprv) to derive a key or its fingerprint");
        }
        return Bip32Key.parse(xprv);
    }

    // ------------------------------------------------------------------ signer

    /**
     * The private keys of a signer case: every object in the input carrying {@code privateKeyHex}, a WIF, or a
     * path under the case's {@code masterXprv}.
     */
    static List<byte[]> signingKeys(VectorCase c) {
        List<byte[]> out = new ArrayList<>();
        collectKeys(c, c.input(), out);
        if (out.isEmpty()) {
            throw unreadable(c, "found no private key (privateKeyHex, wif, or path with masterXprv)");
        }
        return out;
    }

    private static void collectKeys(VectorCase c, JsonNode node, List<byte[]> out) {
        if (node.isArray()) {
            node.forEach(n -> collectKeys(c, n, out));
            return;
        }
        if (!node.isObject()) {
            return;
        }
        if (node != c.input()) {
            String hex = firstText(node, "privateKeyHex", "privkeyHex", "secretKeyHex");
            String wif = firstText(node, "wif", "privateKeyWif");
            String path = firstText(node, "path", "derivationPath");
            if (hex != null) {
                out.add(HEX.parseHex(hex));
                return;
            }
            if (wif != null) {
                out.add(fromWif(c, wif));
                return;
            }
            if (path != null) {
                out.add(master(c).derive(path).privateKey());
                return;
            }
        }
        node.forEach(n -> collectKeys(c, n, out));
    }

    private static byte[] fromWif(VectorCase c, String wif) {
        byte[] raw = Base58.decode(wif);
        if (raw.length < 5) {
            throw unreadable(c, "WIF too short: " + wif);
        }
        byte[] payload = Arrays.copyOf(raw, raw.length - 4);
        byte[] check = Arrays.copyOf(Hashes.hash256(payload), 4);
        if (!Arrays.equals(check, Arrays.copyOfRange(raw, raw.length - 4, raw.length))
                || (payload.length != 33 && payload.length != 34)) {
            throw unreadable(c, "not a valid WIF private key: " + wif);
        }
        return Arrays.copyOfRange(payload, 1, 33);
    }

    // ------------------------------------------------------------------ creator

    /** An output amount in satoshis: {@code amountSats}, else a BTC amount times 1e8. */
    static long amountSats(VectorCase c, JsonNode output) {
        String sats = firstText(output, "amountSats", "valueSats", "sats", "value");
        if (sats != null) {
            return Long.parseLong(sats);
        }
        String btc = firstText(output, "amountBtc", "amount");
        if (btc != null) {
            return new BigDecimal(btc).movePointRight(8).longValueExact();
        }
        throw unreadable(c, "an output has no amount: " + output);
    }

    // ------------------------------------------------------------------ helpers

    static String firstText(JsonNode node, String... names) {
        for (String n : names) {
            JsonNode v = node.get(n);
            if (v != null && !v.isNull() && !v.isContainerNode()) {
                return v.asText();
            }
        }
        return null;
    }

    static AssertionError unreadable(VectorCase c, String why) {
        List<String> fields = new ArrayList<>();
        c.input().fieldNames().forEachRemaining(fields::add);
        return new AssertionError(c.file() + " " + c.id() + " (role '" + c.input().path("role").asText("?")
                + "'): " + why + "; input fields: " + fields);
    }
}
