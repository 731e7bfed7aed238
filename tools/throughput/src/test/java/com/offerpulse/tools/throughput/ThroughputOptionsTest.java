package com.offerpulse.tools.throughput;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ThroughputOptionsTest {

    @Test
    void shouldAnswerHelpWhereverItStandsWithoutReadingTheOtherOptions() {
        assertThat(ThroughputOptions.parse("--help")).isSameAs(ThroughputOptions.HELP);
        assertThat(ThroughputOptions.parse("--sessions", "9999999", "-h")).isSameAs(ThroughputOptions.HELP);
        assertThat(ThroughputOptions.help()).contains("--sessions").contains("--segments-per-session")
                .contains("--threads").contains("2 usage error");
    }

    @Test
    void shouldRefuseMisspelledMissingMalformedAndOutOfBoundsOptions() {
        assertThatThrownBy(() -> ThroughputOptions.parse("--sesions", "10")).hasMessageContaining("unknown option --sesions");
        assertThatThrownBy(() -> ThroughputOptions.parse("--sessions")).hasMessageContaining("needs a value");
        assertThatThrownBy(() -> ThroughputOptions.parse("--threads", "two")).hasMessageContaining("whole number");
        assertThatThrownBy(() -> ThroughputOptions.parse("--threads", "0")).hasMessageContaining("between 1 and 16");
        assertThatThrownBy(() -> ThroughputOptions.parse("sessions", "10")).hasMessageContaining("unexpected argument");
    }

    @Test
    void shouldTakeDefaultsAndBothSpellingsOfAValue() {
        assertThat(ThroughputOptions.parse()).isEqualTo(new ThroughputOptions(2000, 30, 2));
        assertThat(ThroughputOptions.parse("--sessions=10", "--segments-per-session", "5", "--threads", "1"))
                .isEqualTo(new ThroughputOptions(10, 5, 1));
    }
}
