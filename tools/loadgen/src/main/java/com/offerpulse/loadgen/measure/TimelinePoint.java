package com.offerpulse.loadgen.measure;

/**
 * One second of a run, as printed on the progress line and drawn on the chart.
 *
 * @param second           seconds since the phase started
 * @param activeCandidates candidates streaming a round right now
 * @param sentPerSecond    segments sent in this second
 * @param acceptedPerSecond segments acknowledged by the ingest API in this second
 * @param metersPerSecond  meters updates received on the candidates' own room sockets
 * @param e2eP50Ms         segment accepted → its meters received, median of this second (0 = no sample)
 * @param e2eP99Ms         same, 99th percentile
 * @param ackP99Ms         segment sent → acknowledged, 99th percentile
 * @param errors           errors counted in this second
 * @param clientHeapMb     this JVM's used heap
 * @param serverHeapMb     the server's used heap at the last scrape (0 = not scraped)
 * @param streamLag        segments not yet committed by the stream processor at the last look (-1 = unknown)
 */
public record TimelinePoint(int second, int activeCandidates, long sentPerSecond, long acceptedPerSecond,
        long metersPerSecond, double e2eP50Ms, double e2eP99Ms, double ackP99Ms, long errors, long clientHeapMb,
        long serverHeapMb, long streamLag) {

    public String progressLine(String phase) {
        return String.format("[%s %3ds] candidates %5d | sent %6d/s accepted %6d/s | meters %5d/s | e2e p50 %6.1f "
                + "p99 %7.1f ms | ack p99 %7.1f ms | errors %d | heap client %d MiB server %s | stream lag %s", phase,
                second, activeCandidates, sentPerSecond, acceptedPerSecond, metersPerSecond, e2eP50Ms, e2eP99Ms,
                ackP99Ms, errors, clientHeapMb, serverHeapMb > 0 ? serverHeapMb + " MiB" : "?",
                streamLag >= 0 ? Long.toString(streamLag) : "?");
    }
}
