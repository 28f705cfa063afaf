package dev.bitgojava.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import dev.bitgojava.signing.auth.AuthVersion;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ContractValidationTest {

    @RegisterExtension
    final BitGoTestServerExtension bitgo = new BitGoTestServerExtension();

    @Test
    void aRequestBreakingTheContractGets400NamingTheViolation() {
        TestClient client = new TestClient(bitgo.server(), AuthVersion.V3);

        TestClient.Reply reply = client.post("/api/v2/tbtc/wallet/add", "{\"label\":\"x\",\"m\":\"two\"}");

        assertEquals(400, reply.status(), reply.body());
        JsonNode body = reply.json();
        assertEquals("InvalidRequest", body.path("name").asText());
        assertTrue(body.path("error").asText().contains("/m"), body.toString());
        assertTrue(body.path("context").path("violations").size() > 0);
    }

    @Test
    void aResponseBreakingTheContractBecomesA500AndIsRecorded() {
        String spec = """
                openapi: 3.0.3
                info: {title: t, version: '1'}
                paths:
                  /api/v2/ping:
                    get:
                      security: []
                      responses:
                        '200':
                          description: ok
                          content:
                            application/json:
                              schema:
                                type: object
                                required: [status]
                                properties:
                                  status: {type: integer}
                """;
        try (BitGoTestServer server = BitGoTestServer.builder().specification(spec).build().start()) {
            TestClient.Reply reply = new TestClient(server, AuthVersion.V2).sendRaw("GET", "/api/v2/ping", null,
                    java.util.Map.of());

            assertEquals(500, reply.status(), reply.body());
            assertEquals("ContractViolation", reply.json().path("name").asText());
            assertTrue(reply.json().path("error").asText().contains("/status"), reply.body());
            assertEquals(1, server.contractViolations().size());
            assertEquals(200, server.contractViolations().get(0).status());
            AssertionError error = assertThrows(AssertionError.class, server::assertNoContractViolations);
            assertTrue(error.getMessage().contains("GET /api/v2/ping"), error.getMessage());
        }
    }
}
