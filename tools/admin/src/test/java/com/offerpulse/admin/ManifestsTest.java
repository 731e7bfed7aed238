package com.offerpulse.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.offerpulse.admin.acls.AclPlan;
import com.offerpulse.admin.acls.ServiceAccess;
import com.offerpulse.admin.render.Generated;
import com.offerpulse.admin.render.IngressRenderer;
import com.offerpulse.admin.render.RoutingTable;
import com.offerpulse.admin.render.StrimziRenderer;
import com.offerpulse.admin.topics.TopicLayout;
import com.offerpulse.contracts.topic.Topic;
import com.offerpulse.contracts.topic.Topics;

/**
 * The Kubernetes manifests under infra/k8s: generated files as a fresh render makes them, every resource valid
 * against the Kubernetes API model (fabric8's, generated from the Kubernetes OpenAPI schema) or Strimzi's CRD model
 * (unknown fields and wrong types are errors), every kustomization complete, every registry topic a KafkaTopic with the layout's partitions and
 * configs, every service a KafkaUser with its planned ACLs, every route of the proxy an Ingress path to the right
 * service, every probe on a health group its service has.
 */
class ManifestsTest {
    private static final Path ROOT = ServiceAccessTest.root();
    private static final Path K8S = ROOT.resolve("infra/k8s");
    private static final TopicLayout REAL_CLUSTER = new TopicLayout(TopicLayout.DEFAULT_PARTITIONS,
            TopicLayout.DEFAULT_REPLICATION, TopicLayout.DEFAULT_MIN_INSYNC,
            java.time.Duration.ofDays(7));

    private static final Map<String, Class<?>> MODEL = Map.ofEntries(
            Map.entry("kafka.strimzi.io/v1beta2/Kafka", io.strimzi.api.kafka.model.kafka.Kafka.class),
            Map.entry("kafka.strimzi.io/v1beta2/KafkaNodePool",
                    io.strimzi.api.kafka.model.nodepool.KafkaNodePool.class),
            Map.entry("kafka.strimzi.io/v1beta2/KafkaTopic", io.strimzi.api.kafka.model.topic.KafkaTopic.class),
            Map.entry("kafka.strimzi.io/v1beta2/KafkaUser", io.strimzi.api.kafka.model.user.KafkaUser.class),
            Map.entry("apps/v1/Deployment", io.fabric8.kubernetes.api.model.apps.Deployment.class),
            Map.entry("apps/v1/StatefulSet", io.fabric8.kubernetes.api.model.apps.StatefulSet.class),
            Map.entry("v1/Service", io.fabric8.kubernetes.api.model.Service.class),
            Map.entry("v1/ConfigMap", io.fabric8.kubernetes.api.model.ConfigMap.class),
            Map.entry("v1/Secret", io.fabric8.kubernetes.api.model.Secret.class),
            Map.entry("policy/v1/PodDisruptionBudget",
                    io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget.class),
            Map.entry("autoscaling/v2/HorizontalPodAutoscaler",
                    io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler.class),
            Map.entry("networking.k8s.io/v1/Ingress", io.fabric8.kubernetes.api.model.networking.v1.Ingress.class));

    /** A YAML document and the file it came from. */
    record Doc(Path file, Map<String, Object> body) {
        String kind() {
            return (String) body.get("kind");
        }

        String name() {
            return (String) meta().get("name");
        }

        @SuppressWarnings("unchecked")
        Map<String, Object> meta() {
            return (Map<String, Object>) body.get("metadata");
        }
    }

    @SuppressWarnings("unchecked")
    static List<Doc> docs(Path file) throws IOException {
        List<Doc> docs = new ArrayList<>();
        for (Object o : new Yaml(new SafeConstructor(new LoaderOptions())).loadAll(Files.readString(file))) {
            if (o != null) {
                docs.add(new Doc(file, (Map<String, Object>) o));
            }
        }
        return docs;
    }

    static List<Path> manifestFiles() throws IOException {
        try (Stream<Path> files = Files.walk(K8S)) {
            return files.filter(p -> p.toString().endsWith(".yaml"))
                    .filter(p -> !p.getFileName().toString().equals("kustomization.yaml"))
                    .filter(p -> !p.startsWith(K8S.resolve("redis"))).sorted().toList();
        }
    }

