/**
 * The one HTTP client of the app: every call to the backend goes through here, typed with the wire payloads of
 * ./types (snake_case, as the backend writes them). Components never call fetch themselves.
 */
import {
  anonymousId,
  clearIdentity,
  expireIdentity,
  isUsable,
  loadIdentity,
  saveIdentity,
  type Identity,
} from './identity';
import type {
  ClientEventName,
  GuestSignInResponse,
  Funnel,
  NorthStar,
  OfferProbability,
  ProblemDetail,
  PromptStateChanged,
  Role,
  RoundPage,
  RoundSummary,
  RoundTranscript,
  SegmentInput,
  SessionCreated,
  SessionEndAccepted,
  ShareCreated,
  ShareSnapshot,
  StartSessionRequest,
  TestimonialRequest,
  TranscriptAccepted,
  UserPrompts,
  WeeklyReview,
} from './types';

export type * from './types';

/** A failed call: HTTP status (0 when the server could not be reached) and the problem's text. */
export class ApiError extends Error {
  readonly status: number;
  readonly problem: ProblemDetail | null;
  readonly retryAfterSeconds: number | null;

  constructor(status: number, message: string, problem: ProblemDetail | null = null, retryAfterSeconds: number | null = null) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.problem = problem;
    this.retryAfterSeconds = retryAfterSeconds;
  }

  get isNotFound(): boolean {
    return this.status === 404;
  }
}

/** Plain words for a failure, for the error panels. */
export function describeError(error: unknown): string {
  if (error instanceof ApiError) {
    if (error.status === 0) return 'We could not reach OfferPulse. Check your connection and try again.';
    if (error.status === 503) return 'OfferPulse is catching up (it may have just started). Try again in a few seconds.';
    if (error.status === 429) return 'Too many requests in a short time. Wait a moment and try again.';
    return error.message;
  }
  return error instanceof Error ? error.message : 'Something went wrong.';
}

type AuthMode = 'required' | 'optional' | 'none';

interface RequestOptions {
  body?: unknown;
  auth?: AuthMode;
  signal?: AbortSignal;
  /** Keep the request alive while the page unloads (product events). */
  keepalive?: boolean;
}

const REQUEST_TIMEOUT_MS = 15_000;

let signingIn: Promise<Identity> | null = null;

/** The name the header shows for a guest; guests have no name, only a random id the server chose. */
export const GUEST_NAME = 'Guest';

/**
 * A new guest: the server picks a random identity (128 bits) and signs a candidate token for it. Nothing the
 * browser says shapes who it becomes, so nobody can sign in as somebody else by knowing a name.
 */
export async function guestSignIn(): Promise<Identity> {
  const res = await send<GuestSignInResponse>('POST', '/api/auth/guest', { auth: 'none' });
  const identity: Identity = {
    token: res.token,
    user_id: res.user_id,
    expires_at: res.expires_at,
    username: GUEST_NAME,
    roles: ['candidate'],
  };
  saveIdentity(identity);
  return identity;
}

/**
 * A usable identity: the stored one, or a new guest when there is none or its token stopped working. Roles are
 * never asked for: they come from the identity provider or the operator, so a missing role is a 403 to show, not
 * something to sign in for. Concurrent callers share one sign-in.
 */
export function ensureSignedIn(roles?: Role[]): Promise<Identity> {
  const current = loadIdentity();
  if (isUsable(current)) {
    const missing = (roles ?? []).filter((r) => !current.roles.includes(r));
    if (missing.length > 0) {
      return Promise.reject(new ApiError(403, `This needs the ${missing.join(', ')} role, which only the operator or your identity provider can grant.`));
    }
    return Promise.resolve(current);
  }
  if (!signingIn) {
    signingIn = guestSignIn().finally(() => {
      signingIn = null;
    });
  }
  return signingIn;
}

export function currentIdentity(): Identity | null {
  const identity = loadIdentity();
  return isUsable(identity) ? identity : null;
}

export function signOut(): void {
  clearIdentity();
}

async function send<T>(method: string, path: string, options: RequestOptions = {}, retried = false): Promise<T> {
  const auth = options.auth ?? 'required';
  const headers: Record<string, string> = { accept: 'application/json' };
  if (options.body !== undefined) headers['content-type'] = 'application/json';
  if (auth === 'required') {
    headers.authorization = `Bearer ${(await ensureSignedIn()).token}`;
  } else if (auth === 'optional') {
    const identity = currentIdentity();
    if (identity) headers.authorization = `Bearer ${identity.token}`;
  }

  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), REQUEST_TIMEOUT_MS);
  const abort = () => controller.abort();
  options.signal?.addEventListener('abort', abort);
  let res: Response;
  try {
    res = await fetch(path, {
      method,
      headers,
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
      signal: controller.signal,
      keepalive: options.keepalive,
    });
  } catch (e) {
    if (options.signal?.aborted) throw e;
    throw new ApiError(0, 'OfferPulse could not be reached.');
  } finally {
    clearTimeout(timer);
    options.signal?.removeEventListener('abort', abort);
  }

  if (res.status === 401 && auth !== 'none' && !retried) {
    // The stored token expired or the server's key changed: a guest token cannot be renewed, so this becomes a new
    // guest once and repeats the call.
    expireIdentity();
    if (auth === 'optional') return send<T>(method, path, { ...options, auth: 'none' }, true);
    return send<T>(method, path, options, true);
  }
  if (!res.ok) {
    throw await toError(res);
  }
  if (res.status === 204) return undefined as T;
  const text = await res.text();
  return (text ? JSON.parse(text) : undefined) as T;
}

