import { render, screen } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import * as api from '../lib/api';
import { duration, percent, points, signed } from '../lib/format';
import { QUESTIONS, ROLES, pickQuestion, questionsFor } from '../lib/questions';
import { matchRoute } from '../lib/router';
import { asSentence } from '../lib/speech';
import { TaggedTranscript } from '../components/TaggedTranscript';
import { SharePage } from '../components/SharePage';
import { KpiPage } from '../components/KpiPage';
import { sentence } from './fixtures';

vi.mock('../lib/api', async (importOriginal) => {
  const real = await importOriginal<typeof import('../lib/api')>();
  return { ...real, getShare: vi.fn(), getNorthStar: vi.fn(), getFunnel: vi.fn(), getWeeklyReview: vi.fn() };
});

describe('format', () => {
  it('never prints NaN or null', () => {
    for (const bad of [null, undefined, Number.NaN, Number.POSITIVE_INFINITY]) {
      expect(percent(bad)).toBe('—');
      expect(points(bad)).toBe('—');
      expect(signed(bad)).toBe('—');
      expect(duration(bad)).toBe('—');
    }
    expect(percent(0.4123)).toBe('41%');
    expect(points(0.0353)).toBe('+4 pts');
    expect(points(-0.02)).toBe('−2 pts');
    expect(points(0.00001)).toBe('±0 pts');
    expect(duration(41000)).toBe('41 s');
    expect(duration(125000)).toBe('2 min 5 s');
  });
});

describe('question bank', () => {
  it('holds at least 30 behavioural questions across several roles', () => {
    expect(QUESTIONS.length).toBeGreaterThanOrEqual(30);
    expect(ROLES.length).toBeGreaterThanOrEqual(4);
    ROLES.forEach((r) => expect(questionsFor(r.id).length).toBeGreaterThanOrEqual(5));
    expect(new Set(QUESTIONS.map((q) => q.id)).size).toBe(QUESTIONS.length);
    QUESTIONS.forEach((q) => expect(q.text.length).toBeLessThanOrEqual(500));
  });

  it('picks a question of the chosen role, never the one just asked', () => {
    const role = ROLES[1]!.id;
    for (let i = 0; i < 20; i++) {
      const first = pickQuestion(role);
      expect(first.role).toBe(role);
      expect(pickQuestion(role, first.id).id).not.toBe(first.id);
    }
  });
});

describe('routes', () => {
  it('maps deep links to pages', () => {
    expect(matchRoute('/')).toEqual({ page: 'landing' });
    expect(matchRoute('/dashboard/')).toEqual({ page: 'dashboard' });
    expect(matchRoute('/interview')).toEqual({ page: 'interview', sessionId: null });
    expect(matchRoute('/interview/s_abc123')).toEqual({ page: 'interview', sessionId: 's_abc123' });
    expect(matchRoute('/s/Tok-en_1')).toEqual({ page: 'share', token: 'Tok-en_1' });
    expect(matchRoute('/kpi')).toEqual({ page: 'kpi' });
    expect(matchRoute('/nope')).toEqual({ page: 'not_found' });
  });
});

describe('asSentence', () => {
  it('ends an utterance with a full stop unless it already has closing punctuation', () => {
    expect(asSentence('  i led the   migration ')).toBe('I led the migration.');
    expect(asSentence('Did it work?')).toBe('Did it work?');
    expect(asSentence('It worked.')).toBe('It worked.');
    expect(asSentence('   ')).toBe('');
  });
});

