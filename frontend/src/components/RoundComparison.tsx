import { formatDate, percent, pointsBetween, signed } from '../lib/format';
import { METERS } from '../lib/meters';
import type { RoundItem } from '../lib/types';

interface Props {
  older: RoundItem;
  newer: RoundItem;
  olderLabel: string;
  newerLabel: string;
}

/** Two rounds side by side: offer probability, score and each meter, with what moved. */
export function RoundComparison({ older, newer, olderLabel, newerLabel }: Props) {
  return (
    <section className="card compare" aria-labelledby="compare-title">
      <h2 id="compare-title">{olderLabel} vs {newerLabel}</h2>
      <table className="compare-table">
        <thead>
          <tr>
            <th scope="col">Measure</th>
            <th scope="col">{olderLabel}<span className="muted small block">{formatDate(older.ended_at)}</span></th>
            <th scope="col">{newerLabel}<span className="muted small block">{formatDate(newer.ended_at)}</span></th>
            <th scope="col">Change</th>
          </tr>
        </thead>
        <tbody>
          <tr>
            <th scope="row">Offer probability</th>
            <td>{percent(older.offer_probability_after)}</td>
            <td>{percent(newer.offer_probability_after)}</td>
            <td className={changeClass(newer.offer_probability_after - older.offer_probability_after, true)}>
              {pointsBetween(older.offer_probability_after, newer.offer_probability_after)}
            </td>
          </tr>
          <tr>
            <th scope="row">Round score</th>
            <td>{Math.round(older.session_score)}</td>
            <td>{Math.round(newer.session_score)}</td>
            <td className={changeClass(newer.session_score - older.session_score, true)}>{signed(Math.round(newer.session_score) - Math.round(older.session_score))}</td>
          </tr>
          {METERS.map((m) => {
            const a = older.final_meters[m.key];
            const b = newer.final_meters[m.key];
            return (
              <tr key={m.key}>
                <th scope="row">
                  {m.label}
                  {m.higherIsBetter ? null : <span className="muted small"> (higher is worse)</span>}
                </th>
                <td>{a}</td>
                <td>{b}</td>
                <td className={changeClass(b - a, m.higherIsBetter)}>{signed(b - a)}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </section>
  );
}

function changeClass(delta: number, higherIsBetter: boolean): string {
  if (!Number.isFinite(delta) || Math.abs(delta) < 1e-9) return 'change-flat';
  return (delta > 0) === higherIsBetter ? 'change-good' : 'change-bad';
}
