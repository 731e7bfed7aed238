package com.offerpulse.contracts.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

import com.offerpulse.contracts.analytics.SessionMeters;
import com.offerpulse.contracts.analytics.TaggedSentence;
import com.offerpulse.contracts.session.SessionLifecycleEvent;
import com.offerpulse.contracts.session.SessionStarted;
import com.offerpulse.contracts.transcript.TranscriptSegment;

class ContractRejectionTest {

    static final String SEGMENT = """
            {"event_id":"s1:1","session_id":"s1","user_id":"u1","seq":1,"speaker":"candidate","text":"Hello.",
             "start_ms":0,"end_ms":900,"final":true,"occurred_at":"2026-11-26T10:00:00Z"%s}""";

    private static ContractViolation violation(String json, Class<?> type) {
        try {
            JsonCodec.decode(json, type);
        } catch (ContractViolation v) {
            return v;
        }
        throw new AssertionError("expected a ContractViolation for " + json);
    }

    @Test
    void shouldAcceptAValidSegmentAndTolerateUnknownFields() {
        TranscriptSegment s = JsonCodec.decode(SEGMENT.formatted(",\"confidence\":0.93,\"extra\":{\"a\":1}"),
                TranscriptSegment.class);
        assertThat(s.seq()).isEqualTo(1);
        assertThat(s.finalSegment()).isTrue();
    }

    @Test
    void shouldNameAMissingObjectField() {
        ContractViolation v = violation(SEGMENT.formatted("").replace("\"text\":\"Hello.\",", ""), TranscriptSegment.class);
        assertThat(v.field()).isEqualTo("text");
        assertThat(v.getMessage()).isEqualTo("'text' is required");
    }

    @Test
    void shouldNameAMissingPrimitiveField() {
        ContractViolation v = violation(SEGMENT.formatted("").replace("\"seq\":1,", ""), TranscriptSegment.class);
        assertThat(v.field()).isEqualTo("seq");
        assertThat(v.reason()).isEqualTo("is required");
    }

    @Test
    void shouldRejectNullForAPrimitive() {
        ContractViolation v = violation(SEGMENT.formatted("").replace("\"final\":true", "\"final\":null"),
                TranscriptSegment.class);
        assertThat(v.field()).isEqualTo("final");
    }

    @Test
    void shouldNameAFieldOfTheWrongType() {
        assertThat(violation(SEGMENT.formatted("").replace("\"seq\":1", "\"seq\":\"one\""), TranscriptSegment.class)
                .field()).isEqualTo("seq");
        assertThat(violation(SEGMENT.formatted("").replace("\"seq\":1", "\"seq\":\"1\""), TranscriptSegment.class)
                .field()).as("no silent string-to-number coercion").isEqualTo("seq");
        assertThat(violation(SEGMENT.formatted("").replace("\"seq\":1", "\"seq\":1.5"), TranscriptSegment.class)
                .field()).isEqualTo("seq");
        assertThat(violation(SEGMENT.formatted("").replace("\"final\":true", "\"final\":\"yes\""),
                TranscriptSegment.class).field()).isEqualTo("final");
        assertThat(violation(SEGMENT.formatted("").replace("\"candidate\"", "\"narrator\""), TranscriptSegment.class)
                .field()).isEqualTo("speaker");
        assertThat(violation(SEGMENT.formatted("").replace("\"2026-11-26T10:00:00Z\"", "\"yesterday\""),
                TranscriptSegment.class).field()).isEqualTo("occurred_at");
    }

    @Test
    void shouldRejectOutOfRangeValuesNamingTheField() {
        assertThat(violation(SEGMENT.formatted("").replace("\"end_ms\":900", "\"end_ms\":-5"), TranscriptSegment.class)
                .field()).isEqualTo("end_ms");
        String longText = "x".repeat(TranscriptSegment.MAX_TEXT_LENGTH + 1);
        assertThat(violation(SEGMENT.formatted("").replace("Hello.", longText), TranscriptSegment.class).field())
                .isEqualTo("text");
    }

    @Test
    void shouldRejectMalformedJson() {
        ContractViolation v = violation("{\"event_id\": ", TranscriptSegment.class);
        assertThat(v.field()).isEmpty();
        assertThat(v.getMessage()).startsWith("is not valid JSON");
        assertThat(violation(SEGMENT.formatted("") + " trailing", TranscriptSegment.class).getMessage())
                .startsWith("is not valid JSON");
    }

    @Test
    void shouldNameNestedFieldsWithTheirPath() {
        String json = """
                {"session_id":"s1","seq":2,"index":0,"text":"We did it.","tag":"RESULT",
                 "weak_spans":[{"start":0,"end":2,"kind":"VAGUE","hint":"h"},{"start":3,"end":1,"kind":"VAGUE","hint":"h"}]}""";
        ContractViolation v = violation(json, TaggedSentence.class);
        assertThat(v.field()).isEqualTo("weak_spans[1].end");
    }

    @Test
    void shouldRejectUnknownLifecycleTypeAndMissingType() {
        assertThat(violation("{\"type\":\"session_paused\",\"session_id\":\"s\"}", SessionLifecycleEvent.class)
                .getMessage()).contains("type");
        assertThat(violation("{\"session_id\":\"s\"}", SessionLifecycleEvent.class).getMessage()).contains("type");
    }

    @Test
    void shouldRejectMetersOutOfRangeAndTooManyHints() {
        String json = """
                {"session_id":"s1","credibility":101,"star_structure":1,"confidence_stability":1,"impact_strength":1,
                 "risk_drift":1,"hints":[],"as_of_seq":1,"source_timestamp":"2026-11-26T10:00:00Z"}""";
        assertThat(violation(json, SessionMeters.class).field()).isEqualTo("credibility");
        String hints = json.replace("101", "50").replace("[]", "[\"a\",\"b\",\"c\",\"d\"]");
        assertThat(violation(hints, SessionMeters.class).field()).isEqualTo("hints");
    }

    @Test
    void shouldRejectBlankRequiredStrings() {
        String json = """
                {"type":"session_started","event_id":"e","session_id":"s","user_id":"u","question":"  ",
                 "target_role":"pm","occurred_at":"2026-11-26T10:00:00Z"}""";
        ContractViolation v = violation(json, SessionLifecycleEvent.class);
        assertThat(v.field()).isEqualTo("question");
        assertThat(v.reason()).isEqualTo("must not be blank");
        assertThatThrownBy(() -> new SessionStarted("e", "s", "u", "q", null, java.time.Instant.EPOCH))
                .isInstanceOf(ContractViolation.class).hasMessage("'target_role' is required");
    }
}