    static List<Doc> allDocs() throws IOException {
        List<Doc> all = new ArrayList<>();
        for (Path f : manifestFiles()) {
            all.addAll(docs(f));
        }
        return all;
    }

    @Test
    void shouldMatchAFreshRenderOfEveryGeneratedFile() throws IOException {
        for (var e : Generated.render(ROOT, REAL_CLUSTER).entrySet()) {
            assertThat(Files.readString(ROOT.resolve(e.getKey())))
                    .as("%s is stale: run `java -jar tools/admin/target/offerpulse-admin.jar render` at the root",
                            e.getKey())
                    .isEqualTo(e.getValue());
        }
    }

    @Test
    void shouldBeValidAgainstTheKubernetesApiModel() throws Exception {
        ObjectMapper mapper = new ObjectMapper().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
        int checked = 0;
        for (Doc d : allDocs()) {
            String apiVersion = (String) d.body().get("apiVersion");
            Class<?> type = MODEL.get(apiVersion + "/" + d.kind());
            assertThat(type).as("%s %s in %s: a kind this test knows", apiVersion, d.kind(), d.file()).isNotNull();
            Object typed = mapper.convertValue(d.body(), type);
            List<String> unknown = new ArrayList<>();
            unknownFields(typed, d.kind() + "/" + d.name(), unknown);
            assertThat(unknown).as("fields the Kubernetes API does not have, in %s", d.file()).isEmpty();
            assertThat(d.name()).as("metadata.name in %s", d.file()).matches("[a-z0-9]([-a-z0-9.]*[a-z0-9])?");
            checked++;
        }
        assertThat(checked).isGreaterThan(20 + Topics.ALL.size() + ServiceAccess.ALL.size());
    }

    /** Collects the paths of every value the model kept in additionalProperties (a field it does not know). */
    static void unknownFields(Object o, String path, List<String> out) throws Exception {
        if (o == null) {
            return;
        }
        if (o instanceof Collection<?> c) {
            int i = 0;
            for (Object e : c) {
                unknownFields(e, path + "[" + i++ + "]", out);
            }
            return;
        }
        if (o instanceof Map<?, ?> m) {
            for (var e : m.entrySet()) {
                unknownFields(e.getValue(), path + "." + e.getKey(), out);
            }
            return;
        }
        if (!o.getClass().getName().startsWith("io.fabric8.kubernetes.api.model")
                && !o.getClass().getName().startsWith("io.strimzi.api.kafka.model")) {
            return;
        }
        for (Method m : o.getClass().getMethods()) {
            if (m.getParameterCount() != 0 || Modifier.isStatic(m.getModifiers()) || !m.getName().startsWith("get")
                    || m.getDeclaringClass() == Object.class) {
                continue;
            }
            Object value = m.invoke(o);
            if (m.getName().equals("getAdditionalProperties")) {
                if (value instanceof Map<?, ?> extra && !extra.isEmpty()) {
                    out.add(path + ": " + extra.keySet());
                }
            } else {
                unknownFields(value, path + "." + m.getName().substring(3), out);
            }
        }
    }

    @Test
    void shouldListEveryManifestInAKustomizationAndEveryListedFileExist() throws IOException {
        List<Path> listed = new ArrayList<>();
        try (Stream<Path> files = Files.walk(K8S)) {
            for (Path k : files.filter(p -> p.getFileName().toString().equals("kustomization.yaml")).toList()) {
                @SuppressWarnings("unchecked")
                List<String> resources = (List<String>) docs(k).get(0).body().getOrDefault("resources", List.of());
                for (String r : resources) {
                    Path p = k.getParent().resolve(r).normalize();
                    assertThat(p).as("resource %s of %s", r, k).exists();
                    listed.add(p);
                }
            }
        }
        for (Path f : manifestFiles()) {
            assertThat(listed).as("%s is in a kustomization", K8S.relativize(f)).contains(f);
        }
    }

