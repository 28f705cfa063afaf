package dev.bitgojava.sdk;

/**
 * How much of each HTTP exchange is logged at SLF4J DEBUG (logger {@code dev.bitgojava.sdk.http}). Secrets are
 * always masked: {@code Authorization}, {@code HMAC} and the body fields {@code walletPassphrase},
 * {@code passphrase}, {@code prv}, {@code xprv}, {@code encryptedPrv}, {@code otp} and {@code password}.
 */
public enum HttpLogLevel {
    /** Nothing. */
    NONE,
    /** Method, URL, status and timing. */
    BASIC,
    /** BASIC plus headers. */
    HEADERS,
    /** HEADERS plus bodies. */
    FULL
}
