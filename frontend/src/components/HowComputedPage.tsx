import { Link } from '../lib/router';

/**
 * "How this is computed": the offer probability in plain words (docs/OFFER_PROBABILITY.md is the exact version).
 * Reachable from the offer-probability card, the round card and the dashboard. The figures below are the model's
 * documented constants; change them together.
 */
export const HOW = {
  priorPercent: 40,
  oneRoundCeilingPercent: 75,
  firstRoundMaxPercent: 65,
  notEnglishLine: 'Only English answers are scored for now',
} as const;

export function HowComputedPage() {
  return (
    <article className="card narrow how-page" aria-labelledby="how-title">
      <h1 id="how-title" className="page-title">How your offer probability is computed</h1>
      <h2 className="small-title">1. Each answer gets five meters</h2>
      <p>
        While you answer, five meters listen for what an interviewer weighs: Credibility (specific, first-person,
        firm), STAR Structure (situation, action, result, reflection, in order), Confidence Stability (few fillers and
        hedges), Impact Strength (results with figures) and Risk Drift (rambling, repeating, drifting off — for this
        one, higher is worse).
      </p>
      <p>
        Only what you actually say counts. A sentence counts as content when it says something: who did what to
        which system, team or customer. Lists of buzzwords, cue words (&ldquo;result&rdquo;, &ldquo;impact&rdquo;,
        &ldquo;I led&rdquo;), bare figures, template answers and long rambles score low, however many cues they stack.
        Telling the story only with &ldquo;we&rdquo; lowers Credibility: say &ldquo;I&rdquo; for your own part.
        {' '}{HOW.notEnglishLine}: an answer in another language is not scored and does not move your estimate.
      </p>
      <h2 className="small-title">2. The round score</h2>
      <p>The five meters combine into a round score from 0 to 100. Answers shorter than five sentences count for less.</p>
      <h2 className="small-title">3. The offer probability starts from the average candidate</h2>
      <p>
        Before your first round the estimate is the population prior, about {HOW.priorPercent}%. Each round moves it,
        recent rounds weighing more than older ones, but never all the way on little evidence: one round, however
        strong, moves it a bounded amount (at most about {HOW.firstRoundMaxPercent}% after a first round, and never
        above {HOW.oneRoundCeilingPercent}% on one round), and one weak round cannot wipe out several good ones.
      </p>
      <h2 className="small-title">4. The range</h2>
      <p>
        &ldquo;Likely between&rdquo; shows how sure the estimate is. It is wide after one round and narrows as you
        practise and as your rounds agree with each other; it is capped, so it never claims less than the data
        supports.
      </p>
      <h2 className="small-title">5. Advice</h2>
      <p>
        The round card&rsquo;s &ldquo;what to fix next&rdquo; comes from that round alone and never asks for something
        the round already did well. The dashboard&rsquo;s comes from your recent rounds and says so.
      </p>
      <h2 className="small-title">6. One number everywhere</h2>
      <p>
        Probabilities are shown as whole percentages; a change is the difference of the two percentages shown, in
        whole points — the same on the round card, the dashboard and a shared page.
      </p>
      <p>
        <Link to="/dashboard" className="btn btn-ghost">Back to your dashboard</Link>
      </p>
    </article>
  );
}
