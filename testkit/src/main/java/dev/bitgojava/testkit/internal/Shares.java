package dev.bitgojava.testkit.internal;

import com.fasterxml.jackson.databind.node.ObjectNode;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Wallet shares, in memory and thread-safe; a share changes state under its own monitor. */
public final class Shares {

    /** One wallet share. {@code keychain} is the re-encrypted user key of a spend share, or null. */
    public static final class Share {
        private final String id;
        private final String coin;
        private final String walletId;
        private final String fromUser;
        private final String toUser;
        private final String permissions;
        private final String message;
        private final ObjectNode keychain;
        private final Instant created;
        private String state = "active";

        Share(String id, String coin, String walletId, String fromUser, String toUser, String permissions,
              String message, ObjectNode keychain, Instant created) {
            this.id = id;
            this.coin = coin;
            this.walletId = walletId;
            this.fromUser = fromUser;
            this.toUser = toUser;
            this.permissions = permissions;
            this.message = message;
            this.keychain = keychain;
            this.created = created;
        }

        public String id() { return id; }
        public String coin() { return coin; }
        public String walletId() { return walletId; }
        public String fromUser() { return fromUser; }
        public String toUser() { return toUser; }
        public String permissions() { return permissions; }
        public String message() { return message; }
        public Instant created() { return created; }

        /** The keychain (a copy), or null for a share without key material. */
        public ObjectNode keychain() {
            return keychain == null ? null : keychain.deepCopy();
        }

        /** The current state: active, accepted, canceled or rejected. */
        public synchronized String state() {
            return state;
        }

        /**
         * Moves an active share to {@code next}; false (and no change) when it is no longer active.
         */
        public synchronized boolean transition(String next) {
            if (!"active".equals(state)) {
                return false;
            }
            state = next;
            return true;
        }
    }

    private final Map<String, Share> shares = new ConcurrentHashMap<>();

    /** Stores a new active share. */
    public Share add(String coin, String walletId, String fromUser, String toUser, String permissions,
                     String message, ObjectNode keychain, Instant now) {
        Share share = new Share(Ids.id32(), coin, walletId, fromUser, toUser, permissions, message, keychain, now);
        shares.put(share.id(), share);
        return share;
    }

    /** A share, or null. */
    public Share get(String id) {
        return shares.get(id);
    }

    /** The shares a user sent or received, oldest first. */
    public List<Share> involving(String userId) {
        List<Share> out = new ArrayList<>();
        for (Share s : shares.values()) {
            if (s.fromUser().equals(userId) || s.toUser().equals(userId)) {
                out.add(s);
            }
        }
        out.sort(Comparator.comparing(Share::created).thenComparing(Share::id));
        return out;
    }
}
