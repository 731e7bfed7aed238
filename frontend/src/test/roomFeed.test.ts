import { describe, expect, it, vi } from 'vitest';
import { backoffDelay, RoomConnection, RoomTracker } from '../lib/roomFeed';
import type { RoomMessage } from '../lib/types';
import { sentence, sessionMeters } from './fixtures';
import { FakeSocket } from './fakeSocket';

const env = { session_id: 's_1', ts: 0 };
const snapshot = (seq: number, epoch = 'e1', data: Partial<Extract<RoomMessage, { type: 'snapshot' }>['data']> = {}): RoomMessage => ({
  ...env,
  type: 'snapshot',
  seq,
  epoch,
  data: { meters: null, sentences: [], ended: null, ...data },
});
const meters = (seq: number, asOf: number, superseded?: number[], epoch = 'e1'): RoomMessage => ({
  ...env,
  type: 'meters',
  seq,
  epoch,
  data: sessionMeters(asOf, { credibility: asOf }),
  ...(superseded ? { superseded } : {}),
});
const sent = (seq: number, index: number, epoch = 'e1'): RoomMessage => ({ ...env, type: 'sentence', seq, epoch, data: sentence(index, index + 1) });

describe('RoomTracker', () => {
  it('applies a snapshot then consecutive messages', () => {
    const t = new RoomTracker();
    expect(t.accept(snapshot(3, 'e1', { sentences: [sentence(0, 1)] }))).toBe('applied');
    expect(t.accept(sent(4, 1))).toBe('applied');
    expect(t.accept(meters(5, 2))).toBe('applied');
    expect(t.view.sentences.map((s) => s.index)).toEqual([0, 1]);
    expect(t.view.meters?.as_of_seq).toBe(2);
    expect(t.recovery()).toEqual({ lastSeq: 5, epoch: 'e1' });
  });

  it('drops duplicates', () => {
    const t = new RoomTracker();
    t.accept(snapshot(3));
    expect(t.accept(sent(4, 1))).toBe('applied');
    expect(t.accept(sent(4, 1))).toBe('duplicate');
    expect(t.accept(sent(2, 0))).toBe('duplicate');
    expect(t.view.sentences).toHaveLength(1);
  });

  it('reports a gap and closes it when a later meters message says it superseded the missing seq', () => {
    const t = new RoomTracker();
    t.accept(snapshot(2));
    // meters 3 was coalesced away; sentence 4 arrives first, then meters 5 with superseded [3]
    expect(t.accept(sent(4, 0))).toBe('gap');
    expect(t.hasGap()).toBe(true);
    expect(t.recovery()).toEqual({ lastSeq: 2, epoch: 'e1' });
    expect(t.accept(meters(5, 3, [3]))).toBe('applied');
    expect(t.hasGap()).toBe(false);
    expect(t.lastSeq).toBe(5);
  });

  it('never lets older meters replace newer ones', () => {
    const t = new RoomTracker();
    t.accept(snapshot(0));
    t.accept(meters(1, 9));
    t.accept(meters(2, 4));
    expect(t.view.meters?.as_of_seq).toBe(9);
  });

  it('flags a message from another epoch and merges a new-epoch snapshot without losing sentences', () => {
    const t = new RoomTracker();
    t.accept(snapshot(2, 'e1', { sentences: [sentence(0, 1), sentence(1, 2)] }));
    expect(t.accept(meters(1, 7, undefined, 'e2'))).toBe('epoch_changed');
    expect(t.accept(snapshot(1, 'e2', { sentences: [sentence(2, 3)] }))).toBe('applied');
    expect(t.view.sentences.map((s) => s.index)).toEqual([0, 1, 2]);
    expect(t.recovery()).toEqual({ lastSeq: 1, epoch: 'e2' });
  });

  it('keeps the end of the round once seen', () => {
    const t = new RoomTracker();
    t.accept(snapshot(0));
    t.accept({ ...env, type: 'session_end', seq: 1, epoch: 'e1', data: { reason: 'client', occurred_at: '2026-11-26T10:00:00Z' } });
    expect(t.view.ended?.reason).toBe('client');
  });
});

describe('backoffDelay', () => {
  it('grows, caps and jitters by at most 20 %', () => {
    expect(backoffDelay(0, [500, 1000], () => 0.5)).toBe(500);
    expect(backoffDelay(1, [500, 1000], () => 0.5)).toBe(1000);
    expect(backoffDelay(9, [500, 1000], () => 0.5)).toBe(1000);
    expect(backoffDelay(0, [500], () => 0)).toBe(400);
    expect(backoffDelay(0, [500], () => 0.999)).toBeLessThanOrEqual(600);
  });
});

describe('RoomConnection', () => {
  it('reconnects after a drop and asks to recover from the last seq and epoch', async () => {
    vi.useFakeTimers();
    try {
      const sockets: FakeSocket[] = [];
      const urls: Array<{ lastSeq: number; epoch: string } | undefined> = [];
      const views: number[] = [];
      const firstMeters = vi.fn();
      const conn = new RoomConnection({
        sessionId: 's_1',
        urlFor: async (recovery) => {
          urls.push(recovery);
          return 'ws://test';
        },
        createSocket: () => {
          const s = new FakeSocket();
          sockets.push(s);
          return s as unknown as WebSocket;
        },
        onView: (v) => views.push(v.sentences.length),
        onFirstMeters: firstMeters,
        backoffMs: [100],
      });
      conn.start();
      await vi.advanceTimersByTimeAsync(0);
      sockets[0]!.open();
      sockets[0]!.receive(snapshot(3));
      sockets[0]!.receive(meters(4, 1));
      sockets[0]!.receive(sent(5, 0));
      expect(firstMeters).toHaveBeenCalledTimes(1);
      sockets[0]!.drop();
      await vi.advanceTimersByTimeAsync(200);
      expect(sockets).toHaveLength(2);
      expect(urls).toEqual([undefined, { lastSeq: 5, epoch: 'e1' }]);
      sockets[1]!.open();
      sockets[1]!.receive(sent(6, 1));
      expect(conn.view.sentences).toHaveLength(2);
      expect(firstMeters).toHaveBeenCalledTimes(1);
      conn.stop();
    } finally {
      vi.useRealTimers();
    }
  });

  it('recovers on its own when a gap stays open', async () => {
    vi.useFakeTimers();
    try {
      const sockets: FakeSocket[] = [];
      const urls: Array<{ lastSeq: number; epoch: string } | undefined> = [];
      const conn = new RoomConnection({
        sessionId: 's_1',
        urlFor: async (recovery) => {
          urls.push(recovery);
          return 'ws://test';
        },
        createSocket: () => {
          const s = new FakeSocket();
          sockets.push(s);
          return s as unknown as WebSocket;
        },
        onView: () => undefined,
        gapGraceMs: 300,
      });
      conn.start();
      await vi.advanceTimersByTimeAsync(0);
      sockets[0]!.receive(snapshot(2));
      sockets[0]!.receive(sent(4, 0)); // seq 3 missing
      await vi.advanceTimersByTimeAsync(299);
      expect(sockets).toHaveLength(1);
      await vi.advanceTimersByTimeAsync(10);
      expect(sockets).toHaveLength(2);
      expect(sockets[0]!.closed).toBe(true);
      expect(urls[1]).toEqual({ lastSeq: 2, epoch: 'e1' });
      conn.stop();
    } finally {
      vi.useRealTimers();
    }
  });
});
