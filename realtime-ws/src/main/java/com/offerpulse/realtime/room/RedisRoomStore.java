package com.offerpulse.realtime.room;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import io.lettuce.core.RedisCommandExecutionException;
import io.lettuce.core.RedisCommandTimeoutException;
import io.lettuce.core.RedisFuture;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.async.RedisAsyncCommands;
import reactor.core.publisher.Mono;

/**
 * Room state in Redis, each operation one Lua script so seq, history and snapshot never disagree. Keys (all with
 * the session id as hash tag, all expiring {@code roomTtl} after the room's last message):
 * <ul>
 * <li>{@code room:{id}:seq} — INCR counter, the last assigned seq;</li>
 * <li>{@code room:{id}:epoch} — the history generation; created when absent, so a Redis that lost it yields a new one;</li>
 * <li>{@code room:{id}:history} — stream, entry id {@code <seq>-1}, field {@code m} = the message, MAXLEN ~ N;</li>
 * <li>{@code room:{id}:snapshot} — JSON {@code {"seq","epoch","meters","sentences":[...],"ended"}};</li>
 * <li>{@code room:{id}:sentences}, {@code room:{id}:parts} — the raw pieces the snapshot is assembled from (Redis
 * 7.0's cjson cannot round-trip empty arrays, so the script never re-encodes client JSON).</li>
 * </ul>
 */
public final class RedisRoomStore implements RoomStore {
    // KEYS: seq epoch history snapshot sentences parts
    // ARGV: type data candidateEpoch maxlen sessionId ts dedupeKey ttlSeconds
    static final String APPEND = """
            local epoch = redis.call('GET', KEYS[2])
            if (not epoch) or (redis.call('EXISTS', KEYS[1]) == 0 and redis.call('EXISTS', KEYS[3]) == 1) then
              epoch = ARGV[3]
              redis.call('DEL', KEYS[1], KEYS[3], KEYS[4], KEYS[5], KEYS[6])
              redis.call('SET', KEYS[2], epoch)
            end
            local t = ARGV[1]
            if t == 'meters' then
              local prev = redis.call('HGET', KEYS[6], 'meters_as_of')
              if prev and tonumber(prev) > tonumber(ARGV[7]) then return false end
              redis.call('HSET', KEYS[6], 'meters', ARGV[2], 'meters_as_of', ARGV[7])
            elseif t == 'sentence' then
              if redis.call('HSETNX', KEYS[6], 'sentence:' .. ARGV[7], '1') == 0 then return false end
              redis.call('RPUSH', KEYS[5], ARGV[2])
            elseif t == 'session_end' then
              if redis.call('HSETNX', KEYS[6], 'ended', ARGV[2]) == 0 then return false end
            end
            local seq = redis.call('INCR', KEYS[1])
            local msg = '{"type":"' .. t .. '","session_id":"' .. ARGV[5] .. '","seq":' .. seq .. ',"epoch":"' .. epoch
              .. '","ts":' .. ARGV[6] .. ',"data":' .. ARGV[2] .. '}'
            redis.call('XADD', KEYS[3], 'MAXLEN', '~', ARGV[4], seq .. '-1', 'm', msg)
            local parts = redis.call('HMGET', KEYS[6], 'meters', 'ended')
            local sentences = redis.call('LRANGE', KEYS[5], 0, -1)
            local snap = '{"seq":' .. seq .. ',"epoch":"' .. epoch .. '","meters":' .. (parts[1] or 'null')
              .. ',"sentences":[' .. table.concat(sentences, ',') .. '],"ended":' .. (parts[2] or 'null') .. '}'
            redis.call('SET', KEYS[4], snap)
            for i = 1, 6 do redis.call('EXPIRE', KEYS[i], ARGV[8]) end
            return msg
            """;
    // KEYS: seq epoch history snapshot; ARGV: candidateEpoch ttlSeconds [fromId]
    static final String READ = """
            local epoch = redis.call('GET', KEYS[2])
            if not epoch then
              epoch = ARGV[1]
              redis.call('SET', KEYS[2], epoch, 'EX', ARGV[2])
            end
            local out = {epoch, redis.call('GET', KEYS[1]) or '0', redis.call('GET', KEYS[4]) or ''}
            if ARGV[3] then
              for _, e in ipairs(redis.call('XRANGE', KEYS[3], ARGV[3], '+')) do
                table.insert(out, e[2][2])
              end
            end
            return out
            """;

