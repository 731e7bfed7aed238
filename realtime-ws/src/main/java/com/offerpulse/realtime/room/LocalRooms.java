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
 * on its last, hands each received message to the room's members, and enforces the per-room, per-user and
 * per-invite caps, keeping one slot of every room for its owner.
 */
@Component
public class LocalRooms implements SmartLifecycle {
    private static final Logger log = LoggerFactory.getLogger(LocalRooms.class);
    private final RoomFanout fanout;
    private final RealtimeSettings settings;
    private final Map<String, Room> rooms = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> perUser = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> perInvite = new ConcurrentHashMap<>();
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

    /**
     * Why a join is refused, or null when it would be admitted now. Viewers (joining with an invite) share at most
     * {@code max-connections-per-room - 1} slots, so the owner always finds one; one invite holds at most
     * {@code max-connections-per-invite} sockets, whoever presents it.
     */
    public String refusal(String sessionId, String userId, String inviteId) {
        Room room = rooms.get(sessionId);
        if (room != null && room.members.size() >= settings.maxConnectionsPerRoom()) {
            return "This room already has " + settings.maxConnectionsPerRoom() + " connections on this server.";
        }
        if (inviteId != null && room != null && room.viewers >= viewerSlots()) {
            return "This room's " + viewerSlots() + " viewer connections on this server are taken.";
        }
        AtomicInteger mine = perUser.get(userId);
        if (mine != null && mine.get() >= settings.maxConnectionsPerUser()) {
            return "You already have " + settings.maxConnectionsPerUser() + " room connections open.";
        }
        AtomicInteger invited = inviteId == null ? null : perInvite.get(inviteId);
        if (invited != null && invited.get() >= settings.maxConnectionsPerInvite()) {
            return "This invite already has " + settings.maxConnectionsPerInvite() + " connections open.";
        }
        return null;
    }

    /** Slots viewers may take in one room: all but the one kept for the owner. */
    private int viewerSlots() {
        return settings.maxConnectionsPerRoom() - 1;
    }

    /**
     * Adds the member unless a cap is reached (then an empty Mono and nothing changed); the Mono completes once the
     * room's channel subscription is active, so nothing published afterwards is missed.
     */
    public Mono<Boolean> join(String sessionId, RoomMember member) {
        if (!acquire(perUser, member.userId(), settings.maxConnectionsPerUser())) {
            return Mono.just(false);
        }
        String invite = member.inviteId();
        if (invite != null && !acquire(perInvite, invite, settings.maxConnectionsPerInvite())) {
            release(perUser, member.userId());
            return Mono.just(false);
        }
        boolean[] admitted = {false};
        Room room = rooms.compute(sessionId, (id, existing) -> {
            Room r = existing;
            if (r == null) {
                r = new Room(fanout.subscribe(id).cache());
                r.ready.subscribe(v -> { }, e -> { });
            }
            if (r.members.size() < settings.maxConnectionsPerRoom() && (invite == null || r.viewers < viewerSlots())) {
                r.members.add(member);
                if (invite != null) {
                    r.viewers++;
                }
                admitted[0] = true;
            }
            if (r.members.isEmpty()) {
                // Refused in a room that has nobody (a one-slot room and a viewer): do not keep it subscribed.
                fanout.unsubscribe(id);
                return null;
            }
            return r;
        });
        if (!admitted[0]) {
            release(perUser, member.userId());
            if (invite != null) {
                release(perInvite, invite);
            }
            return Mono.just(false);
        }
        connections.incrementAndGet();
        return room.ready.thenReturn(true);
    }

    public void leave(String sessionId, RoomMember member) {
        boolean[] removed = {false};
        rooms.computeIfPresent(sessionId, (id, r) -> {
            removed[0] = r.members.remove(member);
            if (removed[0] && member.inviteId() != null) {
                r.viewers--;
            }
            if (r.members.isEmpty()) {
                fanout.unsubscribe(id);
                return null;
            }
            return r;
        });
        if (removed[0]) {
            connections.decrementAndGet();
            release(perUser, member.userId());
            if (member.inviteId() != null) {
                release(perInvite, member.inviteId());
            }
        }
    }

    /** Takes one of {@code max} slots under {@code key}; false (and nothing taken) when all are taken. */
    private static boolean acquire(Map<String, AtomicInteger> counts, String key, int max) {
        boolean[] taken = {false};
        counts.compute(key, (k, n) -> {
            AtomicInteger c = n == null ? new AtomicInteger() : n;
            if (c.get() < max) {
                c.incrementAndGet();
                taken[0] = true;
            }
            return c.get() == 0 ? null : c;
        });
        return taken[0];
    }

    private static void release(Map<String, AtomicInteger> counts, String key) {
        counts.computeIfPresent(key, (u, n) -> n.decrementAndGet() <= 0 ? null : n);
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
        /** Members that joined with an invite; changed only inside {@code rooms.compute}, which serialises them. */
        volatile int viewers;

        Room(Mono<Void> ready) {
            this.ready = ready;
        }
    }
}
