package com.offerpulse.platform.logging;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.offerpulse.contracts.json.JsonCodec;

import tools.jackson.databind.JsonNode;

/**
 * Issue 12: with {@code logging.structured.format.console=ecs} every console line, stdout and stderr, is one JSON
 * object, and a stack trace sits inside its line ({@code error.stack_trace}), including failures before Spring runs
 * and uncaught exceptions. Runs {@link FailingMain} in a child JVM so that nothing printed outside the logging system
 * escapes the check.
 */
class StructuredConsoleTest {

    @Test
    void shouldPrintEveryFailureAsOneJsonLineWithItsStackTraceInside(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("out.txt");
        Path err = dir.resolve("err.txt");
        Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), FailingMain.class.getName(),
                "--logging.structured.format.console=ecs", "--spring.application.name=probe")
                .redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        assertThat(child.waitFor(60, TimeUnit.SECONDS)).as("child finished").isTrue();
        assertThat(child.exitValue()).as("main threw").isNotZero();

        List<JsonNode> lines = new ArrayList<>();
        lines.addAll(jsonLines(out));
        lines.addAll(jsonLines(err));

        assertThat(lines).extracting(l -> l.path("message").asString())
                .contains("logged failure", "jul failure", "Uncaught exception")
                .anyMatch(m -> m.contains("onErrorDropped"));
        assertThat(lines.stream().filter(l -> l.path("message").asString().equals("Uncaught exception")))
                .extracting(l -> l.path("error").path("message").asString())
                .containsExactlyInAnyOrder("worker died", "main failed");
        JsonNode logged = lines.stream().filter(l -> l.path("message").asString().equals("logged failure"))
                .findFirst().orElseThrow();
        assertThat(logged.path("error").path("stack_trace").asString())
                .contains("IllegalStateException: boom").contains("root cause").contains("\tat ");
    }

    /** Every non-empty line must parse as one JSON object. */
    private static List<JsonNode> jsonLines(Path file) throws IOException {
        List<JsonNode> nodes = new ArrayList<>();
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            if (line.isBlank()) {
                continue;
            }
            JsonNode node;
            try {
                node = JsonCodec.mapper().readTree(line);
            } catch (RuntimeException e) {
                throw new AssertionError("Not a JSON line in " + file.getFileName() + ": " + line, e);
            }
            assertThat(node.isObject()).as(line).isTrue();
            nodes.add(node);
        }
        return nodes;
    }
}
