package dev.bitgojava.sdk.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.bitgojava.sdk.PendingApproval;
import feign.Response;
import feign.Util;
import feign.codec.Decoder;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Type;

/**
 * Decodes success responses with the generated decoder, and, inside a {@link PendingApprovalScope}, notices a
 * pending-approval answer (status 202, {@code "status":"pendingApproval"} or a {@code pendingApproval} object)
 * and records it for the caller.
 */
public final class PendingApprovalDecoder implements Decoder {

    private final Decoder delegate;
    private final ObjectMapper mapper;

    /** Wraps the generated decoder. */
    public PendingApprovalDecoder(Decoder delegate, ObjectMapper mapper) {
        this.delegate = delegate;
        this.mapper = mapper;
    }

    @Override
    public Object decode(Response response, Type type) throws IOException {
        PendingApprovalScope scope = PendingApprovalScope.current();
        if (scope == null) {
            return delegate.decode(response, type);
        }
        byte[] bytes;
        if (response.body() == null) {
            bytes = new byte[0];
        } else {
            try (InputStream in = response.body().asInputStream()) {
                bytes = Util.toByteArray(in);
            }
        }
        JsonNode json = null;
        try {
            json = bytes.length == 0 ? null : mapper.readTree(bytes);
        } catch (IOException | RuntimeException e) {
            json = null;
        }
        PendingApproval pending = PendingApproval.detect(response.status(), json);
        if (pending != null) {
            scope.record(pending);
        }
        return delegate.decode(response.toBuilder().body(bytes).build(), type);
    }
}
