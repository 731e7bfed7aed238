package com.offerpulse.ingest.fuzz;

import static com.offerpulse.ingest.fuzz.Bodies.utf8;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import com.offerpulse.contracts.transcript.TranscriptSegment;
import com.offerpulse.ingest.fuzz.FuzzCase.Expect;

/**
 * Generates the HTTP side of the fuzz run. Case {@code i} depends only on the seed and {@code i} (its own
 * {@link Random}), so the run is reproducible whatever order the requests complete in. Segment seqs are derived
 * from the index, so every accepted segment has an event id no other case uses.
 */
final class HttpCases {
    /** Segments of case i use seqs i × SEQ_STRIDE + 1 …; no batch here holds more than this many. */
    static final long SEQ_STRIDE = 1_000;
    private static final int LIMIT = 1024 * 1024;

    /** A round the fuzzer writes to, and its owner's token. */
    record Round(String sessionId, String userId, String token) {
    }

    /**
     * @param open             open rounds, each with its owner's token
     * @param othersRound      open, owned by a user other than the first open round's (who gets 403 writing to it)
     * @param endedRound       already ended: 409
     * @param eventUserTokens  signed-in users for valid product events (spread so none meets the rate limit)
     */
    record Targets(List<Round> open, Round othersRound, Round endedRound, String expiredToken, String foreignToken,
            List<String> eventUserTokens) {
        String stranger() {
            return open.get(0).token();
        }
    }

    private final long seed;
    private final Targets targets;

    HttpCases(long seed, Targets targets) {
        this.seed = seed;
        this.targets = targets;
    }

    FuzzCase get(int index) {
        Random r = new Random(seed * 0x9E3779B97F4A7C15L + index);
        int roll = r.nextInt(1_000);
        if (roll < 600) {
            return transcript(index, r);
        }
        if (roll < 680) {
            return auth(index, r);
        }
        if (roll < 850) {
            return productEvent(index, r);
        }
        return sessionStart(index, r);
    }

    // ---- POST /api/sessions/{id}/transcript ------------------------------------------------------------------

    private FuzzCase transcript(int index, Random r) {
        Round round = targets.open().get(r.nextInt(targets.open().size()));
        String path = "/api/sessions/" + round.sessionId() + "/transcript";
        long seq = index * SEQ_STRIDE + 1;
        Map<String, String> json = headers("application/json", round.token());
        int roll = r.nextInt(100);
        if (roll < 14) {
            List<String> segments = Bodies.goodSegments(r, seq, 1 + r.nextInt(r.nextInt(10) == 0 ? 20 : 4));
            return accepted(index, "valid batch", path, json, utf8(Bodies.batch(segments)), round, seq,
                    segments.size());
        }
        if (roll < 30) {
            return FuzzCase.reject(index, "broken or misshapen JSON", "POST", path, json, Bodies.badBody(r, seq));
        }
        if (roll < 44) {
            return FuzzCase.reject(index, "wrong type or out-of-range field", "POST", path, json,
                    utf8(Bodies.batch(List.of(Bodies.badSegment(r, seq)))));
        }
        if (roll < 58) {
            return FuzzCase.reject(index, "batch with one invalid segment among valid ones", "POST", path, json,
                    utf8(Bodies.batch(Bodies.mixedSegments(r, seq))));
        }
        if (roll < 64) {
            return FuzzCase.reject(index, "invalid UTF-8 bytes", "POST", path, json, Bodies.invalidUtf8Body(r, seq));
        }
        if (roll < 68) {
            return FuzzCase.reject(index, "unpaired UTF-16 surrogate", "POST", path, json,
                    Bodies.loneSurrogateBody(r, seq));
        }
        if (roll < 71) {
            return encodings(index, r, path, round, seq);
        }
        if (roll < 80) {
            return contentType(index, r, path, round, seq);
        }
        if (roll < 81) {
            return oversize(index, r, path, round, seq);
        }
        if (roll < 93) {
            return badRound(index, r, seq);
        }
        String method = List.of("PUT", "PATCH", "GET").get(r.nextInt(3));
        return FuzzCase.reject(index, "wrong method", method, path, json,
                method.equals("GET") ? new byte[0] : utf8(Bodies.batch(Bodies.goodSegments(r, seq, 1))));
    }

