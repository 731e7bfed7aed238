package com.offerpulse.admin.render;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * The Kubernetes Ingress, rendered from the proxy's routing table. An Ingress routes by path only, nginx's table by
 * method and path: a path whose every method reaches one service goes straight to that service's Kubernetes
 * Service; a path that different methods send to different services ({@code /api/sessions/{id}}: GET to query, DELETE
 * to ingest) goes to the in-cluster router, an nginx running the very same routes.conf. Everything else (the web app,
 * unknown routes answered 404 problem+json) goes to the router too.
 */
public final class IngressRenderer {
    /** Kubernetes Service (port named {@code http}) of each nginx upstream group. */
    public static final Map<String, String> SERVICE_OF_UPSTREAM = Map.of(
            "offerpulse_ingest", "offerpulse-ingest",
            "offerpulse_query", "offerpulse-query",
            "offerpulse_realtime", "offerpulse-realtime");
    /** The router: nginx with routes.conf and locations.conf, serving the web app. */
    public static final String ROUTER_SERVICE = "offerpulse-router";

    private IngressRenderer() {
    }

    /** Each path regex of the table and the Kubernetes Service it goes to, in the table's order. */
    public static Map<String, String> backends(RoutingTable table) {
        Map<String, String> backends = new LinkedHashMap<>();
        for (String path : table.paths()) {
            Set<String> upstreams = new LinkedHashSet<>();
            for (String sample : RoutingTable.samples(path)) {
                for (String method : RoutingTable.METHODS) {
                    String upstream = table.upstream(method, sample);
                    if (!upstream.isEmpty()) {
                        upstreams.add(upstream);
                    }
                }
            }
            String service = upstreams.size() == 1 ? SERVICE_OF_UPSTREAM.get(upstreams.iterator().next())
                    : ROUTER_SERVICE;
            if (service == null) {
                throw new IllegalArgumentException("no Kubernetes Service for upstream " + upstreams);
            }
            backends.put(path, service);
        }
        return backends;
    }

    public static String render(RoutingTable table, String source) {
        StringBuilder y = new StringBuilder();
        y.append("# GENERATED from ").append(source).append(" by `offerpulse-admin render ingress`: do not edit.\n");
        y.append("# A path every method of which reaches one service goes to it directly; paths that methods split\n");
        y.append("# between services, the web app and unknown routes go to the router (nginx with the same routes.conf).\n");
        y.append("apiVersion: networking.k8s.io/v1\n");
        y.append("kind: Ingress\n");
        y.append("metadata:\n");
        y.append("  name: offerpulse\n");
        y.append("  labels:\n");
        y.append("    app.kubernetes.io/part-of: offerpulse\n");
        y.append("  annotations:\n");
        y.append("    nginx.ingress.kubernetes.io/use-regex: \"true\"\n");
        y.append("    nginx.ingress.kubernetes.io/proxy-body-size: \"2m\"\n");
        y.append("    nginx.ingress.kubernetes.io/proxy-read-timeout: \"3600\"\n");
        y.append("    nginx.ingress.kubernetes.io/proxy-send-timeout: \"3600\"\n");
        y.append("spec:\n");
        y.append("  ingressClassName: nginx\n");
        y.append("  rules:\n");
        y.append("    - http:\n");
        y.append("        paths:\n");
        for (var e : backends(table).entrySet()) {
            path(y, e.getKey(), "ImplementationSpecific", e.getValue());
        }
        path(y, "/", "Prefix", ROUTER_SERVICE);
        return y.toString();
    }

    private static void path(StringBuilder y, String path, String type, String service) {
        y.append("          - path: ").append(quote(path)).append('\n');
        y.append("            pathType: ").append(type).append('\n');
        y.append("            backend:\n");
        y.append("              service:\n");
        y.append("                name: ").append(service).append('\n');
        y.append("                port:\n");
        y.append("                  name: http\n");
    }

    static String quote(String s) {
        return "'" + s.replace("'", "''") + "'";
    }
}