describe('TaggedTranscript', () => {
  it('shows a tag chip per sentence and highlights weak spans with their hint', () => {
    const s = sentence(0, 1, {
      text: 'We basically improved stuff a lot.',
      tag: 'RESULT',
      weak_spans: [
        { start: 3, end: 12, kind: 'FILLER', hint: 'Drop "basically".' },
        { start: 22, end: 27, kind: 'VAGUE', hint: 'Name the system.' },
        { start: 40, end: 50, kind: 'VAGUE', hint: 'out of range is ignored' },
      ],
    });
    render(<TaggedTranscript sentences={[s, sentence(1, 2, { tag: 'REFLECTION' })]} />);
    expect(screen.getByLabelText('Tag: Result').textContent).toBe('Result');
    expect(screen.getByLabelText('Tag: Reflection')).toBeTruthy();
    const marks = document.querySelectorAll('mark.weak');
    expect([...marks].map((m) => m.textContent)).toEqual(['basically', 'stuff']);
    expect(marks[1]!.getAttribute('title')).toBe('Name the system.');
    expect(screen.getByText(/Name the system\./, { selector: 'li' })).toBeTruthy();
  });
});

describe('SharePage', () => {
  it('frames the snapshot by its outcome', async () => {
    vi.mocked(api.getShare).mockResolvedValue({
      offer_probability: 0.43,
      change_over_period: 0.08,
      period_days: 30,
      rounds_completed: 4,
      strengths: ['Clear structure'],
      focus_areas: ['Quantify results'],
      created_at: '2026-11-20T10:00:00Z',
      expires_at: '2026-12-20T10:00:00Z',
    });
    render(<SharePage token="abc" />);
    const heading = await screen.findByRole('heading', { level: 1 });
    expect(heading.textContent).toContain('43%');
    expect(heading.textContent).toContain('8 pts in 30 days');
    expect(screen.getByText('Clear structure')).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Try OfferPulse' })).toBeTruthy();
  });

  it('turns a 404 into a friendly expired page with a way in', async () => {
    vi.mocked(api.getShare).mockImplementation(() => Promise.reject(new api.ApiError(404, 'Not found')));
    render(<SharePage token="gone" />);
    expect(await screen.findByRole('heading', { name: 'This link has expired or was revoked' })).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Try OfferPulse yourself' }).getAttribute('href')).toBe('/');
  });
});

describe('KpiPage', () => {
  it('explains a 403 and offers no way to grant oneself the role', async () => {
    const denied = new api.ApiError(403, 'Your token does not allow this.');
    vi.mocked(api.getNorthStar).mockRejectedValue(denied);
    vi.mocked(api.getFunnel).mockRejectedValue(denied);
    vi.mocked(api.getWeeklyReview).mockRejectedValue(denied);
    render(<KpiPage />);
    expect(await screen.findByRole('heading', { name: 'KPIs are for analysts' })).toBeTruthy();
    expect(screen.queryByRole('button', { name: /analyst/i })).toBeNull();
    expect(screen.getByText(/Nobody grants themselves this role/)).toBeTruthy();
  });

  it('shows the north star, the funnel and a weekly chart', async () => {
    vi.mocked(api.getNorthStar).mockResolvedValue({
      rate: 0.4, numerator: 4, denominator: 10, window_start: '2026-10-27T00:00:00Z', window_end: '2026-11-26T00:00:00Z', days: 30,
      weekly: [
        { week_start: '2026-10-01T00:00:00Z', week_end: '2026-10-08T00:00:00Z', rate: null, numerator: 0, denominator: 0 },
        { week_start: '2026-10-08T00:00:00Z', week_end: '2026-10-15T00:00:00Z', rate: 0.3, numerator: 3, denominator: 10 },
        { week_start: '2026-10-15T00:00:00Z', week_end: '2026-10-22T00:00:00Z', rate: 0.4, numerator: 4, denominator: 10 },
      ],
    });
    vi.mocked(api.getFunnel).mockResolvedValue({
      window_start: '2026-11-19T00:00:00Z', window_end: '2026-11-26T00:00:00Z', days: 7, landing_views: 120, cta_clicks: 30,
      landing_cvr: 0.25, median_time_to_wow_ms: 41000, round_retention_7d: { rate: 0.5, numerator: 5, denominator: 10 },
    });
    const mc = { value: 0.25, previous: 0.2, change: 0.05 };
    vi.mocked(api.getWeeklyReview).mockResolvedValue({
      week_start: '2026-11-19T00:00:00Z', week_end: '2026-11-26T00:00:00Z',
      conversion_impact: { landing_cvr: mc, median_time_to_wow_ms: { value: 41000, previous: 50000, change: -9000 }, round_retention_7d: mc },
      learning: { top_positive_driver: 'star_structure', top_negative_driver: null }, what_shipped: '', next_week_highest_leverage_change: '',
    });
    const { container } = render(<KpiPage />);
    expect(await screen.findByText('40.0%')).toBeTruthy();
    expect(screen.getAllByText('41 s').length).toBeGreaterThanOrEqual(1);
    expect(container.querySelectorAll('.chart-dot')).toHaveLength(2);
    expect(container.textContent).not.toMatch(/NaN|null|undefined/);
  });
});

