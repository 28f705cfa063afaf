package dev.bitgojava.testkit;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.bitgojava.signing.auth.AuthHeaders;
import dev.bitgojava.signing.auth.AuthVersion;
import dev.bitgojava.signing.auth.RequestCheck;
import dev.bitgojava.signing.auth.RequestVerifier;
import dev.bitgojava.signing.auth.ResponseSignature;
import dev.bitgojava.signing.auth.ResponseSigner;
import dev.bitgojava.testkit.internal.ApiException;
import dev.bitgojava.testkit.internal.Call;
import dev.bitgojava.testkit.internal.ContractValidator;
import dev.bitgojava.testkit.internal.ContractValidator.Finding;
import dev.bitgojava.testkit.internal.Ids;
import dev.bitgojava.testkit.internal.Json;
import dev.bitgojava.testkit.internal.Router;
import dev.bitgojava.testkit.internal.Session;
import dev.bitgojava.testkit.internal.Store;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;
import mockwebserver3.SocketEffect;
import okhttp3.Headers;
import okhttp3.HttpUrl;
import okio.ByteString;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Answers every request: faults, authentication, request validation, the endpoint, response validation and
 * response signing, in that order. Called concurrently by the HTTP server's connection threads.
 */
final class ServerDispatcher extends Dispatcher {

    private static final String JSON_TYPE = "application/json; charset=utf-8";
    private static final long REPLAY_MEMORY_MILLIS =
            AuthVersion.V3_WINDOW_BACK_MILLIS + AuthVersion.V3_WINDOW_FORWARD_MILLIS;

    private static final String CLIENT_ADDRESS = java.net.InetAddress.getLoopbackAddress().getHostAddress();

    private final Store store;
    private final Router router;
    private final ContractValidator contract;
    private final Faults faults;
    private final RequestVerifier verifier;
    private final Runnable afterRequestRecorded;
    private final List<ContractViolation> violations = new CopyOnWriteArrayList<>();
    private final Map<String, Long> seenHmacs = new ConcurrentHashMap<>();
    private final AtomicInteger insertsSincePrune = new AtomicInteger();

    ServerDispatcher(Store store, Router router, ContractValidator contract, Faults faults,
                     Runnable afterRequestRecorded) {
        this.store = store;
        this.router = router;
        this.contract = contract;
        this.faults = faults;
        this.verifier = new RequestVerifier(store.clock());
        this.afterRequestRecorded = afterRequestRecorded;
    }

    List<ContractViolation> violations() {
        return List.copyOf(violations);
    }

    /** How the request authenticated: its session and, when HMAC-signed, the version and V4 request id. */
    private record Auth(Session session, AuthVersion version, String authRequestId) {
    }

    /** A computed answer before faults that alter it. */
    private record Answer(int status, String body, Map<String, String> headers) {
    }

    @Override
    public MockResponse dispatch(RecordedRequest request) {
        afterRequestRecorded.run();
        String requestId = header(request.getHeaders(), "Request-ID");
        if (requestId == null || requestId.isBlank()) {
            requestId = Ids.hex(12);
        }
        if (faults.takeResetBefore()) {
            return new MockResponse.Builder().onResponseStart(new SocketEffect.CloseSocket()).build();
        }
        Answer answer;
        Duration retryAfter = faults.takeRateLimit();
        Integer serverError = retryAfter == null ? faults.takeServerError() : null;
        if (retryAfter != null) {
            answer = rateLimited(requestId, retryAfter);
        } else if (serverError != null) {
            answer = error(requestId, new ApiException(serverError, "InternalError",
                    "injected server error " + serverError), null);
        } else {
            answer = process(request, requestId);
        }
        return toMockResponse(answer, requestId);
    }

    private Answer process(RecordedRequest request, String requestId) {
        String method = request.getMethod();
        HttpUrl url = request.getUrl();
        String rawPath = url.encodedPath();
        String path = decodedPath(url);
        String target = signedTarget(request.getTarget());
        byte[] body = bodyBytes(request.getBody());
        Auth auth = null;
        try {
            Router.Match match = router.match(method, rawPath);
            // Like BitGo, authentication comes first: an unknown route is only reported to an authentic caller.
            if (match == null || match.route().authenticated()) {
                auth = authenticate(request, method, target, body);
                Duration wait = faults.chargeBudget(auth.session().id(), store.clock());
                if (wait != null) {
                    return rateLimited(requestId, wait);
                }
            }
            if (match == null) {
                throw router.pathExists(rawPath)
                        ? new ApiException(405, "MethodNotAllowed", method + " is not allowed on " + path)
                        : new ApiException(404, "NotFound", "no route " + method + " " + path);
            }
            String bodyText = new String(body, StandardCharsets.UTF_8);
            Map<String, List<String>> query = query(url);
            Map<String, List<String>> requestHeaders = headers(request.getHeaders());
            List<Finding> findings = contract.validateRequest(method, path, query, requestHeaders, bodyText);
            if (!findings.isEmpty()) {
                throw invalidRequest(findings);
            }
            Call call = new Call(method, path, match.pathParams(), query, Json.parseRequest(bodyText),
                    auth == null ? null : auth.session(), lowerCaseNames(requestHeaders));
            Router.Reply reply = match.route().handler().handle(call);
            return checked(method, path, target, reply.status(), Json.write(reply.body()), auth, requestId);
        } catch (ApiException e) {
            return error(requestId, e, auth, method, path, target);
        }
    }