    @SuppressWarnings("unchecked")
    @Test
    void shouldHaveAKafkaTopicPerRegistryTopicWithTheLayoutsPartitionsAndConfigs() throws IOException {
        Map<String, Map<String, Object>> specs = new LinkedHashMap<>();
        for (Doc d : docs(ROOT.resolve(Generated.TOPICS))) {
            assertThat(d.kind()).isEqualTo("KafkaTopic");
            assertThat((Map<String, Object>) d.meta().get("labels"))
                    .containsEntry("strimzi.io/cluster", StrimziRenderer.CLUSTER);
            specs.put(d.name(), (Map<String, Object>) d.body().get("spec"));
        }
        assertThat(specs.keySet()).containsExactlyElementsOf(Topics.ALL.stream().map(Topic::name).toList());
        int embeddedPartitions = launcherDefaultPartitions();
        for (Topic<String, ?> t : Topics.ALL) {
            Map<String, Object> spec = specs.get(t.name());
            assertThat(spec.get("partitions")).as(t.name()).isEqualTo(embeddedPartitions);
            assertThat(spec.get("replicas")).isEqualTo(3);
            Map<String, String> config = new TreeMap<>();
            ((Map<String, Object>) spec.get("config")).forEach((k, v) -> config.put(k, String.valueOf(v)));
            assertThat(config).as(t.name()).isEqualTo(REAL_CLUSTER.configs(t));
            assertThat(config.get("cleanup.policy")).isEqualTo(t.compacted() ? "compact" : "delete");
        }
    }

    /** The embedded default's partition count, read from the launcher's settings source. */
    private static int launcherDefaultPartitions() throws IOException {
        String src = Files.readString(
                ROOT.resolve("launcher/src/main/java/com/offerpulse/launcher/LauncherSettings.java"));
        Matcher m = Pattern.compile("DEFAULT_PARTITIONS\\s*=\\s*(\\d+)").matcher(src);
        assertThat(m.find()).isTrue();
        return Integer.parseInt(m.group(1));
    }

    @SuppressWarnings("unchecked")
    @Test
    void shouldHaveAKafkaUserPerServiceWithExactlyItsPlannedAcls() throws IOException {
        Map<String, List<String>> acls = new TreeMap<>();
        for (Doc d : docs(ROOT.resolve(Generated.USERS))) {
            assertThat(d.kind()).isEqualTo("KafkaUser");
            Map<String, Object> spec = (Map<String, Object>) d.body().get("spec");
            assertThat((Map<String, Object>) spec.get("authentication")).containsEntry("type", "scram-sha-512");
            List<String> lines = new ArrayList<>();
            for (Map<String, Object> acl : (List<Map<String, Object>>) ((Map<String, Object>) spec.get(
                    "authorization")).get("acls")) {
                Map<String, Object> r = (Map<String, Object>) acl.get("resource");
                for (Object op : (List<Object>) acl.get("operations")) {
                    lines.add(r.get("type") + " " + r.getOrDefault("name", "kafka-cluster") + " "
                            + r.getOrDefault("patternType", "literal") + " " + op);
                }
            }
            acls.put(d.name(), lines.stream().sorted().toList());
        }
        assertThat(acls.keySet()).containsExactlyInAnyOrderElementsOf(
                ServiceAccess.ALL.stream().map(ServiceAccess::service).toList());
        for (ServiceAccess s : ServiceAccess.ALL) {
            List<String> planned = AclPlan.rules(s).stream().map(r -> strimziType(r.type()) + " " + r.name() + " "
                    + (r.pattern() == org.apache.kafka.common.resource.PatternType.PREFIXED ? "prefix" : "literal")
                    + " " + camel(r.operation().name())).sorted().toList();
            assertThat(acls.get(s.service())).as(s.service()).isEqualTo(planned);
        }
        assertThat(acls.get("realtime-ws")).contains("topic session.meters.v1 literal Read")
                .doesNotContain("topic session.meters.v1 literal Write");
    }

    private static String strimziType(org.apache.kafka.common.resource.ResourceType t) {
        return switch (t) {
            case TOPIC -> "topic";
            case GROUP -> "group";
            case TRANSACTIONAL_ID -> "transactionalId";
            case CLUSTER -> "cluster";
            default -> t.name();
        };
    }

    private static String camel(String op) {
        StringBuilder s = new StringBuilder();
        for (String p : op.split("_")) {
            s.append(p.charAt(0)).append(p.substring(1).toLowerCase(java.util.Locale.ROOT));
        }
        return s.toString();
    }

