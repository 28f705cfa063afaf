package dev.bitgojava.sdk.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.bitgojava.sdk.errors.ApiErrorDetails;
import dev.bitgojava.sdk.errors.BitGoApiException;
import feign.Response;
import feign.codec.ErrorDecoder;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Collection;
import java.util.Map;

/**
 * Turns every non-2xx response into the typed {@link BitGoApiException} tree, reading BitGo's error body when it
 * is JSON and keeping the raw text when it is not (or is cut short).
 */
public final class BitGoErrorDecoder implements ErrorDecoder {

    /** Error bodies longer than this are cut (the raw text keeps the first part). */
    static final int MAX_BODY = 64 * 1024;

    private final ObjectMapper mapper;
    private final Clock clock;

    /** A decoder reading JSON with {@code mapper} and {@code Retry-After} dates against {@code clock}. */
    public BitGoErrorDecoder(ObjectMapper mapper, Clock clock) {
        this.mapper = mapper;
        this.clock = clock;
    }

    @Override
    public Exception decode(String methodKey, Response response) {
        int status = response.status();
        String raw = readBody(response);
        String method = response.request() == null ? null : response.request().httpMethod().name();
        boolean mayHaveBeenProcessed = status >= 500 && status != 503 && !HttpMethods.isIdempotent(method);
        String retryAfterHeader = header(response, "Retry-After");
        if (retryAfterHeader == null) {
            retryAfterHeader = header(response, NoHiddenRetries.MOVED_RETRY_AFTER);
        }
        Duration retryAfter = RetryAfter.parse(retryAfterHeader, clock);

        String name = null;
        String error = null;
        String requestId = null;
        JsonNode context = null;
        boolean needsOtp = false;
        boolean needsUnlock = false;
        JsonNode json = parse(raw);
        if (json != null && json.isObject()) {
            name = text(json, "name");
            error = text(json, "error");
            if (error == null) {
                error = text(json, "message");
            }
            requestId = text(json, "requestId");
            JsonNode ctx = json.get("context");
            context = ctx == null || ctx.isNull() ? null : ctx;
            needsOtp = json.path("needsOTP").asBoolean(false);
            needsUnlock = json.path("needsUnlock").asBoolean(false);
        }
        if (requestId == null) {
            requestId = header(response, "request-id");
        }
        if (requestId == null) {
            requestId = header(response, "x-request-id");
        }
        return BitGoApiException.of(new ApiErrorDetails(status, name, error, requestId, context, needsOtp,
                needsUnlock, raw, retryAfter, mayHaveBeenProcessed));
    }

    private JsonNode parse(String raw) {
        if (raw.isEmpty()) {
            return null;
        }
        try {
            return mapper.readTree(raw);
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    private static String text(JsonNode json, String field) {
        JsonNode v = json.get(field);
        return v == null || v.isNull() ? null : (v.isTextual() ? v.asText() : v.toString());
    }

    private static String readBody(Response response) {
        if (response.body() == null) {
            return "";
        }
        try (InputStream in = response.body().asInputStream()) {
            byte[] bytes = in.readNBytes(MAX_BODY);
            return new String(bytes, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "";
        }
    }

    static String header(Response response, String name) {
        for (Map.Entry<String, Collection<String>> e : response.headers().entrySet()) {
            if (e.getKey() != null && e.getKey().equalsIgnoreCase(name) && !e.getValue().isEmpty()) {
                return e.getValue().iterator().next();
            }
        }
        return null;
    }
}
