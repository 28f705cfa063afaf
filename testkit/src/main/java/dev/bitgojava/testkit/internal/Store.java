package dev.bitgojava.testkit.internal;

import dev.bitgojava.signing.auth.AccessToken;
import dev.bitgojava.testkit.internal.Model.Enterprise;
import dev.bitgojava.testkit.internal.Model.Keychain;
import dev.bitgojava.testkit.internal.Model.User;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * All server state, in memory and thread-safe: users, enterprises, sessions (access tokens), keychains and
 * wallets. Registries are concurrent maps; each wallet guards its own changing state.
 */
public final class Store {

    /** The fake chain height the first credited transfer lands at. */
    private static final int FIRST_BLOCK = 800_000;

    private final Clock clock;
    private final Map<String, User> users = new ConcurrentHashMap<>();
    private final Map<String, Enterprise> enterprises = new ConcurrentHashMap<>();
    private final Map<String, Session> sessionsByAuthorization = new ConcurrentHashMap<>();
    private final Map<String, Session> plainBearerSessions = new ConcurrentHashMap<>();
    private final Map<String, Keychain> keychains = new ConcurrentHashMap<>();
    private final Map<String, WalletState> wallets = new ConcurrentHashMap<>();
    private final AtomicInteger blockHeight = new AtomicInteger(FIRST_BLOCK);

    /** An empty store reading the given clock. */
    public Store(Clock clock) {
        this.clock = clock;
    }

    /** The server clock's current instant. */
    public Instant now() {
        return clock.instant();
    }

    /** The server clock. */
    public Clock clock() {
        return clock;
    }

    /** Creates a user with one enterprise; returns the user. */
    public User seedUser(String email, String firstName, String lastName, String enterpriseName) {
        Instant now = now();
        Enterprise enterprise = new Enterprise(Ids.id32(), enterpriseName, now);
        enterprises.put(enterprise.id(), enterprise);
        User user = new User(Ids.id32(), email, firstName, lastName, List.of(enterprise.id()), now);
        users.put(user.id(), user);
        return user;
    }

    /** Creates a user who belongs to existing enterprises; returns the user. */
    public User addUser(String email, String firstName, String lastName, List<String> enterpriseIds) {
        User user = new User(Ids.id32(), email, firstName, lastName, List.copyOf(enterpriseIds), now());
        users.put(user.id(), user);
        return user;
    }

    /**
     * Registers an access token for a user. The server accepts it as an HMAC-signed bearer hash (V2/V3/V4) and,
     * like BitGo, as a plain bearer token.
     */
    public Session addToken(String userId, String token, String label) {
        AccessToken accessToken = AccessToken.of(token);
        Session session = new Session(Ids.id32(), userId, label, now(), accessToken);
        sessionsByAuthorization.put(accessToken.authorizationHeaderValue(), session);
        if (accessToken.hmacEligible()) {
            plainBearerSessions.put("Bearer " + token, session);
        }
        return session;
    }

    /** The session whose token sends this {@code Authorization} value as an HMAC bearer hash, or null. */
    public Session sessionForAuthorization(String authorization) {
        return authorization == null ? null : sessionsByAuthorization.get(authorization);
    }

    /** The session of an HMAC-eligible token sent as a plain bearer token, or null. */
    public Session sessionForPlainBearer(String authorization) {
        return authorization == null ? null : plainBearerSessions.get(authorization);
    }

    /** A user, or null. */
    public User user(String id) {
        return users.get(id);
    }

    /** An enterprise, or null. */
    public Enterprise enterprise(String id) {
        return enterprises.get(id);
    }

    /** Stores a keychain. */
    public Keychain addKeychain(Keychain keychain) {
        keychains.put(keychain.id(), keychain);
        return keychain;
    }

    /** A keychain, or null. */
    public Keychain keychain(String id) {
        return keychains.get(id);
    }

    /**
     * Another user's view of a keychain: a wallet key shared with {@code userId} through an accepted share, with
     * that user's own {@code encryptedPrv} (none for a view-only share); null when the key was not shared with them.
     */
    public Keychain sharedKeychain(Keychain keychain, String userId) {
        for (WalletState wallet : wallets.values()) {
            if (wallet.keyIds().contains(keychain.id()) && wallet.isMember(userId)) {
                String copy = wallet.keyIds().get(0).equals(keychain.id()) ? wallet.userKeyCopyOf(userId) : null;
                return new Keychain(keychain.id(), userId, keychain.pub(), copy, keychain.source(), null,
                        keychain.created());
            }
        }
        return null;
    }

    /** A user's keychains, oldest first. */
    public List<Keychain> keychainsOf(String userId) {
        return sorted(keychains.values().stream().filter(k -> k.userId().equals(userId)).toList(),
                Comparator.comparing(Keychain::created).thenComparing(Keychain::id));
    }

    /** Stores a wallet. */
    public WalletState addWallet(WalletState wallet) {
        wallets.put(wallet.id(), wallet);
        return wallet;
    }

    /** A wallet, or null. */
    public WalletState wallet(String id) {
        return wallets.get(id);
    }

    /** A user's wallets (optionally of one coin), oldest first. */
    public List<WalletState> walletsOf(String userId, String coin) {
        return sorted(wallets.values().stream()
                        .filter(w -> w.isMember(userId) && (coin == null || w.coin().equals(coin)))
                        .toList(),
                Comparator.comparing(WalletState::created).thenComparing(WalletState::id));
    }

    /** The next fake block height. */
    public int nextBlockHeight() {
        return blockHeight.incrementAndGet();
    }

    /** The current fake block height. */
    public int blockHeight() {
        return blockHeight.get();
    }

    private static <T> List<T> sorted(Collection<T> items, Comparator<T> order) {
        List<T> out = new ArrayList<>(items);
        out.sort(order);
        return out;
    }
}