    @SuppressWarnings("unchecked")
    @Test
    void shouldSendEveryRouteOfTheProxyToItsServiceOrTheRouterThroughTheIngress() throws IOException {
        RoutingTable table = RoutingTable.read(ROOT.resolve(Generated.ROUTES));
        Doc ingress = docs(ROOT.resolve(Generated.INGRESS)).get(0);
        Map<String, Object> rule = ((List<Map<String, Object>>) ((Map<String, Object>) ingress.body().get("spec"))
                .get("rules")).get(0);
        List<Map<String, Object>> paths = (List<Map<String, Object>>) ((Map<String, Object>) rule.get("http"))
                .get("paths");
        // ingress-nginx: regex locations, longest path first; the "/" prefix catches the rest.
        List<String[]> regexPaths = new ArrayList<>();
        String fallback = null;
        for (Map<String, Object> p : paths) {
            String service = (String) ((Map<String, Object>) ((Map<String, Object>) p.get("backend")).get("service"))
                    .get("name");
            if (p.get("pathType").equals("Prefix")) {
                assertThat(p.get("path")).isEqualTo("/");
                fallback = service;
            } else {
                regexPaths.add(new String[] {(String) p.get("path"), service});
            }
        }
        regexPaths.sort(Comparator.comparingInt((String[] a) -> a[0].length()).reversed());
        assertThat(fallback).isEqualTo(IngressRenderer.ROUTER_SERVICE);
        int checked = 0;
        int direct = 0;
        for (RoutingTable.Route route : table.routes()) {
            for (String sample : RoutingTable.samples(route.path())) {
                for (String method : route.methods()) {
                    String wanted = table.upstream(method, sample);
                    if (wanted.isEmpty()) {
                        continue;
                    }
                    String backend = fallback;
                    for (String[] rp : regexPaths) {
                        if (Pattern.compile("^" + rp[0], Pattern.CASE_INSENSITIVE).matcher(sample).find()) {
                            backend = rp[1];
                            break;
                        }
                    }
                    assertThat(backend).as("%s %s", method, sample)
                            .isIn(IngressRenderer.SERVICE_OF_UPSTREAM.get(wanted), IngressRenderer.ROUTER_SERVICE);
                    direct += backend.equals(IngressRenderer.ROUTER_SERVICE) ? 0 : 1;
                    checked++;
                }
            }
        }
        assertThat(checked).isGreaterThan(25);
        assertThat(direct).as("routes going straight to their service").isGreaterThan(checked / 2);
        assertThat(IngressRenderer.backends(table)).containsEntry("/api/sessions/[^/]+$",
                IngressRenderer.ROUTER_SERVICE).containsEntry("/ws/rooms/[^/]+$", "offerpulse-realtime");
        // The router gets the proxy's files verbatim.
        Doc routes = docs(ROOT.resolve(Generated.ROUTER_CONFIG)).get(0);
        assertThat(((Map<String, Object>) routes.body().get("data")).get("routes.conf"))
                .isEqualTo(Files.readString(ROOT.resolve(Generated.ROUTES)));
    }

