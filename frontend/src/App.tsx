import { useEffect } from 'react';
import { trackEvent } from './lib/api';
import { Link, matchRoute, useLocation } from './lib/router';
import { AppShell } from './components/AppShell';
import { DashboardPanel } from './components/DashboardPanel';
import { HowComputedPage } from './components/HowComputedPage';
import { Interview } from './components/Interview';
import { KpiPage } from './components/KpiPage';
import { QuickStartPanel } from './components/QuickStartPanel';
import { SharePage } from './components/SharePage';
import { ToastProvider } from './components/ToastProvider';

const TITLES: Record<string, string> = {
  landing: 'OfferPulse — your offer probability, live',
  dashboard: 'Your offer probability · OfferPulse',
  interview: 'Mock interview round · OfferPulse',
  kpi: 'KPIs · OfferPulse',
  share: 'Interview practice snapshot · OfferPulse',
  how: 'How your offer probability is computed · OfferPulse',
  not_found: 'Page not found · OfferPulse',
};

export function App() {
  const location = useLocation();
  const route = matchRoute(location.path);

  useEffect(() => {
    document.title = TITLES[route.page] ?? 'OfferPulse';
    if (route.page === 'landing') void trackEvent('landing_view');
  }, [route.page, location.key]);

  return (
    <ToastProvider>
      {/* The "how" page highlights no navigation item (AppShell's own list of pages is left as it is). */}
      <AppShell current={route.page === 'how' ? 'not_found' : route.page}>
        {route.page === 'landing' ? <QuickStartPanel /> : null}
        {route.page === 'dashboard' ? (
          <>
            <h1 className="page-title">Your progress</h1>
            <DashboardPanel key={location.key} />
          </>
        ) : null}
        {route.page === 'interview' ? <Interview key={location.key} sessionId={route.sessionId} /> : null}
        {route.page === 'kpi' ? <KpiPage key={location.key} /> : null}
        {route.page === 'share' ? <SharePage token={route.token} /> : null}
        {route.page === 'how' ? <HowComputedPage /> : null}
        {route.page === 'not_found' ? (
          <section className="card narrow center">
            <h1 className="page-title">This page does not exist</h1>
            <Link to="/" className="btn btn-primary">Go to OfferPulse</Link>
          </section>
        ) : null}
      </AppShell>
    </ToastProvider>
  );
}
