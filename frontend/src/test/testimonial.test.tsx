import { act, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import * as api from '../lib/api';
import { shouldShowTestimonial, testimonialDecision } from '../lib/testimonial';
import type { PromptState, UserPrompts } from '../lib/types';
import { ToastProvider } from '../components/ToastProvider';
import { useTestimonialPrompt } from '../components/TestimonialPrompt';

vi.mock('../lib/api', async (importOriginal) => {
  const real = await importOriginal<typeof import('../lib/api')>();
  return {
    ...real,
    getPrompts: vi.fn(),
    dismissTestimonial: vi.fn(),
    submitTestimonial: vi.fn(),
    trackEvent: vi.fn(() => Promise.resolve()),
  };
});
const getPrompts = vi.mocked(api.getPrompts);
const dismissTestimonial = vi.mocked(api.dismissTestimonial);
const submitTestimonial = vi.mocked(api.submitTestimonial);
const trackEvent = vi.mocked(api.trackEvent);

const prompts = (show: boolean, state: PromptState, eligible: string | null): UserPrompts => ({
  testimonial: { show, state, eligible_session_id: eligible, cycle_start: null, cycle_end: null },
});

describe('testimonialDecision', () => {
  it('shows only when the backend says show and this very round made the user eligible', () => {
    expect(shouldShowTestimonial(prompts(true, 'eligible', 's_1'), 's_1')).toBe(true);
    expect(shouldShowTestimonial(prompts(true, 'shown', 's_1'), 's_1')).toBe(true);
    expect(shouldShowTestimonial(prompts(true, 'eligible', 's_other'), 's_1')).toBe(false);
    expect(shouldShowTestimonial(prompts(false, 'eligible', 's_1'), 's_1')).toBe(false);
    expect(shouldShowTestimonial(prompts(false, 'not_eligible', null), 's_1')).toBe(false);
    expect(shouldShowTestimonial(prompts(true, 'eligible', 's_1'), null)).toBe(false);
    expect(shouldShowTestimonial(null, 's_1')).toBe(false);
  });

  it('stops asking once the user dismissed or submitted in this cycle, waits otherwise', () => {
    expect(testimonialDecision(prompts(false, 'dismissed', 's_1'), 's_1')).toBe('never');
    expect(testimonialDecision(prompts(false, 'submitted', 's_1'), 's_1')).toBe('never');
    expect(testimonialDecision(prompts(false, 'not_eligible', null), 's_1')).toBe('wait');
    expect(testimonialDecision(prompts(true, 'eligible', 's_0'), 's_1')).toBe('wait');
  });
});

function Round({ sessionId }: { sessionId: string | null }) {
  useTestimonialPrompt(sessionId, { pollMs: 5, limitMs: 200 });
  return <p>round card</p>;
}

const renderRound = (sessionId: string | null) =>
  render(
    <ToastProvider>
      <Round sessionId={sessionId} />
    </ToastProvider>,
  );

describe('useTestimonialPrompt', () => {
  beforeEach(() => {
    getPrompts.mockReset();
    dismissTestimonial.mockReset();
    submitTestimonial.mockReset();
    trackEvent.mockClear();
  });

  it('shows the toast once the derived state makes this round eligible, and records that it was shown', async () => {
    getPrompts.mockResolvedValueOnce(prompts(false, 'not_eligible', null)).mockResolvedValue(prompts(true, 'eligible', 's_1'));
    renderRound('s_1');

    expect(await screen.findByRole('dialog', { name: 'Share how OfferPulse helped' })).toBeTruthy();
    expect(trackEvent).toHaveBeenCalledWith('testimonial_prompt_shown', { session_id: 's_1' });
  });

  it('never shows it for a round that did not make the user eligible', async () => {
    getPrompts.mockResolvedValue(prompts(true, 'eligible', 's_earlier'));
    renderRound('s_1');

    await waitFor(() => expect(getPrompts.mock.calls.length).toBeGreaterThan(3));
    await act(() => new Promise((r) => setTimeout(r, 250)));
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(trackEvent).not.toHaveBeenCalled();
  });

  it('does not ask before the end-of-round card is shown', async () => {
    getPrompts.mockResolvedValue(prompts(true, 'eligible', 's_1'));
    renderRound(null);
    await act(() => new Promise((r) => setTimeout(r, 30)));
    expect(getPrompts).not.toHaveBeenCalled();
    expect(screen.queryByRole('dialog')).toBeNull();
  });

  it('stops polling after a dismissal in this cycle', async () => {
    getPrompts.mockResolvedValue(prompts(false, 'dismissed', 's_1'));
    renderRound('s_1');
    await waitFor(() => expect(getPrompts).toHaveBeenCalledTimes(1));
    await act(() => new Promise((r) => setTimeout(r, 50)));
    expect(getPrompts).toHaveBeenCalledTimes(1);
  });

  it('"Not now" records the dismissal and closes the toast', async () => {
    getPrompts.mockResolvedValue(prompts(true, 'eligible', 's_1'));
    dismissTestimonial.mockResolvedValue({ state: 'dismissed' });
    renderRound('s_1');

    fireEvent.click(await screen.findByRole('button', { name: 'Not now' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(dismissTestimonial).toHaveBeenCalledTimes(1);
  });

  it('submits the text with consent and the round id', async () => {
    getPrompts.mockResolvedValue(prompts(true, 'eligible', 's_1'));
    submitTestimonial.mockResolvedValue({ state: 'submitted' });
    renderRound('s_1');

    fireEvent.change(await screen.findByLabelText(/what helped you most/), { target: { value: '  The live hints made me add numbers.  ' } });
    fireEvent.click(screen.getByLabelText(/may quote this/));
    fireEvent.click(screen.getByRole('button', { name: 'Send' }));

    expect(await screen.findByText(/Thank you/)).toBeTruthy();
    expect(submitTestimonial).toHaveBeenCalledWith({ text: 'The live hints made me add numbers.', consent: true, session_id: 's_1' });
  });

  it('refuses an empty testimonial without calling the API', async () => {
    getPrompts.mockResolvedValue(prompts(true, 'eligible', 's_1'));
    renderRound('s_1');
    fireEvent.click(await screen.findByRole('button', { name: 'Send' }));
    expect(await screen.findByRole('alert')).toBeTruthy();
    expect(submitTestimonial).not.toHaveBeenCalled();
  });
});