    private static FuzzCase accepted(int index, String category, String path, Map<String, String> headers,
            byte[] body, Round round, long firstSeq, int n) {
        List<String> ids = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            ids.add(TranscriptSegment.eventIdOf(round.sessionId(), firstSeq + i));
        }
        return new FuzzCase(index, category, "POST", path, headers, body, false, Expect.ACCEPT, ids, null, false);
    }

    /**
     * Encodings a JSON reader may detect or tolerate: a BOM, UTF-16/32 (also when the declared charset disagrees with
     * the bytes, which the parser detects itself), the overlong NUL. Accepted or refused, never a 5xx, never
     * half-written.
     */
    private FuzzCase encodings(int index, Random r, String path, Round round, long seq) {
        String json = Bodies.batch(Bodies.goodSegments(r, seq, 1));
        String type = "application/json";
        byte[] body;
        switch (r.nextInt(6)) {
            case 0 -> body = concat(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, utf8(json));
            case 1 -> body = json.getBytes(StandardCharsets.UTF_16BE);
            case 2 -> body = json.getBytes(StandardCharsets.UTF_16LE);
            case 3 -> body = json.getBytes(java.nio.charset.Charset.forName("UTF-32BE"));
            case 4 -> {
                body = utf8(json);
                type = "application/json; charset=UTF-16";
            }
            default -> body = Bodies.withBytesInText(seq, Bodies.OVERLONG_NUL);
        }
        List<String> ids = List.of(TranscriptSegment.eventIdOf(round.sessionId(), seq));
        return new FuzzCase(index, "BOM, UTF-16/32, overlong NUL", "POST", path, headers(type, round.token()), body,
                false, Expect.EITHER, ids, null, false);
    }

    private FuzzCase contentType(int index, Random r, String path, Round round, long seq) {
        byte[] body = utf8(Bodies.batch(Bodies.goodSegments(r, seq, 1)));
        String type = List.of("text/plain", "application/xml", "text/html; charset=utf-8",
                "application/x-www-form-urlencoded", "multipart/form-data; boundary=x", "application/octet-stream",
                "", "garbage", "application/json; charset=bogus-9", "image/png", "application/json-seq")
                .get(r.nextInt(11));
        Map<String, String> h = headers(type.isEmpty() ? null : type, round.token());
        return FuzzCase.reject(index, "wrong content type", "POST", path, h, body);
    }

    private FuzzCase oversize(int index, Random r, String path, Round round, long seq) {
        String head = "{\"segments\":[" + Bodies.goodSegment(r, seq) + "],\"pad\":\"";
        int size = LIMIT + 1 + r.nextInt(LIMIT / 2);
        byte[] body = utf8(head + "a".repeat(size - head.length() - 2) + "\"}");
        Map<String, String> h = headers("application/json", round.token());
        boolean chunked = r.nextBoolean();
        return new FuzzCase(index, chunked ? "oversize body (chunked)" : "oversize body (declared)", "POST", path, h,
                body, chunked, Expect.REJECT, List.of(), null, false);
    }

    /** Unknown, malformed, someone else's or ended rounds; a valid body each time, so only the round is wrong. */
    private FuzzCase badRound(int index, Random r, long seq) {
        Round own = targets.open().get(0);
        byte[] body = utf8(Bodies.batch(Bodies.goodSegments(r, seq, 1 + r.nextInt(3))));
        return switch (r.nextInt(4)) {
            case 0 -> FuzzCase.reject(index, "someone else's round", "POST",
                    "/api/sessions/" + targets.othersRound().sessionId() + "/transcript",
                    headers("application/json", targets.stranger()), body);
            case 1 -> FuzzCase.reject(index, "ended round", "POST",
                    "/api/sessions/" + targets.endedRound().sessionId() + "/transcript",
                    headers("application/json", targets.endedRound().token()), body);
            case 2 -> {
                byte[] id = new byte[16];
                r.nextBytes(id);
                yield FuzzCase.reject(index, "unknown round", "POST",
                        "/api/sessions/s_" + HexFormat.of().formatHex(id) + "/transcript",
                        headers("application/json", own.token()), body);
            }
            default -> {
                String id = List.of("%2e%2e", "x".repeat(65 + r.nextInt(300)), "%E2%98%83", "s_%00", "a%20b",
                        "%F0%9F%9A%80", "s_%FF%FE", "..%2f..%2factuator", "%25", "a;b=c").get(r.nextInt(10));
                yield FuzzCase.reject(index, "malformed round id", "POST", "/api/sessions/" + id + "/transcript",
                        headers("application/json", own.token()), body);
            }
        };
    }

    // ---- tokens ------------------------------------------------------------------------------------------------

    private FuzzCase auth(int index, Random r) {
        Round round = targets.open().get(r.nextInt(targets.open().size()));
        String token = round.token();
        String authorization = switch (r.nextInt(8)) {
            case 0 -> null;
            case 1 -> "Bearer " + targets.expiredToken();
            case 2 -> "Bearer " + targets.foreignToken();
            case 3 -> {
                // A flipped signature character (not the last one, whose low bits may be padding).
                int at = token.length() - 5;
                yield "Bearer " + token.substring(0, at) + (token.charAt(at) == 'A' ? 'B' : 'A') + token.substring(at + 1);
            }
            case 4 -> "Basic dXNlcjpwYXNz";
            case 5 -> "Bearer";
            case 6 -> "Bearer " + new String(Bodies.randomAscii(r, 1 + r.nextInt(60)), StandardCharsets.US_ASCII)
                    .replace(' ', '.');
            default -> "Bearer " + token.replace('.', '!');
        };
        Map<String, String> h = new LinkedHashMap<>();
        h.put("Content-Type", "application/json");
        if (authorization != null) {
            h.put("Authorization", authorization);
        }
        String path = r.nextBoolean() ? "/api/sessions/" + round.sessionId() + "/transcript" : "/api/sessions";
        byte[] body = path.endsWith("transcript")
                ? utf8(Bodies.batch(Bodies.goodSegments(r, index * SEQ_STRIDE + 1, 1)))
                : utf8("{\"question\":\"Tell me about a conflict.\"}");
        return FuzzCase.reject(index, "missing or bad token", "POST", path, h, body);
    }

    // ---- POST /api/events --------------------------------------------------------------------------------------

    private FuzzCase productEvent(int index, Random r) {
        String anonymousId = "fz" + index;
        String userToken = targets.eventUserTokens().get(index % targets.eventUserTokens().size());
        String name = List.of("landing_view", "cta_click", "first_meter_seen", "testimonial_prompt_shown")
                .get(r.nextInt(4));
        int roll = r.nextInt(100);
        if (roll < 25) {
            String props = r.nextBoolean() ? ""
                    : ",\"properties\":{\"variant\":" + Bodies.quote(
                            Bodies.GOOD_TEXTS.get(r.nextInt(6)), r.nextBoolean()) + ",\"k\":\"v\"}";
            String session = r.nextBoolean() ? "" : ",\"session_id\":\"s_" + index + "\"";
            byte[] body = utf8("{\"name\":\"" + name + "\",\"anonymous_id\":\"" + anonymousId + "\"" + session
                    + props + "}");
            return new FuzzCase(index, "valid product event", "POST", "/api/events",
                    headers("application/json", userToken), body, false, Expect.ACCEPT, List.of(), anonymousId, false);
        }
        boolean signedIn = r.nextBoolean();
        Map<String, String> h = headers("application/json", signedIn ? userToken : null);
        String anon = ",\"anonymous_id\":\"" + anonymousId + "\"";
        String body = switch (r.nextInt(14)) {
            case 0 -> "{\"name\":\"no_such_event\"" + anon + "}";
            case 1 -> "{\"name\":\"session_started\"" + anon + "}";
            case 2 -> "{\"name\":\"session_completed\"" + anon + "}";
            case 3 -> "{" + anon.substring(1) + "}";
            case 4 -> "{\"name\":\"" + name + "\",\"anonymous_id\":\"" + "a".repeat(65 + r.nextInt(100)) + "\"}";
            case 5 -> "{\"name\":\"" + name + "\",\"anonymous_id\":\"bad id!\"}";
            case 6 -> "{\"name\":\"" + name + "\"" + anon + ",\"properties\":" + manyProperties(21 + r.nextInt(30))
                    + "}";
            case 7 -> "{\"name\":\"" + name + "\"" + anon + ",\"properties\":{\"k\":\"" + "v".repeat(201) + "\"}}";
            case 8 -> "{\"name\":\"" + name + "\"" + anon + ",\"properties\":[\"k\"]}";
            case 9 -> "{\"name\":\"" + name + "\"" + anon + ",\"session_id\":\"" + "s".repeat(65) + "\"}";
            case 10 -> "{\"name\":\"" + name + "\"" + anon + ",\"properties\":{\"k\":\""
                    + Bodies.LONE_SURROGATES.get(r.nextInt(Bodies.LONE_SURROGATES.size())) + "\"}}";
            case 11 -> "{\"name\":\"" + name + "\"" + anon + ",\"properties\":{\"" + "k".repeat(65) + "\":\"v\"}}";
            case 12 -> "{\"name\":" + List.of("null", "1", "[]", "{}").get(r.nextInt(4)) + anon + "}";
            default -> new String(Bodies.badBody(r, 1), StandardCharsets.ISO_8859_1);
        };
        // An anonymous flood also meets the rate limit (429); both are refusals.
        return FuzzCase.reject(index, "invalid product event", "POST", "/api/events", h,
                body.chars().allMatch(c -> c < 0x80) ? utf8(body) : body.getBytes(StandardCharsets.ISO_8859_1));
    }

    private static String manyProperties(int n) {
        StringBuilder sb = new StringBuilder("{");
        for (int i = 0; i < n; i++) {
            sb.append(i == 0 ? "" : ",").append("\"k").append(i).append("\":\"v\"");
        }
        return sb.append('}').toString();
    }

    // ---- POST /api/sessions ------------------------------------------------------------------------------------

    private FuzzCase sessionStart(int index, Random r) {
        Round round = targets.open().get(r.nextInt(targets.open().size()));
        Map<String, String> h = headers("application/json", round.token());
        int roll = r.nextInt(100);
        if (roll < 8) {
            String role = r.nextBoolean() ? "" : ",\"target_role\":" + Bodies.quote(
                    List.of("pm", "Staff engineer \uD83D\uDE80", "\u8BBE\u8BA1\u5E08", "  ").get(r.nextInt(4)),
                    r.nextBoolean());
            byte[] body = utf8("{\"question\":" + Bodies.quote(
                    Bodies.GOOD_TEXTS.get(r.nextInt(7)) + " Tell me about it.", r.nextBoolean()) + role + "}");
            return new FuzzCase(index, "valid round start", "POST", "/api/sessions", h, body, false, Expect.ACCEPT,
                    List.of(), null, true);
        }
        String body = switch (r.nextInt(9)) {
            case 0 -> "{}";
            case 1 -> "{\"question\":\"   \"}";
            case 2 -> "{\"question\":\"" + "q".repeat(501 + r.nextInt(500)) + "\"}";
            case 3 -> "{\"question\":\"Why?\",\"target_role\":\"" + "r".repeat(81 + r.nextInt(100)) + "\"}";
            case 4 -> "{\"question\":" + List.of("null", "5", "[]", "{}", "true").get(r.nextInt(5)) + "}";
            case 5 -> "{\"question\":\"Why?\",\"target_role\":" + List.of("5", "[]", "{}").get(r.nextInt(3)) + "}";
            case 6 -> "{\"question\":\"" + Bodies.LONE_SURROGATES.get(r.nextInt(Bodies.LONE_SURROGATES.size()))
                    + "\"}";
            case 7 -> "{\"question\":\"Why?\",\"target_role\":\"pm \\uDC00\"}";
            default -> new String(Bodies.badBody(r, 1), StandardCharsets.ISO_8859_1);
        };
        return FuzzCase.reject(index, "invalid round start", "POST", "/api/sessions", h,
                body.getBytes(StandardCharsets.ISO_8859_1));
    }

    // ---- helpers -----------------------------------------------------------------------------------------------

    static Map<String, String> headers(String contentType, String token) {
        Map<String, String> h = new LinkedHashMap<>();
        if (contentType != null) {
            h.put("Content-Type", contentType);
        }
        if (token != null) {
            h.put("Authorization", "Bearer " + token);
        }
        return h;
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = new byte[a.length + b.length];
        System.arraycopy(a, 0, out, 0, a.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
