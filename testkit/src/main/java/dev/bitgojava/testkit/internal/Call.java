package dev.bitgojava.testkit.internal;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.List;
import java.util.Map;

/**
 * One authenticated API call as a handler sees it.
 *
 * @param method     upper-case HTTP method
 * @param path       decoded path without query
 * @param pathParams the route's path parameters, decoded
 * @param query      decoded query parameters (repeated keys keep every value)
 * @param body       the parsed JSON body (an empty object when there is none)
 * @param session    the caller's session, or null on a public route
 * @param headers    the request headers, names lower-cased
 */
public record Call(String method, String path, Map<String, String> pathParams, Map<String, List<String>> query,
                   JsonNode body, Session session, Map<String, List<String>> headers) {

    /** The first value of a request header (name case-insensitive), or null. */
    public String header(String name) {
        List<String> values = headers == null ? null : headers.get(name.toLowerCase(java.util.Locale.ROOT));
        return values == null || values.isEmpty() ? null : values.get(0);
    }

    /** A path parameter. */
    public String param(String name) {
        return pathParams.get(name);
    }

    /** The first value of a query parameter, or null. */
    public String queryParam(String name) {
        List<String> values = query.get(name);
        return values == null || values.isEmpty() ? null : values.get(0);
    }

    /** Every value of a query parameter (also {@code name[]}), never null. */
    public List<String> queryParams(String name) {
        List<String> values = query.get(name);
        if (values == null) {
            values = query.get(name + "[]");
        }
        return values == null ? List.of() : values;
    }

    /** An integer query parameter, or null; a non-integer is a 400. */
    public Integer intQuery(String name) {
        String value = queryParam(name);
        if (value == null) {
            return null;
        }
        try {
            return Integer.valueOf(value);
        } catch (NumberFormatException e) {
            throw ApiException.badRequest("InvalidParameter", name + " must be an integer");
        }
    }

    /** The caller's user id. */
    public String userId() {
        return session.userId();
    }
}
