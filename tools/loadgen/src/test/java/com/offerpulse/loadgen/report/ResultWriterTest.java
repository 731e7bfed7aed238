package com.offerpulse.loadgen.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.offerpulse.contracts.json.JsonCodec;
import com.offerpulse.loadgen.floors.KafkaFloor;
import com.offerpulse.loadgen.floors.RedisFloor;
import com.offerpulse.loadgen.live.LiveResult;
import com.offerpulse.loadgen.measure.LatencySummary;
import com.offerpulse.loadgen.measure.TimelinePoint;
import com.offerpulse.loadgen.peak.PeakIngest;

import tools.jackson.databind.JsonNode;

class ResultWriterTest {

    static LoadResult sample() {
        List<TimelinePoint> timeline = List.of(
                new TimelinePoint(1, 100, 100, 98, 20, 40, 180, 12, 0, 50, 300, 10),
                new TimelinePoint(2, 200, 200, 200, 41, 35, 120, 9, 1, 55, 310, 4));
        LiveResult live = new LiveResult(2_000, 0, 1_000, 60, 30, 100_000, 99_990, 20_000, 0, 0, 3_000, 2_990, 2_980,
                LatencySummary.ofMillis(30, 40, 200), LatencySummary.ofMillis(30, 40, 900),
                LatencySummary.ofMillis(40, 50, 220), LatencySummary.ofMillis(5, 6, 20), LatencySummary.ofMillis(5, 6,
                        90), LatencySummary.EMPTY, LatencySummary.EMPTY, 1_990, Map.of("stream_processor", 30.0),
                Map.of("stream_processor", 0.5), Map.of("http_503", 2L), timeline);
        KafkaFloor.Result kafka = new KafkaFloor.Result(LatencySummary.ofMillis(1, 2, 8), 2_000,
                LatencySummary.ofMillis(2, 3, 10), LatencySummary.ofMillis(3, 4, 12), 250_000, 400_000, 300);
        RedisFloor.Result redis = new RedisFloor.Result(LatencySummary.ofMillis(0.1, 0.2, 1),
                LatencySummary.ofMillis(0.1, 0.1, 0.5), 2_000);
        PeakIngest.Result peak = new PeakIngest.Result(500, 8, 20, 300_000, 15_000, 18_000,
                LatencySummary.ofMillis(100, 200, 300), Map.of(), 3_000, -1, 250_000, Map.of(), Map.of(),
                List.of(new PeakIngest.PeakPoint(1, 15_000, 3_000, 12_000)));
        return new LoadResult("unit test", Instant.parse("2026-11-26T22:00:00Z"), new LoadResult.Machine(2, "17",
                1.5, 2.5, 80, 200), "java -jar loadgen.jar", kafka, redis, live, peak, null, null, null,
                Targets.ratios(live, peak, kafka, redis), Targets.check(live, peak));
    }

    @Test
    void shouldWriteSnakeCaseJsonWithFiguresRatiosAndGoals() {
        JsonNode json = JsonCodec.mapper().readTree(ResultWriter.json(sample()));

        assertThat(json.path("live").path("e2e_steady").path("p99").asDouble()).isEqualTo(200);
        assertThat(json.path("live").path("accepted_per_second_steady").asDouble()).isEqualTo(1_990);
        assertThat(json.path("kafka_floor").path("produce_to_consume").path("p50").asDouble()).isEqualTo(2);
        assertThat(json.path("ratios").path("e2e_over_kafka").path("p50").asDouble()).isEqualTo(20.0);
        assertThat(json.path("ratios").path("e2e_over_kafka").path("p99").asDouble()).isEqualTo(25.0);
        assertThat(json.path("ratios").path("peak_ingest_over_kafka_produce").asDouble()).isEqualTo(0.06);
        assertThat(json.path("live").path("timeline").get(1).path("accepted_per_second").asLong()).isEqualTo(200);
        assertThat(json.path("live").path("server_cpu_ms_per_segment").path("stream_processor").asDouble())
                .isEqualTo(0.5);
        assertThat(json.path("targets")).hasSize(4);
        assertThat(json.path("targets").get(1).path("name").asString()).isEqualTo("e2e_p99");
        assertThat(json.path("targets").get(1).path("met").asBoolean()).isTrue();
        assertThat(json.path("targets").get(2).path("met").asBoolean()).isTrue();
        assertThat(json.path("targets").get(3).path("met").asBoolean()).isFalse();
    }

    @Test
    void shouldMissTheLatencyGoalsWhenFewerCandidatesThanTheGoalRan() {
        LoadResult r = sample();
        LiveResult small = new LiveResult(100, 0, 1_000, 60, 30, 1, 1, 1, 0, 0, 1, 1, 1, LatencySummary.ofMillis(1),
                LatencySummary.ofMillis(1), LatencySummary.ofMillis(1), LatencySummary.ofMillis(1),
                LatencySummary.ofMillis(1), LatencySummary.EMPTY, LatencySummary.EMPTY, 100, Map.of(), Map.of(), Map.of(),
                List.of());

        assertThat(Targets.check(small, r.peak())).filteredOn(t -> t.name().startsWith("e2e"))
                .allMatch(t -> !t.met());
    }

    @Test
    void shouldWriteASelfContainedHtmlChartBesideTheJson(@TempDir Path dir) throws Exception {
        Path[] files = ResultWriter.write(sample(), dir);

        String html = Files.readString(files[1]);
        assertThat(files[0]).hasFileName("result.json").exists();
        assertThat(html).startsWith("<!doctype html>").contains("<svg").doesNotContain("<script")
                .doesNotContain("src=\"http");
        // live latency (3 lines), live throughput (3 lines), peak (2 lines)
        assertThat(html.split("<path ", -1)).hasSize(9);
        assertThat(html).contains("1.50 before / 2.50 after");
        assertThat(html).contains("p99 goal").contains("accepted → meters p99");
    }

    @Test
    void shouldBreakALatencyLineWhereASecondHadNoSample() {
        double[] x = {1, 2, 3, 4};
        String svg = LatencyChart.svg("ms", List.of(new LatencyChart.Series("p99", "#000", x,
                new double[] {10, 0, 20, 30}, true)), List.of());

        assertThat(svg).contains("d=\"M").containsOnlyOnce("L");
        assertThat(svg.split("M", -1)).hasSize(3);
    }

    @Test
    void shouldRoundTheChartAxisUpToANiceNumber() {
        assertThat(LatencyChart.niceCeiling(0)).isEqualTo(1);
        assertThat(LatencyChart.niceCeiling(180)).isEqualTo(200);
        assertThat(LatencyChart.niceCeiling(251)).isEqualTo(500);
        assertThat(LatencyChart.niceCeiling(21_000)).isEqualTo(25_000);
    }
}
