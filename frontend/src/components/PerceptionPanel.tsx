import { MAX_HINTS, METERS, meterVerdict } from '../lib/meters';
import type { MeterValues } from '../lib/types';
import { clamp, isNumber } from '../lib/format';

interface Props {
  /** Null until the round's first sentence has been scored. */
  meters: Partial<MeterValues> | null;
  hints: readonly string[];
  /** Shown under the title, e.g. "Live" or "Reconnecting…". */
  status?: string;
  title?: string;
}

/**
 * Interviewer Perception: exactly the five meters of docs/METERS.md and at most three hints, whatever it is fed.
 * Each bar is a role="meter" with its value and verdict in words for screen readers.
 */
export function PerceptionPanel({ meters, hints, status, title = 'Interviewer Perception' }: Props) {
  const shownHints = hints.filter((h) => h.trim().length > 0).slice(0, MAX_HINTS);
  return (
    <section className="card perception" aria-labelledby="perception-title">
      <header className="card-head">
        <h2 id="perception-title">{title}</h2>
        {status ? <span className="status-pill" aria-live="polite">{status}</span> : null}
      </header>
      {!meters ? <p className="muted small">The meters start moving with your first sentence.</p> : null}
      <ul className="meters">
        {METERS.map((m) => {
          const raw = meters?.[m.key];
          const value = isNumber(raw) ? Math.round(clamp(raw, 0, 100)) : null;
          const verdict = value === null ? 'pending' : meterVerdict(value, m.higherIsBetter);
          const valueText = value === null ? 'not measured yet' : `${value} out of 100, ${verdict}${m.higherIsBetter ? '' : ' (higher is worse)'}`;
          return (
            <li key={m.key} className={`meter meter-${verdict}`} data-meter={m.key}>
              <div className="meter-label">
                <span id={`meter-${m.key}`}>
                  {m.label}
                  {m.higherIsBetter ? null : <span className="inverted-note"> · higher is worse</span>}
                </span>
                <span className="meter-value" aria-hidden="true">{value === null ? '—' : value}</span>
              </div>
              <div
                className="meter-track"
                role="meter"
                aria-labelledby={`meter-${m.key}`}
                aria-valuemin={0}
                aria-valuemax={100}
                aria-valuenow={value ?? undefined}
                aria-valuetext={valueText}
                title={m.describes}
              >
                <div className="meter-fill" style={{ width: `${value ?? 0}%` }} />
              </div>
            </li>
          );
        })}
      </ul>
      <div className="hints">
        <h3 className="small-title">What to do now</h3>
        {shownHints.length === 0 ? (
          <p className="muted small">{meters ? 'No hints: keep going the way you are.' : 'Hints appear as you answer.'}</p>
        ) : (
          <ol className="hint-list" aria-live="polite">
            {shownHints.map((h, i) => (
              <li key={`${i}-${h}`}>{h}</li>
            ))}
          </ol>
        )}
      </div>
    </section>
  );
}
