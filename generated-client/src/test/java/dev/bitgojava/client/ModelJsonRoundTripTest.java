package dev.bitgojava.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.bitgojava.client.invoker.ApiClient;
import dev.bitgojava.client.support.MissingRequiredPropertyException;
import dev.bitgojava.client.support.RequiredProperties;
import dev.bitgojava.client.testmodel.TestTransfer;
import dev.bitgojava.client.testmodel.TestTransferState;
import java.math.BigInteger;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Generated models decode and encode through the generated client's own ObjectMapper as the wire needs. */
class ModelJsonRoundTripTest {

    private final ObjectMapper mapper = new ApiClient().getObjectMapper();

    @Test
    void amountAboveTwoToThe53SurvivesExactly() throws Exception {
        BigInteger amount = BigInteger.TWO.pow(53).add(BigInteger.ONE).multiply(BigInteger.valueOf(1_000_003));
        String json = "{\"id\":\"ab01\",\"coin\":\"tbtc\",\"value\":\"" + amount + "\"}";

        TestTransfer transfer = mapper.readValue(json, TestTransfer.class);
        JsonNode encoded = mapper.readTree(mapper.writeValueAsString(transfer));

        assertEquals(amount, new BigInteger(transfer.getValue()));
        assertEquals(amount.toString(), encoded.get("value").textValue());
    }

    @Test
    void unknownPropertyIsIgnored() throws Exception {
        TestTransfer transfer = mapper.readValue(
                "{\"id\":\"ab01\",\"coin\":\"tbtc\",\"value\":\"1\",\"addedLater\":{\"x\":1}}", TestTransfer.class);

        assertEquals("ab01", transfer.getId());
    }

    @Test
    void unknownEnumValueDecodesToTheUnknownDefault() throws Exception {
        TestTransfer transfer = mapper.readValue(
                "{\"id\":\"ab01\",\"coin\":\"tbtc\",\"value\":\"1\",\"state\":\"frozenForever\"}", TestTransfer.class);

        assertEquals(TestTransferState.UNKNOWN_DEFAULT_OPEN_API, transfer.getState());
    }

    @Test
    void knownEnumValueDecodes() throws Exception {
        TestTransfer transfer = mapper.readValue(
                "{\"id\":\"ab01\",\"coin\":\"tbtc\",\"value\":\"1\",\"state\":\"pendingApproval\"}", TestTransfer.class);

        assertEquals(TestTransferState.PENDING_APPROVAL, transfer.getState());
    }

    @Test
    void missingRequiredPropertiesAreNamedByTheCheck() throws Exception {
        TestTransfer transfer = mapper.readValue("{\"coin\":\"tbtc\"}", TestTransfer.class);

        MissingRequiredPropertyException e =
                assertThrows(MissingRequiredPropertyException.class, () -> RequiredProperties.check(transfer));

        assertEquals(List.of("id", "value"), e.properties());
    }

    @Test
    void completeModelPassesTheCheck() throws Exception {
        TestTransfer transfer = mapper.readValue("{\"id\":\"ab01\",\"coin\":\"tbtc\",\"value\":\"1\"}", TestTransfer.class);

        assertEquals(transfer, RequiredProperties.check(transfer));
    }
}
