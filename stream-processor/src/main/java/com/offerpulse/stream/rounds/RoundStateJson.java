package com.offerpulse.stream.rounds;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import com.offerpulse.contracts.session.EndReason;
import com.offerpulse.contracts.transcript.Speaker;
import com.offerpulse.stream.meters.MeterState;

import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.SerializationContext;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.ValueSerializer;
import tools.jackson.databind.exc.MismatchedInputException;

/**
 * The {@code round-state} store's encoding of a {@link RoundState}: a positional JSON array tagged
 * {@value #FORMAT} instead of a JSON object with ~50 snake_case field names.
 *
 * <p>Why (docs/PERFORMANCE.md, "Stream processor: round state encoding"): the round processor reads and writes its
 * round's state for every segment, and the profile of the launcher under load showed decoding that object (its
 * field-name matching and reflection) as the stream threads' largest cost. Written and read with Jackson's
 * streaming API, field by field in a fixed order, it stays JSON (readable in the changelog) at about a third of the
 * size and a fraction of the CPU. Values round-trip exactly (doubles as their shortest decimal form, instants as
 * seconds and nanos), so the meters computed from a decoded state are the same.
 *
 * <p>Older states, written as JSON objects before this encoding, are still read: an object is decoded the old way.
 */
public final class RoundStateJson {
    /** First element of the array; a new layout gets a new tag so stored states stay readable. */
    static final String FORMAT = "rs1";

    private RoundStateJson() {
    }

    /** Writes the compact array form. */
    public static final class Writer extends ValueSerializer<RoundState> {
        @Override
        public void serialize(RoundState s, JsonGenerator g, SerializationContext ctxt) throws JacksonException {
            g.writeStartArray();
            g.writeString(FORMAT);
            g.writeString(s.sessionId());
            g.writeString(s.userId());
            g.writeString(s.status().name());
            g.writeNumber(s.nextSeq());
            g.writeStartArray();
            for (long[] r : s.applied().ranges()) {
                g.writeNumber(r[0]);
                g.writeNumber(r[1]);
            }
            g.writeEndArray();
            g.writeStartArray();
            for (HeldSegment h : s.held()) {
                g.writeNumber(h.seq());
                g.writeString(h.speaker() == null ? null : h.speaker().name());
                g.writeString(h.text());
                instant(g, h.occurredAt());
            }
            g.writeEndArray();
            instant(g, s.heldSince());
            g.writeString(s.pendingText());
            g.writeNumber(s.pendingSeq());
            g.writeNumber(s.sentenceCount());
            meters(g, s.meters());
            g.writeNumber(s.lastSeq());
            instant(g, s.lastSourceTime());
            g.writeNumber(s.lastActivityWallMs());
            g.writeString(s.endReason() == null ? null : s.endReason().name());
            instant(g, s.endedAt());
            g.writeNumber(s.endedWallMs());
            // Added with the round bounds, at the end so states written before them still read (as zero / null).
            g.writeNumber(s.segmentCount());
            g.writeNumber(s.charCount());
            instant(g, s.firstSourceTime());
            g.writeString(s.cut() == null ? null : s.cut().name());
            g.writeEndArray();
        }

        private static void instant(JsonGenerator g, Instant i) {
            if (i == null) {
                g.writeNull();
            } else {
                g.writeStartArray();
                g.writeNumber(i.getEpochSecond());
                g.writeNumber(i.getNano());
                g.writeEndArray();
            }
        }

        private static void meters(JsonGenerator g, MeterState m) {
            g.writeStartArray();
            g.writeNumber(m.sentenceCount());
            g.writeNumber(m.uniqueSentences());
            g.writeNumber(m.spokenWords());
            g.writeNumber(m.uniqueWords());
            g.writeNumber(m.plausibleWords());
            g.writeNumber(m.repeatedSentences());
            g.writeNumber(m.repeatedWords());
            g.writeNumber(m.fillers());
            g.writeNumber(m.hedges());
            g.writeNumber(m.uniqueHedges());
            g.writeNumber(m.falseStarts());
            g.writeNumber(m.vague());
            g.writeNumber(m.unsupported());
            g.writeNumber(m.evidence());
            g.writeNumber(m.firstPersonSingular());
            g.writeNumber(m.firstPersonPlural());
            g.writeNumber(m.actionVerbs());
            g.writeNumber(m.contextSentences());
            g.writeNumber(m.actionSentences());
            g.writeNumber(m.resultSentences());
            g.writeNumber(m.reflectionSentences());
            g.writeNumber(m.otherSentences());
            g.writeNumber(m.resultsWithEvidence());
            g.writeNumber(m.resultEvidence());
            g.writeNumber(m.firstContext());
            g.writeNumber(m.firstAction());
            g.writeNumber(m.firstResult());
            g.writeNumber(m.firstReflection());
            g.writeNumber(m.excessWords());
            g.writeNumber(m.offTopicWords());
            g.writeNumber(m.disfluencySamples());
            g.writeNumber(m.disfluencyMean());
            g.writeNumber(m.disfluencyM2());
            g.writeNumber(m.earlyWords());
            g.writeNumber(m.earlyWeak());
            ints(g, m.lateWords());
            ints(g, m.lateWeak());
            g.writeStartArray();
            for (Long h : m.recentHashes()) {
                g.writeNumber(h);
            }
            g.writeEndArray();
            // Substance and language fields (issue 14), absent from states written before them.
            g.writeNumber(m.substanceWords());
            g.writeNumber(m.contentTokens());
            g.writeNumber(m.distinctContent());
            g.writeStartArray();
            for (Long b : m.contentBits()) {
                g.writeNumber(b);
            }
            g.writeEndArray();
            g.writeNumber(m.foreignWords());
            g.writeNumber(m.placeholderSentences());
            g.writeEndArray();
        }