    private Answer error(String requestId, ApiException e, Auth auth, String method, String path, String target) {
        String text = Json.write(e.body(requestId));
        if (e.status() == 401 && auth == null) {
            return new Answer(401, text, Map.of("x-auth-required", "true"));
        }
        return checked(method, path, target, e.status(), text, auth, requestId);
    }

    private Answer error(String requestId, ApiException e, Auth auth) {
        return new Answer(e.status(), Json.write(e.body(requestId)), Map.of());
    }

    /** Validates the response against the contract, then signs it for HMAC-authenticated requests. */
    private Answer checked(String method, String path, String target, int status, String body, Auth auth,
                           String requestId) {
        List<Finding> findings = contract.validateResponse(method, path, status, body);
        if (!findings.isEmpty()) {
            List<String> messages = findings.stream().map(Finding::toString).toList();
            violations.add(new ContractViolation(method, path, status, messages));
            ObjectNode context = Json.object();
            context.put("intendedStatus", status);
            messages.forEach(context.putArray("violations")::add);
            ApiException e = new ApiException(500, "ContractViolation",
                    "the test server's response would violate the contract: " + String.join("; ", messages),
                    context, Json.object());
            status = 500;
            body = Json.write(e.body(requestId));
        }
        Map<String, String> headers = new LinkedHashMap<>();
        if (auth != null && auth.version() != null) {
            ResponseSignature signature = new ResponseSigner(auth.session().token(), auth.version())
                    .sign(method, target, auth.authRequestId(), status, body.getBytes(StandardCharsets.UTF_8),
                            store.clock().millis());
            headers.putAll(signature.headers());
        }
        return new Answer(status, body, headers);
    }

    private Auth authenticate(RecordedRequest request, String method, String target, byte[] body) {
        Headers headers = request.getHeaders();
        String authorization = header(headers, AuthHeaders.AUTHORIZATION);
        if (authorization == null) {
            throw unauthorized("not authenticated: no Authorization header");
        }
        String declaredVersion = header(headers, AuthHeaders.AUTH_VERSION);
        Session plain = store.sessionForPlainBearer(authorization);
        if (plain != null) {
            if (declaredVersion != null) {
                throw unauthorized("a signed request must carry the token's hash, not the token");
            }
            return new Auth(usable(plain), null, null);
        }
        Session session = store.sessionForAuthorization(authorization);
        if (session == null) {
            throw unauthorized("invalid access token");
        }
        usable(session);
        if (!session.token().hmacEligible()) {
            return new Auth(session, null, null);
        }
        RequestCheck check = verifier.check(session.token(), method, target, body, name -> header(headers, name));
        if (check.version() == null) {
            throw unauthorized(declaredVersion == null
                    ? "a bearer token hash needs HMAC authentication headers"
                    : "unknown auth version " + declaredVersion);
        }
        if (!check.authorizationValid() || !check.hmacValid()) {
            throw unauthorized("invalid HMAC");
        }
        if (!check.inValidityWindow()) {
            throw unauthorized("request timestamp outside the validity window");
        }
        if (check.version() != AuthVersion.V2) {
            String signature = header(headers, check.version() == AuthVersion.V4
                    ? AuthHeaders.V4_SIGNATURE : AuthHeaders.HMAC).toLowerCase(java.util.Locale.ROOT);
            if (!remember(check.version() + ":" + signature)) {
                throw unauthorized("replayed request: this HMAC was already used");
            }
        }
        return new Auth(session, check.version(), check.authRequestId());
    }

    /**
     * Refuses a revoked or expired token (401) and a token whose IP allow-list lacks the caller's address (403).
     * The server listens on the loopback interface only, so every caller's address is the loopback address.
     */
    private Session usable(Session session) {
        if (session.revoked()) {
            throw unauthorized("this access token was revoked or logged out");
        }
        Session.Grant grant = session.grant();
        if (grant.expires() != null && !store.now().isBefore(grant.expires())) {
            throw unauthorized("this access token expired at " + grant.expires());
        }
        if (!grant.ipRestrict().isEmpty() && !grant.ipRestrict().contains(CLIENT_ADDRESS)) {
            throw new ApiException(403, "IpNotAllowed", "this access token may not be used from " + CLIENT_ADDRESS);
        }
        return session;
    }

