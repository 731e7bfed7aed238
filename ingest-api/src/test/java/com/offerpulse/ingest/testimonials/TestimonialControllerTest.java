package com.offerpulse.ingest.testimonials;

import static com.offerpulse.testsupport.web.Problems.expectProblem;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;

import com.offerpulse.contracts.growth.ProductEvent;
import com.offerpulse.contracts.growth.ProductEventName;
import com.offerpulse.contracts.growth.Testimonial;
import com.offerpulse.contracts.json.JsonCodec;
import com.offerpulse.contracts.topic.Topics;
import com.offerpulse.ingest.support.IngestWebTestBase;
import com.offerpulse.platform.kafka.OutboundRecord;

class TestimonialControllerTest extends IngestWebTestBase {
    private static final String TEXT = "Three rounds in, my answers finally had numbers in them. Got the offer!";

    @Test
    void shouldWriteTheTestimonialAndItsEventInOneTransactionKeyedByUser() {
        post("/api/testimonials", ALICE)
                .bodyValue("{\"text\":\"  " + TEXT + "  \",\"consent\":true,\"session_id\":\"s_abc\"}")
                .exchange().expectStatus().isAccepted().expectBody().jsonPath("$.state").isEqualTo("submitted");

        assertThat(writer.committed).singleElement().satisfies(group -> {
            assertThat(group).extracting(OutboundRecord::topic)
                    .containsExactly(Topics.USER_TESTIMONIALS.name(), Topics.PRODUCT_EVENTS.name());
            assertThat(group).extracting(OutboundRecord::key).containsOnly(ALICE);
        });
        List<OutboundRecord> records = writer.all();
        Testimonial testimonial = JsonCodec.decode(records.get(0).value(), Testimonial.class);
        assertThat(testimonial.text()).isEqualTo(TEXT);
        assertThat(testimonial.consent()).isTrue();
        assertThat(testimonial.userId()).isEqualTo(ALICE);
        assertThat(testimonial.sessionId()).isEqualTo("s_abc");
        ProductEvent event = JsonCodec.decode(records.get(1).value(), ProductEvent.class);
        assertThat(event.name()).isEqualTo(ProductEventName.TESTIMONIAL_SUBMITTED);
        assertThat(event.userId()).isEqualTo(ALICE);
        assertThat(event.properties()).containsEntry("consent", "true")
                .containsEntry("testimonial_id", testimonial.testimonialId());
        assertThat(new String(records.get(1).value())).doesNotContain("finally had numbers");
    }

    @Test
    void shouldAcceptExactlyAThousandCharactersAndNoMore() {
        String max = "a".repeat(Testimonial.MAX_TEXT_LENGTH);
        post("/api/testimonials", ALICE).bodyValue("{\"text\":\"" + max + "\",\"consent\":false}")
                .exchange().expectStatus().isAccepted();
        expectProblem(post("/api/testimonials", ALICE).bodyValue("{\"text\":\"" + max + "b\",\"consent\":false}")
                .exchange(), 400).jsonPath("$.field").isEqualTo("text");
        assertThat(writer.committed).hasSize(1);
    }

    @Test
    void shouldRefuseEmptyOrBlankTextWithAProblemNamingTheField() {
        expectProblem(post("/api/testimonials", ALICE).bodyValue("{\"text\":\"\",\"consent\":true}").exchange(), 400)
                .jsonPath("$.field").isEqualTo("text");
        expectProblem(post("/api/testimonials", ALICE).bodyValue("{\"text\":\"   \",\"consent\":true}").exchange(),
                400).jsonPath("$.field").isEqualTo("text");
        expectProblem(post("/api/testimonials", ALICE).bodyValue("{\"consent\":true}").exchange(), 400)
                .jsonPath("$.field").isEqualTo("text");
        assertThat(writer.committed).isEmpty();
    }

    @Test
    void shouldRefuseAMissingOrNonBooleanConsent() {
        expectProblem(post("/api/testimonials", ALICE).bodyValue("{\"text\":\"Great tool\"}").exchange(), 400)
                .jsonPath("$.field").isEqualTo("consent");
        expectProblem(post("/api/testimonials", ALICE).bodyValue("{\"text\":\"Great tool\",\"consent\":\"yes\"}")
                .exchange(), 400).jsonPath("$.field").isEqualTo("consent");
        assertThat(writer.committed).isEmpty();
    }

    @Test
    void shouldRefuseASessionIdThatIsNotAnId() {
        expectProblem(post("/api/testimonials", ALICE)
                .bodyValue("{\"text\":\"Great tool\",\"consent\":true,\"session_id\":\"../etc\"}").exchange(), 400)
                .jsonPath("$.field").isEqualTo("session_id");
        assertThat(writer.committed).isEmpty();
    }

    @Test
    void shouldWriteTheDismissalAsAProductEventOfTheCaller() {
        post("/api/user/prompts/testimonial/dismiss", BOB).exchange().expectStatus().isAccepted()
                .expectBody().jsonPath("$.state").isEqualTo("dismissed");
        OutboundRecord record = writer.all().get(0);
        assertThat(record.topic()).isEqualTo(Topics.PRODUCT_EVENTS.name());
        assertThat(record.key()).isEqualTo(BOB);
        ProductEvent event = JsonCodec.decode(record.value(), ProductEvent.class);
        assertThat(event.name()).isEqualTo(ProductEventName.TESTIMONIAL_DISMISSED);
        assertThat(event.userId()).isEqualTo(BOB);
    }

    @Test
    void shouldAnswer401WithoutAToken() {
        expectProblem(post("/api/testimonials", null).bodyValue("{\"text\":\"Hi\",\"consent\":true}").exchange(), 401);
        expectProblem(post("/api/user/prompts/testimonial/dismiss", null).exchange(), 401);
        assertThat(writer.committed).isEmpty();
    }

    @Test
    void shouldAnswer503AndWriteNothingWhenKafkaDoesNotAcknowledge() {
        writer.brokerDown(true);
        expectProblem(post("/api/testimonials", ALICE).bodyValue("{\"text\":\"Hi\",\"consent\":true}").exchange()
                .expectHeader().exists(HttpHeaders.RETRY_AFTER), 503);
        expectProblem(post("/api/user/prompts/testimonial/dismiss", ALICE).exchange(), 503);
        assertThat(writer.committed).isEmpty();
    }
}
