import { ApiError, getFunnel, getNorthStar, getWeeklyReview } from '../lib/api';
import { duration, formatDay, isNumber, percent, points } from '../lib/format';
import { meterLabel } from '../lib/meters';
import type { Funnel, MetricChange, NorthStar, WeeklyReview } from '../lib/types';
import { useLoad } from '../lib/useLoad';
import { ErrorPanel, LoadingCard } from './Feedback';
import { LineChart } from './LineChart';

interface KpiData {
  northStar: NorthStar;
  funnel: Funnel;
  review: WeeklyReview;
}

/** The growth team's page: north star, funnel and the weekly review numbers (analyst role only). */
export function KpiPage() {
  const { state, reload } = useLoad<KpiData>(async () => {
    const [northStar, funnel, review] = await Promise.all([getNorthStar(30), getFunnel(7), getWeeklyReview()]);
    return { northStar, funnel, review };
  }, []);

  if (state.status === 'loading') return <LoadingCard label="Loading KPIs" lines={5} />;
  if (state.status === 'error') {
    if (state.error instanceof ApiError && state.error.status === 403) {
      return (
        <section className="card narrow" role="alert" aria-labelledby="kpi-denied">
          <h1 id="kpi-denied" className="page-title">KPIs are for analysts</h1>
          <p>Your account does not have the analyst role (the server answered 403 Forbidden).</p>
          <p className="muted small">Nobody grants themselves this role: it comes from your identity provider or from the operator.</p>
        </section>
      );
    }
    return <ErrorPanel error={state.error} onRetry={reload} title="KPIs did not load" />;
  }
  const { northStar, funnel, review } = state.data;
  return (
    <div className="kpi">
      <h1 className="page-title">Growth KPIs</h1>
      <section className="card" aria-labelledby="ns-title">
        <div className="card-head">
          <h2 id="ns-title">North star: improving candidates</h2>
          <span className="muted small">{formatDay(northStar.window_start)} – {formatDay(northStar.window_end)}</span>
        </div>
        <p className="kpi-big">{percent(northStar.rate, 1)}</p>
        <p className="muted small">
          {northStar.numerator} of {northStar.denominator} users active in the last {northStar.days} days completed 3+ rounds with
          a rising offer probability.
        </p>
        <LineChart
          points={northStar.weekly.map((w) => ({ label: formatDay(w.week_end), value: w.rate, detail: `Week to ${formatDay(w.week_end)}: ${percent(w.rate, 1)} (${w.numerator}/${w.denominator})` }))}
          summary={`North star by week, ${northStar.weekly.length} weeks, latest ${percent(northStar.weekly[northStar.weekly.length - 1]?.rate, 1)}.`}
        />
      </section>
      <section className="card" aria-labelledby="funnel-title">
        <div className="card-head">
          <h2 id="funnel-title">Funnel, last {funnel.days} days</h2>
        </div>
        <dl className="stat-grid">
          <Stat term="Landing views" value={String(funnel.landing_views)} />
          <Stat term="CTA clicks" value={String(funnel.cta_clicks)} />
          <Stat term="Landing conversion" value={percent(funnel.landing_cvr, 1)} />
          <Stat term="Median time to first meter" value={duration(funnel.median_time_to_wow_ms)} />
          <Stat term="7-day round retention" value={`${percent(funnel.round_retention_7d.rate, 1)} (${funnel.round_retention_7d.numerator}/${funnel.round_retention_7d.denominator})`} />
        </dl>
      </section>
      <section className="card" aria-labelledby="review-title">
        <div className="card-head">
          <h2 id="review-title">Weekly review</h2>
          <span className="muted small">{formatDay(review.week_start)} – {formatDay(review.week_end)}</span>
        </div>
        <table className="compare-table">
          <thead>
            <tr>
              <th scope="col">Measure</th>
              <th scope="col">This week</th>
              <th scope="col">Last week</th>
              <th scope="col">Change</th>
            </tr>
          </thead>
          <tbody>
            <ChangeRow label="Landing conversion" m={review.conversion_impact.landing_cvr} kind="rate" />
            <ChangeRow label="Median time to first meter" m={review.conversion_impact.median_time_to_wow_ms} kind="ms" />
            <ChangeRow label="7-day round retention" m={review.conversion_impact.round_retention_7d} kind="rate" />
          </tbody>
        </table>
        <dl className="stat-grid">
          <Stat term="Top positive driver" value={review.learning.top_positive_driver ? meterLabel(review.learning.top_positive_driver) : '—'} />
          <Stat term="Top negative driver" value={review.learning.top_negative_driver ? meterLabel(review.learning.top_negative_driver) : '—'} />
          <Stat term="What shipped" value={review.what_shipped || '—'} />
          <Stat term="Next week's highest-leverage change" value={review.next_week_highest_leverage_change || '—'} />
        </dl>
      </section>
    </div>
  );
}

function Stat({ term, value }: { term: string; value: string }) {
  return (
    <div className="stat">
      <dt>{term}</dt>
      <dd>{value}</dd>
    </div>
  );
}

function ChangeRow({ label, m, kind }: { label: string; m: MetricChange; kind: 'rate' | 'ms' }) {
  const show = (v: number | null) => (kind === 'rate' ? percent(v, 1) : duration(v));
  const change = !isNumber(m.change) ? '—' : kind === 'rate' ? points(m.change) : `${m.change > 0 ? '+' : '−'}${duration(Math.abs(m.change))}`;
  return (
    <tr>
      <th scope="row">{label}</th>
      <td>{show(m.value)}</td>
      <td>{show(m.previous)}</td>
      <td>{change}</td>
    </tr>
  );
}
