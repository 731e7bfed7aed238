/**
 * The client side of WS /ws/rooms/{id} (docs/REALTIME.md): a pure tracker of seq/epoch that folds messages into
 * the room's view and tells when something was missed, and a connection that reconnects with backoff and asks
 * the server to recover from the last seq it saw.
 */
import type { RoomMessage, SessionEndData, SessionMeters, TaggedSentence } from './types';

export interface RoomView {
  meters: SessionMeters | null;
  /** Ordered by index; one entry per index. */
  sentences: TaggedSentence[];
  ended: SessionEndData | null;
}

export const EMPTY_ROOM: RoomView = { meters: null, sentences: [], ended: null };

export type TrackResult = 'applied' | 'duplicate' | 'gap' | 'epoch_changed';

/**
 * Applying a message twice is harmless (sentences are keyed by index, meters by as_of_seq), so recovery may
 * replay freely; the tracker only decides what counts as delivered.
 */
export class RoomTracker {
  private epochSeen: string | null = null;
  /** Every seq up to this one was delivered (or superseded). */
  private contiguous = -1;
  /** Delivered seqs beyond a hole. */
  private readonly ahead = new Set<number>();
  private current: RoomView = EMPTY_ROOM;

  get view(): RoomView {
    return this.current;
  }

  get epoch(): string | null {
    return this.epochSeen;
  }

  get lastSeq(): number {
    return this.contiguous;
  }

  /** True while a seq is missing and not covered by a later meters' `superseded`. */
  hasGap(): boolean {
    return this.ahead.size > 0;
  }

  /** What to ask the server for on reconnect: everything after the last contiguous seq of this epoch. */
  recovery(): { lastSeq: number; epoch: string } | undefined {
    return this.epochSeen !== null && this.contiguous >= 0 ? { lastSeq: this.contiguous, epoch: this.epochSeen } : undefined;
  }

  accept(msg: RoomMessage): TrackResult {
    if (msg.type === 'snapshot') {
      this.epochSeen = msg.epoch;
      this.contiguous = msg.seq;
      this.ahead.clear();
      // Merge rather than replace: a snapshot after a lost room (new epoch) may hold less than we already show.
      let view: RoomView = { ...this.current, ended: msg.data.ended ?? this.current.ended };
      if (msg.data.meters) view = withMeters(view, msg.data.meters);
      for (const s of msg.data.sentences) view = withSentence(view, s);
      this.current = view;
      return 'applied';
    }

    const epochChanged = this.epochSeen !== null && msg.epoch !== this.epochSeen;
    if (!epochChanged && (msg.seq <= this.contiguous || this.ahead.has(msg.seq))) {
      return 'duplicate';
    }
    this.current = applyData(this.current, msg);
    if (epochChanged || this.epochSeen === null) {
      // A message from an epoch we never joined: fold its data in, but only a snapshot can reset the seq.
      return 'epoch_changed';
    }
    this.markDelivered(msg.seq);
    if (msg.type === 'meters' && msg.superseded) {
      msg.superseded.forEach((s) => this.markDelivered(s));
    }
    return this.hasGap() ? 'gap' : 'applied';
  }

  private markDelivered(seq: number): void {
    if (seq <= this.contiguous) return;
    this.ahead.add(seq);
    while (this.ahead.has(this.contiguous + 1)) {
      this.ahead.delete(this.contiguous + 1);
      this.contiguous += 1;
    }
  }
}

function applyData(view: RoomView, msg: RoomMessage): RoomView {
  switch (msg.type) {
    case 'meters':
      return withMeters(view, msg.data);
    case 'sentence':
      return withSentence(view, msg.data);
    case 'session_end':
      return view.ended ? view : { ...view, ended: msg.data };
    default:
      return view;
  }
}

function withMeters(view: RoomView, meters: SessionMeters): RoomView {
  if (view.meters && view.meters.as_of_seq > meters.as_of_seq) return view;
  return { ...view, meters };
}

function withSentence(view: RoomView, sentence: TaggedSentence): RoomView {
  const others = view.sentences.filter((s) => s.index !== sentence.index);
  const sentences = [...others, sentence].sort((a, b) => a.index - b.index);
  return { ...view, sentences };
}

// ---------------------------------------------------------------------------

export type ConnectionStatus = 'connecting' | 'live' | 'reconnecting' | 'closed';

