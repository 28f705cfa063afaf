package dev.bitgojava.signing.bitcoin;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.concurrent.ConcurrentHashMap;

/**
 * BIP 340 tagged hashes: {@code SHA256(SHA256(tag) || SHA256(tag) || data)}. The digest state after the 64-byte
 * tag prefix is computed once per tag and cloned for each hash.
 */
public final class TaggedHash {

    private static final ConcurrentHashMap<String, MessageDigest> PREFIXED = new ConcurrentHashMap<>();

    private TaggedHash() {
    }

    /** The tagged hash of the concatenation of {@code parts} under {@code tag}. */
    public static byte[] of(String tag, byte[]... parts) {
        MessageDigest digest = start(tag);
        for (byte[] part : parts) {
            digest.update(part);
        }
        return digest.digest();
    }

    /** A SHA-256 digest already fed with the tag prefix, ready for the data; the caller owns it. */
    public static MessageDigest start(String tag) {
        MessageDigest prototype = PREFIXED.computeIfAbsent(tag, TaggedHash::prefixed);
        try {
            return (MessageDigest) prototype.clone();
        } catch (CloneNotSupportedException e) {
            MessageDigest fresh = prefixed(tag);
            return fresh;
        }
    }

    private static MessageDigest prefixed(String tag) {
        MessageDigest sha = RawTransaction.sha256();
        byte[] tagHash = sha.digest(tag.getBytes(StandardCharsets.UTF_8));
        sha.update(tagHash);
        sha.update(tagHash);
        return sha;
    }
}
