package com.offerpulse.ingest.transcript;

/** Bean Validation paths in the names clients send: {@code segments[2].startMs} → {@code segments[2].start_ms}. */
final class WirePaths {
    private WirePaths() {
    }

    static String of(String javaPath) {
        String path = javaPath.replace("<list element>", "").replace("finalSegment", "final");
        StringBuilder sb = new StringBuilder();
        for (char c : path.toCharArray()) {
            if (Character.isUpperCase(c)) {
                sb.append('_').append(Character.toLowerCase(c));
            } else {
                sb.append(c);
            }
        }
        return sb.toString();
    }
}
