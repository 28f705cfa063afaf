package dev.bitgojava.signing.auth;

import dev.bitgojava.signing.SigningException;
import feign.Client;
import feign.Request;
import feign.Response;

import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * A {@link feign.Client} decorator that signs every request and verifies every successful response: the Feign
 * integration of {@link RequestSigner} and {@link ResponseVerifier}.
 *
 * <p>It works on the final {@link Request} (absolute URL, encoded query, encoded body bytes), so it signs exactly
 * the path-and-query and bytes that go on the wire. Any authentication headers already present are removed, not
 * appended to, and each call reads the clock afresh, so a retried request carries a new timestamp and signature.
 * A V4 request gets a fresh {@code X-Auth-Request-Id} per call. Responses with a 2xx status are buffered and
 * verified; a failure throws {@link ResponseVerificationException} (a {@link SigningException}). Thread-safe.
 */
public final class HmacAuthClient implements Client {

    private static final byte[] EMPTY = new byte[0];

    private final Client delegate;
    private final RequestSigner signer;
    private final ResponseVerifier verifier;
    private final Clock clock;
    private final Supplier<String> requestIds;

    private HmacAuthClient(Builder b) {
        this.delegate = Objects.requireNonNull(b.delegate, "delegate");
        AccessToken token = Objects.requireNonNull(b.token, "token");
        this.clock = Objects.requireNonNull(b.clock, "clock");
        this.signer = new RequestSigner(token, b.version);
        this.verifier = b.verifyResponses && token.hmacEligible()
                ? new ResponseVerifier(token, b.version, clock) : null;
        this.requestIds = Objects.requireNonNull(b.requestIds, "requestIds");
    }

    /** Starts a client that signs with {@code token} and sends through {@code delegate}. */
    public static Builder builder(Client delegate, AccessToken token) {
        return new Builder(delegate, token);
    }

    @Override
    public Response execute(Request request, Request.Options options) throws IOException {
        String method = request.httpMethod().name();
        String path = PathWithQuery.of(request.url());
        byte[] body = request.body();
        String requestId = signer.version() == AuthVersion.V4 ? requestIds.get() : null;
        RequestSignature sig = signer.sign(method, path, body, clock.millis(), requestId);

        Map<String, Collection<String>> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        headers.putAll(request.headers());
        for (String name : AuthHeaders.ALL_REQUEST_HEADERS) {
            headers.remove(name);
        }
        sig.forEachHeader((name, value) -> headers.put(name, List.of(value)));
        Request signed = Request.create(request.httpMethod(), request.url(), headers, body, request.charset(),
                request.requestTemplate());

        Response response = delegate.execute(signed, options);
        if (verifier == null || !ResponseVerifier.appliesTo(response.status())) {
            return response;
        }
        byte[] bytes;
        try (Response toClose = response) {
            Response.Body rb = toClose.body();
            if (rb == null) {
                bytes = EMPTY;
            } else {
                // Read once into an array of the declared length where known (no intermediate stream buffer);
                // the verifier MACs this array and the decoder parses it: the body is never copied again.
                Integer length = rb.length();
                try (InputStream in = rb.asInputStream()) {
                    bytes = length != null && length >= 0 ? in.readNBytes(length) : in.readAllBytes();
                }
            }
        }
        verifier.verify(method, path, requestId, response.status(),
                first(response, AuthHeaders.RESPONSE_TIMESTAMP), first(response, AuthHeaders.RESPONSE_HMAC), bytes);
        return response.toBuilder().body(bytes).build();
    }

    private static String first(Response response, String name) {
        Collection<String> values = response.headers().get(name);
        if (values == null) {
            for (Map.Entry<String, Collection<String>> e : response.headers().entrySet()) {
                if (e.getKey() != null && e.getKey().equalsIgnoreCase(name)) {
                    values = e.getValue();
                    break;
                }
            }
        }
        return values == null || values.isEmpty() ? null : values.iterator().next();
    }

    /** Options of {@link HmacAuthClient}; defaults: V2, system UTC clock, responses verified, UUID request ids. */
    public static final class Builder {
        private final Client delegate;
        private final AccessToken token;
        private AuthVersion version = AuthVersion.V2;
        private Clock clock = Clock.systemUTC();
        private boolean verifyResponses = true;
        private Supplier<String> requestIds = () -> UUID.randomUUID().toString();

        private Builder(Client delegate, AccessToken token) {
            this.delegate = delegate;
            this.token = token;
        }

        /** The auth version to sign with (default V2, as BitGo's SDK). */
        public Builder version(AuthVersion version) {
            this.version = Objects.requireNonNull(version, "version");
            return this;
        }

        /** The clock for request timestamps and the response window. */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /** Whether 2xx responses must carry a valid signature (default true). */
        public Builder verifyResponses(boolean verify) {
            this.verifyResponses = verify;
            return this;
        }

        /** Where V4 request ids come from (default random UUIDs). */
        public Builder requestIds(Supplier<String> requestIds) {
            this.requestIds = Objects.requireNonNull(requestIds, "requestIds");
            return this;
        }

        /** The configured client. */
        public HmacAuthClient build() {
            return new HmacAuthClient(this);
        }
    }
}
