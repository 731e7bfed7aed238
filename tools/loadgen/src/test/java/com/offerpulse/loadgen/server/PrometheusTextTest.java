package com.offerpulse.loadgen.server;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PrometheusTextTest {
    private static final String TEXT = """
            # HELP jvm_memory_used_bytes The amount of used memory
            # TYPE jvm_memory_used_bytes gauge
            jvm_memory_used_bytes{area="heap",id="G1 Eden Space"} 1.048576E7
            jvm_memory_used_bytes{area="heap",id="G1 Old Gen"} 2.097152E7
            jvm_memory_used_bytes{area="nonheap",id="Metaspace"} 5.0E7
            jvm_memory_used_bytes_extra{area="heap"} 99
            process_cpu_usage 0.42
            offerpulse_ingest_segments_accepted_total{application="offerpulse"} 1234.0
            """;

    @Test
    void shouldSumTheSamplesOfAMetricWhoseLabelsMatch() {
        assertThat(PrometheusText.sum(TEXT, "jvm_memory_used_bytes", "area=\"heap\"")).isEqualTo(3.145728E7);
        assertThat(PrometheusText.sum(TEXT, "process_cpu_usage", "")).isEqualTo(0.42);
        assertThat(PrometheusText.sum(TEXT, "offerpulse_ingest_segments_accepted_total", "")).isEqualTo(1234.0);
    }

    @Test
    void shouldAnswerNaNForAMetricThatIsNotThere() {
        assertThat(PrometheusText.sum(TEXT, "jvm_threads_live_threads", "")).isNaN();
    }
}
