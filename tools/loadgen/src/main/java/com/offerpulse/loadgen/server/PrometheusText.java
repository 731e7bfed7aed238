package com.offerpulse.loadgen.server;

/** Reads values out of a Prometheus text exposition without a client library. */
public final class PrometheusText {
    private PrometheusText() {
    }

    /**
     * Sum of every sample of {@code metric} (exact name, any labels) whose label set contains {@code labelPart}
     * (empty = all); NaN when there is none.
     */
    public static double sum(String text, String metric, String labelPart) {
        double total = 0;
        boolean found = false;
        for (String line : text.split("\n")) {
            if (line.isEmpty() || line.charAt(0) == '#' || !line.startsWith(metric)) {
                continue;
            }
            int nameEnd = metric.length();
            if (line.length() <= nameEnd) {
                continue;
            }
            char next = line.charAt(nameEnd);
            String labels = "";
            int valueStart;
            if (next == '{') {
                int close = line.indexOf('}', nameEnd);
                if (close < 0) {
                    continue;
                }
                labels = line.substring(nameEnd + 1, close);
                valueStart = close + 1;
            } else if (next == ' ') {
                valueStart = nameEnd;
            } else {
                continue; // a longer metric name with the same prefix
            }
            if (!labelPart.isEmpty() && !labels.contains(labelPart)) {
                continue;
            }
            String rest = line.substring(valueStart).strip();
            int space = rest.indexOf(' ');
            String value = space < 0 ? rest : rest.substring(0, space);
            try {
                total += Double.parseDouble(value);
                found = true;
            } catch (NumberFormatException ignored) {
                // not a sample line
            }
        }
        return found ? total : Double.NaN;
    }
}
