package com.offerpulse.realtime.socket;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.socket.CloseStatus;
import org.springframework.web.reactive.socket.WebSocketHandler;
import org.springframework.web.reactive.socket.WebSocketMessage;
import org.springframework.web.reactive.socket.WebSocketSession;

import com.offerpulse.contracts.json.JsonCodec;
import com.offerpulse.realtime.RealtimeSettings;
import com.offerpulse.realtime.invite.InviteRevocations;
import com.offerpulse.realtime.metrics.CloseReason;
import com.offerpulse.realtime.metrics.RealtimeMetrics;
import com.offerpulse.realtime.room.LocalRooms;
import com.offerpulse.realtime.room.RoomMember;
import com.offerpulse.realtime.room.RoomMessage;
import com.offerpulse.realtime.room.RoomState;
import com.offerpulse.realtime.room.RoomStore;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code WS /ws/rooms/{id}} (docs/REALTIME.md): joins the room (subscribing its channel first, so nothing is
 * missed), sends the snapshot or the recovered history, then live messages in seq order; pings every
 * {@code ping-interval}, closes idle, oversized-input and slow sockets, and counts every close by reason.
 */
@Component
class RoomSocketHandler implements WebSocketHandler {
    private static final Logger log = LoggerFactory.getLogger(RoomSocketHandler.class);
    static final CloseStatus ROOM_FULL = new CloseStatus(1013, "room_full");
    static final CloseStatus SLOW_CONSUMER = new CloseStatus(1013, "slow_consumer");
    static final CloseStatus IDLE = new CloseStatus(1001, "idle_timeout");
    static final CloseStatus SHUTDOWN = new CloseStatus(1001, "server_shutdown");
    static final CloseStatus REDIS_DOWN = new CloseStatus(1011, "redis_unavailable");
    static final CloseStatus TOO_BIG = new CloseStatus(1009, "message_too_big");
    static final CloseStatus REVOKED = new CloseStatus(1008, "invite_revoked");

    private final LocalRooms rooms;
    private final RoomStore store;
    private final RealtimeSettings settings;
    private final RealtimeMetrics metrics;
    private final InviteRevocations revocations;

    RoomSocketHandler(LocalRooms rooms, RoomStore store, RealtimeSettings settings, RealtimeMetrics metrics,
            InviteRevocations revocations) {
        this.rooms = rooms;
        this.store = store;
        this.settings = settings;
        this.metrics = metrics;
        this.revocations = revocations;
    }

    @Override
    public Mono<Void> handle(WebSocketSession socket) {
        if (!(socket.getAttributes().get(RoomSocketAdmissionFilter.ADMISSION_ATTRIBUTE) instanceof Admission a)) {
            // Only reachable if the admission filter is missing: refuse rather than serve an unchecked room.
            return socket.close(CloseStatus.POLICY_VIOLATION);
        }
        Member member = new Member(a, socket);
        Mono<Void> join = rooms.join(a.sessionId(), member)
                .flatMap(admitted -> admitted
                        ? store.read(a.sessionId(), a.wantsRecovery() ? a.lastSeq() : null).doOnNext(member::begin)
                                .then()
                        : Mono.fromRunnable(() -> member.close(CloseReason.ROOM_FULL, ROOM_FULL)))
                .onErrorResume(e -> {
                    log.warn("Room {} cannot join: {}", a.sessionId(), e.toString());
                    member.close(CloseReason.REDIS_UNAVAILABLE, REDIS_DOWN);
                    return Mono.empty();
                });
        Duration tick = settings.pingInterval().compareTo(settings.idleTimeout().dividedBy(2)) < 0
                ? settings.pingInterval() : settings.idleTimeout().dividedBy(2);
        Flux<WebSocketMessage> outbound = Flux.merge(
                member.outbox.flux().map(m -> {
                    metrics.recordDelivery(m.ts());
                    return socket.textMessage(m.json());
                }),
                Flux.interval(settings.pingInterval()).map(i -> socket.pingMessage(f -> f.wrap(new byte[0]))),
                Flux.interval(tick).flatMap(i -> Mono.fromRunnable(member::checkIdle)),
                revocationWatch(a, member),
                join.flux().cast(WebSocketMessage.class));
        Mono<Void> inbound = socket.receive().doOnNext(member::inbound).then();
        return Mono.firstWithSignal(socket.send(outbound), inbound)
                .doFinally(signal -> {
                    rooms.leave(a.sessionId(), member);
                    metrics.disconnected(member.reason());
                });
    }

