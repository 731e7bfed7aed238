/** Number formatting that never shows NaN, Infinity or "null": a dash stands for "no value yet". */

export const NO_VALUE = '—';

export function isNumber(x: unknown): x is number {
  return typeof x === 'number' && Number.isFinite(x);
}

/** A probability (0..1) as a whole percentage: 0.432 → "43%". */
export function percent(p: number | null | undefined, digits = 0): string {
  if (!isNumber(p)) return NO_VALUE;
  return `${(p * 100).toFixed(digits)}%`;
}

/**
 * One quantity, one number everywhere (issue 14): a probability is shown as a whole percentage, and a change in it
 * as whole points. Where both ends are known the change is the difference of the two percentages as shown
 * ({@link pointsBetween}), so "90% → 45%" always reads "−45 pts", never "−44".
 */
export function wholePercent(p: number): number {
  return Math.round(p * 100);
}

/** The change between two probabilities as the difference of the whole percentages shown: 0.9049, 0.4451 → "−45 pts". */
export function pointsBetween(before: number | null | undefined, after: number | null | undefined): string {
  if (!isNumber(before) || !isNumber(after)) return NO_VALUE;
  return points((wholePercent(after) - wholePercent(before)) / 100);
}

/** A probability difference in whole percentage points, signed: 0.041 → "+4 pts". */
export function points(delta: number | null | undefined, digits = 0): string {
  if (!isNumber(delta)) return NO_VALUE;
  const value = delta * 100;
  const rounded = Number(value.toFixed(digits));
  if (rounded === 0) return `±0 pts`;
  return `${rounded > 0 ? '+' : '−'}${Math.abs(rounded).toFixed(digits)} pts`;
}

/** A meter delta (integer points on 0..100), signed. */
export function signed(delta: number | null | undefined): string {
  if (!isNumber(delta)) return NO_VALUE;
  if (delta === 0) return '±0';
  return `${delta > 0 ? '+' : '−'}${Math.abs(delta)}`;
}

export type Trend = 'up' | 'down' | 'flat' | 'none';

export function trendOf(delta: number | null | undefined, epsilon = 0.0005): Trend {
  if (!isNumber(delta)) return 'none';
  if (delta > epsilon) return 'up';
  if (delta < -epsilon) return 'down';
  return 'flat';
}

export function formatDate(iso: string | null | undefined): string {
  if (!iso) return NO_VALUE;
  const t = Date.parse(iso);
  if (Number.isNaN(t)) return NO_VALUE;
  return new Date(t).toLocaleString(undefined, { day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit' });
}

export function formatDay(iso: string | null | undefined): string {
  if (!iso) return NO_VALUE;
  const t = Date.parse(iso);
  if (Number.isNaN(t)) return NO_VALUE;
  return new Date(t).toLocaleDateString(undefined, { day: 'numeric', month: 'short' });
}

/** 41000 → "41 s", 125000 → "2 min 5 s". */
export function duration(ms: number | null | undefined): string {
  if (!isNumber(ms) || ms < 0) return NO_VALUE;
  const seconds = Math.round(ms / 1000);
  if (seconds < 60) return `${seconds} s`;
  const minutes = Math.floor(seconds / 60);
  const rest = seconds % 60;
  return rest === 0 ? `${minutes} min` : `${minutes} min ${rest} s`;
}

export function clamp(x: number, lo: number, hi: number): number {
  return Math.min(hi, Math.max(lo, x));
}
