package com.offerpulse.contracts.topic;

import java.util.List;

import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;

import com.offerpulse.contracts.analytics.SessionMeters;
import com.offerpulse.contracts.analytics.SessionSummary;
import com.offerpulse.contracts.analytics.TaggedSentence;
import com.offerpulse.contracts.analytics.UserOfferProbability;
import com.offerpulse.contracts.deadletter.DeadLetter;
import com.offerpulse.contracts.growth.ProductEvent;
import com.offerpulse.contracts.growth.ShareSnapshot;
import com.offerpulse.contracts.growth.Testimonial;
import com.offerpulse.contracts.growth.TestimonialPrompt;
import com.offerpulse.contracts.json.JsonSerde;
import com.offerpulse.contracts.kpi.DailyFunnel;
import com.offerpulse.contracts.kpi.UserActivity;
import com.offerpulse.contracts.session.SessionLifecycleEvent;
import com.offerpulse.contracts.topic.Topic.Cleanup;
import com.offerpulse.contracts.transcript.TranscriptSegment;

/** Every topic of OfferPulse. docs/EVENTS.md mirrors this registry and names each topic's single writer. */
public final class Topics {
    private Topics() {
    }

    private static final Serde<String> KEY = Serdes.String();

    public static final Topic<String, TranscriptSegment> TRANSCRIPT_SEGMENTS = new Topic<>("transcript.segments.v1",
            KEY, new JsonSerde<>(TranscriptSegment.class), Cleanup.DELETE, "session id", "ingest-api");

    public static final Topic<String, SessionLifecycleEvent> SESSION_LIFECYCLE = new Topic<>("session.lifecycle.v1",
            KEY, new JsonSerde<>(SessionLifecycleEvent.class), Cleanup.DELETE, "session id",
            "ingest-api (started, ended by client, deleted); stream-processor (ended by timeout)");

    public static final Topic<String, TaggedSentence> TRANSCRIPT_SENTENCES = new Topic<>("transcript.sentences.v1",
            KEY, new JsonSerde<>(TaggedSentence.class), Cleanup.DELETE, "session id", "stream-processor");

    public static final Topic<String, SessionMeters> SESSION_METERS = new Topic<>("session.meters.v1", KEY,
            new JsonSerde<>(SessionMeters.class), Cleanup.DELETE, "session id", "stream-processor");

    public static final Topic<String, SessionSummary> SESSION_SUMMARIES = new Topic<>("session.summaries.v1", KEY,
            new JsonSerde<>(SessionSummary.class), Cleanup.DELETE, "user id", "stream-processor");

    public static final Topic<String, UserOfferProbability> USER_OFFER_PROBABILITY = new Topic<>(
            "user.offer-probability.v1", KEY, new JsonSerde<>(UserOfferProbability.class), Cleanup.COMPACT, "user id",
            "stream-processor");

    public static final Topic<String, ProductEvent> PRODUCT_EVENTS = new Topic<>("product.events.v1", KEY,
            new JsonSerde<>(ProductEvent.class), Cleanup.DELETE, "user id, else anonymous id",
            "ingest-api (client events, session_started, testimonial_dismissed/submitted); "
                    + "stream-processor (session_completed); query-api (share events)");

    public static final Topic<String, ShareSnapshot> SHARE_SNAPSHOTS = new Topic<>("share.snapshots.v1", KEY,
            new JsonSerde<>(ShareSnapshot.class), Cleanup.COMPACT, "sha256(token), hex", "query-api (share create/revoke)");

    public static final Topic<String, TestimonialPrompt> USER_PROMPTS = new Topic<>("user.prompts.v1", KEY,
            new JsonSerde<>(TestimonialPrompt.class), Cleanup.COMPACT, "user id", "stream-processor");

    public static final Topic<String, Testimonial> USER_TESTIMONIALS = new Topic<>("user.testimonials.v1", KEY,
            new JsonSerde<>(Testimonial.class), Cleanup.COMPACT, "user id", "ingest-api");

    /** Compact per-user KPI activity (active days, rounds, first two rounds), folded by the KPI stream. */
    public static final Topic<String, UserActivity> KPI_USER_ACTIVITY = new Topic<>("kpi.user-activity.v1", KEY,
            new JsonSerde<>(UserActivity.class), Cleanup.COMPACT, "user id", "stream-processor (offerpulse-kpi)");

    /** Per-UTC-day funnel counters and time-to-wow samples, folded by the KPI stream. */
    public static final Topic<String, DailyFunnel> KPI_DAILY = new Topic<>("kpi.daily.v1", KEY,
            new JsonSerde<>(DailyFunnel.class), Cleanup.COMPACT, "UTC day, ISO date", "stream-processor (offerpulse-kpi)");

    /**
     * Records some application could not process (poison pills): coordinates, size and error class only, never the
     * content. Keyed by the quarantined record's key (a session or user id), so one user's bad records stay together.
     */
    public static final Topic<String, DeadLetter> DEAD_LETTERS = new Topic<>("dead-letters.v1", KEY,
            new JsonSerde<>(DeadLetter.class), Cleanup.DELETE, "the quarantined record's key",
            "every Kafka Streams application and background consumer (exception handlers)");

    public static final List<Topic<String, ?>> ALL = List.of(TRANSCRIPT_SEGMENTS, SESSION_LIFECYCLE,
            TRANSCRIPT_SENTENCES, SESSION_METERS, SESSION_SUMMARIES, USER_OFFER_PROBABILITY, PRODUCT_EVENTS,
            SHARE_SNAPSHOTS, USER_PROMPTS, USER_TESTIMONIALS, KPI_USER_ACTIVITY, KPI_DAILY, DEAD_LETTERS);
}