    /**
     * A viewer's invite is re-checked every ping interval (one set lookup per viewer socket), so a revocation closes
     * open sockets on every instance within that interval, not just new handshakes. A failed check keeps the socket.
     */
    private Flux<WebSocketMessage> revocationWatch(Admission a, Member member) {
        if (!a.viewer()) {
            return Flux.empty();
        }
        return Flux.interval(settings.pingInterval())
                .concatMap(i -> revocations.isRevoked(a.sessionId(), a.inviteId()).onErrorReturn(false))
                .filter(Boolean::booleanValue).take(1)
                .doOnNext(r -> member.close(CloseReason.INVITE_REVOKED, REVOKED))
                .thenMany(Flux.empty());
    }

    /** The first messages of a join: the missed history when recovery is possible, else a snapshot. */
    static List<RoomMessage> initial(Admission a, RoomState state, long[] floor) {
        if (a.wantsRecovery() && state.epoch().equals(a.epoch()) && state.seq() >= a.lastSeq()) {
            List<RoomMessage> h = state.history();
            boolean covered = h.isEmpty() ? state.seq() == a.lastSeq() : h.get(0).seq() == a.lastSeq() + 1;
            if (covered) {
                floor[0] = h.isEmpty() ? a.lastSeq() : h.get(h.size() - 1).seq();
                return h;
            }
        }
        floor[0] = state.seq();
        return List.of(snapshot(a, state));
    }

    /**
     * The join snapshot, assembled here from the stored pieces (each a stored room message whose {@code data} is
     * taken): built once per join, so appends never pay for it.
     */
    static RoomMessage snapshot(Admission a, RoomState state) {
        ObjectNode msg = JsonCodec.mapper().createObjectNode();
        msg.put("type", RoomMessage.SNAPSHOT);
        msg.put("session_id", a.sessionId());
        msg.put("seq", state.seq());
        msg.put("epoch", state.epoch());
        if (a.wantsRecovery()) {
            msg.put("recovered", false);
        }
        ObjectNode data = msg.putObject("data");
        data.set("meters", dataOf(state.meters(), data));
        ArrayNode sentences = data.putArray("sentences");
        state.sentences().forEach(s -> sentences.add(dataOf(s, data)));
        data.set("ended", dataOf(state.ended(), data));
        return new RoomMessage(RoomMessage.SNAPSHOT, a.sessionId(), state.seq(), state.epoch(), 0,
                JsonCodec.mapper().writeValueAsString(msg));
    }

    private static JsonNode dataOf(String storedMessage, ObjectNode factory) {
        return storedMessage == null ? factory.nullNode() : JsonCodec.mapper().readTree(storedMessage).get("data");
    }

    /** One socket in a room. */
    private final class Member implements RoomMember {
        private final Admission admission;
        private final WebSocketSession socket;
        private final Outbox outbox;
        private final AtomicReference<CloseReason> reason = new AtomicReference<>();
        private volatile long lastInbound = System.nanoTime();

        Member(Admission admission, WebSocketSession socket) {
            this.admission = admission;
            this.socket = socket;
            this.outbox = new Outbox(settings.sendQueue(), () -> close(CloseReason.SLOW_CONSUMER, SLOW_CONSUMER));
        }

        void begin(RoomState state) {
            long[] floor = new long[1];
            List<RoomMessage> first = initial(admission, state, floor);
            outbox.start(first, state.epoch(), floor[0]);
        }

        void inbound(WebSocketMessage m) {
            lastInbound = System.nanoTime();
            if (m.getPayload().readableByteCount() > settings.maxInboundMessage().toBytes()) {
                close(CloseReason.MESSAGE_TOO_BIG, TOO_BIG);
            }
        }

        void checkIdle() {
            if (System.nanoTime() - lastInbound > settings.idleTimeout().toNanos()) {
                close(CloseReason.IDLE_TIMEOUT, IDLE);
            }
        }

        void close(CloseReason why, CloseStatus status) {
            if (reason.compareAndSet(null, why)) {
                socket.close(status).subscribe(v -> { }, e -> { });
            }
        }

        CloseReason reason() {
            CloseReason r = reason.get();
            return r == null ? CloseReason.CLIENT_CLOSED : r;
        }

        @Override
        public String userId() {
            return admission.userId();
        }

        @Override
        public String inviteId() {
            return admission.inviteId();
        }

        @Override
        public void deliver(RoomMessage message) {
            outbox.live(message);
        }

        @Override
        public void shutdown() {
            close(CloseReason.SERVER_SHUTDOWN, SHUTDOWN);
        }

        @Override
        public void fanoutLost() {
            close(CloseReason.REDIS_UNAVAILABLE, REDIS_DOWN);
        }
    }
}