async function toError(res: Response): Promise<ApiError> {
  let problem: ProblemDetail | null = null;
  try {
    const text = await res.text();
    problem = text ? (JSON.parse(text) as ProblemDetail) : null;
  } catch {
    problem = null;
  }
  const retryAfter = Number.parseInt(res.headers.get('retry-after') ?? '', 10);
  const message = problem?.detail ?? problem?.title ?? `Request failed (${res.status})`;
  return new ApiError(res.status, message, problem, Number.isFinite(retryAfter) ? retryAfter : null);
}

// ---- rounds (ingest-api) ----

export function startSession(request: StartSessionRequest): Promise<SessionCreated> {
  return send<SessionCreated>('POST', '/api/sessions', { body: request });
}

export function sendTranscript(sessionId: string, segments: SegmentInput[]): Promise<TranscriptAccepted> {
  return send<TranscriptAccepted>('POST', `/api/sessions/${encodeURIComponent(sessionId)}/transcript`, {
    body: { segments },
  });
}

export function endSession(sessionId: string): Promise<SessionEndAccepted> {
  return send<SessionEndAccepted>('POST', `/api/sessions/${encodeURIComponent(sessionId)}/end`);
}

export function deleteSession(sessionId: string): Promise<SessionEndAccepted> {
  return send<SessionEndAccepted>('DELETE', `/api/sessions/${encodeURIComponent(sessionId)}`);
}

/** Product analytics: fire and forget, never throws, never blocks the UI. */
export async function trackEvent(
  name: ClientEventName,
  extra: { session_id?: string; properties?: Record<string, string> } = {},
): Promise<void> {
  try {
    await send<unknown>('POST', '/api/events', {
      body: { name, anonymous_id: anonymousId(), ...extra },
      auth: 'optional',
      keepalive: true,
    });
  } catch {
    // Analytics must never break the product.
  }
}

// ---- views (query-api) ----

export function getOfferProbability(): Promise<OfferProbability> {
  return send<OfferProbability>('GET', '/api/user/offer-probability');
}

export function listSessions(limit = 50, cursor?: string): Promise<RoundPage> {
  const query = new URLSearchParams({ limit: String(limit) });
  if (cursor) query.set('cursor', cursor);
  return send<RoundPage>('GET', `/api/user/sessions?${query.toString()}`);
}

/** The end-of-round card; 404 (ApiError.isNotFound) until the round's summary exists. */
export function getRoundSummary(sessionId: string): Promise<RoundSummary> {
  return send<RoundSummary>('GET', `/api/sessions/${encodeURIComponent(sessionId)}`);
}

export function getTranscript(sessionId: string): Promise<RoundTranscript> {
  return send<RoundTranscript>('GET', `/api/sessions/${encodeURIComponent(sessionId)}/transcript`);
}

// ---- sharing ----

export function createShare(periodDays = 30): Promise<ShareCreated> {
  return send<ShareCreated>('POST', '/api/share', { body: { period_days: periodDays } });
}

export function revokeShare(token: string): Promise<void> {
  return send<void>('DELETE', `/api/share/${encodeURIComponent(token)}`);
}

/** Public: no token is sent. */
export function getShare(token: string): Promise<ShareSnapshot> {
  return send<ShareSnapshot>('GET', `/api/share/${encodeURIComponent(token)}`, { auth: 'none' });
}

// ---- testimonial prompt ----

export function getPrompts(): Promise<UserPrompts> {
  return send<UserPrompts>('GET', '/api/user/prompts');
}

export function dismissTestimonial(): Promise<PromptStateChanged> {
  return send<PromptStateChanged>('POST', '/api/user/prompts/testimonial/dismiss');
}

export function submitTestimonial(request: TestimonialRequest): Promise<PromptStateChanged> {
  return send<PromptStateChanged>('POST', '/api/testimonials', { body: request });
}

// ---- KPI (analyst role) ----

export function getNorthStar(days = 30): Promise<NorthStar> {
  return send<NorthStar>('GET', `/api/kpi/north-star?days=${days}`);
}

export function getFunnel(days = 7): Promise<Funnel> {
  return send<Funnel>('GET', `/api/kpi/funnel?days=${days}`);
}

export function getWeeklyReview(): Promise<WeeklyReview> {
  return send<WeeklyReview>('GET', '/api/kpi/weekly-review');
}

// ---- sockets ----

function socketBase(): string {
  const { protocol, host } = window.location;
  return `${protocol === 'https:' ? 'wss' : 'ws'}://${host}`;
}

/** WS /ws/ingest/{id}: browsers cannot set headers on a WebSocket, so the token goes in the query. */
export async function ingestSocketUrl(sessionId: string): Promise<string> {
  const { token } = await ensureSignedIn();
  return `${socketBase()}/ws/ingest/${encodeURIComponent(sessionId)}?access_token=${encodeURIComponent(token)}`;
}

/** WS /ws/rooms/{id}, optionally asking to recover from the last seq/epoch seen. */
export async function roomSocketUrl(sessionId: string, recovery?: { lastSeq: number; epoch: string }): Promise<string> {
  const { token } = await ensureSignedIn();
  const query = new URLSearchParams({ access_token: token });
  if (recovery) {
    query.set('last_seq', String(recovery.lastSeq));
    query.set('epoch', recovery.epoch);
  }
  return `${socketBase()}/ws/rooms/${encodeURIComponent(sessionId)}?${query.toString()}`;
}
