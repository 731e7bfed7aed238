package com.offerpulse.ingest.fuzz;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Transcript batch bodies, good and bad, shared by the HTTP and the WebSocket fuzzers. Every method draws from the
 * {@link Random} it is given, so a case is a pure function of the seed and its index.
 */
final class Bodies {
    /** Segment texts a correct API must accept (each at most 2,000 UTF-16 units). */
    static final List<String> GOOD_TEXTS = List.of(
            "In my last role I owned the billing service.",
            "We cut p99 latency by 40% in two weeks, from 900 ms to 540 ms.",
            "Shipped it \uD83D\uDE80\uD83D\uDD25 and the team \uD83D\uDC69\uD83C\uDFFD\u200D\uD83D\uDCBB loved it.",
            "\u6211\u8D1F\u8D23\u4E86\u652F\u4ED8\u7CFB\u7EDF\u7684\u8FC1\u79FB\u3002",
            "\u0642\u0645\u062A \u0628\u0642\u064A\u0627\u062F\u0629 \u0641\u0631\u064A\u0642 \u200F(5)\u200E team.",
            "Cafe\u0301 re\u0301sume\u0301 Z\u0337\u0322\u0356\u0324\u0330\u0349a\u0334\u0327lgo.",
            "zero\u200Bwidth\u200Djoiner\uFEFFbom and soft\u00ADhyphen.",
            "control \u0000\u0001\u001F\t\n\r characters.",
            "",
            "   \n\t  ",
            "quotes \" and \\ backslashes </script> ${jndi:ldap://x} '; DROP TABLE segments; --",
            "noncharacters \uFFFE\uFFFF \uDBFF\uDFFF and replacement \uFFFD.",
            "a".repeat(2_000),
            "\uD83D\uDE80".repeat(1_000),
            "\u00E9".repeat(2_000));

    /**
     * The overlong two-byte encoding of U+0000 (Modified UTF-8). Not UTF-8, yet Jackson's HTTP body parser reads it
     * as U+0000, a character a client may send anyway (as an escape); the strict WebSocket decoder refuses it.
     */
    static final byte[] OVERLONG_NUL = {(byte) 0xC0, (byte) 0x80};

    /** Byte sequences that are not UTF-8 and every reader must refuse, to splice into a string value. */
    static final List<byte[]> INVALID_UTF8 = List.of(
            new byte[] {(byte) 0xFF},
            new byte[] {(byte) 0xED, (byte) 0xA0, (byte) 0x80},
            new byte[] {(byte) 0xF8, (byte) 0x88, (byte) 0x80, (byte) 0x80, (byte) 0x80},
            new byte[] {(byte) 0x80},
            new byte[] {(byte) 0xE2, (byte) 0x82},
            new byte[] {(byte) 0xF4, (byte) 0x90, (byte) 0x80, (byte) 0x80},
            new byte[] {(byte) 0xFE, (byte) 0xFF, 0x00, 0x41});

    /** JSON escapes of unpaired UTF-16 surrogates: valid JSON syntax, but no Unicode text. */
    static final List<String> LONE_SURROGATES = List.of("\\uD800", "\\uDFFF", "\\uD83D x", "\\uDE00\\uD83D",
            "ok \\uDBFF");

    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private Bodies() {
    }

