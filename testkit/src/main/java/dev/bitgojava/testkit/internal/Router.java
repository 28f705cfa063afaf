package dev.bitgojava.testkit.internal;

import com.fasterxml.jackson.databind.JsonNode;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Maps a method and path to a handler: of the routes that match, the one with the fewest path parameters wins
 * (a literal {@code /user/logout} before {@code /user/{id}}), then the first registered.
 */
public final class Router {

    /** A handler's answer: status and JSON body. */
    public record Reply(int status, JsonNode body) {
        /** 200 with a body. */
        public static Reply ok(JsonNode body) {
            return new Reply(200, body);
        }
    }

    /** Handles one call. */
    @FunctionalInterface
    public interface Handler {
        /** Answers the call or throws {@link ApiException}. */
        Reply handle(Call call);
    }

    /** A matched route. */
    public record Match(Route route, Map<String, String> pathParams) {
    }

    /** One route. {@code authenticated} is false for public routes such as ping. */
    public record Route(String method, String template, Pattern pattern, List<String> names, boolean authenticated,
                        Handler handler) {
    }

    private static final Pattern PARAM = Pattern.compile("\\{([A-Za-z0-9_]+)}");

    private final List<Route> routes = new ArrayList<>();

    /** Adds an authenticated route, e.g. {@code ("GET", "/api/v2/{coin}/key/{id}", handler)}. */
    public Router add(String method, String template, Handler handler) {
        return add(method, template, true, handler);
    }

    /** Adds a route that needs no authentication. */
    public Router addPublic(String method, String template, Handler handler) {
        return add(method, template, false, handler);
    }

    private Router add(String method, String template, boolean authenticated, Handler handler) {
        List<String> names = new ArrayList<>();
        Matcher m = PARAM.matcher(template);
        StringBuilder regex = new StringBuilder();
        int last = 0;
        while (m.find()) {
            regex.append(Pattern.quote(template.substring(last, m.start()))).append("([^/]+)");
            names.add(m.group(1));
            last = m.end();
        }
        regex.append(Pattern.quote(template.substring(last)));
        routes.add(new Route(method, template, Pattern.compile(regex.toString()), names, authenticated, handler));
        return this;
    }

    /**
     * The route for a raw (still percent-encoded) path, or null. A path that exists with another method is
     * reported through {@link #pathExists}.
     */
    public Match match(String method, String rawPath) {
        Route best = null;
        Matcher bestMatcher = null;
        for (Route route : routes) {
            if (!route.method().equals(method) || (best != null && route.names().size() >= best.names().size())) {
                continue;
            }
            Matcher m = route.pattern().matcher(rawPath);
            if (m.matches()) {
                best = route;
                bestMatcher = m;
            }
        }
        if (best == null) {
            return null;
        }
        Map<String, String> params = new HashMap<>();
        for (int i = 0; i < best.names().size(); i++) {
            params.put(best.names().get(i), URLDecoder.decode(bestMatcher.group(i + 1), StandardCharsets.UTF_8));
        }
        return new Match(best, params);
    }

    /** Whether any route serves this path with some method. */
    public boolean pathExists(String rawPath) {
        return routes.stream().anyMatch(r -> r.pattern().matcher(rawPath).matches());
    }

    /** Every route, in registration order. */
    public List<Route> routes() {
        return List.copyOf(routes);
    }
}
