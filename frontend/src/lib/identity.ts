import type { Role } from './types';

/**
 * Who this browser is signed in as: a guest (random id chosen by the server), kept in localStorage so a guest's
 * rounds survive a closed tab; the Content-Security-Policy (no inline or foreign scripts) is what keeps other
 * scripts away from it.
 */
export interface Identity {
  token: string;
  user_id: string;
  expires_at: string;
  username: string;
  roles: Role[];
}

const IDENTITY_KEY = 'offerpulse.identity';
const ANONYMOUS_KEY = 'offerpulse.anonymous_id';
/** Renew a token this long before it expires rather than let a request fail on it. */
const EXPIRY_MARGIN_MS = 60_000;

type Listener = (identity: Identity | null) => void;
const listeners = new Set<Listener>();

function storage(): Storage | null {
  try {
    return typeof window === 'undefined' ? null : window.localStorage;
  } catch {
    return null; // private mode or disabled storage: behave as a fresh visitor
  }
}

function randomId(): string {
  if (typeof crypto !== 'undefined' && typeof crypto.randomUUID === 'function') {
    return crypto.randomUUID();
  }
  return `${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 12)}`;
}

/** A stable anonymous id for product events (letters, digits and '-' only, as the API requires). */
export function anonymousId(): string {
  const s = storage();
  const existing = s?.getItem(ANONYMOUS_KEY);
  if (existing && /^[A-Za-z0-9_-]{1,64}$/.test(existing)) {
    return existing;
  }
  const id = randomId().replace(/[^A-Za-z0-9_-]/g, '');
  s?.setItem(ANONYMOUS_KEY, id);
  return id;
}

export function loadIdentity(): Identity | null {
  const raw = storage()?.getItem(IDENTITY_KEY);
  if (!raw) return null;
  try {
    const parsed = JSON.parse(raw) as Partial<Identity>;
    if (typeof parsed.token !== 'string' || typeof parsed.user_id !== 'string' || typeof parsed.username !== 'string') {
      return null;
    }
    return {
      token: parsed.token,
      user_id: parsed.user_id,
      expires_at: typeof parsed.expires_at === 'string' ? parsed.expires_at : '',
      username: parsed.username,
      roles: Array.isArray(parsed.roles) ? parsed.roles : ['candidate'],
    };
  } catch {
    return null;
  }
}

export function saveIdentity(identity: Identity): void {
  storage()?.setItem(IDENTITY_KEY, JSON.stringify(identity));
  listeners.forEach((l) => l(identity));
}

export function clearIdentity(): void {
  storage()?.removeItem(IDENTITY_KEY);
  listeners.forEach((l) => l(null));
}

/** The server refused the token: mark it expired so the next call signs in afresh. */
export function expireIdentity(): void {
  const identity = loadIdentity();
  if (identity) saveIdentity({ ...identity, expires_at: new Date(0).toISOString() });
}

export function isUsable(identity: Identity | null, now: number = Date.now()): identity is Identity {
  if (!identity) return false;
  const expires = Date.parse(identity.expires_at);
  return Number.isNaN(expires) || expires - EXPIRY_MARGIN_MS > now;
}

export function onIdentityChange(listener: Listener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}
