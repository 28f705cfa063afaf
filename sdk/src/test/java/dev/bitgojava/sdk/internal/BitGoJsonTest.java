package dev.bitgojava.sdk.internal;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.bitgojava.client.invoker.ApiClient;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class BitGoJsonTest {

    private final ObjectMapper generated = new ApiClient().getObjectMapper();

    @Test
    void deserializationFeaturesAreThoseOfTheGeneratedClient() {
        for (DeserializationFeature f : DeserializationFeature.values()) {
            assertEquals(generated.isEnabled(f), BitGoJson.MAPPER.isEnabled(f), f.name());
        }
    }

    @Test
    void serializationFeaturesAreThoseOfTheGeneratedClient() {
        for (SerializationFeature f : SerializationFeature.values()) {
            assertEquals(generated.isEnabled(f), BitGoJson.MAPPER.isEnabled(f), f.name());
        }
    }

    @Test
    void modulesAndDateFormatAreThoseOfTheGeneratedClient() {
        assertEquals(generated.getRegisteredModuleIds(), BitGoJson.MAPPER.getRegisteredModuleIds());
        assertEquals(generated.getDateFormat().getClass(), BitGoJson.MAPPER.getDateFormat().getClass());
    }
}
