package com.offerpulse.faults.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Strict options: a misspelled option or a removed command runs nothing and exits 2; --help runs nothing. */
class ClusterToolTest {
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) throws Exception {
        return ClusterTool.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
    }

    @Test
    void shouldRefuseMisspelledOptionsMissingValuesAndTheMovedCommand() throws Exception {
        assertThat(run("await-brokers", "--bootstrap", "127.0.0.1:1", "--cuont", "3")).isEqualTo(2);
        assertThat(err.toString()).contains("unknown option --cuont");
        assertThat(run("await-brokers", "--count", "3")).isEqualTo(2);
        assertThat(err.toString()).contains("--bootstrap is required");
        assertThat(run("await-brokers", "--bootstrap", "h:1", "--timeout", "soon")).isEqualTo(2);
        assertThat(run("mint-token", "--secret-file", "f", "--subject")).isEqualTo(2);
        assertThat(run("mint-token", "--secret-file", "f", "--subject", "a", "--subject", "b")).isEqualTo(2);
        assertThat(run("create-topics", "--bootstrap", "h:1", "--partiton", "12")).isEqualTo(2);
        assertThat(err.toString()).contains("offerpulse-admin.jar topics create");
        assertThat(run("bogus")).isEqualTo(2);
        assertThat(run()).isEqualTo(2);
        assertThat(out.toString()).isEmpty();
    }

    @Test
    void shouldPrintHelpAndRunNothing() throws Exception {
        assertThat(run("await-brokers", "--bootstrap", "127.0.0.1:1", "--count", "3", "--help")).isZero();
        assertThat(out.toString()).startsWith("usage: ClusterTool");
    }

    @Test
    void shouldMintATokenWithTheGivenLifetime(@TempDir Path dir) throws Exception {
        Path secret = dir.resolve("secret");
        Files.writeString(secret, "0123456789abcdef0123456789abcdef0123456789\n");
        assertThat(run("mint-token", "--secret-file", secret.toString(), "--subject", "svc_prometheus", "--ttl", "30d"))
                .isZero();
        assertThat(out.toString().trim().split("\\.")).hasSize(3);
    }
}
