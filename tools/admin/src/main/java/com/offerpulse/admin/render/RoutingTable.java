package com.offerpulse.admin.render;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The proxy's routing table, {@code infra/nginx/routes.conf}: the one source of the public routes. Read the way nginx
 * evaluates its {@code map "$request_method $uri"}: regexes in order of appearance, the first match wins. The
 * Kubernetes Ingress is rendered from it ({@link IngressRenderer}).
 */
public final class RoutingTable {
    private static final Pattern MAP_ENTRY = Pattern.compile("^\\s*\"~(.+)\"\\s+(\\S+);\\s*$");
    private static final String MAP_START = "map \"$request_method $uri\" $offerpulse_upstream";
    /** The methods a route can name; a route's samples are tried with each. */
    public static final List<String> METHODS = List.of("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE");

    /**
     * One map entry: {@code "~^POST /api/sessions/[^/]+/(transcript|end)$"  offerpulse_ingest;}.
     *
     * @param key      the whole regex, matched against {@code "METHOD /path"}
     * @param methods  the methods it names
     * @param path     its path part, from the first {@code /} to the end ({@code $} included)
     * @param upstream the nginx upstream group ({@code offerpulse_ingest}, ...)
     */
    public record Route(Pattern key, List<String> methods, String path, String upstream) {
    }

    private final List<Route> routes;

    private RoutingTable(List<Route> routes) {
        this.routes = List.copyOf(routes);
    }

    public static RoutingTable read(Path routesConf) throws IOException {
        return parse(Files.readAllLines(routesConf));
    }

    public static RoutingTable parse(List<String> lines) {
        List<Route> routes = new ArrayList<>();
        boolean inMap = false;
        for (String line : lines) {
            if (line.startsWith(MAP_START)) {
                inMap = true;
            } else if (inMap && line.startsWith("}")) {
                break;
            } else if (inMap) {
                Matcher m = MAP_ENTRY.matcher(line);
                if (m.matches()) {
                    routes.add(route(m.group(1), m.group(2)));
                }
            }
        }
        if (routes.isEmpty()) {
            throw new IllegalArgumentException("no routes found (expected a '" + MAP_START + "' block)");
        }
        return new RoutingTable(routes);
    }

    private static Route route(String regex, String upstream) {
        if (!regex.startsWith("^")) {
            throw new IllegalArgumentException("route regex must start with ^: " + regex);
        }
        int space = regex.indexOf(' ');
        String methodPart = regex.substring(1, space);
        String path = regex.substring(space + 1);
        List<String> methods = methodPart.startsWith("(")
                ? List.of(methodPart.substring(1, methodPart.length() - 1).split("\\|"))
                : List.of(methodPart);
        return new Route(Pattern.compile(regex), methods, path, upstream);
    }

    public List<Route> routes() {
        return routes;
    }

    /** The upstream nginx picks for {@code METHOD path}; empty when no route matches (a 404 at the proxy). */
    public String upstream(String method, String path) {
        String key = method + " " + path;
        return routes.stream().filter(r -> r.key().matcher(key).find()).map(Route::upstream).findFirst().orElse("");
    }

    /** Distinct path regexes, in order of appearance. */
    public List<String> paths() {
        Set<String> paths = new LinkedHashSet<>();
        routes.forEach(r -> paths.add(r.path()));
        return List.copyOf(paths);
    }

    /** Concrete paths a path regex matches: {@code [^/]+} as {@code x1}, every alternative, with and without {@code ?}. */
    public static List<String> samples(String pathRegex) {
        String body = pathRegex.endsWith("$") ? pathRegex.substring(0, pathRegex.length() - 1) : pathRegex;
        List<String> out = new ArrayList<>();
        expand(body, "", out);
        return out;
    }

    private static void expand(String rest, String prefix, List<String> out) {
        if (rest.isEmpty()) {
            out.add(prefix);
            return;
        }
        if (rest.startsWith("[^/]+")) {
            expand(rest.substring(5), prefix + "x1", out);
            return;
        }
        if (rest.startsWith("(")) {
            int close = closing(rest);
            String group = rest.substring(1, close);
            String after = rest.substring(close + 1);
            boolean optional = after.startsWith("?");
            if (optional) {
                after = after.substring(1);
                expand(after, prefix, out);
            }
            for (String alternative : splitTopLevel(group)) {
                List<String> heads = new ArrayList<>();
                expand(alternative, "", heads);
                for (String head : heads) {
                    expand(after, prefix + head, out);
                }
            }
            return;
        }
        char c = rest.charAt(0);
        if ("[]()|?*+\\.^$".indexOf(c) >= 0 && c != '.') {
            throw new IllegalArgumentException("unsupported regex syntax in route path at: " + rest);
        }
        expand(rest.substring(1), prefix + c, out);
    }

    private static int closing(String s) {
        int depth = 0;
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) == '(') {
                depth++;
            } else if (s.charAt(i) == ')' && --depth == 0) {
                return i;
            }
        }
        throw new IllegalArgumentException("unbalanced ( in " + s);
    }

    private static List<String> splitTopLevel(String group) {
        List<String> parts = new ArrayList<>();
        int depth = 0;
        int start = 0;
        for (int i = 0; i < group.length(); i++) {
            char c = group.charAt(i);
            if (c == '(') {
                depth++;
            } else if (c == ')') {
                depth--;
            } else if (c == '|' && depth == 0) {
                parts.add(group.substring(start, i));
                start = i + 1;
            }
        }
        parts.add(group.substring(start));
        return parts;
    }
}