        private static void ints(JsonGenerator g, List<Integer> values) {
            g.writeStartArray();
            for (Integer v : values) {
                g.writeNumber(v);
            }
            g.writeEndArray();
        }
    }

    /** Reads the compact array form, or an object written before it existed. */
    public static final class Reader extends ValueDeserializer<RoundState> {
        @Override
        public RoundState deserialize(JsonParser p, DeserializationContext ctxt) throws JacksonException {
            if (p.currentToken() == JsonToken.START_OBJECT) {
                return ctxt.readValue(p, LegacyRoundState.class).toState();
            }
            expect(p, p.currentToken(), JsonToken.START_ARRAY);
            String format = string(p);
            if (!FORMAT.equals(format)) {
                throw MismatchedInputException.from(p, RoundState.class, "Unknown round-state format " + format);
            }
            String sessionId = string(p);
            String userId = string(p);
            RoundStatus status = RoundStatus.valueOf(string(p));
            long nextSeq = longValue(p);
            expect(p, p.nextToken(), JsonToken.START_ARRAY);
            List<long[]> ranges = new ArrayList<>();
            while (p.nextToken() != JsonToken.END_ARRAY) {
                long from = p.getLongValue();
                ranges.add(new long[] {from, longValue(p)});
            }
            expect(p, p.nextToken(), JsonToken.START_ARRAY);
            List<HeldSegment> held = new ArrayList<>();
            while (p.nextToken() != JsonToken.END_ARRAY) {
                long seq = p.getLongValue();
                String speaker = string(p);
                String text = string(p);
                held.add(new HeldSegment(seq, speaker == null ? null : Speaker.valueOf(speaker), text, instant(p)));
            }
            Instant heldSince = instant(p);
            String pendingText = string(p);
            long pendingSeq = longValue(p);
            int sentenceCount = intValue(p);
            MeterState meters = meters(p);
            long lastSeq = longValue(p);
            Instant lastSourceTime = instant(p);
            long lastActivityWallMs = longValue(p);
            String endReason = string(p);
            Instant endedAt = instant(p);
            long endedWallMs = longValue(p);
            int segmentCount = 0;
            long charCount = 0;
            Instant firstSourceTime = null;
            String cut = null;
            JsonToken next = p.nextToken();
            if (next != JsonToken.END_ARRAY) {
                // The round-bound fields, absent from states written before them.
                expect(p, next, JsonToken.VALUE_NUMBER_INT);
                segmentCount = p.getIntValue();
                charCount = longValue(p);
                firstSourceTime = instant(p);
                cut = string(p);
                expect(p, p.nextToken(), JsonToken.END_ARRAY);
            }
            return new RoundState(sessionId, userId, status, nextSeq, new SeqRanges(ranges), held, heldSince,
                    pendingText, pendingSeq, sentenceCount, meters, lastSeq, lastSourceTime, lastActivityWallMs,
                    endReason == null ? null : EndReason.valueOf(endReason), endedAt, endedWallMs, segmentCount,
                    charCount, firstSourceTime, cut == null ? null : RoundState.Cut.valueOf(cut));
        }

