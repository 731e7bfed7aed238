import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import * as api from '../lib/api';
import { RoundDeltaCard } from '../components/RoundDeltaCard';
import { summary } from './fixtures';

vi.mock('../lib/api', async (importOriginal) => {
  const real = await importOriginal<typeof import('../lib/api')>();
  return { ...real, getRoundSummary: vi.fn() };
});
const getRoundSummary = vi.mocked(api.getRoundSummary);

describe('RoundDeltaCard', () => {
  beforeEach(() => getRoundSummary.mockReset());

  it('polls until the summary exists and shows the numbers from the API response', async () => {
    getRoundSummary
      .mockRejectedValueOnce(new api.ApiError(404, 'no summary yet'))
      .mockRejectedValueOnce(new api.ApiError(404, 'no summary yet'))
      .mockResolvedValue(summary());
    const onSummary = vi.fn();
    const onNext = vi.fn();

    render(<RoundDeltaCard sessionId="s_9" onNextRound={onNext} onSummary={onSummary} pollMs={5} />);

    expect(screen.getByRole('status').textContent).toMatch(/Scoring/);
    const card = await screen.findByTestId('delta-card');
    expect(getRoundSummary).toHaveBeenCalledTimes(3);
    expect(getRoundSummary).toHaveBeenCalledWith('s_9');
    expect(screen.getByTestId('delta-after').textContent).toBe('41%');
    expect(screen.getByTestId('delta-change').textContent).toContain('+3 pts');
    expect(card.textContent).toContain('from 38% before this round');
    expect(card.textContent).toContain('71');
    expect(card.textContent).toContain('55 → 61');
    expect(card.textContent).toContain('Put a number on your result.');
    // Risk drift going up is bad
    expect(screen.getByText('Risk Drift (higher is worse)').closest('li')?.className).toBe('change-bad');
    expect(screen.getByText('Credibility').closest('li')?.className).toBe('change-good');
    expect(onSummary).toHaveBeenCalledTimes(1);

    const next = screen.getByRole('button', { name: 'Start the next round' });
    // Focus moves in an effect after the card renders.
    await waitFor(() => expect(document.activeElement).toBe(next));
    fireEvent.click(next);
    expect(onNext).toHaveBeenCalled();
  });

  it('calls a first round the baseline', async () => {
    getRoundSummary.mockResolvedValue(summary({ offer_probability_before: null, offer_probability_change: null, offer_probability_after: 0.29 }));
    render(<RoundDeltaCard sessionId="s_9" onNextRound={() => undefined} />);
    const card = await screen.findByTestId('delta-card');
    expect(screen.getByTestId('delta-after').textContent).toBe('29%');
    expect(card.textContent).toContain('Your baseline');
    expect(card.textContent).not.toMatch(/NaN|null/);
  });

  it('gives up with a message after the time limit and can check again', async () => {
    getRoundSummary.mockRejectedValue(new api.ApiError(404, 'no summary yet'));
    render(<RoundDeltaCard sessionId="s_9" onNextRound={() => undefined} pollMs={5} timeoutMs={40} />);

    expect(await screen.findByText(/taking longer than usual/)).toBeTruthy();
    getRoundSummary.mockResolvedValue(summary());
    fireEvent.click(screen.getByRole('button', { name: 'Check again' }));
    expect(await screen.findByTestId('delta-card')).toBeTruthy();
  });

  it('shows other errors with a retry', async () => {
    getRoundSummary.mockRejectedValueOnce(new api.ApiError(403, 'This round belongs to another user.'));
    render(<RoundDeltaCard sessionId="s_9" onNextRound={() => undefined} />);
    expect(await screen.findByText('This round belongs to another user.')).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Try again' })).toBeTruthy();
  });
});

describe('RoundDeltaCard advice', () => {
  it('falls back to negative drivers, then to the live hints, only when the summary has no advice', async () => {
    getRoundSummary.mockResolvedValue(
      summary({
        what_to_fix_next: [],
        drivers: [
          { meter: 'credibility', contribution: 0.4, detail: 'specific evidence' },
          { meter: 'impact_strength', contribution: -0.3, detail: 'results without figures hide your impact' },
        ],
      }),
    );
    const { unmount } = render(<RoundDeltaCard sessionId="s_9" liveHints={['Close with what you learned.']} onNextRound={() => undefined} />);
    expect((await screen.findByTestId('delta-card')).textContent).toContain('Impact Strength: results without figures hide your impact');
    unmount();

    getRoundSummary.mockResolvedValue(summary({ what_to_fix_next: [], drivers: [] }));
    render(<RoundDeltaCard sessionId="s_9" liveHints={['Close with what you learned.']} onNextRound={() => undefined} />);
    expect((await screen.findByTestId('delta-card')).textContent).toContain('Close with what you learned.');
  });
});
