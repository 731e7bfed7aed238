import { isNumber, percent, points, trendOf } from '../lib/format';
import { Link } from '../lib/router';
import type { OfferProbability } from '../lib/types';

interface Props {
  view: OfferProbability;
}

/** The headline: the candidate's offer probability now, its change since the last round and how sure we are. */
export function OfferProbabilityCard({ view }: Props) {
  const p = view.offer_probability;
  const band = view.confidence_band;
  const early = view.data_sufficiency !== 'ok';
  const trend = trendOf(view.delta_vs_last_session);
  return (
    <section className="card offer-card" aria-labelledby="offer-title" data-testid="offer-probability-card">
      <div className="offer-head">
        <h2 id="offer-title">Offer probability</h2>
        {early ? <span className="badge badge-early">Early estimate</span> : <span className="badge badge-ok">Based on {view.sessions_count} rounds</span>}
      </div>
      <div className="offer-main">
        <p className="offer-value" aria-describedby="offer-band">
          {isNumber(p) ? percent(p) : '—'}
        </p>
        <p className={`offer-delta trend-${trend}`}>
          {trend === 'none' ? (
            <span>{view.sessions_count <= 1 ? 'Your first round sets the baseline.' : 'No change to compare yet.'}</span>
          ) : (
            <>
              <span aria-hidden="true">{trend === 'up' ? '▲' : trend === 'down' ? '▼' : '■'}</span>{' '}
              <strong>{points(view.delta_vs_last_session)}</strong> since your last round
            </>
          )}
        </p>
      </div>
      <BandBar probability={p} band={band} />
      <p id="offer-band" className="muted small">
        {band ? (
          <>
            Likely between <strong>{percent(band.low)}</strong> and <strong>{percent(band.high)}</strong>
            {early ? ` — from ${view.sessions_count} round${view.sessions_count === 1 ? '' : 's'}, so the range is wide. It narrows as you practise.` : '.'}
          </>
        ) : (
          'The likely range appears after your first scored round.'
        )}
      </p>
      <p className="small">
        <Link to="/how">How this is computed</Link>
      </p>
    </section>
  );
}

function BandBar({ probability, band }: { probability: number | null; band: { low: number; high: number } | null }) {
  if (!isNumber(probability)) return null;
  const low = band && isNumber(band.low) ? band.low : probability;
  const high = band && isNumber(band.high) ? band.high : probability;
  return (
    <div className="band-bar" aria-hidden="true">
      <div className="band-range" style={{ left: `${low * 100}%`, width: `${Math.max(0.5, (high - low) * 100)}%` }} />
      <div className="band-point" style={{ left: `${probability * 100}%` }} />
      <span className="band-scale band-scale-0">0%</span>
      <span className="band-scale band-scale-100">100%</span>
    </div>
  );
}
