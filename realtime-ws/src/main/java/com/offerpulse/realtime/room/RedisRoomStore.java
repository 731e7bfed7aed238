package com.offerpulse.realtime.room;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.LongConsumer;

import io.lettuce.core.RedisCommandExecutionException;
import io.lettuce.core.RedisCommandTimeoutException;
import io.lettuce.core.RedisFuture;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.async.RedisAsyncCommands;
import reactor.core.publisher.Mono;

/**
 * Room state in Redis, each operation one Lua script so seq, pieces and history never disagree. Keys (all with the
 * session id as hash tag, all expiring {@code roomTtl} after the room's last message):
 * <ul>
 * <li>{@code room:{id}:seq} — INCR counter, the last assigned seq;</li>
 * <li>{@code room:{id}:epoch} — the history generation; created when absent, so a Redis that lost it yields a new one;</li>
 * <li>{@code room:{id}:history} — stream, entry id {@code <seq>-1}, field {@code m} = the message, MAXLEN N (exact);</li>
 * <li>{@code room:{id}:sentences} — hash index → sentence message, at most {@code max-sentences-per-room} fields;</li>
 * <li>{@code room:{id}:parts} — hash: {@code meters} (latest meters message), {@code meters_as_of}, {@code ended}.</li>
 * </ul>
 * The append script costs the same whatever the room holds (no snapshot is rebuilt: {@link #read} assembles the
 * pieces at join time) and it PUBLISHes the message itself, so store + publish is one round trip, and a poll's
 * appends are pipelined: one round trip per poll. The message is encoded in Java ({@link RoomEnvelope}); the script
 * only slots in the seq and the epoch.
 */
public final class RedisRoomStore implements RoomStore {
    // KEYS: seq epoch history sentences parts legacySnapshot
    // ARGV: type head tail dedupeKey candidateEpoch maxlen ttlSeconds maxSentences channel('' = do not publish)
    // A room written by the version before issue 12 (it kept a snapshot key, sentences as a list and raw data in
    // parts) starts over in a new epoch, as if Redis had lost it: its pieces have another shape.
    static final String APPEND = """
            local epoch = redis.call('GET', KEYS[2])
            if (not epoch) or (redis.call('EXISTS', KEYS[1]) == 0 and redis.call('EXISTS', KEYS[3]) == 1)
                or redis.call('EXISTS', KEYS[6]) == 1 then
              epoch = ARGV[5]
              redis.call('DEL', KEYS[1], KEYS[3], KEYS[4], KEYS[5], KEYS[6])
              redis.call('SET', KEYS[2], epoch)
            end
            local t = ARGV[1]
            if t == 'meters' then
              local prev = redis.call('HGET', KEYS[5], 'meters_as_of')
              if prev and tonumber(prev) > tonumber(ARGV[4]) then return {} end
            elseif t == 'sentence' then
              if redis.call('HEXISTS', KEYS[4], ARGV[4]) == 1 then return {} end
              if redis.call('HLEN', KEYS[4]) >= tonumber(ARGV[8]) then return {} end
            elseif t == 'session_end' then
              if redis.call('HEXISTS', KEYS[5], 'ended') == 1 then return {} end
            else
              return redis.error_reply('unknown room message type')
            end
            local seq = redis.call('INCR', KEYS[1])
            local msg = ARGV[2] .. seq .. ',"epoch":"' .. epoch .. '"' .. ARGV[3]
            if t == 'meters' then
              redis.call('HSET', KEYS[5], 'meters', msg, 'meters_as_of', ARGV[4])
            elseif t == 'sentence' then
              redis.call('HSET', KEYS[4], ARGV[4], msg)
            else
              redis.call('HSET', KEYS[5], 'ended', msg)
            end
            redis.call('XADD', KEYS[3], 'MAXLEN', ARGV[6], seq .. '-1', 'm', msg)
            if ARGV[9] ~= '' then redis.call('PUBLISH', ARGV[9], msg) end
            for i = 1, 5 do redis.call('EXPIRE', KEYS[i], ARGV[7]) end
            return {seq, epoch}
            """;
    // KEYS: seq epoch history sentences parts legacySnapshot; ARGV: candidateEpoch ttlSeconds [fromId]
    static final String READ = """
            local epoch = redis.call('GET', KEYS[2])
            if redis.call('EXISTS', KEYS[6]) == 1 then
              redis.call('DEL', KEYS[1], KEYS[2], KEYS[3], KEYS[4], KEYS[5], KEYS[6])
              epoch = false
            end
            if not epoch then
              epoch = ARGV[1]
              redis.call('SET', KEYS[2], epoch, 'EX', ARGV[2])
            end
            local parts = redis.call('HMGET', KEYS[5], 'meters', 'ended')
            local history = {}
            if ARGV[3] then
              for _, e in ipairs(redis.call('XRANGE', KEYS[3], ARGV[3], '+')) do
                table.insert(history, e[2][2])
              end
            end
            return {epoch, redis.call('GET', KEYS[1]) or '0', parts[1] or '', parts[2] or '',
              redis.call('HGETALL', KEYS[4]), history}
            """;

    private final StatefulRedisConnection<String, String> connection;
    private final RoomBounds bounds;
    private final boolean publish;
    private final LongConsumer roundTrips;

