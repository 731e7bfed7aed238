import { render, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { PerceptionPanel } from '../components/PerceptionPanel';

describe('PerceptionPanel', () => {
  it('shows exactly five meters and at most three hints when fed more', () => {
    const fed = {
      credibility: 61,
      star_structure: 72,
      confidence_stability: 80,
      impact_strength: 44,
      risk_drift: 18,
      extra_meter: 99,
      another: 10,
    } as unknown as Parameters<typeof PerceptionPanel>[0]['meters'];
    const hints = ['one', 'two', 'three', 'four', 'five', 'six'];

    render(<PerceptionPanel meters={fed} hints={hints} />);

    expect(screen.getAllByRole('meter')).toHaveLength(5);
    const hintItems = document.querySelectorAll('.hint-list li');
    expect(hintItems).toHaveLength(3);
    expect([...hintItems].map((li) => li.textContent)).toEqual(['one', 'two', 'three']);
  });

  it('labels every meter for screen readers and says risk drift is worse when higher', () => {
    render(<PerceptionPanel meters={{ credibility: 61, star_structure: 72, confidence_stability: 80, impact_strength: 44, risk_drift: 70 }} hints={[]} />);

    const credibility = screen.getByRole('meter', { name: 'Credibility' });
    expect(credibility.getAttribute('aria-valuenow')).toBe('61');
    expect(credibility.getAttribute('aria-valuemin')).toBe('0');
    expect(credibility.getAttribute('aria-valuemax')).toBe('100');
    const risk = screen.getByRole('meter', { name: /Risk Drift/ });
    expect(risk.getAttribute('aria-valuetext')).toBe('70 out of 100, weak (higher is worse)');
    expect(screen.getByText(/higher is worse/)).toBeTruthy();
  });

  it('shows five pending meters and no NaN before the first sentence', () => {
    const { container } = render(<PerceptionPanel meters={null} hints={[]} />);
    const bars = screen.getAllByRole('meter');
    expect(bars).toHaveLength(5);
    bars.forEach((b) => expect(b.getAttribute('aria-valuenow')).toBeNull());
    expect(container.textContent).not.toMatch(/NaN|undefined/);
    expect(within(container).getByText(/start moving with your first sentence/)).toBeTruthy();
  });

  it('clamps out-of-range and non-numeric values instead of drawing them', () => {
    const odd = { credibility: 140, star_structure: -5, confidence_stability: Number.NaN, impact_strength: 50, risk_drift: 0 };
    const { container } = render(<PerceptionPanel meters={odd} hints={['', '  ', 'real hint']} />);
    expect(screen.getByRole('meter', { name: 'Credibility' }).getAttribute('aria-valuenow')).toBe('100');
    expect(screen.getByRole('meter', { name: 'STAR Structure' }).getAttribute('aria-valuenow')).toBe('0');
    expect(screen.getByRole('meter', { name: 'Confidence Stability' }).getAttribute('aria-valuenow')).toBeNull();
    expect(container.textContent).not.toMatch(/NaN/);
    expect(document.querySelectorAll('.hint-list li')).toHaveLength(1);
  });
});
