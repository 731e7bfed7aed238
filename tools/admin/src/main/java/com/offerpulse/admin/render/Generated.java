package com.offerpulse.admin.render;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import com.offerpulse.admin.topics.TopicLayout;

/** Every generated file under infra/k8s and its content, from its one source. */
public final class Generated {
    public static final String ROUTES = "infra/nginx/routes.conf";
    public static final String LOCATIONS = "infra/nginx/locations.conf";
    public static final String INGRESS = "infra/k8s/base/generated/ingress.yaml";
    public static final String ROUTER_CONFIG = "infra/k8s/base/generated/router-routes.yaml";
    public static final String TOPICS = "infra/k8s/kafka-strimzi/generated/topics.yaml";
    public static final String USERS = "infra/k8s/kafka-strimzi/generated/users.yaml";

    private Generated() {
    }

    public static Map<String, String> render(Path root, TopicLayout layout) throws IOException {
        Map<String, String> files = new LinkedHashMap<>();
        files.put(INGRESS, IngressRenderer.render(RoutingTable.read(root.resolve(ROUTES)), ROUTES));
        files.put(ROUTER_CONFIG, routerConfig(Files.readString(root.resolve(ROUTES)),
                Files.readString(root.resolve(LOCATIONS))));
        files.put(TOPICS, StrimziRenderer.topics(layout));
        files.put(USERS, StrimziRenderer.users());
        return files;
    }

    /** The router's ConfigMap: routes.conf and locations.conf verbatim, so the router routes exactly as the proxy. */
    static String routerConfig(String routes, String locations) {
        StringBuilder y = new StringBuilder();
        y.append("# GENERATED from ").append(ROUTES).append(" and ").append(LOCATIONS)
                .append(" by `offerpulse-admin render`: do not edit.\n");
        y.append("apiVersion: v1\n");
        y.append("kind: ConfigMap\n");
        y.append("metadata:\n");
        y.append("  name: offerpulse-router-routes\n");
        y.append("  labels:\n");
        y.append("    app.kubernetes.io/part-of: offerpulse\n");
        y.append("data:\n");
        block(y, "routes.conf", routes);
        block(y, "locations.conf", locations);
        return y.toString();
    }

    private static void block(StringBuilder y, String key, String content) {
        y.append("  ").append(key).append(": |\n");
        for (String line : content.split("\n", -1)) {
            if (line.isEmpty()) {
                y.append('\n');
            } else {
                y.append("    ").append(line).append('\n');
            }
        }
    }
}
