import { isNumber, percent } from '../lib/format';

export interface ChartPoint {
  /** Short x label, e.g. "R3" or "12 May". */
  label: string;
  /** 0..1, or null for "no data" (drawn as a gap). */
  value: number | null;
  /** Longer text for the point's tooltip. */
  detail?: string;
}

interface Props {
  points: readonly ChartPoint[];
  /** Read out by screen readers instead of the picture. */
  summary: string;
  /** Shaded range (e.g. the confidence band) drawn behind the last point. */
  band?: { low: number; high: number } | null;
  height?: number;
}

// Wide enough that text keeps a readable size when the chart fills a card on a laptop screen.
const WIDTH = 960;
const PAD = { top: 16, right: 24, bottom: 30, left: 48 };

/** A small dependency-free SVG line chart of a 0..1 quantity (probabilities and rates). */
export function LineChart({ points, summary, band, height = 250 }: Props) {
  const innerW = WIDTH - PAD.left - PAD.right;
  const innerH = height - PAD.top - PAD.bottom;
  const n = points.length;
  const x = (i: number) => PAD.left + (n <= 1 ? innerW / 2 : (innerW * i) / (n - 1));
  const y = (v: number) => PAD.top + innerH * (1 - Math.min(1, Math.max(0, v)));

  // Runs of consecutive known values become path segments; unknown values leave a gap.
  const segments: string[] = [];
  let current = '';
  points.forEach((p, i) => {
    if (isNumber(p.value)) {
      current += `${current ? 'L' : 'M'}${x(i).toFixed(1)},${y(p.value).toFixed(1)}`;
    } else if (current) {
      segments.push(current);
      current = '';
    }
  });
  if (current) segments.push(current);
  const labelEvery = Math.max(1, Math.ceil(n / 8));
  const lastIndex = n - 1;

  return (
    <figure className="chart">
      <svg viewBox={`0 0 ${WIDTH} ${height}`} role="img" aria-label={summary} preserveAspectRatio="xMidYMid meet">
        {[0, 0.25, 0.5, 0.75, 1].map((t) => (
          <g key={t} className="chart-grid">
            <line x1={PAD.left} x2={WIDTH - PAD.right} y1={y(t)} y2={y(t)} />
            <text x={PAD.left - 8} y={y(t) + 4} textAnchor="end">{percent(t)}</text>
          </g>
        ))}
        {band && n > 0 && isNumber(band.low) && isNumber(band.high) ? (
          <rect
            className="chart-band"
            x={x(lastIndex) - 10}
            width={20}
            y={y(band.high)}
            height={Math.max(2, y(band.low) - y(band.high))}
            rx={6}
          >
            <title>{`Likely range now: ${percent(band.low)}–${percent(band.high)}`}</title>
          </rect>
        ) : null}
        {segments.map((d, i) => (
          <path key={i} className="chart-line" d={d} />
        ))}
        {points.map((p, i) =>
          isNumber(p.value) ? (
            <circle key={i} className={`chart-dot${i === lastIndex ? ' chart-dot-last' : ''}`} cx={x(i)} cy={y(p.value)} r={i === lastIndex ? 6 : 4.5}>
              <title>{p.detail ?? `${p.label}: ${percent(p.value)}`}</title>
            </circle>
          ) : (
            <circle key={i} className="chart-missing" cx={x(i)} cy={y(0)} r={4}>
              <title>{`${p.label}: no data`}</title>
            </circle>
          ),
        )}
        {points.map((p, i) =>
          i % labelEvery === 0 || i === lastIndex ? (
            <text key={`l${i}`} className="chart-x" x={x(i)} y={height - 8} textAnchor="middle">{p.label}</text>
          ) : null,
        )}
      </svg>
    </figure>
  );
}
