package com.offerpulse.loadgen.report;

import java.util.List;
import java.util.Locale;

import com.offerpulse.loadgen.live.LiveResult;
import com.offerpulse.loadgen.measure.LatencySummary;
import com.offerpulse.loadgen.measure.TimelinePoint;
import com.offerpulse.loadgen.peak.PeakIngest;

/** A self-contained HTML page (inline SVG, no scripts, no external assets) with the run's charts and figures. */
public final class LatencyChart {
    static final int WIDTH = 900;
    static final int HEIGHT = 300;
    static final int PAD_LEFT = 60;
    static final int PAD_RIGHT = 20;
    static final int PAD_TOP = 30;
    static final int PAD_BOTTOM = 40;

    private LatencyChart() {
    }

    /** One line on a chart; with {@code gapsAtZero} a 0 means "no sample that second" and breaks the line. */
    public record Series(String name, String color, double[] x, double[] y, boolean gapsAtZero) {
        public Series(String name, String color, double[] x, double[] y) {
            this(name, color, x, y, false);
        }
    }

    /** A dashed horizontal line (a goal). */
    public record Reference(String name, double y) {
    }

    public static String html(LoadResult r) {
        StringBuilder sb = new StringBuilder();
        sb.append("<!doctype html><html><head><meta charset=\"utf-8\"><title>OfferPulse load run</title><style>")
                .append("body{font-family:system-ui,sans-serif;margin:24px;color:#222}table{border-collapse:collapse}")
                .append("td,th{border:1px solid #ccc;padding:4px 8px;text-align:right}th{background:#f4f4f4}")
                .append("td:first-child{text-align:left}</style></head><body>");
        sb.append("<h1>OfferPulse load run</h1><p>").append(escape(r.label())).append(" — started ")
                .append(r.startedAt()).append(", ").append(r.machine().cores()).append(" cores, load average ")
                .append(String.format(Locale.ROOT, "%.2f before / %.2f after", r.machine().loadAverageBefore(),
                        r.machine().loadAverageAfter())).append("</p>");
        sb.append("<h2>Figures</h2><table><tr><th>what</th><th>count</th><th>p50 ms</th><th>p95 ms</th>")
                .append("<th>p99 ms</th><th>max ms</th></tr>");
        if (r.kafkaFloor() != null) {
            row(sb, "floor: Kafka produce → consume", r.kafkaFloor().produceToConsume());
            row(sb, "floor: Kafka 1-record transaction commit", r.kafkaFloor().transactionCommit());
            row(sb, "floor: Kafka transaction → read_committed consume",
                    r.kafkaFloor().transactionalProduceToConsume());
        }
        if (r.redisFloor() != null) {
            row(sb, "floor: Redis publish → receive", r.redisFloor().publishToReceive());
        }
        if (r.live() != null) {
            row(sb, "live: accepted → meters (steady)", r.live().e2eSteady());
            row(sb, "live: sent → meters (steady)", r.live().e2eFromSendSteady());
            row(sb, "live: sent → ack (steady)", r.live().ackSteady());
            row(sb, "live: accepted → viewer meters (steady)", r.live().viewerE2eSteady());
            row(sb, "live: room fanout spread (steady)", r.live().fanoutSpreadSteady());
        }
        if (r.peak() != null) {
            row(sb, "peak: batch request latency", r.peak().requestLatency());
        }
        sb.append("</table>");
        if (!r.targets().isEmpty()) {
            sb.append("<h2>Goals</h2><table><tr><th>goal</th><th>measured</th><th>met</th></tr>");
            for (LoadResult.TargetCheck t : r.targets()) {
                sb.append("<tr><td>").append(escape(t.name() + ": " + t.goal())).append("</td><td>")
                        .append(fmt(t.measured())).append(' ').append(escape(t.unit())).append("</td><td>")
                        .append(t.met() ? "yes" : "<b>no</b>").append("</td></tr>");
            }
            sb.append("</table>");
        }
        if (r.live() != null && !r.live().timeline().isEmpty()) {
            LiveResult live = r.live();
            List<TimelinePoint> t = live.timeline();
            double[] x = t.stream().mapToDouble(TimelinePoint::second).toArray();
            sb.append("<h2>Live: latency per second</h2><p>Steady window from second ").append(live.steadyFromSecond())
                    .append(" to ").append(live.seconds()).append(".</p>");
            sb.append(svg("ms", List.of(
                    new Series("accepted → meters p50", "#1f77b4", x, t.stream().mapToDouble(TimelinePoint::e2eP50Ms)
                            .toArray(), true),
                    new Series("accepted → meters p99", "#d62728", x, t.stream().mapToDouble(TimelinePoint::e2eP99Ms)
                            .toArray(), true),
                    new Series("sent → ack p99", "#2ca02c", x, t.stream().mapToDouble(TimelinePoint::ackP99Ms)
                            .toArray(), true)),
                    List.of(new Reference("p50 goal", Targets.E2E_P50_MS), new Reference("p99 goal",
                            Targets.E2E_P99_MS))));
            sb.append("<h2>Live: throughput per second</h2>");
            sb.append(svg("per second", List.of(
                    new Series("segments sent", "#7f7f7f", x, t.stream().mapToDouble(TimelinePoint::sentPerSecond)
                            .toArray()),
                    new Series("segments accepted", "#1f77b4", x, t.stream()
                            .mapToDouble(TimelinePoint::acceptedPerSecond).toArray()),
                    new Series("meters received", "#ff7f0e", x, t.stream().mapToDouble(TimelinePoint::metersPerSecond)
                            .toArray())), List.of()));
        }
        if (r.peak() != null && !r.peak().timeline().isEmpty()) {
            List<PeakIngest.PeakPoint> t = r.peak().timeline();
            double[] x = t.stream().mapToDouble(PeakIngest.PeakPoint::second).toArray();
            sb.append("<h2>Peak ingest per second</h2>");
            sb.append(svg("segments/s", List.of(
                    new Series("accepted (HTTP 202)", "#1f77b4", x, t.stream()
                            .mapToDouble(PeakIngest.PeakPoint::acceptedPerSecond).toArray()),
                    new Series("processed by the stream processor", "#ff7f0e", x, t.stream()
                            .mapToDouble(PeakIngest.PeakPoint::streamProcessedPerSecond).toArray())),
                    List.of(new Reference("goal", Targets.PEAK_SEGMENTS_PER_SECOND))));
        }
        sb.append("<p>Command: <code>").append(escape(r.command())).append("</code></p></body></html>\n");
        return sb.toString();
    }

