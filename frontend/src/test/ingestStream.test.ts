import { describe, expect, it, vi } from 'vitest';
import { IngestStream } from '../lib/ingestStream';
import type { SegmentInput } from '../lib/types';
import { FakeSocket } from './fakeSocket';

const seg = (seq: number): SegmentInput => ({ seq, speaker: 'candidate', text: `Sentence ${seq}.`, start_ms: seq * 1000, end_ms: seq * 1000 + 900, final: true });

function setup(postBatch = vi.fn(() => Promise.resolve({}))) {
  const sockets: FakeSocket[] = [];
  const stream = new IngestStream({
    urlFor: async () => 'ws://test',
    postBatch,
    createSocket: () => {
      const s = new FakeSocket();
      sockets.push(s);
      return s as unknown as WebSocket;
    },
    socketAttempts: 2,
  });
  return { stream, sockets, postBatch };
}

describe('IngestStream', () => {
  it('sends each batch with a ref and resolves flush once every batch is acked', async () => {
    const { stream, sockets } = setup();
    stream.send([seg(1)]);
    stream.send([seg(2)]);
    await vi.waitFor(() => expect(sockets).toHaveLength(1));
    sockets[0]!.open();
    expect(sockets[0]!.sent.map((s) => JSON.parse(s))).toEqual([
      { ref: 'b1', segments: [seg(1)] },
      { ref: 'b2', segments: [seg(2)] },
    ]);
    const flushed = stream.flush(1000);
    sockets[0]!.receive({ type: 'ack', ref: 'b1', accepted: 1, last_seq: 1 });
    expect(stream.unacknowledged).toBe(1);
    sockets[0]!.receive({ type: 'ack', ref: 'b2', accepted: 1, last_seq: 2 });
    await expect(flushed).resolves.toBeUndefined();
  });

  it('re-sends unacknowledged batches on a new socket after a drop', async () => {
    vi.useFakeTimers();
    try {
      const { stream, sockets } = setup();
      stream.send([seg(1)]);
      await vi.advanceTimersByTimeAsync(0);
      sockets[0]!.open();
      sockets[0]!.drop();
      await vi.advanceTimersByTimeAsync(2000);
      expect(sockets).toHaveLength(2);
      sockets[1]!.open();
      expect(JSON.parse(sockets[1]!.sent[0]!)).toEqual({ ref: 'b1', segments: [seg(1)] });
    } finally {
      vi.useRealTimers();
    }
  });

  it('drops a batch the server refused for good and reports it', async () => {
    const rejected = vi.fn();
    const sockets: FakeSocket[] = [];
    const stream = new IngestStream({
      urlFor: async () => 'ws://test',
      postBatch: vi.fn(),
      createSocket: () => {
        const s = new FakeSocket();
        sockets.push(s);
        return s as unknown as WebSocket;
      },
      onRejected: rejected,
    });
    stream.send([seg(1)]);
    await vi.waitFor(() => expect(sockets).toHaveLength(1));
    sockets[0]!.open();
    sockets[0]!.receive({ type: 'error', ref: 'b1', status: 400, detail: "'segments[0].text' is too long" });
    expect(rejected).toHaveBeenCalledWith("'segments[0].text' is too long");
    await expect(stream.flush(100)).resolves.toBeUndefined();
  });

  it('falls back to HTTP when the socket cannot be opened', async () => {
    vi.useFakeTimers();
    try {
      const { stream, sockets, postBatch } = setup();
      stream.send([seg(1)]);
      await vi.advanceTimersByTimeAsync(0);
      sockets[0]!.drop(); // never opened
      await vi.advanceTimersByTimeAsync(2000);
      sockets[1]!.drop();
      await vi.advanceTimersByTimeAsync(0);
      expect(postBatch).toHaveBeenCalledWith([seg(1)]);
      await expect(stream.flush(100)).resolves.toBeUndefined();
    } finally {
      vi.useRealTimers();
    }
  });

  it('rejects flush after its timeout while a batch is unacknowledged', async () => {
    const { stream, sockets } = setup();
    stream.send([seg(1)]);
    await vi.waitFor(() => expect(sockets).toHaveLength(1));
    await expect(stream.flush(20)).rejects.toThrow(/not reached OfferPulse/);
  });
});
