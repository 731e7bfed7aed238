import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { DeltaCardBody, isNotScored } from '../components/RoundDeltaCard';
import { FixNextPanel } from '../components/FixNextPanel';
import { HowComputedPage } from '../components/HowComputedPage';
import { OfferProbabilityCard } from '../components/OfferProbabilityCard';
import { RoundComparison } from '../components/RoundComparison';
import { percent, pointsBetween } from '../lib/format';
import { matchRoute } from '../lib/router';
import { offerView, round, summary } from './fixtures';

/** Issue 14: one quantity shows one number everywhere; sentences agree with the numbers beside them. */
describe('one number everywhere', () => {
  it('a change is the difference of the whole percentages shown', () => {
    expect(percent(0.9049)).toBe('90%');
    expect(percent(0.4451)).toBe('45%');
    expect(pointsBetween(0.9049, 0.4451)).toBe('−45 pts');
    expect(pointsBetween(0.377, 0.4123)).toBe('+3 pts');
    expect(pointsBetween(null, 0.4)).toBe('—');
  });

  it('the round card and the comparison table show the same change for the same two rounds', () => {
    const before = 0.9049;
    const after = 0.4451;
    render(<DeltaCardBody summary={summary({ offer_probability_before: before, offer_probability_after: after, offer_probability_change: after - before })} onNextRound={() => {}} />);
    const onCard = screen.getByTestId('delta-change').textContent ?? '';
    const { container } = render(<RoundComparison older={round(1, before, null)} newer={round(2, after, before)} olderLabel="Round 1" newerLabel="Round 2" />);
    expect(onCard).toContain('−45 pts');
    expect(container.textContent).toContain('−45 pts');
    expect(container.textContent).not.toContain('−44');
  });

  it('the dashboard never says nothing pulls the estimate down next to a drop', () => {
    const { container } = render(<FixNextPanel negativeDrivers={[]} whatToFixNext={[]} delta={-0.262} rounds={5} />);
    expect(container.textContent).not.toContain('Nothing is pulling your estimate down');
    expect(container.textContent).toContain('fell');
    expect(container.textContent).toContain('from your last 5 rounds');
  });

  it('the round card labels its advice as from this round and links to how it is computed', () => {
    render(<DeltaCardBody summary={summary()} onNextRound={() => {}} />);
    expect(screen.getByText('(from this round)')).toBeTruthy();
    expect(screen.getByRole('link', { name: 'How this is computed' }).getAttribute('href')).toBe('/how');
  });

  it('the offer-probability card links to how it is computed', () => {
    render(<OfferProbabilityCard view={offerView()} />);
    expect(screen.getByRole('link', { name: 'How this is computed' }).getAttribute('href')).toBe('/how');
  });

  it('a round that was not in English says it was not scored', () => {
    const notEnglish = summary({
      session_score: 0,
      drivers: [],
      offer_probability_before: 0.41,
      offer_probability_after: 0.41,
      what_to_fix_next: ['Only English answers are scored for now: this answer was not scored.'],
    });
    expect(isNotScored(notEnglish)).toBe(true);
    expect(isNotScored(summary())).toBe(false);
    render(<DeltaCardBody summary={notEnglish} onNextRound={() => {}} />);
    expect(screen.getByTestId('not-scored').textContent).toContain('only English answers are scored');
  });

  it('the how-it-is-computed page has its own route and explains the prior, the ceiling and the band', () => {
    expect(matchRoute('/how')).toEqual({ page: 'how' });
    const { container } = render(<HowComputedPage />);
    expect(container.textContent).toContain('population prior');
    expect(container.textContent).toContain('75%');
    expect(container.textContent).toContain('higher is worse');
  });
});
