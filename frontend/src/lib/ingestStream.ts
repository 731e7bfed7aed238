/**
 * Streams answer segments to WS /ws/ingest/{id}: each batch {"ref","segments"} gets one reply, an ack once Kafka
 * has it or an error with nothing written. Unacked batches are re-sent after a reconnect (the backend drops a
 * seq it already has), and if the socket cannot be opened at all the batches go over HTTP instead.
 */
import { backoffDelay } from './roomFeed';
import type { IngestSocketReply, SegmentInput } from './types';

export type IngestStatus = 'connecting' | 'open' | 'reconnecting' | 'http' | 'closed';

export interface IngestStreamOptions {
  urlFor: () => Promise<string>;
  /** The HTTP fallback: POST /api/sessions/{id}/transcript. */
  postBatch: (segments: SegmentInput[]) => Promise<unknown>;
  onStatus?: (status: IngestStatus) => void;
  /** A batch the server refused for good (4xx): tell the user, do not retry. */
  onRejected?: (detail: string) => void;
  createSocket?: (url: string) => WebSocket;
  /** Consecutive failures to open a socket before switching to HTTP. */
  socketAttempts?: number;
}

interface Pending {
  ref: string;
  segments: SegmentInput[];
  sentOn: WebSocket | null;
}

const DEFAULT_SOCKET_ATTEMPTS = 3;
const RETRY_LATER_STATUSES = new Set([429, 500, 502, 503, 504]);

export class IngestStream {
  private readonly pending: Pending[] = [];
  private socket: WebSocket | null = null;
  private failures = 0;
  private counter = 0;
  private httpMode = false;
  private httpBusy = false;
  private closed = false;
  private opening = false;
  private retryTimer: ReturnType<typeof setTimeout> | null = null;
  private waiters: Array<() => void> = [];

  constructor(private readonly options: IngestStreamOptions) {}

  /** Queue a batch; it goes out as soon as a channel is open. */
  send(segments: SegmentInput[]): void {
    if (this.closed || segments.length === 0) return;
    this.counter += 1;
    this.pending.push({ ref: `b${this.counter}`, segments, sentOn: null });
    this.pump();
  }

  get unacknowledged(): number {
    return this.pending.length;
  }

  /** Resolves once every queued batch is acknowledged; rejects after timeoutMs. */
  flush(timeoutMs = 10_000): Promise<void> {
    if (this.pending.length === 0) return Promise.resolve();
    return new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => {
        this.waiters = this.waiters.filter((w) => w !== done);
        reject(new Error('Some of your answer has not reached OfferPulse yet.'));
      }, timeoutMs);
      const done = () => {
        clearTimeout(timer);
        resolve();
      };
      this.waiters.push(done);
    });
  }

  close(): void {
    this.closed = true;
    if (this.retryTimer) clearTimeout(this.retryTimer);
    const s = this.socket;
    this.socket = null;
    if (s && (s.readyState === 0 || s.readyState === 1)) s.close(1000, 'done');
    this.options.onStatus?.('closed');
  }

  private pump(): void {
    if (this.closed) return;
    if (this.httpMode) {
      void this.pumpHttp();
      return;
    }
    const s = this.socket;
    if (s && s.readyState === 1) {
      for (const p of this.pending) {
        if (p.sentOn !== s) {
          p.sentOn = s;
          s.send(JSON.stringify({ ref: p.ref, segments: p.segments }));
        }
      }
    } else if (!s && !this.opening && !this.retryTimer) {
      void this.open();
    }
  }

  private async open(): Promise<void> {
    this.opening = true;
    this.options.onStatus?.(this.failures === 0 ? 'connecting' : 'reconnecting');
    let socket: WebSocket;
    try {
      const url = await this.options.urlFor();
      if (this.closed) return;
      socket = (this.options.createSocket ?? ((u: string) => new WebSocket(u)))(url);
    } catch {
      this.opening = false;
      this.onSocketFailed(false);
      return;
    }
    this.socket = socket;
    let opened = false;
    socket.onopen = () => {
      opened = true;
      this.opening = false;
      this.failures = 0;
      this.options.onStatus?.('open');
      this.pump();
    };
    socket.onmessage = (event: MessageEvent) => this.onReply(String(event.data));
    socket.onclose = () => {
      if (this.socket !== socket) return;
      this.socket = null;
      this.opening = false;
      this.onSocketFailed(opened);
    };
    socket.onerror = () => {
      // onclose follows.
    };
  }

  private onSocketFailed(hadOpened: boolean): void {
    if (this.closed) return;
    if (hadOpened && this.pending.length === 0) {
      // An idle socket went away: the next batch opens a new one.
      this.failures = 0;
      return;
    }
    this.failures = hadOpened ? 1 : this.failures + 1;
    if (this.failures >= (this.options.socketAttempts ?? DEFAULT_SOCKET_ATTEMPTS)) {
      this.httpMode = true;
      this.options.onStatus?.('http');
      this.pump();
      return;
    }
    this.options.onStatus?.('reconnecting');
    this.retryTimer = setTimeout(() => {
      this.retryTimer = null;
      if (this.pending.length > 0 && !this.socket) void this.open();
    }, backoffDelay(this.failures - 1));
  }

  private onReply(raw: string): void {
    let reply: IngestSocketReply;
    try {
      reply = JSON.parse(raw) as IngestSocketReply;
    } catch {
      return;
    }
    const index = this.pending.findIndex((p) => p.ref === reply.ref);
    if (index < 0) return;
    if (reply.type === 'ack') {
      this.pending.splice(index, 1);
    } else if (RETRY_LATER_STATUSES.has(reply.status)) {
      const p = this.pending[index];
      if (p) p.sentOn = null; // re-send on the next pump
      setTimeout(() => this.pump(), 1000);
      return;
    } else {
      this.pending.splice(index, 1);
      this.options.onRejected?.(reply.detail);
    }
    this.settle();
  }

  private async pumpHttp(): Promise<void> {
    if (this.httpBusy) return;
    this.httpBusy = true;
    try {
      while (!this.closed && this.pending.length > 0) {
        const p = this.pending[0]!;
        try {
          await this.options.postBatch(p.segments);
          this.pending.shift();
        } catch (e) {
          const status = (e as { status?: number }).status ?? 0;
          if (status >= 400 && status < 500 && !RETRY_LATER_STATUSES.has(status)) {
            this.pending.shift();
            this.options.onRejected?.(e instanceof Error ? e.message : 'A part of your answer was refused.');
          } else {
            await new Promise((r) => setTimeout(r, 1000));
          }
        }
        this.settle();
      }
    } finally {
      this.httpBusy = false;
    }
  }

  private settle(): void {
    if (this.pending.length === 0) {
      const waiting = this.waiters;
      this.waiters = [];
      waiting.forEach((w) => w());
    }
  }
}