    /** Records a request HMAC; false when it was seen before (a replay). */
    private boolean remember(String key) {
        long now = store.clock().millis();
        if (insertsSincePrune.incrementAndGet() >= 1024) {
            insertsSincePrune.set(0);
            seenHmacs.values().removeIf(seen -> seen + REPLAY_MEMORY_MILLIS < now);
        }
        return seenHmacs.putIfAbsent(key, now) == null;
    }

    private static ApiException unauthorized(String message) {
        return new ApiException(401, "Unauthorized", message);
    }

    private static ApiException invalidRequest(List<Finding> findings) {
        ObjectNode context = Json.object();
        var array = context.putArray("violations");
        findings.forEach(f -> array.addObject().put("key", f.key()).put("message", f.message()));
        boolean missingPath = findings.stream().anyMatch(f -> f.key().equals("validation.request.path.missing"));
        String message = "request violates the API contract: "
                + String.join("; ", findings.stream().map(Finding::toString).toList());
        return new ApiException(missingPath ? 404 : 400, missingPath ? "NotFound" : "InvalidRequest", message,
                context, Json.object());
    }

    private Answer rateLimited(String requestId, Duration retryAfter) {
        ObjectNode extra = Json.object();
        Map<String, String> headers = new LinkedHashMap<>();
        if (!retryAfter.isZero()) {
            long seconds = Math.max(1, (retryAfter.toMillis() + 999) / 1000);
            headers.put("Retry-After", Long.toString(seconds));
            extra.putObject("additionalDetails").put("retryAfter", seconds);
        }
        ApiException e = new ApiException(429, "TooManyRequests", "too many requests", Json.object(), extra);
        return new Answer(429, Json.write(e.body(requestId)), headers);
    }

    private MockResponse toMockResponse(Answer answer, String requestId) {
        MockResponse.Builder builder = new MockResponse.Builder()
                .code(answer.status())
                .setHeader("Content-Type", JSON_TYPE)
                .setHeader("request-id", requestId);
        Map<String, String> headers = new LinkedHashMap<>(answer.headers());
        if (headers.containsKey(AuthHeaders.RESPONSE_HMAC) && faults.takeTamperHmac()) {
            headers.put(AuthHeaders.RESPONSE_HMAC, tamper(headers.get(AuthHeaders.RESPONSE_HMAC)));
        }
        headers.forEach(builder::setHeader);
        builder.body(answer.body());
        Duration delay = faults.takeDelay();
        if (delay != null) {
            builder.headersDelay(delay.toMillis(), TimeUnit.MILLISECONDS);
        }
        if (faults.takeResetAfter()) {
            builder.onResponseStart(new SocketEffect.CloseSocket());
        } else if (faults.takeTruncate()) {
            builder.onResponseBody(new SocketEffect.CloseSocket());
        }
        return builder.build();
    }

    private static String tamper(String hmac) {
        char last = hmac.charAt(hmac.length() - 1);
        return hmac.substring(0, hmac.length() - 1) + (last == '0' ? '1' : '0');
    }

    private static String header(Headers headers, String name) {
        return headers.get(name);
    }

    private static Map<String, List<String>> lowerCaseNames(Map<String, List<String>> headers) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        headers.forEach((name, values) -> out.merge(name.toLowerCase(java.util.Locale.ROOT), values,
                (a, b) -> java.util.stream.Stream.concat(a.stream(), b.stream()).toList()));
        return out;
    }

    private static Map<String, List<String>> headers(Headers headers) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        for (String name : headers.names()) {
            out.put(name, headers.values(name));
        }
        return out;
    }

    private static Map<String, List<String>> query(HttpUrl url) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        for (String name : url.queryParameterNames()) {
            List<String> values = new ArrayList<>();
            for (String v : url.queryParameterValues(name)) {
                values.add(v == null ? "" : v);
            }
            out.put(name, values);
        }
        return out;
    }

    private static String decodedPath(HttpUrl url) {
        return "/" + String.join("/", url.pathSegments());
    }

    /** The request-line target as the client signed it: a bare trailing {@code ?} is not part of it. */
    private static String signedTarget(String target) {
        return target.endsWith("?") ? target.substring(0, target.length() - 1) : target;
    }

    private static byte[] bodyBytes(ByteString body) {
        return body == null ? new byte[0] : body.toByteArray();
    }
}
