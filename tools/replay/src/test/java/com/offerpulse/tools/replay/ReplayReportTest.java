package com.offerpulse.tools.replay;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.offerpulse.contracts.analytics.SentenceTag;
import com.offerpulse.contracts.analytics.TaggedSentence;
import com.offerpulse.contracts.json.JsonCodec;

/** The report's field-level differences never show transcript text; its JSON says whether the replay matched. */
class ReplayReportTest {

    @Test
    void shouldShowWhichFieldsDifferWithoutTranscriptText() {
        byte[] live = JsonCodec.encode(new TaggedSentence("s1", 3, 0, "I owned the billing migration.",
                SentenceTag.ACTION, List.of()));
        byte[] replay = JsonCodec.encode(new TaggedSentence("s1", 3, 0, "I owned the billing migration at Acme.",
                SentenceTag.RESULT, List.of()));

        List<String> fields = JsonDiff.between(live, replay, 8);

        assertThat(fields).containsExactly("tag: \"ACTION\" → \"RESULT\"", "text: <text, 30 chars> → <text, 38 chars>");
        assertThat(String.join(" ", fields)).doesNotContain("billing");
        assertThat(JsonDiff.between(live, null, 8)).containsExactly("only live");
    }

    @Test
    void shouldSayIdenticalOnlyWhenEveryOutputMatches() {
        ReplayReport.KindComparison same = new ReplayReport.KindComparison("sentences", 2, 2, 2, 0, 0, 0);
        ReplayReport.KindComparison extra = new ReplayReport.KindComparison("summaries", 1, 2, 1, 0, 0, 1);
        ReplayReport ok = report(List.of(same));
        ReplayReport notOk = report(List.of(same, extra));

        assertThat(ok.identical()).isTrue();
        assertThat(notOk.identical()).isFalse();
        String json = new String(JsonCodec.encode(notOk), StandardCharsets.UTF_8);
        assertThat(json).contains("\"identical\":false").contains("\"only_replay\":1").contains("\"delta\":-0.1197");
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        notOk.print(new PrintStream(printed, true, StandardCharsets.UTF_8), 10);
        assertThat(printed.toString(StandardCharsets.UTF_8)).contains("DIFFERENT").contains("u_ann")
                .contains("-0.1197");
    }

    private static ReplayReport report(List<ReplayReport.KindComparison> kinds) {
        return new ReplayReport("r1", "v2", "all", 3, 22, 28, kinds,
                List.of(new ReplayReport.UserProbability("u_ann", 0.5383, 0.4186, 3, 3, true)), List.of(),
                Duration.ofMillis(200), Duration.ofMillis(1600));
    }
}
