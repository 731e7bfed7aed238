package com.offerpulse.realtime.socket;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

import com.offerpulse.realtime.room.RoomMessage;

import reactor.core.publisher.Flux;
import reactor.core.publisher.FluxSink;

/**
 * One socket's bounded send queue. Until the join's initial messages (snapshot or recovered history) are in, live
 * messages are held back; afterwards only those newer than what was already queued go out, so the client sees
 * seqs in increasing order. A newer {@code meters} replaces an unsent older one (which it then lists in
 * {@code superseded}); when the queue is still full, {@code onOverflow} runs (the socket is closed as a slow
 * consumer). The socket pulls from {@link #flux()} as fast as its connection writes.
 */
final class Outbox {
    private final int capacity;
    private final Runnable onOverflow;
    private final ArrayDeque<RoomMessage> queue = new ArrayDeque<>();
    private final List<RoomMessage> held = new ArrayList<>();
    private FluxSink<RoomMessage> sink;
    private boolean started;
    private boolean overflowed;
    private String epoch;
    private long floor;

    Outbox(int capacity, Runnable onOverflow) {
        this.capacity = capacity;
        this.onOverflow = onOverflow;
    }

    Flux<RoomMessage> flux() {
        return Flux.create(s -> {
            synchronized (this) {
                sink = s;
            }
            s.onRequest(n -> drain());
        });
    }

    /** The join's first messages; {@code floor} is the last seq they cover in {@code epoch}. */
    synchronized void start(List<RoomMessage> initial, String epoch, long floor) {
        this.epoch = epoch;
        this.floor = floor;
        this.started = true;
        initial.forEach(this::enqueue);
        List<RoomMessage> waiting = new ArrayList<>(held);
        held.clear();
        waiting.forEach(this::live);
    }

    /** A live message from the room's channel. */
    synchronized void live(RoomMessage m) {
        if (overflowed) {
            return;
        }
        if (!started) {
            held.add(m);
            if (held.size() > capacity) {
                overflow();
            }
            return;
        }
        if (m.epoch().equals(epoch)) {
            if (m.seq() <= floor) {
                return;
            }
            floor = m.seq();
        }
        enqueue(m);
    }

    private void enqueue(RoomMessage message) {
        RoomMessage m = message;
        if (RoomMessage.METERS.equals(m.type())) {
            for (Iterator<RoomMessage> it = queue.iterator(); it.hasNext();) {
                RoomMessage older = it.next();
                if (RoomMessage.METERS.equals(older.type()) && older.epoch().equals(m.epoch())) {
                    it.remove();
                    m = m.superseding(older);
                }
            }
        }
        if (queue.size() >= capacity) {
            overflow();
            return;
        }
        queue.addLast(m);
        drain();
    }

    private void overflow() {
        overflowed = true;
        queue.clear();
        held.clear();
        onOverflow.run();
    }

    synchronized int queued() {
        return queue.size();
    }

    private synchronized void drain() {
        while (sink != null && !queue.isEmpty() && sink.requestedFromDownstream() > 0) {
            sink.next(queue.pollFirst());
        }
    }
}
