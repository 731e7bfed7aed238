package com.offerpulse.ingest.fuzz;

import static com.offerpulse.ingest.fuzz.Bodies.utf8;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import com.offerpulse.contracts.transcript.TranscriptSegment;
import com.offerpulse.ingest.fuzz.FuzzCase.Expect;

/**
 * Generates the WebSocket side of the fuzz run: per socket, a sequence of frames (each text frame gets exactly one
 * answer, in order) and one last frame that ends the socket. Seqs continue after the HTTP cases' range.
 */
final class SocketCases {
    private static final int LIMIT = 1024 * 1024;

    enum Kind {
        TEXT, BINARY
    }

    /** How a socket ends after every answer arrived. */
    enum Ending {
        /** A text frame over the 1 MiB limit: the server closes with 1009 (message too big). */
        OVERSIZE_TEXT(1009),
        /** A binary frame over the limit: 1009 as well. */
        OVERSIZE_BINARY(1009),
        /** The client says goodbye. */
        NORMAL(1000);

        final int closeCode;

        Ending(int closeCode) {
            this.closeCode = closeCode;
        }
    }

    record Frame(int index, String category, Kind kind, byte[] payload, Expect expect, List<String> segmentIds) {
    }

    record Socket(int number, HttpCases.Round round, List<Frame> frames, Ending ending, byte[] lastPayload) {
        long textFrames() {
            return frames.stream().filter(f -> f.kind() == Kind.TEXT).count();
        }
    }

    private final long seed;
    private final long firstIndex;

    /** @param firstIndex the first frame index; seqs are derived from it so they never meet the HTTP cases' ones */
    SocketCases(long seed, long firstIndex) {
        this.seed = seed;
        this.firstIndex = firstIndex;
    }

    Socket socket(int number, HttpCases.Round round, int frames) {
        Random r = new Random(seed * 0xC2B2AE3D27D4EB4FL + number);
        List<Frame> out = new ArrayList<>(frames);
        for (int i = 0; i < frames; i++) {
            int index = (int) (firstIndex + (long) number * frames + i);
            out.add(frame(index, new Random(seed * 0x165667B19E3779F9L + index), round));
        }
        Ending ending = Ending.values()[number % Ending.values().length];
        byte[] last = switch (ending) {
            case OVERSIZE_TEXT -> utf8("{\"segments\":[],\"pad\":\"" + "p".repeat(LIMIT + r.nextInt(LIMIT / 4)) + "\"}");
            case OVERSIZE_BINARY -> Bodies.randomBytes(r, LIMIT + 1 + r.nextInt(LIMIT / 4));
            case NORMAL -> new byte[0];
        };
        return new Socket(number, round, out, ending, last);
    }

    private static Frame frame(int index, Random r, HttpCases.Round round) {
        long seq = index * HttpCases.SEQ_STRIDE + 1;
        int roll = r.nextInt(100);
        if (roll < 14) {
            List<String> segments = Bodies.goodSegments(r, seq, 1 + r.nextInt(4));
            List<String> ids = new ArrayList<>();
            for (int k = 0; k < segments.size(); k++) {
                ids.add(TranscriptSegment.eventIdOf(round.sessionId(), seq + k));
            }
            String ref = r.nextInt(10) == 0 ? "r\u2603" + "x".repeat(r.nextInt(5_000)) : "r" + index;
            return new Frame(index, "valid batch", Kind.TEXT, utf8(Bodies.batchWithRef(ref, segments)),
                    Expect.ACCEPT, ids);
        }
        if (roll < 32) {
            return text(index, "broken or misshapen JSON", Bodies.badBody(r, seq));
        }
        if (roll < 50) {
            return text(index, "wrong type or out-of-range field",
                    utf8(Bodies.batch(List.of(Bodies.badSegment(r, seq)))));
        }
        if (roll < 68) {
            return text(index, "batch with one invalid segment among valid ones",
                    utf8(Bodies.batchWithRef("m" + index, Bodies.mixedSegments(r, seq))));
        }
        if (roll < 73) {
            return text(index, "unpaired UTF-16 surrogate", Bodies.loneSurrogateBody(r, seq));
        }
        if (roll < 78) {
            return text(index, "invalid UTF-8 bytes", r.nextInt(8) == 0 ? Bodies.withBytesInText(seq,
                    Bodies.OVERLONG_NUL) : Bodies.invalidUtf8Body(r, seq));
        }
        if (roll < 83) {
            String ref = List.of("{\"a\":1}", "[\"r\"]", "true").get(r.nextInt(3));
            return text(index, "bad ref", utf8("{\"ref\":" + ref + ",\"segments\":["
                    + Bodies.goodSegment(r, seq) + "]}"));
        }
        if (roll < 86) {
            return text(index, "empty message", new byte[0]);
        }
        byte[] binary = r.nextBoolean() ? Bodies.randomBytes(r, 1 + r.nextInt(2_000))
                : utf8(Bodies.batch(Bodies.goodSegments(r, seq, 1)));
        return new Frame(index, "binary frame", Kind.BINARY, binary, Expect.REJECT, List.of());
    }

    private static Frame text(int index, String category, byte[] payload) {
        return new Frame(index, category, Kind.TEXT, payload, Expect.REJECT, List.of());
    }
}
