package com.offerpulse.tools.replay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

import com.offerpulse.stream.probability.FormulaVersion;

class ReplayOptionsTest {

    @Test
    void shouldPrintUsageForHelpAndExitZero() {
        PrintStream original = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            assertThat(ReplayCli.run(new String[] {"--help"})).isEqualTo(ReplayCli.IDENTICAL);
        } finally {
            System.setOut(original);
        }
        assertThat(captured.toString(StandardCharsets.UTF_8)).contains("Usage:").contains("--formula v1|v2")
                .contains("--cleanup --run-id").contains("sandbox.<run-id>");
    }

    @Test
    void shouldParseATimeRangeRunWithFormulaV2() {
        ReplayOptions o = ReplayOptions.parse(new String[] {"--bootstrap", "b1:9092", "--from", "2026-11-20T00:00:00Z",
                "--to", "2026-11-21T00:00", "--formula", "v2", "--run-id", "nov20-v2", "--range-only",
                "--timeout", "45m"});
        assertThat(o.command()).isEqualTo(ReplayOptions.Command.RUN);
        assertThat(o.selection()).isEqualTo(new Selection.TimeRange(Instant.parse("2026-11-20T00:00:00Z"),
                Instant.parse("2026-11-21T00:00:00Z")));
        assertThat(o.formula()).isEqualTo(FormulaVersion.V2);
        assertThat(o.wholeRounds()).isFalse();
        assertThat(o.timeout()).isEqualTo(Duration.ofMinutes(45));
        assertThat(o.runId()).isEqualTo("nov20-v2");
    }

    @Test
    void shouldParseOffsetRangesWithAnOpenEnd() {
        ReplayOptions o = ReplayOptions.parse(new String[] {"--offsets", "0:100-250,3:120-"});
        Selection.Offsets offsets = (Selection.Offsets) o.selection();
        assertThat(offsets.ranges().get(0)).isEqualTo(new Selection.OffsetRange(100, 250L));
        assertThat(offsets.ranges().get(3)).isEqualTo(new Selection.OffsetRange(120, null));
        assertThat(o.runId()).matches("r\\d{8}-\\d{6}");
        assertThat(o.formula()).isEqualTo(FormulaVersion.V1);
    }

    @Test
    void shouldRefuseAmbiguousOrBadCommandLinesWithUsageStatus() {
        assertThat(ReplayCli.run(new String[] {"--all", "--from", "2026-11-20T00:00:00Z"})).isEqualTo(ReplayCli.USAGE);
        assertThat(ReplayCli.run(new String[] {"--all", "--formula", "v9"})).isEqualTo(ReplayCli.USAGE);
        assertThat(ReplayCli.run(new String[] {"--all", "--run-id", "../transcript"})).isEqualTo(ReplayCli.USAGE);
        assertThat(ReplayCli.run(new String[] {"--cleanup"})).isEqualTo(ReplayCli.USAGE);
        assertThatThrownBy(() -> ReplayOptions.parse(new String[] {"--from", "2026-11-21T00:00:00Z", "--to",
                "2026-11-20T00:00:00Z"})).hasMessageContaining("after");
        assertThatThrownBy(() -> ReplayOptions.parse(new String[] {"--offsets", "0:9-3"}))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ReplayOptions.parse(new String[] {"--all", "--bogus"}))
                .hasMessageContaining("unknown option");
    }
}
