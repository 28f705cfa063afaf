package dev.bitgojava.signing.auth;

/**
 * BitGo's request-authentication schemes for HMAC-eligible access tokens.
 *
 * <ul>
 *   <li>{@link #V2}: subject {@code timestamp|path|body}, millisecond timestamps, no response time window
 *       (the default of BitGo's own SDK);</li>
 *   <li>{@link #V3}: subject {@code METHOD|timestamp|3.0|path|body}, responses must be signed within
 *       {@code now - 300 s .. now + 60 s};</li>
 *   <li>{@link #V4}: newline-terminated preimage over seconds, method, path, the body's SHA-256 and a per-request
 *       id, with the same window in whole seconds.</li>
 * </ul>
 */
public enum AuthVersion {
    /** Auth version 2.0. */
    V2("2.0"),
    /** Auth version 3.0: adds the method and version to the request subject and a response time window. */
    V3("3.0"),
    /** Auth version 4.0: seconds timestamp, body SHA-256 and a request id in a line-feed preimage. */
    V4("4.0");

    /** How far back a V2/V3 response timestamp may lie, in milliseconds (inclusive). */
    public static final long V3_WINDOW_BACK_MILLIS = 300_000L;
    /** How far ahead a V2/V3 response timestamp may lie, in milliseconds (inclusive). */
    public static final long V3_WINDOW_FORWARD_MILLIS = 60_000L;
    /** How far back a V4 response timestamp may lie, in seconds (inclusive). */
    public static final long V4_WINDOW_BACK_SECONDS = 300L;
    /** How far ahead a V4 response timestamp may lie, in seconds (inclusive). */
    public static final long V4_WINDOW_FORWARD_SECONDS = 60L;

    private final String headerValue;

    AuthVersion(String headerValue) {
        this.headerValue = headerValue;
    }

    /** The value of the {@code BitGo-Auth-Version} header, e.g. {@code "2.0"}. */
    public String headerValue() {
        return headerValue;
    }

    /** The version named by a {@code BitGo-Auth-Version} header value ({@code "2.0"}, {@code "3"}, ...). */
    public static AuthVersion fromHeaderValue(String value) {
        if (value != null) {
            switch (value.trim()) {
                case "2": case "2.0": return V2;
                case "3": case "3.0": return V3;
                case "4": case "4.0": return V4;
                default: break;
            }
        }
        throw new dev.bitgojava.signing.SigningException("unknown BitGo-Auth-Version: " + value);
    }

    /**
     * The timestamp this version puts on the wire for a clock reading: milliseconds for V2/V3, whole seconds
     * (rounded down) for V4.
     */
    public long wireTimestamp(long epochMillis) {
        return this == V4 ? Math.floorDiv(epochMillis, 1000L) : epochMillis;
    }

    /** Whether responses must lie in the validity window: V3 and V4 enforce it, V2 (like BitGo's SDK) does not. */
    public boolean enforcesValidityWindow() {
        return this != V2;
    }

    /**
     * Whether a signed timestamp (as found in a header) lies in this version's validity window at the given
     * clock reading: V2/V3 accept {@code now-300000 <= ts <= now+60000} in milliseconds; V4 accepts
     * {@code now-300 <= ts <= now+60} in seconds, with {@code now} rounded down. A missing or non-numeric
     * timestamp is outside. (V2 computes the window but does not enforce it, see {@link #enforcesValidityWindow}.)
     */
    public boolean isInValidityWindow(String timestampHeader, long nowEpochMillis) {
        long ts;
        try {
            ts = Long.parseLong(timestampHeader == null ? "" : timestampHeader.trim());
        } catch (NumberFormatException e) {
            return false;
        }
        if (this != V4) {
            return ts >= nowEpochMillis - V3_WINDOW_BACK_MILLIS && ts <= nowEpochMillis + V3_WINDOW_FORWARD_MILLIS;
        }
        long nowSec = Math.floorDiv(nowEpochMillis, 1000L);
        return ts >= nowSec - V4_WINDOW_BACK_SECONDS && ts <= nowSec + V4_WINDOW_FORWARD_SECONDS;
    }
}
