package dev.bitgojava.testkit.internal;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleRequest;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.LevelResolverFactory;
import com.atlassian.oai.validator.report.ValidationReport;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Validates requests and responses against the OpenAPI contract with Atlassian's
 * {@link OpenApiInteractionValidator} (unknown properties tolerated, as OpenAPI allows them). Parsed validators
 * are cached per specification text, so starting another server is cheap. Thread-safe.
 */
public final class ContractValidator {

    /** Where the testkit jar carries the project's contract. */
    public static final String BUNDLED_SPEC = "dev/bitgojava/testkit/openapi/bitgo-v2.yaml";

    private static final Map<String, OpenApiInteractionValidator> CACHE = new ConcurrentHashMap<>();

    private final OpenApiInteractionValidator validator;

    private ContractValidator(OpenApiInteractionValidator validator) {
        this.validator = validator;
    }

    /** A validator for the contract bundled in the testkit jar. */
    public static ContractValidator bundled() {
        return forSpecification(readBundled());
    }

    /** A validator for the given OpenAPI document text. */
    public static ContractValidator forSpecification(String specText) {
        return new ContractValidator(CACHE.computeIfAbsent(specText, text ->
                OpenApiInteractionValidator.createForInlineApiSpecification(text)
                        .withLevelResolver(LevelResolverFactory.withAdditionalPropertiesIgnored())
                        .build()));
    }

    private static String readBundled() {
        try (InputStream in = ContractValidator.class.getClassLoader().getResourceAsStream(BUNDLED_SPEC)) {
            if (in == null) {
                throw new IllegalStateException(BUNDLED_SPEC + " is missing from the classpath");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** One validator message, {@code key: message}. */
    public record Finding(String key, String message) {
        @Override
        public String toString() {
            return key + ": " + message;
        }
    }

    /**
     * The request's contract errors. Authentication is the server's own job, so security findings are left out.
     */
    public List<Finding> validateRequest(String method, String path, Map<String, List<String>> query,
                                         Map<String, List<String>> headers, String body) {
        SimpleRequest.Builder builder = new SimpleRequest.Builder(method, path);
        query.forEach(builder::withQueryParam);
        headers.forEach(builder::withHeader);
        if (body != null && !body.isEmpty()) {
            builder.withBody(body);
        }
        List<Finding> out = new ArrayList<>();
        for (ValidationReport.Message message : validator.validateRequest(builder.build()).getMessages()) {
            if (message.getLevel() == ValidationReport.Level.ERROR
                    && !message.getKey().startsWith("validation.request.security")) {
                out.add(new Finding(message.getKey(), message.getMessage()));
            }
        }
        return out;
    }

    /**
     * The response's contract errors. An error status (4xx/5xx) the operation does not document, or an error for
     * a path or method outside the contract, is accepted: the contract lists only the error statuses clients
     * handle specially.
     */
    public List<Finding> validateResponse(String method, String path, int status, String body) {
        SimpleResponse.Builder builder = new SimpleResponse.Builder(status).withContentType("application/json");
        if (body != null && !body.isEmpty()) {
            builder.withBody(body);
        }
        ValidationReport report = validator.validateResponse(path, Request.Method.valueOf(method), builder.build());
        List<Finding> out = new ArrayList<>();
        for (ValidationReport.Message message : report.getMessages()) {
            if (message.getLevel() != ValidationReport.Level.ERROR) {
                continue;
            }
            if (status >= 400 && (message.getKey().endsWith(".status.unknown")
                    || message.getKey().endsWith(".path.missing")
                    || message.getKey().endsWith(".operation.notAllowed"))) {
                continue;
            }
            out.add(new Finding(message.getKey(), message.getMessage()));
        }
        return out;
    }
}
