package dev.bitgojava.sdk.internal;

import feign.slf4j.Slf4jLogger;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Feign's SLF4J logger with secrets masked: the {@code Authorization}, {@code HMAC}, V4 signature and token-extension
 * {@code signature} headers are never logged, and the JSON fields {@code walletPassphrase}, {@code passphrase}, {@code prv}, {@code xprv},
 * {@code encryptedPrv}, {@code otp}, {@code password}, {@code token}, {@code access_token}, {@code encryptedToken},
 * {@code encryptedECDHXprv} and {@code encryptedXprv} are replaced by {@code ****} in every logged line
 * (also when a body is cut short in the middle of a value).
 */
public final class RedactingLogger extends Slf4jLogger {

    /** The SLF4J logger name of HTTP traffic. */
    public static final String LOGGER_NAME = "dev.bitgojava.sdk.http";

    private static final Set<String> SECRET_HEADERS = Set.of("authorization", "hmac", "x-signature",
            "signature", "proxy-authorization", "cookie", "set-cookie");
    private static final Pattern SECRET_FIELDS = Pattern.compile(
            "(\"(?:walletPassphrase|passphrase|prv|xprv|encryptedPrv|otp|password|token|access_token|encryptedToken|encryptedECDHXprv|encryptedXprv)\"\\s*:\\s*)"
                    + "(\"(?:[^\"\\\\]|\\\\.)*(?:\"|$)|[^,}\\]\\s]+)",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern SECRET_HEADER_LINES = Pattern.compile(
            "(?im)^((?:authorization|hmac|x-signature|signature|proxy-authorization|cookie|set-cookie)\\s*:).*$");

    /** A logger writing to {@link #LOGGER_NAME}. */
    public RedactingLogger() {
        super(LOGGER_NAME);
    }

    /** Masks secrets in a piece of logged text. */
    public static String redact(String text) {
        if (text == null) {
            return null;
        }
        String out = SECRET_FIELDS.matcher(text).replaceAll(m -> Matcher.quoteReplacement(m.group(1) + "\"****\""));
        return SECRET_HEADER_LINES.matcher(out).replaceAll("$1 ****");
    }

    @Override
    protected boolean shouldLogRequestHeader(String header) {
        return header == null || !SECRET_HEADERS.contains(header.toLowerCase(Locale.ROOT));
    }

    @Override
    protected boolean shouldLogResponseHeader(String header) {
        return header == null || !SECRET_HEADERS.contains(header.toLowerCase(Locale.ROOT));
    }

    @Override
    protected void log(String configKey, String format, Object... args) {
        super.log(configKey, "%s", redact(String.format(format, args)));
    }
}
