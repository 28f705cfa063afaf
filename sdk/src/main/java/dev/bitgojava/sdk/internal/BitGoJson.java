package dev.bitgojava.sdk.internal;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.bitgojava.client.invoker.RFC3339DateFormat;
import dev.bitgojava.client.invoker.RFC3339JavaTimeModule;

/**
 * The one Jackson {@link ObjectMapper} of the SDK, configured exactly as the generated {@code ApiClient} configures
 * its own (enums by {@code toString}, unknown properties and subtypes tolerated, RFC 3339 dates, java.time), built
 * once and shared by every client: its serializer and deserializer caches fill once per process, not per client.
 *
 * <p>The SDK does not instantiate the generated {@code ApiClient}: its class initialiser builds a default OkHttp
 * client with the platform's TLS set-up, which a plain-HTTP client never needs and every client replaces anyway.
 * Never reconfigure the shared mapper; {@link ObjectMapper#copy() copy} it.
 */
public final class BitGoJson {

    /** The shared mapper. */
    public static final ObjectMapper MAPPER = newMapper();

    private BitGoJson() {
    }

    /** A new mapper with the generated client's configuration. */
    public static ObjectMapper newMapper() {
        ObjectMapper m = new ObjectMapper();
        m.enable(SerializationFeature.WRITE_ENUMS_USING_TO_STRING);
        m.enable(DeserializationFeature.READ_ENUMS_USING_TO_STRING);
        m.disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
        m.disable(DeserializationFeature.FAIL_ON_INVALID_SUBTYPE);
        m.disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
        m.setDateFormat(new RFC3339DateFormat());
        m.registerModule(new JavaTimeModule());
        m.registerModule(new RFC3339JavaTimeModule());
        return m;
    }
}
