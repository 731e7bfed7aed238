package com.offerpulse.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import com.offerpulse.admin.acls.ServiceAccess;
import com.offerpulse.contracts.topic.Topic;
import com.offerpulse.contracts.topic.Topics;

/**
 * The access table against the code: every topic a service's sources use is one it reads or writes (so an ACL
 * cannot be missing), every topic it is said to read is used there (so none is granted for nothing), and every
 * registry topic has a writer.
 */
class ServiceAccessTest {
    private static final Pattern USE = Pattern.compile("Topics\\.([A-Z_]+)");

    static Path root() {
        Path p = Path.of("").toAbsolutePath();
        while (p != null && !Files.isRegularFile(p.resolve("infra/nginx/routes.conf"))) {
            p = p.getParent();
        }
        return p;
    }

    private static Set<String> topicsUsedIn(String module) throws IOException {
        Set<String> used = new TreeSet<>();
        try (Stream<Path> files = Files.walk(root().resolve(module).resolve("src/main/java"))) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                Matcher m = USE.matcher(Files.readString(f));
                while (m.find()) {
                    if (!m.group(1).equals("ALL")) {
                        used.add(topicName(m.group(1)));
                    }
                }
            }
        }
        return used;
    }

    private static String topicName(String constant) {
        try {
            return ((Topic<?, ?>) Topics.class.getField(constant).get(null)).name();
        } catch (ReflectiveOperationException e) {
            throw new AssertionError("Topics." + constant + " is not a registry topic", e);
        }
    }

    @Test
    void shouldGrantEveryTopicAServiceUsesAndNoReadItDoesNotUse() throws IOException {
        for (ServiceAccess s : ServiceAccess.ALL) {
            Set<String> granted = new TreeSet<>();
            s.reads().forEach(t -> granted.add(t.name()));
            s.writes().forEach(t -> granted.add(t.name()));
            Set<String> used = topicsUsedIn(s.service());
            // The shared session directory (platform) reads the lifecycle topic in ingest, query and realtime.
            assertThat(granted).as("topics granted to %s", s.service()).containsAll(used);
            Set<String> usedWithPlatform = new TreeSet<>(used);
            usedWithPlatform.add(Topics.SESSION_LIFECYCLE.name());
            for (Topic<String, ?> read : s.reads()) {
                assertThat(usedWithPlatform).as("%s reads %s", s.service(), read.name()).contains(read.name());
            }
        }
    }

    @Test
    void shouldHaveAWriterForEveryTopicAndEveryServiceWriteDeadLetters() {
        for (Topic<String, ?> t : Topics.ALL) {
            assertThat(ServiceAccess.writers(t)).as("writers of %s", t.name()).isNotEmpty();
        }
        assertThat(ServiceAccess.writers(Topics.DEAD_LETTERS)).containsExactlyElementsOf(ServiceAccess.ALL);
        assertThat(ServiceAccess.writers(Topics.SESSION_LIFECYCLE)).containsExactly(ServiceAccess.INGEST,
                ServiceAccess.STREAM);
        assertThat(ServiceAccess.writers(Topics.KPI_DAILY)).containsExactly(ServiceAccess.STREAM);
        assertThat(ServiceAccess.readers(Topics.SESSION_METERS)).containsExactly(ServiceAccess.QUERY,
                ServiceAccess.REALTIME);
    }
}
