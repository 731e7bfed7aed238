import { meterLabel } from '../lib/meters';
import type { Driver } from '../lib/types';

interface Props {
  negativeDrivers: readonly Driver[];
  whatToFixNext: readonly string[];
  /** The estimate's change since the last round, so the sentence beside it never contradicts it. */
  delta?: number | null;
  /** Rounds the advice is drawn from (the view's recent window). */
  rounds?: number;
}

/** Under the headline: the two things costing the most, and what to do about them in the next round. */
export function FixNextPanel({ negativeDrivers, whatToFixNext, delta = null, rounds }: Props) {
  const fell = typeof delta === 'number' && Math.round(delta * 100) < 0;
  const top = [...negativeDrivers].sort((a, b) => a.contribution - b.contribution).slice(0, 2);
  return (
    <section className="card fix-next" aria-labelledby="fix-title">
      <div className="fix-grid">
        <div>
          <h2 id="fix-title" className="small-title">What’s holding you back</h2>
          {top.length === 0 ? (
            <p className="muted small">
              {fell
                ? 'Your latest round scored below the ones before it, so the estimate fell; no meter is below average overall.'
                : 'Nothing is pulling your estimate down right now.'}
            </p>
          ) : (
            <ul className="drivers">
              {top.map((d) => (
                <li key={d.meter}>
                  <strong>{meterLabel(d.meter)}</strong>
                  <span className="muted"> — {d.detail}</span>
                </li>
              ))}
            </ul>
          )}
        </div>
        <div>
          <h2 className="small-title">
            What to fix next{' '}
            <span className="muted small">{rounds && rounds > 1 ? `(from your last ${Math.min(rounds, 10)} rounds)` : '(from your last round)'}</span>
          </h2>
          {whatToFixNext.length === 0 ? (
            <p className="muted small">Keep doing what you did: another round will confirm it.</p>
          ) : (
            <ul className="fix-list">
              {whatToFixNext.map((f, i) => (
                <li key={i}>{f}</li>
              ))}
            </ul>
          )}
        </div>
      </div>
    </section>
  );
}
