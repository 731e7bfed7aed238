package com.offerpulse.loadgen.live;

import java.util.List;
import java.util.Map;

import com.offerpulse.loadgen.measure.LatencySummary;
import com.offerpulse.loadgen.measure.TimelinePoint;

/**
 * What the live phase measured. Latencies named {@code steady} leave out the ramp and warm-up seconds.
 *
 * @param e2eSteady            segment accepted (ack received) → its meters update received on the owner's room
 *                             socket
 * @param e2eFromSendSteady    segment sent → its meters update received
 * @param ackSteady            segment sent → ingest ack received
 * @param viewerE2eSteady      segment accepted → meters received by an invited viewer
 * @param fanoutSpreadSteady   one room message: first socket of the room to receive it → each other socket
 * @param acceptedPerSecondSteady mean segments accepted per second in the steady window
 * @param serverCpuSecondsSteady the server's CPU seconds in the steady window by component ({@code --server-pid})
 * @param serverCpuMsPerSegment  the same divided by the segments accepted in that window, in milliseconds
 */
public record LiveResult(int candidates, int viewers, int intervalMs, int seconds, int steadyFromSecond,
        long segmentsSent, long segmentsAccepted, long metersReceived, long viewerMetersReceived,
        long metersBeforeAck, long roundsStarted, long roundsEnded, long sessionEndsReceived,
        LatencySummary e2eSteady, LatencySummary e2eAll, LatencySummary e2eFromSendSteady,
        LatencySummary ackSteady, LatencySummary ackAll, LatencySummary viewerE2eSteady,
        LatencySummary fanoutSpreadSteady, double acceptedPerSecondSteady, Map<String, Double> serverCpuSecondsSteady,
        Map<String, Double> serverCpuMsPerSegment, Map<String, Long> errors,
        List<TimelinePoint> timeline) {
}
