import { useState } from 'react';
import { formatDate, percent, points, trendOf } from '../lib/format';
import type { RoundItem } from '../lib/types';

interface Props {
  rounds: readonly RoundItem[];
  selected: readonly string[];
  onToggleCompare: (sessionId: string) => void;
  onDelete: (sessionId: string) => Promise<void>;
}

/** Past rounds, newest first: pick two to compare, or delete one (after confirming). */
export function RoundList({ rounds, selected, onToggleCompare, onDelete }: Props) {
  const [confirming, setConfirming] = useState<string | null>(null);
  const [deleting, setDeleting] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const comparable = rounds.length >= 2;

  const remove = async (id: string) => {
    setDeleting(id);
    setError(null);
    try {
      await onDelete(id);
      setConfirming(null);
    } catch (e) {
      setError(e instanceof Error ? e.message : 'The round could not be deleted.');
    } finally {
      setDeleting(null);
    }
  };

  return (
    <section className="card rounds" aria-labelledby="rounds-title">
      <div className="card-head">
        <h2 id="rounds-title">Past rounds</h2>
        {comparable ? <span className="muted small">Tick two to compare them side by side</span> : null}
      </div>
      {error ? <p className="error-text" role="alert">{error}</p> : null}
      <ol className={`round-list${comparable ? '' : ' round-list-single'}`}>
        {rounds.map((r, i) => {
          const number = rounds.length - i;
          const checked = selected.includes(r.session_id);
          const trend = trendOf(r.offer_probability_change);
          return (
            <li key={r.session_id} className="round-row" data-session={r.session_id}>
              {comparable ? (
                <label className="round-pick">
                  <input type="checkbox" checked={checked} onChange={() => onToggleCompare(r.session_id)} />
                  <span className="sr-only">Compare round {number}</span>
                </label>
              ) : null}
              <div className="round-main">
                <strong>Round {number}</strong>
                <span className="muted small"> · {formatDate(r.ended_at)} · {r.sentence_count} sentences{r.end_reason === 'timeout' ? ' · ended by timeout' : ''}</span>
              </div>
              <div className="round-prob">
                <span className="round-p">{percent(r.offer_probability_after)}</span>
                <span className={`round-change trend-${trend}`}>{trend === 'none' ? 'baseline' : points(r.offer_probability_change)}</span>
              </div>
              <div className="round-actions">
                {confirming === r.session_id ? (
                  <span className="confirm" role="group" aria-label={`Confirm deleting round ${number}`}>
                    <span className="small">Delete for good?</span>
                    <button type="button" className="btn btn-danger btn-small" disabled={deleting === r.session_id} onClick={() => void remove(r.session_id)}>
                      {deleting === r.session_id ? 'Deleting…' : 'Delete'}
                    </button>
                    <button type="button" className="btn btn-ghost btn-small" onClick={() => setConfirming(null)}>
                      Keep
                    </button>
                  </span>
                ) : (
                  <button type="button" className="btn btn-ghost btn-small" onClick={() => setConfirming(r.session_id)} aria-label={`Delete round ${number}`}>
                    Delete
                  </button>
                )}
              </div>
            </li>
          );
        })}
      </ol>
    </section>
  );
}
