import { useMemo, useState } from 'react';
import { deleteSession, getOfferProbability, listSessions } from '../lib/api';
import { formatDate, percent, points } from '../lib/format';
import { Link } from '../lib/router';
import type { OfferProbability, RoundItem, RoundPage } from '../lib/types';
import { useLoad } from '../lib/useLoad';
import { ErrorPanel, LoadingCard } from './Feedback';
import { FixNextPanel } from './FixNextPanel';
import { LineChart, type ChartPoint } from './LineChart';
import { OfferProbabilityCard } from './OfferProbabilityCard';
import { RoundComparison } from './RoundComparison';
import { RoundList } from './RoundList';
import { ShareSnapshotPanel } from './ShareSnapshotPanel';

interface DashboardData {
  view: OfferProbability;
  page: RoundPage;
}

const NO_ROUNDS: RoundItem[] = [];

/** Views catch up with a deletion a moment later; refetch after this long. */
const REFRESH_AFTER_DELETE_MS = 1500;

/** The candidate's dashboard: offer probability first, then what holds it back, the trend and past rounds. */
export function DashboardPanel() {
  const { state, reload, setData } = useLoad<DashboardData>(
    async () => {
      const [view, page] = await Promise.all([getOfferProbability(), listSessions(50)]);
      return { view, page };
    },
    [],
  );
  // null: the two latest rounds are compared until the user picks others.
  const [picked, setPicked] = useState<string[] | null>(null);
  const rounds = state.status === 'ok' ? state.data.page.sessions : NO_ROUNDS;
  const latestTwo = rounds.slice(0, 2).map((r) => r.session_id);
  const selected = (picked ?? latestTwo).filter((id) => rounds.some((r) => r.session_id === id));

  if (state.status === 'loading') {
    return (
      <div className="dashboard">
        <LoadingCard label="Loading your offer probability" lines={4} />
        <LoadingCard label="Loading your rounds" />
      </div>
    );
  }
  if (state.status === 'error') {
    return <ErrorPanel error={state.error} onRetry={reload} title="Your dashboard did not load" />;
  }

  const { view, page } = state.data;
  if (page.sessions.length === 0 && view.sessions_count === 0) {
    return <FirstRoundInvitation />;
  }

  const toggle = (id: string) =>
    setPicked(() => (selected.includes(id) ? selected.filter((x) => x !== id) : [...selected, id].slice(-2)));

  const remove = async (id: string) => {
    await deleteSession(id);
    const remaining = page.sessions.filter((r) => r.session_id !== id);
    setData({ view, page: { ...page, sessions: remaining } });
    setTimeout(reload, REFRESH_AFTER_DELETE_MS);
  };

  return (
    <div className="dashboard">
      <OfferProbabilityCard view={view} />
      <FixNextPanel
        negativeDrivers={view.drivers_negative}
        whatToFixNext={view.what_to_fix_next}
        delta={view.delta_vs_last_session}
        rounds={view.sessions_count}
      />
      <p className="small">
        <Link to="/how">How your offer probability is computed</Link>
      </p>
      <div className="dashboard-actions">
        <Link to="/interview" className="btn btn-primary">Start the next round</Link>
        <button type="button" className="btn btn-ghost" onClick={reload}>Refresh</button>
      </div>
      <TrendCard rounds={page.sessions} view={view} />
      <CompareSection rounds={page.sessions} selected={selected} />
      <RoundList rounds={page.sessions} selected={selected} onToggleCompare={toggle} onDelete={remove} />
      <ShareSnapshotPanel />
    </div>
  );
}

function FirstRoundInvitation() {
  return (
    <section className="card invitation" aria-labelledby="invite-title">
      <h2 id="invite-title">Your offer probability starts with one round</h2>
      <p>
        Answer one behavioural question — about three minutes, typed or spoken. You will see how an interviewer
        perceives you while you talk, and your first offer-probability estimate when you finish.
      </p>
      <Link to="/interview" className="btn btn-primary btn-large">Start a 3-minute mock round</Link>
    </section>
  );
}

function TrendCard({ rounds, view }: { rounds: readonly RoundItem[]; view: OfferProbability }) {
  const chronological = useMemo(() => [...rounds].reverse(), [rounds]);
  const chartPoints: ChartPoint[] = chronological.map((r, i) => ({
    label: `R${i + 1}`,
    value: r.offer_probability_after,
    detail: `Round ${i + 1} (${formatDate(r.ended_at)}): ${percent(r.offer_probability_after)}${r.offer_probability_change === null ? '' : `, ${points(r.offer_probability_change)}`}`,
  }));
  const first = chronological[0];
  const last = chronological[chronological.length - 1];
  const summary =
    first && last && chronological.length > 1
      ? `Offer probability across ${chronological.length} rounds, from ${percent(first.offer_probability_after)} to ${percent(last.offer_probability_after)}.`
      : `Offer probability after your first round: ${percent(first?.offer_probability_after)}.`;
  return (
    <section className="card trend" aria-labelledby="trend-title">
      <div className="card-head">
        <h2 id="trend-title">Offer probability by round</h2>
        {chronological.length < 3 ? <span className="muted small">A trend needs three rounds or more</span> : null}
      </div>
      <LineChart points={chartPoints} summary={summary} band={view.confidence_band} />
    </section>
  );
}

function CompareSection({ rounds, selected }: { rounds: readonly RoundItem[]; selected: readonly string[] }) {
  if (rounds.length < 2) return null;
  const picked = rounds
    .map((r, i) => ({ r, number: rounds.length - i }))
    .filter(({ r }) => selected.includes(r.session_id));
  if (picked.length !== 2) {
    return <p className="muted small compare-hint">Tick two rounds below to compare them side by side.</p>;
  }
  // rounds are newest first, so the second pick is the older one
  const [newer, older] = picked as [{ r: RoundItem; number: number }, { r: RoundItem; number: number }];
  return <RoundComparison older={older.r} newer={newer.r} olderLabel={`Round ${older.number}`} newerLabel={`Round ${newer.number}`} />;
}