    /**
     * @param publish    true: the append script also PUBLISHes on the room's channel (Redis fanout); false: store only
     * @param roundTrips told each append's round trip in nanoseconds (measured from its batch's start)
     */
    public RedisRoomStore(StatefulRedisConnection<String, String> connection, RoomBounds bounds, boolean publish,
            LongConsumer roundTrips) {
        this.connection = connection;
        this.bounds = bounds;
        this.publish = publish;
        this.roundTrips = roundTrips;
    }

    @Override
    public boolean publishes() {
        return publish;
    }

    @Override
    public Optional<RoomMessage> append(String sessionId, String type, String dataJson, long dedupeKey, long sourceTs) {
        AppendResult r = appendAll(List.of(new RoomAppend(sessionId, type, dataJson, dedupeKey, sourceTs)));
        if (r.failure() != null) {
            throw r.failure();
        }
        return r.stored().get(0);
    }

    private record Pending(RoomAppend append, String head, String tail, RedisFuture<List<Object>> reply) {
    }

    /**
     * Every append goes out at once on the one connection (Lettuce pipelines them; Redis runs them in order), then
     * the results are collected in order: one round trip for the batch, publishing included.
     */
    @Override
    public AppendResult appendAll(List<RoomAppend> appends) {
        RedisAsyncCommands<String, String> async = connection.async();
        long t0 = System.nanoTime();
        List<Pending> pending = new ArrayList<>(appends.size());
        for (RoomAppend a : appends) {
            String head = RoomEnvelope.head(a.type(), a.sessionId());
            String tail = RoomEnvelope.tail(a.sourceTs(), a.data());
            RedisFuture<List<Object>> f = async.eval(APPEND, ScriptOutputType.MULTI, RoomKeys.all(a.sessionId()),
                    a.type(), head, tail, Long.toString(a.dedupeKey()), UUID.randomUUID().toString(),
                    Integer.toString(bounds.historySize()), Long.toString(bounds.ttlSeconds()),
                    Integer.toString(bounds.maxSentences()), publish ? RoomKeys.channel(a.sessionId()) : "");
            f.thenRun(() -> roundTrips.accept(System.nanoTime() - t0));
            pending.add(new Pending(a, head, tail, f));
        }
        long deadline = t0 + connection.getTimeout().toNanos();
        List<Optional<RoomMessage>> stored = new ArrayList<>(appends.size());
        for (Pending p : pending) {
            try {
                List<Object> reply = p.reply().get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
                stored.add(reply == null || reply.isEmpty() || reply.get(0) == null ? Optional.empty()
                        : Optional.of(message(p, reply)));
            } catch (ExecutionException e) {
                return new AppendResult(stored, e.getCause() instanceof RuntimeException r ? r
                        : new RedisCommandExecutionException(e.getCause()));
            } catch (TimeoutException e) {
                return new AppendResult(stored, new RedisCommandTimeoutException("Room append timed out"));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return new AppendResult(stored, new IllegalStateException("Interrupted while appending", e));
            }
        }
        return new AppendResult(stored, null);
    }

    private static RoomMessage message(Pending p, List<Object> reply) {
        long seq = ((Number) reply.get(0)).longValue();
        String epoch = (String) reply.get(1);
        RoomAppend a = p.append();
        return new RoomMessage(a.type(), a.sessionId(), seq, epoch, a.sourceTs(),
                RoomEnvelope.join(p.head(), seq, epoch, p.tail()));
    }

    @Override
    public Mono<RoomState> read(String sessionId, Long afterSeq) {
        String[] keys = RoomKeys.all(sessionId);
        String[] args = afterSeq == null
                ? new String[] {UUID.randomUUID().toString(), Long.toString(bounds.ttlSeconds())}
                : new String[] {UUID.randomUUID().toString(), Long.toString(bounds.ttlSeconds()), (afterSeq + 1) + "-0"};
        return connection.reactive().<Object>eval(READ, ScriptOutputType.MULTI, keys, args)
                .collectList()
                .map(list -> {
                    @SuppressWarnings("unchecked")
                    List<Object> out = list.size() == 1 && list.get(0) instanceof List<?> inner
                            ? (List<Object>) inner : list;
                    return state(out);
                });
    }

    @SuppressWarnings("unchecked")
    private static RoomState state(List<Object> out) {
        List<Object> pairs = (List<Object>) out.get(4);
        List<long[]> order = new ArrayList<>();
        for (int i = 0; i < pairs.size(); i += 2) {
            order.add(new long[] {Long.parseLong((String) pairs.get(i)), i + 1});
        }
        order.sort(Comparator.comparingLong(o -> o[0]));
        List<String> sentences = new ArrayList<>(order.size());
        order.forEach(o -> sentences.add((String) pairs.get((int) o[1])));
        List<RoomMessage> history = new ArrayList<>();
        for (Object m : (List<Object>) out.get(5)) {
            history.add(RoomMessage.parse((String) m));
        }
        String meters = (String) out.get(2);
        String ended = (String) out.get(3);
        return new RoomState((String) out.get(0), Long.parseLong((String) out.get(1)),
                meters.isEmpty() ? null : meters, sentences, ended.isEmpty() ? null : ended, history);
    }
}
