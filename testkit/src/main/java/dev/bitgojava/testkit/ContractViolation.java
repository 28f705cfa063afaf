package dev.bitgojava.testkit;

import java.util.List;

/**
 * A response the server was about to send that breaks the OpenAPI contract ({@code openapi/bitgo-v2.yaml}). The
 * client got a 500 naming the violation instead; tests see it through
 * {@link BitGoTestServer#assertNoContractViolations()}.
 *
 * @param method   the request's HTTP method
 * @param path     the request's path (without query)
 * @param status   the status the server meant to answer with
 * @param messages the validator's messages, each {@code key: message}
 */
public record ContractViolation(String method, String path, int status, List<String> messages) {

    /** Copies the message list. */
    public ContractViolation {
        messages = List.copyOf(messages);
    }

    @Override
    public String toString() {
        return method + " " + path + " -> " + status + ": " + String.join("; ", messages);
    }
}
