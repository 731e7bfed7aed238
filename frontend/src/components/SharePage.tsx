import { ApiError, getShare } from '../lib/api';
import { formatDay, isNumber, percent, points, trendOf } from '../lib/format';
import { Link } from '../lib/router';
import type { ShareSnapshot } from '../lib/types';
import { useLoad } from '../lib/useLoad';
import { ErrorPanel, LoadingCard } from './Feedback';

/** The public /s/{token} page: someone's improvement snapshot, no login, no transcript. */
export function SharePage({ token }: { token: string }) {
  const { state, reload } = useLoad<ShareSnapshot>(() => getShare(token), [token]);
  if (state.status === 'loading') return <LoadingCard label="Loading the snapshot" lines={4} />;
  if (state.status === 'error') {
    if (state.error instanceof ApiError && state.error.status === 404) return <ExpiredShare />;
    return <ErrorPanel error={state.error} onRetry={reload} title="This snapshot did not load" />;
  }
  return <SnapshotView snapshot={state.data} />;
}

export function SnapshotView({ snapshot }: { snapshot: ShareSnapshot }) {
  const trend = trendOf(snapshot.change_over_period);
  const rounds = snapshot.rounds_completed;
  return (
    <article className="share-page" aria-labelledby="share-heading">
      <p className="eyebrow">Interview practice snapshot</p>
      <h1 id="share-heading" className="share-headline">
        {isNumber(snapshot.offer_probability) ? (
          <>
            Offer probability <span className="accent">{percent(snapshot.offer_probability)}</span>
            {trend === 'up' ? <> — up {points(snapshot.change_over_period).replace('+', '')} in {snapshot.period_days} days</> : null}
          </>
        ) : (
          <>Practising for the next interview</>
        )}
      </h1>
      <p className="lead">
        {rounds} mock interview round{rounds === 1 ? '' : 's'} in the last {snapshot.period_days} days, scored on how an
        interviewer perceives the answer: credibility, structure, confidence and impact.
      </p>
      <div className="share-grid">
        <section className="card" aria-labelledby="strengths-title">
          <h2 id="strengths-title" className="small-title">Strengths</h2>
          {snapshot.strengths.length ? (
            <ul className="check-list">{snapshot.strengths.map((s, i) => <li key={i}>{s}</li>)}</ul>
          ) : (
            <p className="muted small">Strengths show after a few more rounds.</p>
          )}
        </section>
        <section className="card" aria-labelledby="focus-title">
          <h2 id="focus-title" className="small-title">Working on</h2>
          {snapshot.focus_areas.length ? (
            <ul className="fix-list">{snapshot.focus_areas.map((s, i) => <li key={i}>{s}</li>)}</ul>
          ) : (
            <p className="muted small">Nothing flagged right now.</p>
          )}
        </section>
      </div>
      <p className="muted small">Shared on {formatDay(snapshot.created_at)} · link expires {formatDay(snapshot.expires_at)}. No answers or personal details are shown.</p>
      <div className="card cta-card">
        <div>
          <h2 className="small-title">Preparing for interviews too?</h2>
          <p className="muted small">See your own offer probability after one 3-minute round.</p>
        </div>
        <Link to="/" className="btn btn-primary">Try OfferPulse</Link>
      </div>
    </article>
  );
}

export function ExpiredShare() {
  return (
    <section className="card narrow center" aria-labelledby="expired-title">
      <h1 id="expired-title" className="page-title">This link has expired or was revoked</h1>
      <p className="muted">Snapshot links last a limited time, and their owner can switch them off whenever they like.</p>
      <Link to="/" className="btn btn-primary">Try OfferPulse yourself</Link>
    </section>
  );
}