    /** A JSON string literal; non-ASCII characters raw (UTF-8) or as \\u escapes. */
    static String quote(String s, boolean escapeNonAscii) {
        StringBuilder sb = new StringBuilder(s.length() + 2).append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                default -> {
                    if (c < 0x20 || (escapeNonAscii && c > 0x7E)) {
                        sb.append("\\u").append(HEX[(c >> 12) & 0xF]).append(HEX[(c >> 8) & 0xF])
                                .append(HEX[(c >> 4) & 0xF]).append(HEX[c & 0xF]);
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        return sb.append('"').toString();
    }

    static String segment(long seq, String speaker, String textLiteral, long start, long end, String fin) {
        return "{\"seq\":" + seq + ",\"speaker\":" + speaker + ",\"text\":" + textLiteral + ",\"start_ms\":" + start
                + ",\"end_ms\":" + end + ",\"final\":" + fin + "}";
    }

    /** A segment a correct API accepts, with seq {@code seq}. */
    static String goodSegment(Random r, long seq) {
        String text = GOOD_TEXTS.get(r.nextInt(GOOD_TEXTS.size()));
        String speaker = r.nextInt(5) == 0 ? "\"interviewer\"" : "\"candidate\"";
        long start = r.nextInt(600_000);
        String s = segment(seq, speaker, quote(text, r.nextBoolean()), start, start + r.nextInt(8_000),
                r.nextInt(8) == 0 ? "false" : "true");
        if (r.nextInt(8) == 0) {
            // Unknown fields are tolerated (a newer client may send more).
            s = s.substring(0, s.length() - 1) + ",\"x_client\":{\"v\":[1,2.5,{\"n\":null}],\"s\":\"\u2603\"}}";
        }
        return s;
    }

    /** A segment with exactly one defect a correct API must refuse (400). */
    static String badSegment(Random r, long seq) {
        String ok = "\"candidate\"";
        String text = quote("Fine words.", false);
        return switch (r.nextInt(34)) {
            case 0 -> "{\"speaker\":" + ok + ",\"text\":" + text + ",\"start_ms\":0,\"end_ms\":1,\"final\":true}";
            case 1 -> segment(seq, ok, text, 0, 1, "true").replace("\"seq\":" + seq, "\"seq\":null");
            case 2 -> segment(seq, ok, text, 0, 1, "true").replace("\"seq\":" + seq, "\"seq\":\"" + seq + "\"");
            case 3 -> segment(seq, ok, text, 0, 1, "true").replace("\"seq\":" + seq, "\"seq\":" + seq + ".5");
            case 4 -> segment(-1 - r.nextInt(1_000), ok, text, 0, 1, "true");
            case 5 -> segment(seq, ok, text, 0, 1, "true").replace("\"seq\":" + seq, "\"seq\":true");
            case 6 -> segment(seq, ok, text, 0, 1, "true").replace("\"seq\":" + seq, "\"seq\":1e2");
            case 7 -> segment(seq, ok, text, 0, 1, "true").replace("\"seq\":" + seq, "\"seq\":99999999999999999999");
            case 8 -> segment(seq, ok, text, 0, 1, "true").replace("\"seq\":" + seq, "\"seq\":[" + seq + "]");
            case 9 -> segment(seq, "\"robot\"", text, 0, 1, "true");
            case 10 -> segment(seq, "null", text, 0, 1, "true");
            case 11 -> segment(seq, "1", text, 0, 1, "true");
            case 12 -> segment(seq, "\"\"", text, 0, 1, "true");
            case 13 -> "{\"seq\":" + seq + ",\"speaker\":" + ok + ",\"start_ms\":0,\"end_ms\":1,\"final\":true}";
            case 14 -> segment(seq, ok, "null", 0, 1, "true");
            case 15 -> segment(seq, ok, "[\"a\"]", 0, 1, "true");
            case 16 -> segment(seq, ok, "{\"t\":\"a\"}", 0, 1, "true");
            case 17 -> segment(seq, ok, quote("x".repeat(2_001 + r.nextInt(5_000)), false), 0, 1, "true");
            case 18 -> segment(seq, ok, quote("\uD83D\uDE80".repeat(1_001), r.nextBoolean()), 0, 1, "true");
            case 19 -> segment(seq, ok, text, -1 - r.nextInt(100), 1, "true");
            case 20 -> segment(seq, ok, text, 0, 1, "true").replace("\"start_ms\":0", "\"start_ms\":\"0\"");
            case 21 -> segment(seq, ok, text, 0, 1, "true").replace("\"start_ms\":0", "\"start_ms\":0.0");
            case 22 -> segment(seq, ok, text, 0, 1, "true").replace("\"start_ms\":0,", "");
            case 23 -> segment(seq, ok, text, 5_000, 5_000 - 1 - r.nextInt(5_000), "true");
            case 24 -> segment(seq, ok, text, 0, 1, "true").replace(",\"end_ms\":1", "");
            case 25 -> segment(seq, ok, text, 0, 1, "null");
            case 26 -> segment(seq, ok, text, 0, 1, "\"true\"");
            case 27 -> segment(seq, ok, text, 0, 1, "true").replace(",\"final\":true", "");
            case 28 -> segment(seq, ok, text, 0, 1, "\"yes\"");
            case 29 -> "null";
            case 30 -> "\"segment\"";
            case 31 -> "[" + segment(seq, ok, text, 0, 1, "true") + "]";
            case 32 -> segment(seq, ok, text, 0, 1, "true").replace("\"end_ms\":1", "\"end_ms\":-5");
            default -> segment(seq, ok, "\"" + LONE_SURROGATES.get(r.nextInt(LONE_SURROGATES.size())) + "\"", 0, 1,
                    "true");
        };
    }

    static String batch(List<String> segments) {
        return "{\"segments\":[" + String.join(",", segments) + "]}";
    }

    static String batchWithRef(String ref, List<String> segments) {
        return "{\"ref\":" + quote(ref, false) + ",\"segments\":[" + String.join(",", segments) + "]}";
    }

    /** n good segments with seqs {@code firstSeq, firstSeq+1, …}. */
    static List<String> goodSegments(Random r, long firstSeq, int n) {
        List<String> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            out.add(goodSegment(r, firstSeq + i));
        }
        return out;
    }

    /** Good segments with one bad one at a random position: the whole batch must be refused. */
    static List<String> mixedSegments(Random r, long firstSeq) {
        List<String> out = goodSegments(r, firstSeq, 1 + r.nextInt(6));
        out.add(r.nextInt(out.size() + 1), badSegment(r, firstSeq + out.size()));
        return out;
    }

    /** A whole body that is not a valid batch (syntax, shape or limits); never one a correct API accepts. */
    static byte[] badBody(Random r, long seq) {
        String good = batch(goodSegments(r, seq, 1 + r.nextInt(3)));
        return switch (r.nextInt(24)) {
            case 0 -> utf8(good.substring(0, 1 + r.nextInt(good.length() - 1)));
            case 1 -> utf8(good + "}");
            case 2 -> utf8(good + " {\"segments\":[]}");
            case 3 -> utf8(good.replace('"', '\''));
            case 4 -> utf8("/* c */" + good);
            case 5 -> utf8(good.replaceFirst("\"start_ms\":\\d+", "\"start_ms\":NaN"));
            case 6 -> utf8(good.replace("}]}", "},]}"));
            case 7 -> utf8(good.replace("\"segments\"", "segments"));
            case 8 -> randomAscii(r, 1 + r.nextInt(200));
            case 9 -> randomBytes(r, 1 + r.nextInt(300));
            case 10 -> new byte[0];
            case 11 -> utf8(List.of("[]", "\"x\"", "5", "null", "true", "{}", "[" + good + "]").get(r.nextInt(7)));
            case 12 -> utf8("{\"segments\":" + List.of("null", "{}", "\"x\"", "[]", "[null]", "5", "true")
                    .get(r.nextInt(7)) + "}");
            case 13 -> utf8(batch(java.util.stream.LongStream.range(seq, seq + 501 + r.nextInt(50))
                    .mapToObj(q -> segment(q, "\"candidate\"", "\"x\"", 0, 1, "true")).toList()));
            case 14 -> utf8(deepArray(1_000 + r.nextInt(50_000)));
            case 15 -> utf8(batch(List.of(segment(seq, "\"candidate\"", deepArray(600 + r.nextInt(5_000)), 0, 1,
                    "true"))));
            case 16 -> utf8(deepObject(1_000 + r.nextInt(20_000)));
            case 17 -> utf8(good.replaceFirst("\"seq\":\\d+", "\"seq\":1e999999"));
            case 18 -> utf8(good.replaceFirst("\"seq\":\\d+", "\"seq\":-"));
            case 19 -> utf8(good.replaceFirst("\"seq\":\\d+", "\"seq\":" + "9".repeat(2_000 + r.nextInt(20_000))));
            case 20 -> utf8("{\"segments\":[" + segment(seq, "\"candidate\"", "\"unterminated", 0, 1, "true") + "]}");
            case 21 -> utf8(good.replace("\"text\":", "\"text\":\"a\" \"b\", \"x\":"));
            case 22 -> utf8("\u0000" + good);
            default -> utf8(good.replace("{\"segments\"", "{\"segments\":[],\"segments\"").replace("]}", "]"));
        };
    }

    /** A batch whose first segment's text carries bytes that are not UTF-8. */
    static byte[] invalidUtf8Body(Random r, long seq) {
        return withBytesInText(seq, INVALID_UTF8.get(r.nextInt(INVALID_UTF8.size())));
    }

    /** A batch whose first segment's text carries {@code bytes} as they are. */
    static byte[] withBytesInText(long seq, byte[] bytes) {
        String marker = "@@INVALID@@";
        String json = batch(List.of(segment(seq, "\"candidate\"", quote("before " + marker + " after", false), 0, 1,
                "true")));
        int at = json.indexOf(marker);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(utf8(json.substring(0, at)));
        out.writeBytes(bytes);
        out.writeBytes(utf8(json.substring(at + marker.length())));
        return out.toByteArray();
    }

    /** A batch whose text is an unpaired surrogate: syntactically valid JSON that holds no Unicode text. */
    static byte[] loneSurrogateBody(Random r, long seq) {
        String lone = LONE_SURROGATES.get(r.nextInt(LONE_SURROGATES.size()));
        return utf8(batch(List.of(segment(seq, "\"candidate\"", "\"" + lone + "\"", 0, 1, "true"))));
    }

    static String deepArray(int depth) {
        return "[".repeat(depth) + "]".repeat(depth);
    }

    static String deepObject(int depth) {
        return "{\"a\":".repeat(depth) + "1" + "}".repeat(depth);
    }

    static byte[] randomAscii(Random r, int n) {
        byte[] b = new byte[n];
        for (int i = 0; i < n; i++) {
            b[i] = (byte) (0x20 + r.nextInt(0x5F));
        }
        return b;
    }

    static byte[] randomBytes(Random r, int n) {
        byte[] b = new byte[n];
        r.nextBytes(b);
        return b;
    }

    static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
