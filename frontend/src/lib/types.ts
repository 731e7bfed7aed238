/**
 * Every payload the frontend exchanges with the backend, field for field as the JSON on the wire (snake_case).
 * Sources: contracts/…/analytics/*, ingest-api controllers, query-api responses, realtime-ws RoomMessage,
 * /tmp/op/GROWTH_API.md (share, prompts, testimonials, KPI). Instants are ISO-8601 strings.
 */

export type Role = 'candidate' | 'analyst';

// ---- auth (platform GuestController: POST /api/auth/guest, no body) ----
export interface GuestSignInResponse {
  token: string;
  user_id: string;
  expires_at: string;
}

// ---- problem+json (platform ApiProblem) ----
export interface ProblemDetail {
  type?: string;
  title?: string;
  status?: number;
  detail?: string;
  field?: string;
}

// ---- analytics records (contracts) ----
export type SentenceTag = 'CONTEXT' | 'ACTION' | 'RESULT' | 'REFLECTION' | 'OTHER';
export type WeakSpanKind = 'VAGUE' | 'UNSUPPORTED' | 'FILLER';
export type DataSufficiency = 'none' | 'sparse' | 'ok';
export type EndReason = 'client' | 'timeout';
export type MeterName = 'credibility' | 'star_structure' | 'confidence_stability' | 'impact_strength' | 'risk_drift';

export interface WeakSpan {
  start: number;
  end: number;
  kind: WeakSpanKind;
  hint: string;
}

export interface TaggedSentence {
  session_id: string;
  seq: number;
  index: number;
  text: string;
  tag: SentenceTag;
  weak_spans: WeakSpan[];
}

export interface MeterValues {
  credibility: number;
  star_structure: number;
  confidence_stability: number;
  impact_strength: number;
  risk_drift: number;
}

export interface SessionMeters extends MeterValues {
  session_id: string;
  hints: string[];
  as_of_seq: number;
  source_timestamp: string;
}

export interface Driver {
  /** A meter's wire name, or "answer_length". */
  meter: string;
  /** Signed contribution in log-odds. */
  contribution: number;
  detail: string;
}

export interface MeterChange {
  meter: string;
  before: number | null;
  after: number;
  delta: number | null;
}

export interface ConfidenceBand {
  low: number;
  high: number;
}

// ---- ingest-api ----
export interface StartSessionRequest {
  question: string;
  target_role: string;
}
export interface SessionCreated {
  session_id: string;
}
export interface SessionEndAccepted {
  session_id: string;
  status: 'ended' | 'deleted';
}
export interface SegmentInput {
  seq: number;
  speaker: 'candidate' | 'interviewer';
  text: string;
  start_ms: number;
  end_ms: number;
  final: boolean;
}
export interface TranscriptBatch {
  segments: SegmentInput[];
}
export interface TranscriptAccepted {
  accepted: number;
}
/** A batch on WS /ws/ingest/{id}: the HTTP body plus an optional reference echoed in the answer. */
export interface IngestSocketBatch extends TranscriptBatch {
  ref?: string;
}
export type IngestSocketReply =
  | { type: 'ack'; ref?: string; accepted: number; last_seq: number }
  | { type: 'error'; ref?: string; status: number; detail: string; field?: string };

export type ClientEventName = 'landing_view' | 'cta_click' | 'first_meter_seen' | 'testimonial_prompt_shown';
export interface ProductEventRequest {
  name: ClientEventName;
  anonymous_id?: string;
  session_id?: string;
  properties?: Record<string, string>;
}

// ---- query-api ----
export interface OfferProbability {
  offer_probability: number | null;
  confidence_band: ConfidenceBand | null;
  drivers_positive: Driver[];
  drivers_negative: Driver[];
  delta_vs_last_session: number | null;
  what_to_fix_next: string[];
  sessions_count: number;
  data_sufficiency: DataSufficiency;
  updated_at: string | null;
}

export interface RoundItem {
  session_id: string;
  ended_at: string;
  end_reason: EndReason;
  session_score: number;
  offer_probability_before: number | null;
  offer_probability_after: number;
  offer_probability_change: number | null;
  final_meters: MeterValues;
  sentence_count: number;
}

export interface RoundPage {
  sessions: RoundItem[];
  next_cursor: string | null;
}

export interface RoundSummary {
  session_id: string;
  question: string | null;
  target_role: string | null;
  started_at: string | null;
  ended_at: string;
  end_reason: EndReason;
  session_score: number;
  offer_probability_before: number | null;
  offer_probability_after: number;
  offer_probability_change: number | null;
  final_meters: MeterValues;
  what_changed: MeterChange[];
  what_to_fix_next: string[];
  drivers: Driver[];
  sentence_count: number;
}

export interface RoundTranscript {
  session_id: string;
  question: string | null;
  ended: boolean;
  sentences: TaggedSentence[];
}

// ---- realtime-ws room messages ----
interface RoomEnvelope {
  session_id: string;
  seq: number;
  epoch: string;
  ts: number;
}
export interface SessionEndData {
  reason: EndReason;
  occurred_at: string;
}
export interface SnapshotData {
  meters: SessionMeters | null;
  sentences: TaggedSentence[];
  ended: SessionEndData | null;
}
export type RoomMessage =
  | (RoomEnvelope & { type: 'snapshot'; data: SnapshotData; recovered?: boolean })
  | (RoomEnvelope & { type: 'meters'; data: SessionMeters; superseded?: number[] })
  | (RoomEnvelope & { type: 'sentence'; data: TaggedSentence })
  | (RoomEnvelope & { type: 'session_end'; data: SessionEndData });

// ---- growth (GROWTH_API.md) ----
export interface ShareCreateRequest {
  period_days?: number;
}
export interface ShareCreated {
  token: string;
  url: string;
  expires_at: string;
}
export interface ShareSnapshot {
  offer_probability: number | null;
  change_over_period: number | null;
  period_days: number;
  rounds_completed: number;
  strengths: string[];
  focus_areas: string[];
  created_at: string;
  expires_at: string;
}

export type PromptState = 'not_eligible' | 'eligible' | 'shown' | 'dismissed' | 'submitted';
export interface TestimonialPromptView {
  show: boolean;
  state: PromptState;
  eligible_session_id: string | null;
  cycle_start: string | null;
  cycle_end: string | null;
}
export interface UserPrompts {
  testimonial: TestimonialPromptView;
}
export interface PromptStateChanged {
  state: PromptState;
}
export interface TestimonialRequest {
  text: string;
  consent: boolean;
  session_id?: string;
}

export interface RateCount {
  rate: number | null;
  numerator: number;
  denominator: number;
}
export interface WeeklyNorthStar extends RateCount {
  week_start: string;
  week_end: string;
}
export interface NorthStar extends RateCount {
  window_start: string;
  window_end: string;
  days: number;
  weekly: WeeklyNorthStar[];
}
export interface Funnel {
  window_start: string;
  window_end: string;
  days: number;
  landing_views: number;
  cta_clicks: number;
  landing_cvr: number | null;
  median_time_to_wow_ms: number | null;
  round_retention_7d: RateCount;
}
export interface MetricChange {
  value: number | null;
  previous: number | null;
  change: number | null;
}
export interface WeeklyReview {
  week_start: string;
  week_end: string;
  conversion_impact: {
    landing_cvr: MetricChange;
    median_time_to_wow_ms: MetricChange;
    round_retention_7d: MetricChange;
  };
  learning: {
    top_positive_driver: string | null;
    top_negative_driver: string | null;
  };
  what_shipped: string;
  next_week_highest_leverage_change: string;
}
