package com.offerpulse.loadgen.server;

/**
 * What the server said about itself at one moment.
 *
 * @param heapUsedMb        JVM heap in use (Prometheus {@code jvm_memory_used_bytes{area="heap"}})
 * @param residentMb        the server process's resident memory (0 when its pid was not given)
 * @param processCpu        the server JVM's CPU use, 0–1 of the whole machine
 * @param systemLoad1m      the machine's 1-minute load average
 * @param segmentsAccepted  {@code offerpulse_ingest_segments_accepted_total}
 * @param streamLag         transcript segments not yet committed by the stream processor (-1 unknown)
 * @param streamCommitted   transcript segment offsets committed by the stream processor, all partitions
 */
public record ServerSample(double heapUsedMb, double residentMb, double processCpu, double systemLoad1m,
        double segmentsAccepted, long streamLag, long streamCommitted) {

    public static final ServerSample NONE = new ServerSample(0, 0, 0, 0, 0, -1, -1);
}
