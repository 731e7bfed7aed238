import type { ShareCreated } from './types';

/**
 * The share links this browser created, per user, so the owner can still revoke one after a reload (the API has
 * no "list my links" call). Tokens are secrets: they stay in this browser only.
 */
const KEY = 'offerpulse.shares';

type Store = Record<string, ShareCreated[]>;

function read(): Store {
  try {
    const raw = window.localStorage.getItem(KEY);
    return raw ? (JSON.parse(raw) as Store) : {};
  } catch {
    return {};
  }
}

function write(store: Store): void {
  try {
    window.localStorage.setItem(KEY, JSON.stringify(store));
  } catch {
    // not persisted
  }
}

export function activeShare(userId: string, now = Date.now()): ShareCreated | null {
  const list = read()[userId] ?? [];
  return list.find((s) => Date.parse(s.expires_at) > now) ?? null;
}

export function rememberShare(userId: string, share: ShareCreated): void {
  const store = read();
  store[userId] = [share, ...(store[userId] ?? []).filter((s) => s.token !== share.token)].slice(0, 5);
  write(store);
}

export function forgetShare(userId: string, token: string): void {
  const store = read();
  store[userId] = (store[userId] ?? []).filter((s) => s.token !== token);
  write(store);
}
