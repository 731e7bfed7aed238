package com.offerpulse.loadgen;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class LoadGenOptionsTest {

    @Test
    void shouldDefaultToTheIssueTargetsOnTheLauncher() {
        LoadGenOptions o = LoadGenOptions.parse();

        assertThat(o.target().toString()).isEqualTo("http://127.0.0.1:8080");
        assertThat(o.candidates()).isEqualTo(2_000);
        assertThat(o.intervalMs()).isEqualTo(1_000);
        assertThat(o.kafka()).isEqualTo("127.0.0.1:29092");
        assertThat(o.phases()).containsExactly(LoadGenOptions.Phase.FLOORS, LoadGenOptions.Phase.LIVE,
                LoadGenOptions.Phase.PEAK);
        assertThat(o.ws()).isEqualTo("ws://127.0.0.1:8080");
    }

    @Test
    void shouldRefuseTargetsThatAreNotLoopback() {
        assertThatThrownBy(() -> LoadGenOptions.parse("--target", "http://10.1.2.3:8080"))
                .hasMessageContaining("not a loopback address");
        assertThatThrownBy(() -> LoadGenOptions.parse("--kafka", "127.0.0.1:29092,192.168.0.9:9092"))
                .hasMessageContaining("not a loopback address");
        assertThatThrownBy(() -> LoadGenOptions.parse("--redis", "8.8.8.8:6379"))
                .hasMessageContaining("not a loopback address");
    }

    @Test
    void shouldRefuseValuesAboveTheirMaximum() {
        assertThatThrownBy(() -> LoadGenOptions.parse("--candidates", "5001")).hasMessageContaining("between 1 and 5000");
        assertThatThrownBy(() -> LoadGenOptions.parse("--peak-batch", "501")).hasMessageContaining("between 1 and 500")
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> LoadGenOptions.parse("--seconds", "901")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> LoadGenOptions.parse("--candidates", "10", "--viewers", "200"))
                .hasMessageContaining("per candidate's room");
    }

    @Test
    void shouldTakeBothOptionStylesAndNamedPhases() {
        LoadGenOptions o = LoadGenOptions.parse("--candidates=50", "--phases", "live,peak", "--target",
                "http://localhost:9090");

        assertThat(o.candidates()).isEqualTo(50);
        assertThat(o.phases()).containsExactly(LoadGenOptions.Phase.LIVE, LoadGenOptions.Phase.PEAK);
        assertThat(o.ws()).isEqualTo("ws://localhost:9090");
    }

    @Test
    void shouldRejectUnknownOptionsAndARampLongerThanTheRun() {
        assertThatThrownBy(() -> LoadGenOptions.parse("--candiates", "5")).hasMessageContaining("Unknown option");
        assertThatThrownBy(() -> LoadGenOptions.parse("--seconds", "20", "--ramp-seconds", "15",
                "--warmup-seconds", "5")).hasMessageContaining("longer than");
    }

    @Test
    void shouldDescribeEveryOptionInTheHelp() {
        String help = LoadGenOptions.help();

        LoadGenOptions.OPTIONS.keySet().forEach(name -> assertThat(help).contains("--" + name));
        assertThat(help).contains("loopback");
    }
}