        private static MeterState meters(JsonParser p) {
            expect(p, p.nextToken(), JsonToken.START_ARRAY);
            MeterState m = new MeterState(intValue(p), intValue(p), intValue(p), intValue(p), doubleValue(p),
                    intValue(p), intValue(p), intValue(p), intValue(p), intValue(p), intValue(p), intValue(p),
                    intValue(p), intValue(p), intValue(p), intValue(p), intValue(p), intValue(p), intValue(p),
                    intValue(p), intValue(p), intValue(p), intValue(p), intValue(p), intValue(p), intValue(p),
                    intValue(p), intValue(p), intValue(p), intValue(p), intValue(p), doubleValue(p), doubleValue(p),
                    intValue(p), intValue(p), ints(p), ints(p), longs(p), 0.0, 0, 0, List.of(), 0, 0);
            JsonToken next = p.nextToken();
            if (next != JsonToken.END_ARRAY) {
                // Substance and language fields (issue 14), absent from states written before them.
                double substanceWords = p.getDoubleValue();
                m = new MeterState(m.sentenceCount(), m.uniqueSentences(), m.spokenWords(), m.uniqueWords(),
                        m.plausibleWords(), m.repeatedSentences(), m.repeatedWords(), m.fillers(), m.hedges(),
                        m.uniqueHedges(), m.falseStarts(), m.vague(), m.unsupported(), m.evidence(),
                        m.firstPersonSingular(), m.firstPersonPlural(), m.actionVerbs(), m.contextSentences(),
                        m.actionSentences(), m.resultSentences(), m.reflectionSentences(), m.otherSentences(),
                        m.resultsWithEvidence(), m.resultEvidence(), m.firstContext(), m.firstAction(),
                        m.firstResult(), m.firstReflection(), m.excessWords(), m.offTopicWords(),
                        m.disfluencySamples(), m.disfluencyMean(), m.disfluencyM2(), m.earlyWords(), m.earlyWeak(),
                        m.lateWords(), m.lateWeak(), m.recentHashes(), substanceWords, intValue(p), intValue(p),
                        longs(p), intValue(p), intValue(p));
                expect(p, p.nextToken(), JsonToken.END_ARRAY);
            }
            return m;
        }

        private static List<Integer> ints(JsonParser p) {
            expect(p, p.nextToken(), JsonToken.START_ARRAY);
            List<Integer> out = new ArrayList<>();
            while (p.nextToken() != JsonToken.END_ARRAY) {
                out.add(p.getIntValue());
            }
            return out;
        }

        private static List<Long> longs(JsonParser p) {
            expect(p, p.nextToken(), JsonToken.START_ARRAY);
            List<Long> out = new ArrayList<>();
            while (p.nextToken() != JsonToken.END_ARRAY) {
                out.add(p.getLongValue());
            }
            return out;
        }

        private static Instant instant(JsonParser p) {
            JsonToken t = p.nextToken();
            if (t == JsonToken.VALUE_NULL) {
                return null;
            }
            expect(p, t, JsonToken.START_ARRAY);
            long seconds = longValue(p);
            int nanos = intValue(p);
            expect(p, p.nextToken(), JsonToken.END_ARRAY);
            return Instant.ofEpochSecond(seconds, nanos);
        }

        private static String string(JsonParser p) {
            JsonToken t = p.nextToken();
            if (t == JsonToken.VALUE_NULL) {
                return null;
            }
            expect(p, t, JsonToken.VALUE_STRING);
            return p.getString();
        }

        private static long longValue(JsonParser p) {
            expect(p, p.nextToken(), JsonToken.VALUE_NUMBER_INT);
            return p.getLongValue();
        }

        private static int intValue(JsonParser p) {
            expect(p, p.nextToken(), JsonToken.VALUE_NUMBER_INT);
            return p.getIntValue();
        }

        private static double doubleValue(JsonParser p) {
            JsonToken t = p.nextToken();
            if (t != JsonToken.VALUE_NUMBER_FLOAT && t != JsonToken.VALUE_NUMBER_INT) {
                throw MismatchedInputException.from(p, RoundState.class, "Expected a number in the round state");
            }
            return p.getDoubleValue();
        }

        private static void expect(JsonParser p, JsonToken actual, JsonToken expected) {
            if (actual != expected) {
                throw MismatchedInputException.from(p, RoundState.class,
                        "Malformed round state: expected " + expected + " but found " + actual);
            }
        }
    }

    /** The object form {@link RoundState} had before {@link #FORMAT}; decoded by Jackson's record support. */
    record LegacyRoundState(String sessionId, String userId, RoundStatus status, long nextSeq, SeqRanges applied,
            List<HeldSegment> held, Instant heldSince, String pendingText, long pendingSeq, int sentenceCount,
            MeterState meters, long lastSeq, Instant lastSourceTime, long lastActivityWallMs, EndReason endReason,
            Instant endedAt, long endedWallMs) {

        RoundState toState() {
            return new RoundState(sessionId, userId, status, nextSeq, applied, held, heldSince, pendingText,
                    pendingSeq, sentenceCount, meters, lastSeq, lastSourceTime, lastActivityWallMs, endReason, endedAt,
                    endedWallMs);
        }
    }
}
