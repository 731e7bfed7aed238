import type { UserPrompts } from './types';

/**
 * Whether to show the testimonial prompt after the end-of-round card of `endedSessionId`:
 * - 'show': the backend says show AND this very round is the one that made the user eligible;
 * - 'never': the user dismissed or submitted in this cycle (stop asking);
 * - 'wait': not (yet) eligible for this round; the state is derived asynchronously, so poll a little longer.
 */
export type PromptDecision = 'show' | 'wait' | 'never';

export function testimonialDecision(prompts: UserPrompts | null | undefined, endedSessionId: string | null | undefined): PromptDecision {
  const t = prompts?.testimonial;
  if (!t || !endedSessionId) return 'wait';
  if (t.state === 'dismissed' || t.state === 'submitted') return 'never';
  if (t.show === true && t.eligible_session_id === endedSessionId) return 'show';
  return 'wait';
}

export function shouldShowTestimonial(prompts: UserPrompts | null | undefined, endedSessionId: string | null | undefined): boolean {
  return testimonialDecision(prompts, endedSessionId) === 'show';
}

export const TESTIMONIAL_MAX_CHARS = 1000;
/** How long to keep asking after a round ended (the prompt state is derived from the round's summary). */
export const PROMPT_POLL_MS = 1000;
export const PROMPT_POLL_LIMIT_MS = 8000;
