import type { MeterName, SentenceTag, WeakSpanKind } from './types';

export interface MeterDefinition {
  key: MeterName;
  label: string;
  /** Risk Drift is the one meter where a higher value is worse. */
  higherIsBetter: boolean;
  /** One line on what the meter listens for. */
  describes: string;
}

/** The five meters of the Interviewer Perception panel, in the order they are shown (docs/METERS.md). */
export const METERS: readonly MeterDefinition[] = [
  { key: 'credibility', label: 'Credibility', higherIsBetter: true, describes: 'Specific, evidenced, first-person, firm.' },
  { key: 'star_structure', label: 'STAR Structure', higherIsBetter: true, describes: 'Context, action, result and reflection, in order.' },
  { key: 'confidence_stability', label: 'Confidence Stability', higherIsBetter: true, describes: 'Few fillers, hedges and false starts.' },
  { key: 'impact_strength', label: 'Impact Strength', higherIsBetter: true, describes: 'Results with figures, no unsupported claims.' },
  { key: 'risk_drift', label: 'Risk Drift', higherIsBetter: false, describes: 'Rambling, off-topic or repeating yourself. Higher is worse.' },
];

export const MAX_HINTS = 3;

const DRIVER_LABELS: Record<string, string> = {
  credibility: 'Credibility',
  star_structure: 'STAR Structure',
  confidence_stability: 'Confidence Stability',
  impact_strength: 'Impact Strength',
  risk_drift: 'Risk Drift',
  answer_length: 'Answer length',
};

/** A meter or driver wire name in words. */
export function meterLabel(name: string): string {
  return DRIVER_LABELS[name] ?? name.replace(/_/g, ' ').replace(/^\w/, (c) => c.toUpperCase());
}

export function isHigherBetter(name: string): boolean {
  return name !== 'risk_drift';
}

/** How a meter value reads, taking Risk Drift's inversion into account. */
export function meterVerdict(value: number, higherIsBetter: boolean): 'strong' | 'fair' | 'weak' {
  const goodness = higherIsBetter ? value : 100 - value;
  if (goodness >= 67) return 'strong';
  if (goodness >= 40) return 'fair';
  return 'weak';
}

export const TAG_LABELS: Record<SentenceTag, string> = {
  CONTEXT: 'Context',
  ACTION: 'Action',
  RESULT: 'Result',
  REFLECTION: 'Reflection',
  OTHER: 'Other',
};

export const WEAK_KIND_LABELS: Record<WeakSpanKind, string> = {
  VAGUE: 'Vague',
  UNSUPPORTED: 'Unsupported claim',
  FILLER: 'Filler',
};
