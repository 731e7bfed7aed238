package com.offerpulse.faults.proxy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import com.offerpulse.faults.support.Layout;

/**
 * The proxy's routing table (infra/nginx/routes.conf) against the services' own route declarations: every route a
 * service module declares must reach that service through the proxy, so a new endpoint cannot ship without a route.
 * Evaluates the map the way nginx does: regexes in order of appearance, the first match wins.
 */
class RoutingTableTest {
    private static final Pattern MAP_ENTRY = Pattern.compile("^\\s*\"~(.+)\"\\s+(\\S+);\\s*$");
    private static final Pattern MAPPING = Pattern.compile("@(Get|Post|Put|Delete|Patch)Mapping\\(\"([^\"]+)\"");
    private static final Pattern SOCKET = Pattern.compile("SimpleUrlHandlerMapping\\(Map\\.of\\(\"(/ws/[^\"]+)\"");
    private static final Pattern PATH_VARIABLE = Pattern.compile("\\{[^}]+}|\\*");
    private static final Map<String, String> UPSTREAM_OF_MODULE = Map.of("ingest-api", "offerpulse_ingest",
            "query-api", "offerpulse_query", "realtime-ws", "offerpulse_realtime");

    private record Entry(Pattern pattern, String upstream) {
    }

    private static List<Entry> table() throws IOException {
        List<Entry> entries = new ArrayList<>();
        boolean inMap = false;
        for (String line : Files.readAllLines(Layout.root().resolve("infra/nginx/routes.conf"))) {
            if (line.startsWith("map \"$request_method $uri\" $offerpulse_upstream")) {
                inMap = true;
            } else if (inMap && line.startsWith("}")) {
                break;
            } else if (inMap) {
                Matcher m = MAP_ENTRY.matcher(line);
                if (m.matches()) {
                    entries.add(new Entry(Pattern.compile(m.group(1)), m.group(2)));
                }
            }
        }
        return entries;
    }

    private static String route(List<Entry> table, String method, String path) {
        String key = method + " " + path;
        return table.stream().filter(e -> e.pattern().matcher(key).find()).map(Entry::upstream).findFirst()
                .orElse("");
    }

    /** {@code "POST /api/sessions/x1/end"} for every route declared in a module's main sources. */
    private static List<String> declaredRoutes(String module) throws IOException {
        List<String> routes = new ArrayList<>();
        try (Stream<Path> files = Files.walk(Layout.root().resolve(module).resolve("src/main/java"))) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                String source = Files.readString(f);
                Matcher m = MAPPING.matcher(source);
                while (m.find()) {
                    routes.add(m.group(1).toUpperCase(java.util.Locale.ROOT) + " "
                            + PATH_VARIABLE.matcher(m.group(2)).replaceAll("x1"));
                }
                Matcher ws = SOCKET.matcher(source);
                while (ws.find()) {
                    routes.add("GET " + PATH_VARIABLE.matcher(ws.group(1)).replaceAll("x1"));
                }
            }
        }
        return routes;
    }

    @Test
    void shouldRouteEveryDeclaredRouteToTheServiceThatDeclaresIt() throws IOException {
        List<Entry> table = table();
        Map<String, String> wrong = new LinkedHashMap<>();
        int checked = 0;
        for (var module : UPSTREAM_OF_MODULE.entrySet()) {
            List<String> routes = declaredRoutes(module.getKey());
            assertThat(routes).as("routes found in %s", module.getKey()).isNotEmpty();
            for (String r : routes) {
                String[] parts = r.split(" ", 2);
                String upstream = route(table, parts[0], parts[1]);
                checked++;
                if (!upstream.equals(module.getValue())) {
                    wrong.put(r, upstream.isEmpty() ? "no route (404 at the proxy)" : upstream);
                }
            }
        }
        assertThat(wrong).as("routes of the services the proxy sends elsewhere (fix infra/nginx/routes.conf)")
                .isEmpty();
        assertThat(checked).isGreaterThan(20);
    }

    @Test
    void shouldSendDevLoginToIngestAndReadsOfSessionsToQuery() throws IOException {
        List<Entry> table = table();
        assertThat(route(table, "POST", "/api/auth/dev-login")).isEqualTo("offerpulse_ingest");
        assertThat(route(table, "GET", "/api/sessions/s_1")).isEqualTo("offerpulse_query");
        assertThat(route(table, "HEAD", "/api/sessions/s_1")).isEqualTo("offerpulse_query");
        assertThat(route(table, "POST", "/api/sessions/s_1/invites")).isEqualTo("offerpulse_realtime");
        assertThat(route(table, "DELETE", "/api/sessions/s_1/invites/i_1")).isEqualTo("offerpulse_realtime");
        assertThat(route(table, "DELETE", "/api/sessions/s_1")).isEqualTo("offerpulse_ingest");
    }

    @Test
    void shouldRouteNothingTheServicesDoNotServe() throws IOException {
        List<Entry> table = table();
        assertThat(route(table, "GET", "/actuator/prometheus")).isEmpty();
        assertThat(route(table, "PUT", "/api/sessions/s_1")).isEmpty();
        assertThat(route(table, "GET", "/api/sessions/s_1/transcript/extra")).isEmpty();
        assertThat(route(table, "POST", "/api/user/offer-probability")).isEmpty();
        assertThat(route(table, "GET", "/ws/rooms/")).isEmpty();
    }
}
