import { useEffect, useRef, useState } from 'react';
import { ApiError, describeError, getRoundSummary } from '../lib/api';
import { isNumber, percent, pointsBetween, signed, trendOf } from '../lib/format';
import { isHigherBetter, meterLabel } from '../lib/meters';
import { Link } from '../lib/router';
import type { RoundSummary } from '../lib/types';

interface Props {
  sessionId: string;
  /** The round's last live hints, used for "what to fix next" only when the summary has no advice of its own. */
  liveHints?: readonly string[];
  onNextRound: () => void;
  /** Called once when the summary is in (the testimonial prompt waits for it). */
  onSummary?: (summary: RoundSummary) => void;
  pollMs?: number;
  timeoutMs?: number;
}

const NO_HINTS: readonly string[] = [];
export const SUMMARY_POLL_MS = 750;
export const SUMMARY_TIMEOUT_MS = 30_000;

type State =
  | { status: 'waiting'; elapsed: number }
  | { status: 'ready'; summary: RoundSummary }
  | { status: 'timeout' }
  | { status: 'error'; error: unknown };

/**
 * The end-of-round card: polls GET /api/sessions/{id} until the round's summary exists (404 until then), with
 * visible progress and a time limit, then shows how the offer probability moved, what changed and what to fix.
 */
export function RoundDeltaCard({ sessionId, liveHints = NO_HINTS, onNextRound, onSummary, pollMs = SUMMARY_POLL_MS, timeoutMs = SUMMARY_TIMEOUT_MS }: Props) {
  const [state, setState] = useState<State>({ status: 'waiting', elapsed: 0 });
  const [attempt, setAttempt] = useState(0);
  const notified = useRef(false);
  const summaryCallback = useRef(onSummary);
  summaryCallback.current = onSummary;

  useEffect(() => {
    let cancelled = false;
    let timer: ReturnType<typeof setTimeout> | null = null;
    const started = Date.now();
    setState({ status: 'waiting', elapsed: 0 });
    const poll = async () => {
      try {
        const summary = await getRoundSummary(sessionId);
        if (cancelled) return;
        setState({ status: 'ready', summary });
        if (!notified.current) {
          notified.current = true;
          summaryCallback.current?.(summary);
        }
        return;
      } catch (e) {
        if (cancelled) return;
        const notYet = e instanceof ApiError && (e.status === 404 || e.status === 503 || e.status === 0);
        if (!notYet) {
          setState({ status: 'error', error: e });
          return;
        }
      }
      const elapsed = Date.now() - started;
      if (elapsed >= timeoutMs) {
        setState({ status: 'timeout' });
        return;
      }
      setState({ status: 'waiting', elapsed });
      timer = setTimeout(() => void poll(), pollMs);
    };
    void poll();
    return () => {
      cancelled = true;
      if (timer) clearTimeout(timer);
    };
  }, [sessionId, attempt, pollMs, timeoutMs]);

  if (state.status === 'ready') {
    return <DeltaCardBody summary={state.summary} liveHints={liveHints} onNextRound={onNextRound} />;
  }
  return (
    <section className="card delta-card" aria-labelledby="delta-title" aria-busy={state.status === 'waiting'}>
      <h2 id="delta-title">Round complete</h2>
      {state.status === 'waiting' ? (
        <div className="progress-block" role="status" aria-live="polite">
          <p>{stepText(state.elapsed)}</p>
          <progress max={timeoutMs} value={Math.max(state.elapsed, timeoutMs * 0.05)} aria-label="Scoring progress" />
        </div>
      ) : state.status === 'timeout' ? (
        <div role="alert">
          <p>Scoring is taking longer than usual. Your answer is saved; the result will appear on your dashboard.</p>
          <div className="button-row">
            <button type="button" className="btn btn-secondary" onClick={() => setAttempt((a) => a + 1)}>Check again</button>
            <Link to="/dashboard" className="btn btn-ghost">Open the dashboard</Link>
          </div>
        </div>
      ) : (
        <div role="alert">
          <p>{describeError(state.error)}</p>
          <button type="button" className="btn btn-secondary" onClick={() => setAttempt((a) => a + 1)}>Try again</button>
        </div>
      )}
    </section>
  );
}

function stepText(elapsed: number): string {
  if (elapsed < 1500) return 'Scoring your last sentences…';
  if (elapsed < 4000) return 'Scoring the whole round…';
  return 'Updating your offer probability…';
}

