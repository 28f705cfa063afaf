package dev.bitgojava.testkit.internal;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * An error the server answers with BitGo's error body {@code {error, name, requestId, context}}; thrown by
 * handlers and turned into a response by the dispatcher.
 */
public final class ApiException extends RuntimeException {

    private final int status;
    private final String name;
    private final ObjectNode context;
    private final ObjectNode extra;

    /** An error with the given HTTP status, stable error name and human message. */
    public ApiException(int status, String name, String message) {
        this(status, name, message, Json.object(), Json.object());
    }

    /** An error with context properties and extra top-level fields (e.g. {@code needsUnlock}). */
    public ApiException(int status, String name, String message, ObjectNode context, ObjectNode extra) {
        super(message, null, false, false);
        this.status = status;
        this.name = name;
        this.context = context;
        this.extra = extra;
    }

    /** 400 with the given name. */
    public static ApiException badRequest(String name, String message) {
        return new ApiException(400, name, message);
    }

    /** 404 for an unknown resource. */
    public static ApiException notFound(String what, String id) {
        return new ApiException(404, "NotFound", what + " " + id + " not found");
    }

    /** The HTTP status. */
    public int status() {
        return status;
    }

    /** BitGo's stable error code. */
    public String name() {
        return name;
    }

    /** The error body for the given request id. */
    public ObjectNode body(String requestId) {
        ObjectNode body = Json.object();
        body.put("error", getMessage());
        body.put("name", name);
        body.put("requestId", requestId);
        body.set("context", context);
        body.setAll(extra);
        return body;
    }
}
