package com.offerpulse.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ServerSocket;

import org.junit.jupiter.api.Test;

import com.offerpulse.contracts.topic.Topics;

/** Strict options, help that runs nothing, exit codes 0/1/2 — without a broker. */
class AdminCliTest {

    /** A port nothing listens on: a command that tried to reach Kafka there would fail, not answer. */
    private static String deadBootstrap() throws Exception {
        try (ServerSocket s = new ServerSocket(0)) {
            return "127.0.0.1:" + s.getLocalPort();
        }
    }

    @Test
    void shouldPrintHelpAndRunNothingForHelpOnEveryCommand() throws Exception {
        String dead = deadBootstrap();
        for (String[] args : new String[][] {{"--help"}, {"topics", "--help"}, {"topics", "create", "--help"},
                {"topics", "create", "--bootstrap", dead, "--help"}, {"topics", "check", "--help"},
                {"acls", "apply", "--bootstrap", dead, "--help"}, {"lag", "--bootstrap", dead, "--help"},
                {"streams", "reset", "offerpulse-query", "--yes", "--bootstrap", dead, "--help"},
                {"render", "--help"}}) {
            Cli cli = Cli.run(args);
            assertThat(cli.exit()).as(String.join(" ", args)).isZero();
            assertThat(cli.out()).as(String.join(" ", args)).startsWith("Usage: offerpulse-admin");
            assertThat(cli.err()).as(String.join(" ", args)).isEmpty();
        }
    }

    @Test
    void shouldRefuseAMisspelledOptionWithExitTwoAndSuggestTheRightOne() {
        Cli cli = Cli.run("topics", "create", "--bootstrap", "127.0.0.1:1", "--partiton", "12");
        assertThat(cli.exit()).isEqualTo(AdminCli.USAGE);
        assertThat(cli.err()).contains("Unknown option").contains("'--partiton'").contains("--partitions");
        assertThat(cli.out()).isEmpty();
    }

    @Test
    void shouldAnswerUsageForMissingCommandsValuesAndMalformedValues() {
        assertThat(Cli.run().exit()).isEqualTo(AdminCli.USAGE);
        assertThat(Cli.run("topics").exit()).isEqualTo(AdminCli.USAGE);
        assertThat(Cli.run("topics", "create").err()).contains("--bootstrap");
        assertThat(Cli.run("topics", "create").exit()).isEqualTo(AdminCli.USAGE);
        assertThat(Cli.run("topics", "create", "--bootstrap", "h:1", "--partitions", "twelve").exit())
                .isEqualTo(AdminCli.USAGE);
        assertThat(Cli.run("topics", "create", "--bootstrap", "h:1", "--partitions", "0").exit())
                .isEqualTo(AdminCli.USAGE);
        assertThat(Cli.run("topics", "create", "--bootstrap", "h:1", "--min-insync", "4").exit())
                .as("min.insync above the replication").isEqualTo(AdminCli.USAGE);
        assertThat(Cli.run("topics", "check", "--bootstrap", "h:1", "--retention", "7 days").exit())
                .isEqualTo(AdminCli.USAGE);
        assertThat(Cli.run("topics", "create", "--bootstrap", "h:1", "--partitions", "6", "--partitions", "12")
                .exit()).as("an option given twice").isEqualTo(AdminCli.USAGE);
        assertThat(Cli.run("topic", "create").exit()).as("abbreviated or misspelled command").isEqualTo(2);
        assertThat(Cli.run("acls", "plan", "--service", "ingest").exit()).isEqualTo(AdminCli.USAGE);
        assertThat(Cli.run("lag", "extra", "--bootstrap", "h:1").exit()).isEqualTo(AdminCli.USAGE);
    }

    @Test
    void shouldRefuseAStreamsResetOfAnApplicationThatIsNotOurs() throws Exception {
        Cli cli = Cli.run("streams", "reset", "someone-elses-app", "--yes", "--bootstrap", deadBootstrap());
        assertThat(cli.exit()).isEqualTo(AdminCli.USAGE);
        assertThat(cli.err()).contains("unknown application 'someone-elses-app'").contains("offerpulse-stream");
    }

    @Test
    void shouldPlanWritesForWritersAndReadsForReadersPerServicePrincipal() {
        Cli cli = Cli.run("acls", "plan");
        assertThat(cli.exit()).isZero();
        assertThat(cli.out())
                .containsPattern("User:ingest-api\\s+WRITE\\s+TOPIC\\s+LITERAL\\s+transcript.segments.v1")
                .containsPattern("User:stream-processor\\s+READ\\s+TOPIC\\s+LITERAL\\s+transcript.segments.v1")
                .containsPattern("User:stream-processor\\s+ALL\\s+TOPIC\\s+PREFIXED\\s+offerpulse-kpi-")
                .containsPattern("User:query-api\\s+WRITE\\s+TOPIC\\s+LITERAL\\s+share.snapshots.v1")
                .containsPattern("User:realtime-ws\\s+READ\\s+GROUP\\s+LITERAL\\s+offerpulse-realtime")
                .containsPattern("User:realtime-ws\\s+WRITE\\s+TOPIC\\s+LITERAL\\s+dead-letters.v1")
                .doesNotContainPattern("User:realtime-ws\\s+WRITE\\s+TOPIC\\s+LITERAL\\s+session")
                .doesNotContainPattern("User:ingest-api\\s+READ\\s+TOPIC\\s+LITERAL\\s+transcript.segments.v1");
        Cli one = Cli.run("acls", "plan", "--service", "realtime-ws");
        assertThat(one.out()).contains("User:realtime-ws").doesNotContain("User:ingest-api");
    }

    @Test
    void shouldFailWithExitOneAndOneLineWhenTheClusterCannotBeReached() throws Exception {
        Cli cli = Cli.run("topics", "check", "--bootstrap", deadBootstrap(), "--timeout", "2s");
        assertThat(cli.exit()).isEqualTo(AdminCli.FAILED);
        assertThat(cli.err()).startsWith("failed: ").doesNotContain("\tat ");
    }

    @Test
    void shouldRefuseRenderOutsideTheRepositoryRoot() {
        Cli cli = Cli.run("render", "--root", "/nonexistent");
        assertThat(cli.exit()).isEqualTo(AdminCli.USAGE);
        assertThat(Topics.ALL).isNotEmpty();
    }
}
