import { useEffect, useState, type ReactNode } from 'react';
import { currentIdentity } from '../lib/api';
import { onIdentityChange, type Identity } from '../lib/identity';
import { Link } from '../lib/router';

interface Props {
  current: 'landing' | 'dashboard' | 'interview' | 'kpi' | 'share' | 'not_found';
  children: ReactNode;
}

/** The frame of every page: brand, navigation, the signed-in user, and a skip link for keyboard users. */
export function AppShell({ current, children }: Props) {
  const [identity, setIdentity] = useState<Identity | null>(() => currentIdentity());
  useEffect(() => onIdentityChange(setIdentity), []);
  const isAnalyst = identity?.roles.includes('analyst') ?? false;
  const nav = (to: string, page: Props['current'], label: string) => (
    <Link to={to} className="nav-link" aria-current={current === page ? 'page' : undefined}>
      {label}
    </Link>
  );
  return (
    <div className={`shell page-${current}`}>
      <a className="skip-link" href="#main">Skip to content</a>
      <header className="topbar">
        <div className="topbar-inner">
          <Link to="/" className="brand" aria-label="OfferPulse home">
            <svg viewBox="0 0 32 32" width="28" height="28" aria-hidden="true">
              <rect width="32" height="32" rx="8" fill="currentColor" />
              <path d="M5 18h5l3-8 5 14 3-6h6" fill="none" stroke="#fff" strokeWidth="2.6" strokeLinecap="round" strokeLinejoin="round" />
            </svg>
            <span>OfferPulse</span>
          </Link>
          <nav aria-label="Main" className="nav">
            {nav('/interview', 'interview', 'Practice')}
            {nav('/dashboard', 'dashboard', 'Dashboard')}
            {isAnalyst ? nav('/kpi', 'kpi', 'KPIs') : null}
          </nav>
          {identity ? (
            <span className="who small" title="Signed in on this browser">
              <span className="avatar" aria-hidden="true">{identity.username.slice(0, 1).toUpperCase()}</span>
              <span className="who-name">{identity.username}</span>
            </span>
          ) : null}
        </div>
      </header>
      <main id="main" tabIndex={-1} className="content">
        {children}
      </main>
      <footer className="footer small muted">
        OfferPulse estimates from your practice answers; it is a coach, not a hiring decision.
      </footer>
    </div>
  );
}
