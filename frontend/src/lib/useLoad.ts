import { useCallback, useEffect, useRef, useState } from 'react';
import { ApiError } from './api';

export type LoadState<T> =
  | { status: 'loading' }
  | { status: 'ok'; data: T }
  | { status: 'error'; error: unknown };

const RETRYABLE = new Set([503]);
const MAX_AUTO_RETRIES = 3;

/**
 * Loads data for a view. A 503 (a store still restoring after a restart) is retried on its own a few times after
 * its Retry-After; anything else ends in an error state the view shows with a Retry button. Never loads forever:
 * every API call has a timeout.
 */
export function useLoad<T>(load: () => Promise<T>, deps: readonly unknown[]): { state: LoadState<T>; reload: () => void; setData: (data: T) => void } {
  const [state, setState] = useState<LoadState<T>>({ status: 'loading' });
  const [round, setRound] = useState(0);
  const loader = useRef(load);
  loader.current = load;

  useEffect(() => {
    let cancelled = false;
    let timer: ReturnType<typeof setTimeout> | null = null;
    const attempt = (n: number) => {
      loader
        .current()
        .then((data) => {
          if (!cancelled) setState({ status: 'ok', data });
        })
        .catch((error: unknown) => {
          if (cancelled) return;
          if (error instanceof ApiError && RETRYABLE.has(error.status) && n < MAX_AUTO_RETRIES) {
            timer = setTimeout(() => attempt(n + 1), 1000 * Math.min(5, error.retryAfterSeconds ?? 1));
            return;
          }
          setState({ status: 'error', error });
        });
    };
    setState((s) => (s.status === 'ok' ? s : { status: 'loading' }));
    attempt(0);
    return () => {
      cancelled = true;
      if (timer) clearTimeout(timer);
    };
  }, [round, ...deps]);

  const reload = useCallback(() => setRound((r) => r + 1), []);
  const setData = useCallback((data: T) => setState({ status: 'ok', data }), []);
  return { state, reload, setData };
}
