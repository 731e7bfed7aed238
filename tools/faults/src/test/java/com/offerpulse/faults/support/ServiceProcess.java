package com.offerpulse.faults.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * One service instance as its own process, started from the service's executable jar the way infra/cluster.sh
 * starts it (environment variables only), with a small heap. {@link #kill9()} is a real SIGKILL: no shutdown hook,
 * no graceful close, no flushed transaction.
 */
public final class ServiceProcess implements AutoCloseable {
    /** The four services and the module that builds each jar. */
    public enum Service {
        INGEST("ingest-api"), STREAM("stream-processor"), QUERY("query-api"), REALTIME("realtime-ws");

        final String module;

        Service(String module) {
            this.module = module;
        }
    }

    /** Heap and collector of every service process: several JVMs share two cores in CI. */
    static final List<String> JVM_OPTIONS = List.of("-Xmx320m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
            "-XX:+ExitOnOutOfMemoryError");
    private static final Duration STOP_GRACE = Duration.ofSeconds(20);
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2)).build();

    private final String name;
    private final int port;
    private final Path log;
    private final Process process;

    private ServiceProcess(String name, int port, Path log, Process process) {
        this.name = name;
        this.port = port;
        this.log = log;
        this.process = process;
    }

    /**
     * Starts {@code service} on a free port. {@code env} adds to (and overrides) the basics every service needs:
     * {@code SERVER_PORT}, {@code OFFERPULSE_KAFKA_BOOTSTRAP}, {@code OFFERPULSE_JWT_SECRET}. Inherited
     * {@code OFFERPULSE_*} variables are dropped so the developer's shell cannot change a test.
     */
    public static ServiceProcess start(String name, Service service, String bootstrap, String jwtSecret,
            Map<String, String> env, Path runDir) {
        int port = Ports.free();
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(JVM_OPTIONS);
        command.add("-jar");
        command.add(Layout.execJar(service.module).toString());
        ProcessBuilder pb = new ProcessBuilder(command).directory(runDir.toFile()).redirectErrorStream(true);
        pb.environment().keySet().removeIf(k -> k.startsWith("OFFERPULSE_") || k.startsWith("SERVER_")
                || k.startsWith("SPRING_"));
        Map<String, String> all = new LinkedHashMap<>();
        all.put("SERVER_PORT", String.valueOf(port));
        all.put("OFFERPULSE_KAFKA_BOOTSTRAP", bootstrap);
        all.put("OFFERPULSE_JWT_SECRET", jwtSecret);
        all.putAll(env);
        pb.environment().putAll(all);
        Path log = runDir.resolve(name + ".log");
        pb.redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        try {
            return new ServiceProcess(name, port, log, Processes.track(pb.start()));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start " + name, e);
        }
    }

    public String name() {
        return name;
    }

    public int port() {
        return port;
    }

    public long pid() {
        return process.pid();
    }

    public boolean alive() {
        return process.isAlive();
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    /** Until {@code /actuator/health} answers UP; fails at once (with the log's tail) if the process exits. */
    public ServiceProcess awaitHealthy(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " exited with " + process.exitValue() + " during start-up:\n"
                        + tail(40));
            }
            try {
                HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(baseUrl() + "/actuator/health"))
                        .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() == 200 && r.body().contains("\"UP\"")) {
                    return this;
                }
            } catch (IOException e) {
                // not listening yet
            }
            Thread.sleep(250);
        }
        throw new IllegalStateException(name + " not healthy after " + timeout.toSeconds() + " s:\n" + tail(40));
    }

    /** SIGKILL, and wait until the process is gone. */
    public void kill9() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(10, TimeUnit.SECONDS);
    }

    /** SIGTERM (graceful: Spring closes, Kafka Streams commits), then SIGKILL after a grace period. */
    public void stop() {
        if (!process.isAlive()) {
            return;
        }
        process.destroy();
        try {
            if (!process.waitFor(STOP_GRACE.toSeconds(), TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    /** The last {@code lines} lines of the process's output, for failure messages. */
    public String tail(int lines) {
        try {
            List<String> all = Files.readAllLines(log);
            return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    @Override
    public void close() {
        stop();
    }

    @Override
    public String toString() {
        return name + " (pid " + process.pid() + ", :" + port + ")";
    }
}
