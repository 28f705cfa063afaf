package dev.bitgojava.sdk;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.Optional;

/**
 * A request BitGo accepted but holds for approval (e.g. a send that triggered a wallet policy): a success, not an
 * error.
 *
 * @param status the HTTP status (typically 200 or 202)
 * @param id     the pending approval's id, when the response names one
 * @param body   the response body, or null when it was empty or not JSON
 */
public record PendingApproval(int status, String id, JsonNode body) {

    /**
     * Recognises a pending-approval answer: status 202, a top-level {@code "status":"pendingApproval"}, or a
     * {@code pendingApproval} object. Returns null otherwise.
     */
    public static PendingApproval detect(int status, JsonNode json) {
        boolean byStatus = status == 202;
        boolean byField = json != null && json.isObject()
                && ("pendingApproval".equals(json.path("status").asText(null)) || json.path("pendingApproval").isObject());
        if (!byStatus && !byField) {
            return null;
        }
        String id = null;
        if (json != null && json.isObject()) {
            JsonNode pa = json.path("pendingApproval");
            if (pa.isObject() && pa.hasNonNull("id")) {
                id = pa.get("id").asText();
            } else if (pa.isTextual()) {
                id = pa.asText();
            } else if (byField && json.hasNonNull("id")) {
                id = json.get("id").asText();
            }
        }
        return new PendingApproval(status, id, json);
    }

    /** The pending approval's id, when known. */
    public Optional<String> approvalId() {
        return Optional.ofNullable(id);
    }
}
