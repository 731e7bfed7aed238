import { useState } from 'react';
import { describeError, ensureSignedIn, trackEvent } from '../lib/api';
import { navigate } from '../lib/router';
import { PerceptionPanel } from './PerceptionPanel';

const PREVIEW_METERS = { credibility: 74, star_structure: 81, confidence_stability: 66, impact_strength: 58, risk_drift: 22 };
const PREVIEW_HINTS = ['Put a number on your result: a percentage, time saved, money or users.'];

/** The landing: the outcome first, one action that starts a round at once. */
export function QuickStartPanel() {
  const [starting, setStarting] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const start = async () => {
    setStarting(true);
    setError(null);
    void trackEvent('cta_click', { properties: { cta: 'start_mock_round', placement: 'hero' } });
    try {
      await ensureSignedIn();
      navigate('/interview');
    } catch (e) {
      setError(describeError(e));
      setStarting(false);
    }
  };

  return (
    <div className="landing">
      <section className="hero" aria-labelledby="hero-title">
        <div className="hero-copy">
          <h1 id="hero-title" className="hero-title">
            See your <span className="accent">offer probability</span> and how your interviewer perceives you — while you answer.
          </h1>
          <p className="lead">
            Answer a real behavioural question out loud or in writing. Five live meters show how credible, structured,
            steady and impactful you sound; when you finish, you see how your chance of an offer moved and the one thing
            to fix next.
          </p>
          <div className="hero-cta">
            <button type="button" className="btn btn-primary btn-large" onClick={() => void start()} disabled={starting}>
              {starting ? 'Starting your round…' : 'Start a 3-minute mock round'}
              <span aria-hidden="true"> →</span>
            </button>
            <p className="muted small">No sign-up. Type or speak. Your first estimate in about three minutes.</p>
          </div>
          {error ? (
            <p className="error-text" role="alert">
              {error}{' '}
              <button type="button" className="btn-link" onClick={() => void start()}>Try again</button>
            </p>
          ) : null}
        </div>
        <div className="hero-preview" aria-label="Example of what you see during a round">
          <div className="preview-offer card">
            <p className="eyebrow">Offer probability · example</p>
            <p className="preview-value">
              47% <span className="trend-up small">▲ +6.0 pts since last round</span>
            </p>
            <div className="band-bar" aria-hidden="true">
              <div className="band-range" style={{ left: '38%', width: '18%' }} />
              <div className="band-point" style={{ left: '47%' }} />
            </div>
          </div>
          <PerceptionPanel meters={PREVIEW_METERS} hints={PREVIEW_HINTS} status="Example" />
        </div>
      </section>
      <section className="steps" aria-label="How it works">
        <div className="step">
          <span className="step-n" aria-hidden="true">1</span>
          <h2 className="small-title">Answer one question</h2>
          <p className="muted small">36 behavioural questions for engineers, PMs, data, design, managers and sales.</p>
        </div>
        <div className="step">
          <span className="step-n" aria-hidden="true">2</span>
          <h2 className="small-title">Watch the interviewer’s view</h2>
          <p className="muted small">Every sentence is tagged Context, Action, Result or Reflection; weak phrases get a fix.</p>
        </div>
        <div className="step">
          <span className="step-n" aria-hidden="true">3</span>
          <h2 className="small-title">See your odds move</h2>
          <p className="muted small">Offer probability with an honest range, what changed, and what to fix next round.</p>
        </div>
      </section>
    </div>
  );
}