export function DeltaCardBody({ summary, liveHints = NO_HINTS, onNextRound }: { summary: RoundSummary; liveHints?: readonly string[]; onNextRound: () => void }) {
  const first = summary.offer_probability_before === null;
  const change = summary.offer_probability_change;
  const trend = trendOf(change);
  const next = useRef<HTMLButtonElement>(null);
  useEffect(() => next.current?.focus(), []);
  const changes = summary.what_changed.filter((c) => c.meter !== 'answer_length');
  const notScored = isNotScored(summary);
  // The summary's own advice first; when it has none, the round's strongest negative drivers, then the hints the
  // meters gave at the end of the round (a round can score well overall and still have a clear next step).
  const negative = [...summary.drivers]
    .filter((d) => d.contribution < 0)
    .sort((a, b) => a.contribution - b.contribution)
    .slice(0, 2)
    .map((d) => `${meterLabel(d.meter)}: ${d.detail}`);
  const fixes = summary.what_to_fix_next.length > 0 ? summary.what_to_fix_next : negative.length > 0 ? negative : liveHints.slice(0, 3);
  return (
    <section className="card delta-card" aria-labelledby="delta-title" data-testid="delta-card">
      <h2 id="delta-title">Round complete</h2>
      {notScored ? (
        <p className="notice" role="status" data-testid="not-scored">
          Not scored: only English answers are scored for now, so this round did not move your offer probability.
        </p>
      ) : null}
      <div className="delta-hero">
        <div>
          <p className="eyebrow">Offer probability</p>
          <p className="delta-value" data-testid="delta-after">{percent(summary.offer_probability_after)}</p>
        </div>
        <div className={`delta-change trend-${first ? 'none' : trend}`}>
          {first ? (
            <p>Your baseline. The next round shows how it moves.</p>
          ) : (
            <>
              <p className="delta-points" data-testid="delta-change">
                <span aria-hidden="true">{trend === 'up' ? '▲ ' : trend === 'down' ? '▼ ' : ''}</span>
                {pointsBetween(summary.offer_probability_before, summary.offer_probability_after)}
              </p>
              <p className="muted small">
                from {percent(summary.offer_probability_before)} before this round
              </p>
            </>
          )}
        </div>
        <div>
          <p className="eyebrow">Round score</p>
          <p className="delta-score">{isNumber(summary.session_score) ? Math.round(summary.session_score) : '—'}<span className="muted small"> / 100</span></p>
        </div>
      </div>

      <div className="delta-grid">
        <div>
          <h3 className="small-title">{first ? 'Your meters this round' : 'What changed'}</h3>
          <ul className="changes">
            {changes.map((c) => {
              const good = c.delta !== null && c.delta !== 0 && (c.delta > 0) === isHigherBetter(c.meter);
              const bad = c.delta !== null && c.delta !== 0 && !good;
              return (
                <li key={c.meter} className={good ? 'change-good' : bad ? 'change-bad' : 'change-flat'}>
                  <span>{meterLabel(c.meter)}{isHigherBetter(c.meter) ? '' : ' (higher is worse)'}</span>
                  <span className="change-numbers">
                    {c.before === null ? `${c.after}` : `${c.before} → ${c.after}`}
                    {c.delta === null ? null : <strong> ({signed(c.delta)})</strong>}
                  </span>
                </li>
              );
            })}
          </ul>
        </div>
        <div>
          <h3 className="small-title">What to fix next <span className="muted small">(from this round)</span></h3>
          {fixes.length === 0 ? (
            <p className="muted small">Nothing stands out: keep the same structure with a new question.</p>
          ) : (
            <ul className="fix-list">
              {fixes.map((f, i) => (
                <li key={i}>{f}</li>
              ))}
            </ul>
          )}
        </div>
      </div>
      <div className="button-row">
        <button ref={next} type="button" className="btn btn-primary btn-large" onClick={onNextRound}>
          Start the next round
        </button>
        <Link to="/dashboard" className="btn btn-ghost">See your dashboard</Link>
        <Link to="/how" className="btn btn-ghost">How this is computed</Link>
      </div>
    </section>
  );
}

/** A round the pipeline did not score (not English): session score 0, no drivers, the one line that says why. */
export function isNotScored(summary: RoundSummary): boolean {
  return summary.drivers.length === 0 && summary.what_to_fix_next.some((f) => f.startsWith('Only English answers are scored'));
}