    private final StatefulRedisConnection<String, String> connection;
    private final int historySize;
    private final long ttlSeconds;

    public RedisRoomStore(StatefulRedisConnection<String, String> connection, int historySize, long ttlSeconds) {
        this.connection = connection;
        this.historySize = historySize;
        this.ttlSeconds = ttlSeconds;
    }

    @Override
    public Optional<RoomMessage> append(String sessionId, String type, String dataJson, long dedupeKey, long sourceTs) {
        String json = connection.sync().eval(APPEND, ScriptOutputType.VALUE, RoomKeys.all(sessionId), type, dataJson,
                UUID.randomUUID().toString(), Integer.toString(historySize), sessionId, Long.toString(sourceTs),
                Long.toString(dedupeKey), Long.toString(ttlSeconds));
        return Optional.ofNullable(json).map(RoomMessage::parse);
    }

    /**
     * Every append goes out at once on the one connection (Lettuce pipelines them; Redis runs them in order), then
     * the results are collected in order: one round trip for the batch. The feed used to wait a full round trip per
     * message, which under load capped it at a few hundred messages a second (docs/PERFORMANCE.md).
     */
    @Override
    public AppendResult appendAll(List<RoomAppend> appends) {
        RedisAsyncCommands<String, String> async = connection.async();
        List<RedisFuture<String>> pending = new ArrayList<>(appends.size());
        for (RoomAppend a : appends) {
            pending.add(async.eval(APPEND, ScriptOutputType.VALUE, RoomKeys.all(a.sessionId()), a.type(), a.data(),
                    UUID.randomUUID().toString(), Integer.toString(historySize), a.sessionId(),
                    Long.toString(a.sourceTs()), Long.toString(a.dedupeKey()), Long.toString(ttlSeconds)));
        }
        long timeoutNanos = connection.getTimeout().toNanos();
        long deadline = System.nanoTime() + timeoutNanos;
        List<Optional<RoomMessage>> stored = new ArrayList<>(appends.size());
        for (RedisFuture<String> f : pending) {
            try {
                String json = f.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
                stored.add(Optional.ofNullable(json).map(RoomMessage::parse));
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

    @Override
    public Mono<RoomState> read(String sessionId, Long afterSeq) {
        String[] k = RoomKeys.all(sessionId);
        String[] keys = {k[0], k[1], k[2], k[3]};
        String[] args = afterSeq == null
                ? new String[] {UUID.randomUUID().toString(), Long.toString(ttlSeconds)}
                : new String[] {UUID.randomUUID().toString(), Long.toString(ttlSeconds), (afterSeq + 1) + "-0"};
        return connection.reactive().<Object>eval(READ, ScriptOutputType.MULTI, keys, args)
                .collectList()
                .map(list -> {
                    @SuppressWarnings("unchecked")
                    List<Object> out = list.size() == 1 && list.get(0) instanceof List<?> inner
                            ? (List<Object>) inner : list;
                    List<RoomMessage> history = new ArrayList<>();
                    for (int i = 3; i < out.size(); i++) {
                        history.add(RoomMessage.parse((String) out.get(i)));
                    }
                    String snapshot = (String) out.get(2);
                    return new RoomState((String) out.get(0), Long.parseLong((String) out.get(1)),
                            snapshot.isEmpty() ? null : snapshot, history);
                });
    }
}