    private static void row(StringBuilder sb, String name, LatencySummary s) {
        sb.append("<tr><td>").append(escape(name)).append("</td><td>").append(s.count()).append("</td><td>")
                .append(fmt(s.p50())).append("</td><td>").append(fmt(s.p95())).append("</td><td>")
                .append(fmt(s.p99())).append("</td><td>").append(fmt(s.max())).append("</td></tr>");
    }

    /** One line chart; the y axis starts at 0 and ends at the largest value or reference line, rounded up. */
    public static String svg(String yUnit, List<Series> series, List<Reference> refs) {
        double maxX = 1;
        double maxY = 0;
        for (Series s : series) {
            for (double v : s.x()) {
                maxX = Math.max(maxX, v);
            }
            for (double v : s.y()) {
                maxY = Math.max(maxY, v);
            }
        }
        for (Reference ref : refs) {
            maxY = Math.max(maxY, ref.y());
        }
        maxY = niceCeiling(maxY);
        int plotW = WIDTH - PAD_LEFT - PAD_RIGHT;
        int plotH = HEIGHT - PAD_TOP - PAD_BOTTOM;
        StringBuilder sb = new StringBuilder();
        sb.append("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"").append(WIDTH).append("\" height=\"")
                .append(HEIGHT).append("\" viewBox=\"0 0 ").append(WIDTH).append(' ').append(HEIGHT)
                .append("\" font-size=\"11\">");
        sb.append("<rect x=\"").append(PAD_LEFT).append("\" y=\"").append(PAD_TOP).append("\" width=\"").append(plotW)
                .append("\" height=\"").append(plotH).append("\" fill=\"none\" stroke=\"#999\"/>");
        for (int i = 0; i <= 4; i++) {
            double v = maxY * i / 4;
            double y = PAD_TOP + plotH - plotH * i / 4.0;
            sb.append(String.format(Locale.ROOT, "<line x1=\"%d\" x2=\"%d\" y1=\"%.1f\" y2=\"%.1f\" stroke=\"#eee\"/>"
                    + "<text x=\"%d\" y=\"%.1f\" text-anchor=\"end\">%s</text>", PAD_LEFT, PAD_LEFT + plotW, y, y,
                    PAD_LEFT - 4, y + 4, fmt(v)));
        }
        sb.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\">%s</text>", 4, PAD_TOP - 10, escape(yUnit)));
        for (int i = 0; i <= 5; i++) {
            double v = maxX * i / 5;
            double x = PAD_LEFT + plotW * i / 5.0;
            sb.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%d\" text-anchor=\"middle\">%ss</text>", x,
                    HEIGHT - PAD_BOTTOM + 15, fmt(v)));
        }
        for (Reference ref : refs) {
            double y = PAD_TOP + plotH - plotH * ref.y() / maxY;
            sb.append(String.format(Locale.ROOT, "<line x1=\"%d\" x2=\"%d\" y1=\"%.1f\" y2=\"%.1f\" stroke=\"#555\" "
                    + "stroke-dasharray=\"4 4\"/><text x=\"%d\" y=\"%.1f\" text-anchor=\"end\" fill=\"#555\">%s</text>",
                    PAD_LEFT, PAD_LEFT + plotW, y, y, PAD_LEFT + plotW - 4, y - 3, escape(ref.name())));
        }
        int legendX = PAD_LEFT;
        for (Series s : series) {
            StringBuilder path = new StringBuilder();
            boolean penDown = false;
            for (int i = 0; i < s.x().length && i < s.y().length; i++) {
                if (s.gapsAtZero() && s.y()[i] == 0) {
                    penDown = false;
                    continue;
                }
                double x = PAD_LEFT + plotW * s.x()[i] / maxX;
                double y = PAD_TOP + plotH - plotH * Math.min(s.y()[i], maxY) / maxY;
                path.append(String.format(Locale.ROOT, "%s%.1f,%.1f ", penDown ? "L" : "M", x, y));
                penDown = true;
            }
            sb.append("<path fill=\"none\" stroke=\"").append(s.color()).append("\" stroke-width=\"1.5\" d=\"")
                    .append(path.toString().strip()).append("\"/>");
            sb.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%d\" width=\"10\" height=\"10\" fill=\"%s\"/>"
                    + "<text x=\"%d\" y=\"%d\">%s</text>", legendX, HEIGHT - 14, s.color(), legendX + 14, HEIGHT - 5,
                    escape(s.name())));
            legendX += 20 + 7 * s.name().length();
        }
        return sb.append("</svg>").toString();
    }

    static double niceCeiling(double v) {
        if (v <= 0) {
            return 1;
        }
        double magnitude = Math.pow(10, Math.floor(Math.log10(v)));
        for (double step : new double[] {1, 2, 2.5, 5, 10}) {
            if (step * magnitude >= v) {
                return step * magnitude;
            }
        }
        return 10 * magnitude;
    }

    static String fmt(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return String.format(Locale.ROOT, "%,d", (long) v);
        }
        return String.format(Locale.ROOT, "%.1f", v);
    }

    static String escape(String s) {
        return s == null ? "" : s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
                .replace("\"", "&quot;");
    }
}
