package com.offerpulse.contracts.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import com.offerpulse.contracts.transcript.TranscriptSegment;

/**
 * Wrong scalar types and text that is not Unicode are refused, naming the field: found by the ingest fuzz test
 * (issue 8), where {@code "speaker": 1} was read as the interviewer and {@code "text": 5} as the string "5".
 */
class StrictScalarTest {

    private static String segment(String field, String rawValue) {
        String json = ContractRejectionTest.SEGMENT.formatted("");
        return json.replaceFirst("\"" + field + "\":(\"[^\"]*\"|[^,}]+)",
                java.util.regex.Matcher.quoteReplacement("\"" + field + "\":" + rawValue));
    }

    private static ContractViolation violation(String json) {
        try {
            JsonCodec.decode(json, TranscriptSegment.class);
        } catch (ContractViolation v) {
            return v;
        }
        throw new AssertionError("expected a ContractViolation for " + json);
    }

    @Test
    void shouldRejectANumberForAnEnum() {
        assertThat(violation(segment("speaker", "1")).field()).isEqualTo("speaker");
        assertThat(violation(segment("speaker", "\"1\"")).field()).isEqualTo("speaker");
    }

    @Test
    void shouldRejectANumberOrBooleanForAString() {
        assertThat(violation(segment("text", "5")).field()).isEqualTo("text");
        assertThat(violation(segment("text", "2.5")).field()).isEqualTo("text");
        ContractViolation v = violation(segment("text", "true"));
        assertThat(v.field()).isEqualTo("text");
        assertThat(v.reason()).contains("a string");
    }

    @Test
    void shouldRejectAnEscapedUnpairedSurrogate() {
        for (String lone : new String[] {"\"\\ud800\"", "\"a\\udfffb\"", "\"\\ude00\\ud83d\"", "\"end \\udbff\""}) {
            ContractViolation v = violation(segment("text", lone));
            assertThat(v.field()).as(lone).isEqualTo("text");
            assertThat(v.reason()).contains("not Unicode text");
        }
    }

    @Test
    void shouldRejectUtf8BeyondTheLastCodePoint() {
        byte[] json = segment("text", "\"a@b\"").getBytes(StandardCharsets.UTF_8);
        String s = new String(json, StandardCharsets.ISO_8859_1).replace("a@b", "a\u00f4\u0090\u0080\u0080b");
        assertThatThrownBy(() -> JsonCodec.decode(s.getBytes(StandardCharsets.ISO_8859_1), TranscriptSegment.class))
                .isInstanceOf(ContractViolation.class);
    }

    @Test
    void shouldKeepAcceptingWellFormedUnicode() {
        String text = "\uD83D\uDE80 caf\u00E9 \u6211 \uDBFF\uDFFF \uFFFD \u0000";
        TranscriptSegment s = JsonCodec.decode(segment("text", JsonCodec.encodeToString(text)), TranscriptSegment.class);
        assertThat(s.text()).isEqualTo(text);
        assertThat(JsonCodec.decode(JsonCodec.encode(s), TranscriptSegment.class)).isEqualTo(s);
    }
}
