package dev.bitgojava.sdk.internal;

import dev.bitgojava.sdk.errors.BitGoClientException;
import dev.bitgojava.sdk.errors.BitGoConnectionException;
import dev.bitgojava.sdk.errors.BitGoException;
import dev.bitgojava.sdk.errors.BitGoResponseVerificationException;
import dev.bitgojava.signing.SigningException;
import dev.bitgojava.signing.auth.ResponseVerificationException;
import feign.FeignException;
import feign.RetryableException;

import javax.net.ssl.SSLHandshakeException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.PortUnreachableException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.util.Locale;

/** Maps whatever a Feign call throws onto the {@link BitGoException} tree. */
public final class Exceptions {

    private Exceptions() {
    }

    /** The typed exception for a failure of a call with the given HTTP method. */
    public static BitGoException map(Throwable t, String httpMethod) {
        if (t instanceof BitGoException b) {
            return b;
        }
        boolean idempotent = HttpMethods.isIdempotent(httpMethod);
        if (t instanceof ResponseVerificationException v) {
            return new BitGoResponseVerificationException(v, !idempotent);
        }
        if (t instanceof SigningException s) {
            return new BitGoClientException("request signing failed: " + s.getMessage(), s);
        }
        if (t instanceof RetryableException r && r.getCause() instanceof IOException io) {
            return connection(io, httpMethod);
        }
        if (t instanceof IOException io) {
            return connection(io, httpMethod);
        }
        if (t instanceof FeignException f) {
            if (f.getCause() instanceof BitGoException b) {
                return b;
            }
            if (f.getCause() instanceof IOException io && f.status() < 0) {
                return connection(io, httpMethod);
            }
            return new BitGoClientException("HTTP call failed: " + f.getClass().getSimpleName(), f);
        }
        return new BitGoClientException("unexpected failure: " + t, t);
    }

    /**
     * A connection failure. It happened before anything was sent for a refused connection, an unknown host, an
     * unreachable network, a failed TLS handshake or a connect timeout; otherwise a non-idempotent request may
     * have reached the server.
     */
    public static BitGoConnectionException connection(IOException io, String httpMethod) {
        boolean timeout = io instanceof SocketTimeoutException;
        String msg = io.getMessage() == null ? "" : io.getMessage().toLowerCase(Locale.ROOT);
        boolean beforeSend = io instanceof ConnectException || io instanceof UnknownHostException
                || io instanceof NoRouteToHostException || io instanceof PortUnreachableException
                || io instanceof SSLHandshakeException || (timeout && msg.contains("connect"));
        boolean mayHaveBeenProcessed = !beforeSend && !HttpMethods.isIdempotent(httpMethod);
        String what = timeout ? (beforeSend ? "connect timeout" : "read timeout") : (beforeSend ? "connection failed" : "connection lost");
        String message = httpMethod + " " + what + ": " + io.getClass().getSimpleName()
                + (mayHaveBeenProcessed ? " (the request may have been processed; it was not retried)" : "");
        return new BitGoConnectionException(message, io, httpMethod, timeout, mayHaveBeenProcessed);
    }
}
