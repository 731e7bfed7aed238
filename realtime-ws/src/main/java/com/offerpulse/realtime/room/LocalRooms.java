package com.offerpulse.realtime.room;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

import com.offerpulse.realtime.RealtimeSettings;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import reactor.core.publisher.Mono;

/**
 * The rooms with clients on this instance: subscribes a room's channel on its first local client and unsubscribes
 * on its last, hands each received message to the room's members, and enforces the per-room and per-user caps.
 */
@Component
public class LocalRooms implements SmartLifecycle {
    private static final Logger log = LoggerFactory.getLogger(LocalRooms.class);
    private final RoomFanout fanout;
    private final RealtimeSettings settings;
    private final Map<String, Room> rooms = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> perUser = new ConcurrentHashMap<>();
    private final AtomicInteger connections = new AtomicInteger();
    private volatile boolean running;

    LocalRooms(RoomFanout fanout, RealtimeSettings settings, MeterRegistry meters) {
        this.fanout = fanout;
        this.settings = settings;
        fanout.deliverTo(this::dispatch);
        fanout.whenLost(this::fanoutLost);
        Gauge.builder("offerpulse.realtime.rooms", rooms, Map::size)
                .description("Rooms with at least one client on this instance").register(meters);
        Gauge.builder("offerpulse.realtime.connections", connections, AtomicInteger::get)
                .description("Open room sockets on this instance").register(meters);
    }

    /** Why a join is refused, or null when it would be admitted now. */
    public String refusal(String sessionId, String userId) {
        Room room = rooms.get(sessionId);
        if (room != null && room.members.size() >= settings.maxConnectionsPerRoom()) {
            return "This room already has " + settings.maxConnectionsPerRoom() + " connections on this server.";
        }
        AtomicInteger mine = perUser.get(userId);
        if (mine != null && mine.get() >= settings.maxConnectionsPerUser()) {
            return "You already have " + settings.maxConnectionsPerUser() + " room connections open.";
        }
        return null;
    }

    /**
     * Adds the member unless a cap is reached (then an empty Mono and nothing changed); the Mono completes once the
     * room's channel subscription is active, so nothing published afterwards is missed.
     */
    public Mono<Boolean> join(String sessionId, RoomMember member) {
        AtomicInteger mine = perUser.computeIfAbsent(member.userId(), u -> new AtomicInteger());
        if (mine.incrementAndGet() > settings.maxConnectionsPerUser()) {
            releaseUser(member.userId());
            return Mono.just(false);
        }
        boolean[] admitted = {false};
        Room room = rooms.compute(sessionId, (id, existing) -> {
            Room r = existing;
            if (r == null) {
                r = new Room(fanout.subscribe(id).cache());
                r.ready.subscribe(v -> { }, e -> { });
            }
            if (r.members.size() < settings.maxConnectionsPerRoom()) {
                r.members.add(member);
                admitted[0] = true;
            }
            return r;
        });
        if (!admitted[0]) {
            releaseUser(member.userId());
            return Mono.just(false);
        }
        connections.incrementAndGet();
        return room.ready.thenReturn(true);
    }

    public void leave(String sessionId, RoomMember member) {
        boolean[] removed = {false};
        rooms.computeIfPresent(sessionId, (id, r) -> {
            removed[0] = r.members.remove(member);
            if (r.members.isEmpty()) {
                fanout.unsubscribe(id);
                return null;
            }
            return r;
        });
        if (removed[0]) {
            connections.decrementAndGet();
            releaseUser(member.userId());
        }
    }

    private void releaseUser(String userId) {
        perUser.computeIfPresent(userId, (u, n) -> n.decrementAndGet() <= 0 ? null : n);
    }

    private void dispatch(RoomMessage message) {
        Room room = rooms.get(message.sessionId());
        if (room != null) {
            room.members.forEach(m -> m.deliver(message));
        }
    }

    public int roomCount() {
        return rooms.size();
    }

    public int connectionCount() {
        return connections.get();
    }

    public String fanoutMode() {
        return fanout.mode();
    }

    @Override
    public void start() {
        running = true;
    }

    /**
     * The Redis subscription dropped: whatever was published until Lettuce resubscribes never reaches this
     * instance, so every local socket is closed ({@code redis_unavailable}) and its client recovers with
     * {@code last_seq} (history, or a fresh snapshot when Redis lost the room).
     */
    private void fanoutLost() {
        if (!running) {
            return; // shutting down: the sockets are already closing as server_shutdown
        }
        log.warn("Lost the Redis pub/sub connection: closing this instance's {} room sockets (redis_unavailable)",
                connections.get());
        rooms.values().forEach(r -> r.members.forEach(RoomMember::fanoutLost));
    }

    /** Closes every socket with {@code server_shutdown} before the web server stops. */
    @Override
    public void stop() {
        running = false;
        rooms.values().forEach(r -> r.members.forEach(RoomMember::shutdown));
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    private static final class Room {
        final Mono<Void> ready;
        final Set<RoomMember> members = ConcurrentHashMap.newKeySet();

        Room(Mono<Void> ready) {
            this.ready = ready;
        }
    }
}
