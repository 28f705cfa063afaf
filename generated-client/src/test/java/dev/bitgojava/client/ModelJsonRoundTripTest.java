package dev.bitgojava.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.bitgojava.client.invoker.ApiClient;
import dev.bitgojava.client.support.MissingRequiredPropertyException;
import dev.bitgojava.client.support.RequiredProperties;
import dev.bitgojava.client.model.Transfer;
import java.math.BigInteger;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Generated models of our spec decode and encode through the generated client's own ObjectMapper as the wire needs. */
class ModelJsonRoundTripTest {

    private final ObjectMapper mapper = new ApiClient().getObjectMapper();

    @Test
    void amountAboveTwoToThe53SurvivesExactly() throws Exception {
        BigInteger amount = BigInteger.TWO.pow(53).add(BigInteger.ONE).multiply(BigInteger.valueOf(1_000_003));
        String json = "{\"id\":\"ab01\",\"coin\":\"tbtc\",\"valueString\":\"" + amount + "\"}";

        Transfer transfer = mapper.readValue(json, Transfer.class);
        JsonNode encoded = mapper.readTree(mapper.writeValueAsString(transfer));

        assertEquals(amount, new BigInteger(transfer.getValueString()));
        assertEquals(amount.toString(), encoded.get("valueString").textValue());
    }

    @Test
    void unknownPropertyIsIgnored() throws Exception {
        Transfer transfer = mapper.readValue(
                "{\"id\":\"ab01\",\"coin\":\"tbtc\",\"valueString\":\"1\",\"addedLater\":{\"x\":1}}", Transfer.class);

        assertEquals("ab01", transfer.getId());
    }

    @Test
    void unknownEnumValueDecodesToTheUnknownDefault() throws Exception {
        Transfer transfer = mapper.readValue(
                "{\"id\":\"ab01\",\"coin\":\"tbtc\",\"valueString\":\"1\",\"state\":\"frozenForever\"}", Transfer.class);

        assertEquals(Transfer.StateEnum.UNKNOWN_DEFAULT_OPEN_API, transfer.getState());
    }

    @Test
    void knownEnumValueDecodes() throws Exception {
        Transfer transfer = mapper.readValue(
                "{\"id\":\"ab01\",\"coin\":\"tbtc\",\"valueString\":\"1\",\"state\":\"pendingApproval\"}", Transfer.class);

        assertEquals(Transfer.StateEnum.PENDING_APPROVAL, transfer.getState());
    }

    @Test
    void missingRequiredPropertiesAreNamedByTheCheck() throws Exception {
        Transfer transfer = mapper.readValue("{\"coin\":\"tbtc\"}", Transfer.class);

        MissingRequiredPropertyException e =
                assertThrows(MissingRequiredPropertyException.class, () -> RequiredProperties.check(transfer));

        assertEquals(List.of("id"), e.properties());
    }

    @Test
    void completeModelPassesTheCheck() throws Exception {
        Transfer transfer = mapper.readValue("{\"id\":\"ab01\",\"coin\":\"tbtc\",\"valueString\":\"1\"}", Transfer.class);

        assertEquals(transfer, RequiredProperties.check(transfer));
    }
}
