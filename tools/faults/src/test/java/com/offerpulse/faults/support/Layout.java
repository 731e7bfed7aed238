package com.offerpulse.faults.support;

import java.nio.file.Files;
import java.nio.file.Path;

/** Where things are: the repository, the services' executable jars, this module's run class path, test output. */
public final class Layout {
    private Layout() {
    }

    public static Path root() {
        String root = System.getProperty("offerpulse.root");
        Path p = root != null ? Path.of(root) : Path.of("../..");
        return p.toAbsolutePath().normalize();
    }

    private static String version() {
        return System.getProperty("offerpulse.version", "0.1.0-SNAPSHOT");
    }

    /** {@code <module>/target/<module>-<version>-exec.jar}, built by the reactor before this module. */
    public static Path execJar(String module) {
        Path jar = root().resolve(module).resolve("target").resolve(module + "-" + version() + "-exec.jar");
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar + " is missing: build it with "
                    + "./mvnw -B package -DskipTests -pl tools/faults -am");
        }
        return jar;
    }

    /** {@code tools/faults/target/faults.jar:target/lib/*}: Kafka's server jars plus logback, for broker processes. */
    public static String brokerClassPath() {
        Path target = root().resolve("tools/faults/target");
        if (!Files.isDirectory(target.resolve("lib"))) {
            throw new IllegalStateException(target.resolve("lib") + " is missing: run the package phase first");
        }
        return target.resolve("faults.jar") + java.io.File.pathSeparator + target.resolve("lib") + "/*";
    }

    public static Path kafkaNodeTemplate() {
        return root().resolve("infra/kafka/node.properties");
    }

    public static Path kafkaLogback() {
        return root().resolve("infra/kafka/logback.xml");
    }

    /** A fresh directory for one test's processes: logs, state, broker data. */
    public static Path runDir(String test) {
        try {
            Path dir = root().resolve("tools/faults/target/faults").resolve(test);
            Files.createDirectories(dir);
            return Files.createTempDirectory(dir, "run-");
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
