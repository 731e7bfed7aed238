import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import * as api from '../lib/api';
import { DashboardPanel } from '../components/DashboardPanel';
import { offerView, round } from './fixtures';

vi.mock('../lib/api', async (importOriginal) => {
  const real = await importOriginal<typeof import('../lib/api')>();
  return {
    ...real,
    getOfferProbability: vi.fn(),
    listSessions: vi.fn(),
    deleteSession: vi.fn(),
    createShare: vi.fn(),
    revokeShare: vi.fn(),
    currentIdentity: vi.fn(() => ({ token: 't', user_id: 'u_1', expires_at: '', username: 'ada', roles: ['candidate'] })),
  };
});

const getOfferProbability = vi.mocked(api.getOfferProbability);
const listSessions = vi.mocked(api.listSessions);
const deleteSession = vi.mocked(api.deleteSession);

function expectNoNaN(container: HTMLElement) {
  expect(container.textContent).not.toMatch(/NaN|undefined|null|Infinity/);
  container.querySelectorAll('svg *').forEach((el) => {
    for (const attr of Array.from(el.attributes)) expect(attr.value).not.toMatch(/NaN|Infinity/);
  });
}

describe('DashboardPanel', () => {
  beforeEach(() => {
    getOfferProbability.mockReset();
    listSessions.mockReset();
    deleteSession.mockReset();
  });

  it('invites a user with no rounds to the first one', async () => {
    getOfferProbability.mockResolvedValue(
      offerView({ offer_probability: null, confidence_band: null, drivers_negative: [], drivers_positive: [], delta_vs_last_session: null, what_to_fix_next: [], sessions_count: 0, data_sufficiency: 'none', updated_at: null }),
    );
    listSessions.mockResolvedValue({ sessions: [], next_cursor: null });

    const { container } = render(<DashboardPanel />);

    expect(await screen.findByText('Your offer probability starts with one round')).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Start a 3-minute mock round' }).getAttribute('href')).toBe('/interview');
    expect(screen.queryByTestId('offer-probability-card')).toBeNull();
    expectNoNaN(container);
  });

  it('labels one round as an early estimate with its wide band, never NaN', async () => {
    getOfferProbability.mockResolvedValue(
      offerView({ offer_probability: 0.31, confidence_band: { low: 0.12, high: 0.61 }, delta_vs_last_session: null, sessions_count: 1, data_sufficiency: 'sparse' }),
    );
    listSessions.mockResolvedValue({ sessions: [round(1, 0.31, null)], next_cursor: null });

    const { container } = render(<DashboardPanel />);

    const card = await screen.findByTestId('offer-probability-card');
    expect(card.textContent).toContain('31%');
    expect(card.textContent).toContain('Early estimate');
    expect(card.textContent).toContain('12%');
    expect(card.textContent).toContain('61%');
    expect(card.textContent).toContain('Your first round sets the baseline.');
    expect(screen.getByRole('img', { name: /first round: 31%/ })).toBeTruthy();
    expect(container.querySelectorAll('.chart-dot')).toHaveLength(1);
    expectNoNaN(container);
  });

  it('shows two rounds as an early estimate with the change and a comparison', async () => {
    getOfferProbability.mockResolvedValue(
      offerView({ offer_probability: 0.36, confidence_band: { low: 0.2, high: 0.55 }, delta_vs_last_session: 0.05, sessions_count: 2, data_sufficiency: 'sparse' }),
    );
    listSessions.mockResolvedValue({ sessions: [round(2, 0.36, 0.31), round(1, 0.31, null)], next_cursor: null });

    const { container } = render(<DashboardPanel />);

    const card = await screen.findByTestId('offer-probability-card');
    expect(card.textContent).toContain('Early estimate');
    expect(card.textContent).toContain('+5 pts');
    expect(screen.getByRole('heading', { name: 'Round 1 vs Round 2' })).toBeTruthy();
    expectNoNaN(container);
  });

  it('puts offer probability above every other metric and charts many rounds', async () => {
    const rounds = Array.from({ length: 8 }, (_, i) => round(8 - i, 0.3 + (8 - i) * 0.02, 0.3 + (7 - i) * 0.02));
    getOfferProbability.mockResolvedValue(offerView());
    listSessions.mockResolvedValue({ sessions: rounds, next_cursor: null });

    const { container } = render(<DashboardPanel />);

    const card = await screen.findByTestId('offer-probability-card');
    const headings = [...container.querySelectorAll('h2')].map((h) => h.textContent);
    expect(headings[0]).toBe('Offer probability');
    expect(card.textContent).toContain('42%');
    expect(card.textContent).toContain('Based on 5 rounds');
    expect(card.textContent).toContain('+3 pts');
    // the top two negative drivers only, strongest first
    const fix = within(container.querySelector('.fix-next') as HTMLElement);
    expect(fix.getByText('Impact Strength')).toBeTruthy();
    expect(fix.getByText('Credibility')).toBeTruthy();
    expect(fix.queryByText(/long sentences read as rambling/)).toBeNull();
    expect(screen.getByText(/End with a measurable result/)).toBeTruthy();
    expect(container.querySelectorAll('.chart-dot')).toHaveLength(8);
    expect(container.querySelector('path.chart-line')?.getAttribute('d')).toMatch(/^M[\d.]+,[\d.]+(L[\d.]+,[\d.]+){7}$/);
    expect(container.querySelectorAll('.round-row')).toHaveLength(8);
    expectNoNaN(container);
  });

  it('shows an error with a retry instead of spinning forever', async () => {
    getOfferProbability.mockRejectedValueOnce(new api.ApiError(500, 'Boom')).mockResolvedValue(offerView());
    listSessions.mockResolvedValue({ sessions: [round(1, 0.42, null)], next_cursor: null });

    render(<DashboardPanel />);

    expect(await screen.findByText('Boom')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Try again' }));
    expect(await screen.findByTestId('offer-probability-card')).toBeTruthy();
  });

  it('deletes a round only after confirmation', async () => {
    getOfferProbability.mockResolvedValue(offerView());
    listSessions.mockResolvedValue({ sessions: [round(2, 0.4, 0.35), round(1, 0.35, null)], next_cursor: null });
    deleteSession.mockResolvedValue({ session_id: 's_2', status: 'deleted' });

    render(<DashboardPanel />);

    fireEvent.click(await screen.findByRole('button', { name: 'Delete round 2' }));
    expect(deleteSession).not.toHaveBeenCalled();
    fireEvent.click(screen.getByRole('button', { name: 'Delete' }));
    await waitFor(() => expect(deleteSession).toHaveBeenCalledWith('s_2'));
    await waitFor(() => expect(document.querySelectorAll('.round-row')).toHaveLength(1));
  });
});
