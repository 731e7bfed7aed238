import { useEffect, useRef, useState } from 'react';
import { describeError, dismissTestimonial, getPrompts, submitTestimonial, trackEvent } from '../lib/api';
import { PROMPT_POLL_LIMIT_MS, PROMPT_POLL_MS, TESTIMONIAL_MAX_CHARS, testimonialDecision } from '../lib/testimonial';
import { useToasts } from './ToastProvider';

export const TESTIMONIAL_TOAST_ID = 'testimonial';

/**
 * After the end-of-round card of `sessionId` (pass null until the summary is shown): asks GET /api/user/prompts
 * for a little while, and shows the testimonial toast only if the backend says show AND this very round made the
 * user eligible. Never otherwise.
 */
export function useTestimonialPrompt(
  sessionId: string | null,
  { pollMs = PROMPT_POLL_MS, limitMs = PROMPT_POLL_LIMIT_MS }: { pollMs?: number; limitMs?: number } = {},
): void {
  const toasts = useToasts();
  useEffect(() => {
    if (!sessionId) return;
    let cancelled = false;
    let timer: ReturnType<typeof setTimeout> | null = null;
    const started = Date.now();
    const check = async () => {
      let decision: ReturnType<typeof testimonialDecision> = 'wait';
      try {
        decision = testimonialDecision(await getPrompts(), sessionId);
      } catch {
        decision = 'wait';
      }
      if (cancelled) return;
      if (decision === 'show') {
        toasts.show({
          id: TESTIMONIAL_TOAST_ID,
          label: 'Share how OfferPulse helped',
          render: (close) => <TestimonialForm sessionId={sessionId} onClose={close} />,
        });
        void trackEvent('testimonial_prompt_shown', { session_id: sessionId });
        return;
      }
      if (decision === 'never' || Date.now() - started >= limitMs) return;
      timer = setTimeout(() => void check(), pollMs);
    };
    void check();
    return () => {
      cancelled = true;
      if (timer) clearTimeout(timer);
    };
  }, [sessionId, pollMs, limitMs, toasts]);
}

export function TestimonialForm({ sessionId, onClose }: { sessionId: string; onClose: () => void }) {
  const [text, setText] = useState('');
  const [consent, setConsent] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState(false);
  const area = useRef<HTMLTextAreaElement>(null);

  const notNow = async () => {
    setBusy(true);
    try {
      await dismissTestimonial();
    } catch {
      // Closing must work even if recording the dismissal failed.
    }
    onClose();
  };

  const submit = async () => {
    const trimmed = text.trim();
    if (!trimmed) {
      setError('Write a sentence or two first.');
      area.current?.focus();
      return;
    }
    setBusy(true);
    setError(null);
    try {
      await submitTestimonial({ text: trimmed, consent, session_id: sessionId });
      setDone(true);
      setTimeout(onClose, 2500);
    } catch (e) {
      setError(describeError(e));
    } finally {
      setBusy(false);
    }
  };

  if (done) {
    return <p className="toast-title" role="status">Thank you — that helps other candidates.</p>;
  }
  return (
    <form
      className="testimonial"
      onSubmit={(e) => {
        e.preventDefault();
        void submit();
      }}
    >
      <p className="toast-title" id="testimonial-title">Your offer probability just went up!</p>
      <label htmlFor="testimonial-text" className="small">In a sentence or two, what helped you most?</label>
      <textarea
        id="testimonial-text"
        ref={area}
        rows={3}
        maxLength={TESTIMONIAL_MAX_CHARS}
        value={text}
        onChange={(e) => setText(e.target.value)}
      />
      <p className="muted small counter" aria-live="polite">{text.length} / {TESTIMONIAL_MAX_CHARS}</p>
      <label className="check small">
        <input type="checkbox" checked={consent} onChange={(e) => setConsent(e.target.checked)} /> OfferPulse may quote this
        publicly (first name only).
      </label>
      {error ? <p className="error-text small" role="alert">{error}</p> : null}
      <div className="button-row">
        <button type="submit" className="btn btn-primary btn-small" disabled={busy}>Send</button>
        <button type="button" className="btn btn-ghost btn-small" onClick={() => void notNow()} disabled={busy}>Not now</button>
      </div>
    </form>
  );
}
