import type { MeterValues, OfferProbability, RoundItem, RoundSummary, SessionMeters, TaggedSentence } from '../lib/types';

export const meters = (over: Partial<MeterValues> = {}): MeterValues => ({
  credibility: 61,
  star_structure: 72,
  confidence_stability: 80,
  impact_strength: 44,
  risk_drift: 18,
  ...over,
});

export const sessionMeters = (asOfSeq: number, over: Partial<SessionMeters> = {}): SessionMeters => ({
  session_id: 's_1',
  ...meters(),
  hints: [],
  as_of_seq: asOfSeq,
  source_timestamp: '2026-11-26T10:00:00Z',
  ...over,
});

export const sentence = (index: number, seq: number, over: Partial<TaggedSentence> = {}): TaggedSentence => ({
  session_id: 's_1',
  seq,
  index,
  text: `Sentence ${index}.`,
  tag: 'ACTION',
  weak_spans: [],
  ...over,
});

export const round = (i: number, after: number, before: number | null): RoundItem => ({
  session_id: `s_${i}`,
  ended_at: `2026-11-${String(10 + i).padStart(2, '0')}T10:00:00Z`,
  end_reason: 'client',
  session_score: 50 + i,
  offer_probability_before: before,
  offer_probability_after: after,
  offer_probability_change: before === null ? null : Math.round((after - before) * 10000) / 10000,
  final_meters: meters({ credibility: 50 + i }),
  sentence_count: 5 + i,
});

export const offerView = (over: Partial<OfferProbability> = {}): OfferProbability => ({
  offer_probability: 0.42,
  confidence_band: { low: 0.3, high: 0.55 },
  drivers_positive: [{ meter: 'star_structure', contribution: 0.3, detail: 'a clear situation, action, result and lesson are easy to follow' }],
  drivers_negative: [
    { meter: 'impact_strength', contribution: -0.4, detail: 'results without figures hide your impact' },
    { meter: 'credibility', contribution: -0.2, detail: 'vague claims cost credibility' },
    { meter: 'risk_drift', contribution: -0.1, detail: 'long sentences read as rambling' },
  ],
  delta_vs_last_session: 0.031,
  what_to_fix_next: ['End with a measurable result: a percentage, time saved, money or users.'],
  sessions_count: 5,
  data_sufficiency: 'ok',
  updated_at: '2026-11-26T10:00:00Z',
  ...over,
});

export const summary = (over: Partial<RoundSummary> = {}): RoundSummary => ({
  session_id: 's_9',
  question: 'Tell me about a conflict',
  target_role: 'software_engineer',
  started_at: '2026-11-26T10:00:00Z',
  ended_at: '2026-11-26T10:03:00Z',
  end_reason: 'client',
  session_score: 71.4,
  offer_probability_before: 0.377,
  offer_probability_after: 0.4123,
  offer_probability_change: 0.0353,
  final_meters: meters(),
  what_changed: [
    { meter: 'credibility', before: 55, after: 61, delta: 6 },
    { meter: 'risk_drift', before: 12, after: 18, delta: 6 },
  ],
  what_to_fix_next: ['Put a number on your result.'],
  drivers: [],
  sentence_count: 7,
  ...over,
});
