package dev.bitgojava.sdk.internal;

/** Which HTTP methods are idempotent, i.e. safe to repeat after a failure that may have reached the server. */
public final class HttpMethods {

    private HttpMethods() {
    }

    /** GET, HEAD, PUT, DELETE and OPTIONS are idempotent; POST, PATCH and anything unknown are not. */
    public static boolean isIdempotent(String method) {
        if (method == null) {
            return false;
        }
        switch (method) {
            case "GET": case "HEAD": case "PUT": case "DELETE": case "OPTIONS":
                return true;
            default:
                return false;
        }
    }
}
