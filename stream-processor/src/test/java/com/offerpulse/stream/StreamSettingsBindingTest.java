package com.offerpulse.stream;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

import com.offerpulse.stream.rounds.RoundBounds;

/** The round bounds bind from {@code offerpulse.stream.round-bounds.*}, each defaulting to its named constant. */
class StreamSettingsBindingTest {

    private static StreamSettings bind(Map<String, String> properties) {
        return new Binder(new MapConfigurationPropertySource(properties))
                .bindOrCreate("offerpulse.stream", StreamSettings.class);
    }

    @Test
    void shouldDefaultEveryRoundBoundToItsNamedValue() {
        assertThat(bind(Map.of()).roundBounds()).isEqualTo(RoundBounds.defaults());
        assertThat(StreamSettings.defaults().roundBounds()).isEqualTo(RoundBounds.defaults());
    }

    @Test
    void shouldBindRoundBoundsFromProperties() {
        StreamSettings s = bind(Map.of("offerpulse.stream.round-bounds.round-chars", "1234",
                "offerpulse.stream.round-bounds.round-duration", "5m",
                "offerpulse.stream.round-bounds.open-sentence-chars", "500"));

        assertThat(s.roundBounds().roundChars()).isEqualTo(1234);
        assertThat(s.roundBounds().roundDuration()).isEqualTo(Duration.ofMinutes(5));
        assertThat(s.roundBounds().openSentenceChars()).isEqualTo(500);
        assertThat(s.roundBounds().roundSegments()).isEqualTo(RoundBounds.ROUND_SEGMENTS);
        assertThat(s.maxHeldSegments()).isEqualTo(StreamSettings.defaults().maxHeldSegments());
    }
}
