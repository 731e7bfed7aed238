package com.offerpulse.platform.problem;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;

class SafeDetailTest {

    @Test
    void shouldKeepOurOwnSentences() {
        for (String fine : new String[] {"'segments[1].text' must be at most 2,000 characters",
                "The request body is 1048577 bytes; the limit is 1048576.", "This round has already ended; start a new one.",
                "A round holds at most 60,000 characters; this batch would bring it to 60,012."}) {
            assertThat(SafeDetail.of(HttpStatus.BAD_REQUEST, fine, null)).isEqualTo(fine);
        }
    }

    @Test
    void shouldReplaceClassNamesExceptionsAndUrlsWithAPlainSentence() {
        assertThat(SafeDetail.of(HttpStatus.BAD_REQUEST, "The request body has the wrong shape: Cannot deserialize "
                + "value of type `com.offerpulse.ingest.transcript.TranscriptBatchRequest` from Array value", null))
                .isEqualTo("The request is invalid.");
        assertThat(SafeDetail.of(HttpStatus.UNSUPPORTED_MEDIA_TYPE,
                "Content type 'text/plain' not supported for bodyType=x", null))
                .isEqualTo("Send the body as application/json.");
        assertThat(SafeDetail.of(HttpStatus.BAD_REQUEST, "is invalid: NullPointerException", "roles[0]"))
                .isEqualTo("'roles[0]' is invalid.");
        assertThat(SafeDetail.of(HttpStatus.SERVICE_UNAVAILABLE, "Connection refused: http://10.0.0.3:8083/api/x", null))
                .doesNotContain("10.0.0.3").doesNotContain("http");
        assertThat(SafeDetail.of(HttpStatus.SERVICE_UNAVAILABLE, "owner at 10.0.0.3:8083 did not answer", null))
                .doesNotContain("10.0.0.3");
        assertThat(SafeDetail.of(HttpStatus.INTERNAL_SERVER_ERROR, null, null)).isEqualTo("Something went wrong on our side.");
    }

    @Test
    void shouldDropAParsersLocationAndKeepWhatWasWrong() {
        assertThat(SafeDetail.of(HttpStatus.BAD_REQUEST, "The request body is not valid JSON: Unexpected end-of-input: "
                + "expected close marker for Object (start marker at [Source: REDACTED (`StreamReadFeature"
                + ".INCLUDE_SOURCE_IN_LOCATION` disabled); line: 1, column: 1])", null))
                .isEqualTo("The request body is not valid JSON: Unexpected end-of-input: expected close marker for Object");
    }

    @Test
    void shouldTellSafeFromUnsafe() {
        assertThat(SafeDetail.isSafe("No such round.")).isTrue();
        assertThat(SafeDetail.isSafe("has the wrong shape: Cannot deserialize value of type `x.Y`")).isFalse();
        assertThat(SafeDetail.isSafe(null)).isFalse();
    }

    @Test
    void shouldCutAVeryLongDetail() {
        assertThat(SafeDetail.of(HttpStatus.BAD_REQUEST, "x".repeat(5_000), null)).hasSize(SafeDetail.MAX_LENGTH);
    }

    @Test
    void shouldGiveAPathOnlyAsTheInstance() {
        assertThat(ProblemResponses.pathOnly("http://internal-host:8083/api/sessions/s_1?x=1")).isEqualTo("/api/sessions/s_1");
        assertThat(ProblemResponses.problem(HttpStatus.NOT_FOUND, "No such round.", null, null, "/api/sessions/x")
                .instance()).isEqualTo("/api/sessions/x");
    }
}
