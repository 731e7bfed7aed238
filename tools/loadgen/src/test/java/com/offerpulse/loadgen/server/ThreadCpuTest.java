package com.offerpulse.loadgen.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;

class ThreadCpuTest {

    @Test
    void shouldReadTheThreadNameAndItsUserPlusSystemTime() {
        // a real /proc/<pid>/task/<tid>/stat line; the name may hold spaces and parentheses
        String stat = "3612 (offerpulse-stre) S 1 3507 3507 0 -1 4194368 1402 0 0 0 1234 56 0 0 20 0 80 0 4242 "
                + "8689348608 419437 18446744073709551615 1 1 0 0 0 0 4 0 16384 0 0 0 -1 1 0 0 0 0 0";

        Map.Entry<String, Double> e = ThreadCpu.parseStat(stat);

        assertThat(e.getKey()).isEqualTo("offerpulse-stre");
        assertThat(e.getValue()).isEqualTo(12.90);
        assertThat(ThreadCpu.parseStat("7 (C2 Compiler (x)) R 1 2 3 4 5 6 7 8 9 10 300 100 0").getValue())
                .isEqualTo(4.0);
    }

    @Test
    void shouldGroupThreadsIntoComponents() {
        assertThat(ThreadCpu.componentOf("offerpulse-stre")).isEqualTo("stream_processor");
        assertThat(ThreadCpu.componentOf("offerpulse-quer")).isEqualTo("query_views");
        assertThat(ThreadCpu.componentOf("offerpulse-kpi-")).isEqualTo("other_streams");
        assertThat(ThreadCpu.componentOf("data-plane-kafk")).isEqualTo("broker");
        assertThat(ThreadCpu.componentOf("reactor-http-ep")).isEqualTo("http_and_websockets");
        assertThat(ThreadCpu.componentOf("kafka-producer-")).isEqualTo("kafka_clients");
        assertThat(ThreadCpu.componentOf("main")).isEqualTo("other");
    }

    @Test
    void shouldGiveTheDifferencePerComponentWithATotalAndPerUnitCosts() {
        Map<String, Double> delta = ThreadCpu.delta(Map.of("broker", 10.0, "stream_processor", 5.0),
                Map.of("broker", 12.5, "stream_processor", 9.0, "gc", 0.5));

        assertThat(delta).containsEntry("broker", 2.5).containsEntry("stream_processor", 4.0)
                .containsEntry("gc", 0.5).containsEntry("total", 7.0);
        assertThat(ThreadCpu.perUnit(delta, 1_000)).containsEntry("total", 7.0).containsEntry("broker", 2.5);
        assertThat(ThreadCpu.perUnit(delta, 0)).isEmpty();
    }
}
