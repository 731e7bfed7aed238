package com.offerpulse.realtime.metrics;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import com.offerpulse.realtime.room.LocalRooms;

/** {@code GET /api/system/metrics}: this instance's realtime numbers (docs/SYSTEM_METRICS_CONTRACT.md). */
@RestController
class SystemMetricsController {
    private final LocalRooms rooms;
    private final RealtimeMetrics metrics;
    private final Clock clock;

    SystemMetricsController(LocalRooms rooms, RealtimeMetrics metrics, Clock clock) {
        this.rooms = rooms;
        this.metrics = metrics;
        this.clock = clock;
    }

    record SystemMetrics(int roomCount, int connectionCount, Map<String, Long> disconnects,
            RealtimeMetrics.Latency redisPublishMs, RealtimeMetrics.Latency fanoutDelayMs, String fanoutMode,
            Instant generatedAt, RealtimeMetrics.FeedLag feedLag) {
    }

    @GetMapping("/api/system/metrics")
    SystemMetrics metrics() {
        return new SystemMetrics(rooms.roomCount(), rooms.connectionCount(), metrics.disconnectCounts(),
                metrics.redisPublishMs(), metrics.fanoutDelayMs(), rooms.fanoutMode(), clock.instant(),
                metrics.feedLag());
    }
}
