import { useEffect, useState, type AnchorHTMLAttributes, type MouseEvent } from 'react';

/** A tiny history router: the app has five pages, not worth a routing library in the bundle. */

export interface Location {
  path: string;
  /** Changes on every navigation, so a page can be remounted fresh (e.g. "next round" on /interview). */
  key: number;
}

const listeners = new Set<() => void>();
let navigations = 0;

/**
 * Goes to `to`. `replace` rewrites the current history entry; `silent` only updates the address bar (a page
 * that already shows the right thing, e.g. a round that just got its id).
 */
export function navigate(to: string, options: { replace?: boolean; silent?: boolean } = {}): void {
  if (options.replace || options.silent) window.history.replaceState(null, '', to);
  else window.history.pushState(null, '', to);
  if (options.silent) return;
  navigations += 1;
  listeners.forEach((l) => l());
  window.scrollTo?.(0, 0);
}

export function useLocation(): Location {
  const [location, setLocation] = useState<Location>(() => ({ path: window.location.pathname, key: navigations }));
  useEffect(() => {
    const update = () => setLocation({ path: window.location.pathname, key: navigations });
    const onPop = () => {
      navigations += 1;
      update();
    };
    listeners.add(update);
    window.addEventListener('popstate', onPop);
    return () => {
      listeners.delete(update);
      window.removeEventListener('popstate', onPop);
    };
  }, []);
  return location;
}

export type Route =
  | { page: 'landing' }
  | { page: 'dashboard' }
  | { page: 'interview'; sessionId: string | null }
  | { page: 'kpi' }
  | { page: 'share'; token: string }
  | { page: 'how' }
  | { page: 'not_found' };

export function matchRoute(path: string): Route {
  const clean = path.replace(/\/+$/, '') || '/';
  if (clean === '/' || clean === '/index.html') return { page: 'landing' };
  if (clean === '/dashboard') return { page: 'dashboard' };
  if (clean === '/kpi') return { page: 'kpi' };
  if (clean === '/how') return { page: 'how' };
  if (clean === '/interview') return { page: 'interview', sessionId: null };
  const round = /^\/interview\/([A-Za-z0-9_-]{1,64})$/.exec(clean);
  if (round?.[1]) return { page: 'interview', sessionId: round[1] };
  const share = /^\/s\/([A-Za-z0-9_-]{1,128})$/.exec(clean);
  if (share?.[1]) return { page: 'share', token: share[1] };
  return { page: 'not_found' };
}

type LinkProps = AnchorHTMLAttributes<HTMLAnchorElement> & { to: string };

export function Link({ to, onClick, ...rest }: LinkProps) {
  const handle = (e: MouseEvent<HTMLAnchorElement>) => {
    onClick?.(e);
    if (e.defaultPrevented || e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
    e.preventDefault();
    navigate(to);
  };
  return <a href={to} onClick={handle} {...rest} />;
}
