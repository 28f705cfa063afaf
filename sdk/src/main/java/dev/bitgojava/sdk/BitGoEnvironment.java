package dev.bitgojava.sdk;

import dev.bitgojava.sdk.errors.BitGoConfigurationException;

import java.net.URI;
import java.util.Objects;

/**
 * Where the client sends requests: BitGo's test or production platform, another BitGo-compatible base URL, or a
 * BitGo Express instance.
 *
 * <p>Production requires verified responses. Express receives the raw token as a plain bearer (it signs towards
 * BitGo itself), so requests to Express are neither HMAC-signed nor verified.
 */
public final class BitGoEnvironment {

    /** BitGo's test platform, {@code https://app.bitgo-test.com}. */
    public static final BitGoEnvironment TEST = new BitGoEnvironment("test", URI.create("https://app.bitgo-test.com"), false, false);
    /** BitGo's production platform, {@code https://app.bitgo.com}. */
    public static final BitGoEnvironment PROD = new BitGoEnvironment("prod", URI.create("https://app.bitgo.com"), true, false);

    private final String name;
    private final URI baseUrl;
    private final boolean production;
    private final boolean express;

    private BitGoEnvironment(String name, URI baseUrl, boolean production, boolean express) {
        this.name = name;
        this.baseUrl = baseUrl;
        this.production = production;
        this.express = express;
    }

    /** A custom (non-production) base URL, e.g. a local test server. */
    public static BitGoEnvironment custom(String baseUrl) {
        return new BitGoEnvironment("custom", parse(baseUrl), false, false);
    }

    /** A BitGo Express instance, e.g. {@code http://localhost:3080}. */
    public static BitGoEnvironment express(String baseUrl) {
        return new BitGoEnvironment("express", parse(baseUrl), false, true);
    }

    private static URI parse(String baseUrl) {
        if (baseUrl == null || baseUrl.isBlank()) {
            throw new BitGoConfigurationException("base URL is missing");
        }
        URI uri;
        try {
            uri = URI.create(baseUrl.trim());
        } catch (IllegalArgumentException e) {
            throw new BitGoConfigurationException("base URL is not a valid URI: " + baseUrl);
        }
        if (!("http".equalsIgnoreCase(uri.getScheme()) || "https".equalsIgnoreCase(uri.getScheme()))
                || uri.getHost() == null) {
            throw new BitGoConfigurationException("base URL must be an absolute http(s) URL: " + baseUrl);
        }
        return uri;
    }

    /** A short name: {@code test}, {@code prod}, {@code custom} or {@code express}. */
    public String name() {
        return name;
    }

    /** The base URL (paths such as {@code /api/v2/...} are appended to it). */
    public URI baseUrl() {
        return baseUrl;
    }

    /** Whether this is BitGo's production platform (response verification cannot be switched off). */
    public boolean isProduction() {
        return production;
    }

    /** Whether this is a BitGo Express instance. */
    public boolean isExpress() {
        return express;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof BitGoEnvironment e && e.name.equals(name) && e.baseUrl.equals(baseUrl);
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, baseUrl);
    }

    @Override
    public String toString() {
        return name + "(" + baseUrl + ")";
    }
}
