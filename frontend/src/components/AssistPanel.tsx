import { PerceptionPanel } from './PerceptionPanel';
import { TAG_LABELS } from '../lib/meters';
import type { SessionMeters, TaggedSentence } from '../lib/types';

interface Props {
  meters: SessionMeters | null;
  sentences: readonly TaggedSentence[];
  status: string;
  elapsedMs: number;
  targetMs: number;
}

const STAR_PARTS = ['CONTEXT', 'ACTION', 'RESULT', 'REFLECTION'] as const;

/** The room's side panel: the live perception meters, the STAR parts covered so far and the round clock. */
export function AssistPanel({ meters, sentences, status, elapsedMs, targetMs }: Props) {
  const seen = new Set(sentences.map((s) => s.tag));
  const over = elapsedMs > targetMs;
  return (
    <aside className="assist" aria-label="Live feedback">
      <PerceptionPanel meters={meters} hints={meters?.hints ?? []} status={status} />
      <section className="card star-check" aria-labelledby="star-title">
        <div className="card-head">
          <h2 id="star-title" className="small-title">STAR parts so far</h2>
          <span className={`clock${over ? ' clock-over' : ''}`} aria-label={`Round time ${clock(elapsedMs)} of ${clock(targetMs)}`}>
            {clock(elapsedMs)} / {clock(targetMs)}
          </span>
        </div>
        <ul className="star-parts">
          {STAR_PARTS.map((p) => (
            <li key={p} className={seen.has(p) ? 'done' : 'todo'}>
              <span aria-hidden="true">{seen.has(p) ? '✓' : '○'}</span> {TAG_LABELS[p]}
              <span className="sr-only">{seen.has(p) ? ': covered' : ': not yet'}</span>
            </li>
          ))}
        </ul>
      </section>
    </aside>
  );
}

function clock(ms: number): string {
  const total = Math.max(0, Math.floor(ms / 1000));
  return `${Math.floor(total / 60)}:${String(total % 60).padStart(2, '0')}`;
}