describe('api client sign-in', () => {
  it('becomes a new guest after a 401 (no name, no roles sent), then repeats the call', async () => {
    const { saveIdentity, loadIdentity } = await import('../lib/identity');
    const real = await vi.importActual<typeof import('../lib/api')>('../lib/api');
    saveIdentity({ token: 'old', user_id: 'g_1', expires_at: '2999-01-01T00:00:00Z', username: 'Guest', roles: ['candidate'] });
    const calls: Array<{ url: string; auth: string | null; body: string | null }> = [];
    const fetchMock = vi.fn(async (url: string, init: RequestInit) => {
      const headers = init.headers as Record<string, string>;
      calls.push({ url, auth: headers.authorization ?? null, body: (init.body as string) ?? null });
      if (url === '/api/auth/guest') {
        return new Response(JSON.stringify({ token: 'new', user_id: 'g_2', expires_at: '2999-01-01T00:00:00Z' }), { status: 201 });
      }
      if (headers.authorization === 'Bearer old') {
        return new Response(JSON.stringify({ status: 401, detail: 'The bearer token has expired; sign in again.' }), { status: 401 });
      }
      return new Response(JSON.stringify({ sessions: [], next_cursor: null }), { status: 200 });
    });
    vi.stubGlobal('fetch', fetchMock);
    try {
      await expect(real.listSessions(5)).resolves.toEqual({ sessions: [], next_cursor: null });
    } finally {
      vi.unstubAllGlobals();
    }
    expect(calls.map((c) => [c.url, c.auth])).toEqual([
      ['/api/user/sessions?limit=5', 'Bearer old'],
      ['/api/auth/guest', null],
      ['/api/user/sessions?limit=5', 'Bearer new'],
    ]);
    expect(calls[1]!.body).toBeNull();
    expect(loadIdentity()).toMatchObject({ token: 'new', user_id: 'g_2', roles: ['candidate'] });
  });

  it('never signs in to get a role: a missing role is a 403', async () => {
    const { saveIdentity } = await import('../lib/identity');
    const real = await vi.importActual<typeof import('../lib/api')>('../lib/api');
    saveIdentity({ token: 't', user_id: 'g_1', expires_at: '2999-01-01T00:00:00Z', username: 'Guest', roles: ['candidate'] });
    const fetchMock = vi.fn();
    vi.stubGlobal('fetch', fetchMock);
    try {
      const error = await real.ensureSignedIn(['analyst']).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(real.ApiError);
      expect((error as api.ApiError).status).toBe(403);
    } finally {
      vi.unstubAllGlobals();
    }
    expect(fetchMock).not.toHaveBeenCalled();
  });

  it('turns a problem+json answer into an ApiError with its detail and Retry-After', async () => {
    const real = await vi.importActual<typeof import('../lib/api')>('../lib/api');
    vi.stubGlobal('fetch', vi.fn(async () => new Response(JSON.stringify({ status: 429, detail: 'Slow down.' }), { status: 429, headers: { 'retry-after': '7' } })));
    try {
      const error = await real.getShare('tok').catch((e: unknown) => e);
      expect(error).toBeInstanceOf(real.ApiError);
      expect((error as api.ApiError).status).toBe(429);
      expect((error as api.ApiError).retryAfterSeconds).toBe(7);
      expect((error as api.ApiError).message).toBe('Slow down.');
    } finally {
      vi.unstubAllGlobals();
    }
  });
});