    @SuppressWarnings("unchecked")
    @Test
    void shouldProbeHealthGroupsEveryServiceHasOnItsImagePort() throws IOException {
        Properties platform = new Properties();
        try (var in = Files.newInputStream(
                ROOT.resolve("platform/src/main/resources/offerpulse-platform-defaults.properties"))) {
            platform.load(in);
        }
        assertThat(platform.getProperty("management.endpoint.health.probes.enabled")).isEqualTo("true");
        Map<String, String> moduleOfContainer = Map.of("ingest-api", "ingest-api", "query-api", "query-api",
                "realtime-ws", "realtime-ws", "stream-processor", "stream-processor");
        int probed = 0;
        for (Doc d : allDocs()) {
            if (!List.of("Deployment", "StatefulSet").contains(d.kind()) || d.name().equals("offerpulse-router")) {
                continue;
            }
            Map<String, Object> pod = (Map<String, Object>) ((Map<String, Object>) ((Map<String, Object>) d.body()
                    .get("spec")).get("template")).get("spec");
            for (Map<String, Object> c : (List<Map<String, Object>>) pod.get("containers")) {
                String module = moduleOfContainer.get((String) c.get("name"));
                assertThat(module).as("container %s of %s", c.get("name"), d.name()).isNotNull();
                String pom = Files.readString(ROOT.resolve(module).resolve("pom.xml"));
                assertThat(pom).as("%s depends on platform (its health groups)", module)
                        .contains("<artifactId>platform</artifactId>");
                Matcher port = Pattern.compile("<image.port>(\\d+)</image.port>").matcher(pom);
                assertThat(port.find()).as("%s has an image port", module).isTrue();
                Map<String, Object> p0 = ((List<Map<String, Object>>) c.get("ports")).get(0);
                assertThat(p0.get("containerPort")).as(module).isEqualTo(Integer.parseInt(port.group(1)));
                for (String probe : List.of("livenessProbe", "readinessProbe", "startupProbe")) {
                    Map<String, Object> http = (Map<String, Object>) ((Map<String, Object>) c.get(probe)).get("httpGet");
                    String path = (String) http.get("path");
                    String group = path.substring("/actuator/health/".length());
                    assertThat(path).startsWith("/actuator/health/");
                    assertThat(platform.getProperty("management.endpoint.health.group." + group + ".include"))
                            .as("%s: health group %s", d.name(), group).isNotBlank();
                    assertThat(http.get("port")).isEqualTo(p0.get("name"));
                    probed++;
                }
                assertThat(((Map<String, Object>) c.get("readinessProbe")).get("httpGet"))
                        .asString().contains("/actuator/health/readiness");
                assertThat(((Map<String, Object>) c.get("livenessProbe")).get("httpGet"))
                        .asString().contains("/actuator/health/liveness");
            }
        }
        assertThat(probed).isEqualTo(4 * 3);
    }

    @SuppressWarnings("unchecked")
    @Test
    void shouldAutoscaleTheStatelessServicesAndKeepTheStreamProcessorsStateWithStandbys() throws IOException {
        Map<String, Doc> byKindName = new LinkedHashMap<>();
        for (Doc d : allDocs()) {
            byKindName.put(d.kind() + "/" + d.name(), d);
        }
        for (String s : List.of("ingest", "query", "realtime")) {
            assertThat(byKindName).containsKeys("Deployment/offerpulse-" + s, "HorizontalPodAutoscaler/offerpulse-" + s,
                    "PodDisruptionBudget/offerpulse-" + s, "Service/offerpulse-" + s);
        }
        Doc stream = byKindName.get("StatefulSet/offerpulse-stream");
        assertThat(stream).isNotNull();
        assertThat(byKindName).containsKey("PodDisruptionBudget/offerpulse-stream")
                .doesNotContainKey("HorizontalPodAutoscaler/offerpulse-stream");
        Map<String, Object> spec = (Map<String, Object>) stream.body().get("spec");
        assertThat((List<?>) spec.get("volumeClaimTemplates")).hasSize(1);
        assertThat(spec.toString()).contains("OFFERPULSE_STREAM_STANDBYREPLICAS").contains("/data/state");
        assertThat(byKindName).containsKeys("Kafka/offerpulse", "KafkaNodePool/controller", "KafkaNodePool/broker",
                "Ingress/offerpulse", "ConfigMap/offerpulse-config");
        // The Strimzi overlay patches volumes/1 (the Kafka trust store) of every service workload by index.
        for (String workload : List.of("Deployment/offerpulse-ingest", "Deployment/offerpulse-query",
                "Deployment/offerpulse-realtime", "StatefulSet/offerpulse-stream")) {
            Map<String, Object> pod = (Map<String, Object>) ((Map<String, Object>) ((Map<String, Object>) byKindName
                    .get(workload).body().get("spec")).get("template")).get("spec");
            assertThat(((List<Map<String, Object>>) pod.get("volumes")).get(1)).as(workload)
                    .containsEntry("name", "kafka-ca");
        }
        assertThat(Files.readString(K8S.resolve("overlays/strimzi/kustomization.yaml")))
                .contains("path: /spec/template/spec/volumes/1/secret/secretName");
    }
}