export interface RoomConnectionOptions {
  sessionId: string;
  /** Builds the socket URL (token, and recovery when given). */
  urlFor: (recovery?: { lastSeq: number; epoch: string }) => Promise<string>;
  onView: (view: RoomView) => void;
  onStatus?: (status: ConnectionStatus) => void;
  /** Called once per connection for the first meters this round shows. */
  onFirstMeters?: () => void;
  createSocket?: (url: string) => WebSocket;
  /** How long a hole may stay open (a later meters' `superseded` may still cover it) before we recover. */
  gapGraceMs?: number;
  backoffMs?: readonly number[];
}

export const DEFAULT_BACKOFF_MS = [500, 1000, 2000, 4000, 8000, 10_000] as const;
const DEFAULT_GAP_GRACE_MS = 1500;

/** Exponential backoff with ±20 % jitter so many clients do not reconnect in step. */
export function backoffDelay(attempt: number, steps: readonly number[] = DEFAULT_BACKOFF_MS, random = Math.random): number {
  const base = steps[Math.min(attempt, steps.length - 1)] ?? 1000;
  return Math.round(base * (0.8 + 0.4 * random()));
}

export class RoomConnection {
  private readonly tracker = new RoomTracker();
  private socket: WebSocket | null = null;
  private stopped = false;
  private attempt = 0;
  private retryTimer: ReturnType<typeof setTimeout> | null = null;
  private gapTimer: ReturnType<typeof setTimeout> | null = null;
  private firstMetersSeen = false;

  constructor(private readonly options: RoomConnectionOptions) {}

  start(): void {
    this.stopped = false;
    void this.open(false);
  }

  stop(): void {
    this.stopped = true;
    this.clearTimers();
    const s = this.socket;
    this.socket = null;
    if (s && (s.readyState === 0 || s.readyState === 1)) s.close(1000, 'done');
    this.options.onStatus?.('closed');
  }

  get view(): RoomView {
    return this.tracker.view;
  }

  private async open(recover: boolean): Promise<void> {
    if (this.stopped) return;
    this.options.onStatus?.(this.attempt === 0 ? 'connecting' : 'reconnecting');
    let url: string;
    try {
      url = await this.options.urlFor(recover ? this.tracker.recovery() : undefined);
    } catch {
      this.scheduleReconnect();
      return;
    }
    if (this.stopped) return;
    const socket = (this.options.createSocket ?? ((u: string) => new WebSocket(u)))(url);
    this.socket = socket;
    socket.onmessage = (event: MessageEvent) => {
      if (this.socket !== socket) return;
      this.attempt = 0;
      this.options.onStatus?.('live');
      this.handle(String(event.data));
    };
    socket.onclose = () => {
      if (this.socket !== socket) return;
      this.socket = null;
      this.scheduleReconnect();
    };
    socket.onerror = () => {
      // onclose follows and reconnects.
    };
  }

  private handle(raw: string): void {
    let msg: RoomMessage;
    try {
      msg = JSON.parse(raw) as RoomMessage;
    } catch {
      return;
    }
    const result = this.tracker.accept(msg);
    if (result !== 'duplicate') {
      this.options.onView(this.tracker.view);
      if (!this.firstMetersSeen && this.tracker.view.meters) {
        this.firstMetersSeen = true;
        this.options.onFirstMeters?.();
      }
    }
    if (result === 'epoch_changed') {
      this.reconnectNow();
    } else if (result === 'gap') {
      if (!this.gapTimer) {
        this.gapTimer = setTimeout(() => {
          this.gapTimer = null;
          if (this.tracker.hasGap()) this.reconnectNow();
        }, this.options.gapGraceMs ?? DEFAULT_GAP_GRACE_MS);
      }
    } else if (!this.tracker.hasGap() && this.gapTimer) {
      clearTimeout(this.gapTimer);
      this.gapTimer = null;
    }
  }

  /** Drop this socket and rejoin at once, asking for what we missed. */
  private reconnectNow(): void {
    const s = this.socket;
    this.socket = null;
    if (s) s.close(1000, 'recover');
    this.clearTimers();
    void this.open(true);
  }

  private scheduleReconnect(): void {
    if (this.stopped || this.retryTimer) return;
    const delay = backoffDelay(this.attempt, this.options.backoffMs);
    this.attempt += 1;
    this.options.onStatus?.('reconnecting');
    this.retryTimer = setTimeout(() => {
      this.retryTimer = null;
      void this.open(true);
    }, delay);
  }

  private clearTimers(): void {
    if (this.retryTimer) clearTimeout(this.retryTimer);
    if (this.gapTimer) clearTimeout(this.gapTimer);
    this.retryTimer = null;
    this.gapTimer = null;
  }
}
