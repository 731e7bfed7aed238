import { Fragment, type ReactNode } from 'react';
import { TAG_LABELS, WEAK_KIND_LABELS } from '../lib/meters';
import type { TaggedSentence } from '../lib/types';

export interface PendingText {
  seq: number;
  text: string;
}

interface Props {
  sentences: readonly TaggedSentence[];
  /** Sent, not yet tagged. */
  pending?: readonly PendingText[];
  /** What speech recognition is hearing right now. */
  interim?: string;
}

/** The answer so far: each sentence with its STAR tag chip, weak spans highlighted with their fix. */
export function TaggedTranscript({ sentences, pending = [], interim = '' }: Props) {
  const empty = sentences.length === 0 && pending.length === 0 && !interim;
  return (
    <section className="card transcript" aria-labelledby="transcript-title">
      <header className="card-head">
        <h2 id="transcript-title">Your answer, as the interviewer hears it</h2>
        <TagLegend />
      </header>
      {empty ? (
        <p className="muted">Each sentence you give appears here with its STAR tag. Weak spots are underlined with how to fix them.</p>
      ) : null}
      <ol className="sentences" aria-live="polite" aria-relevant="additions">
        {sentences.map((s) => (
          <li key={s.index} className={`sentence tag-${s.tag.toLowerCase()}`} data-tag={s.tag}>
            <span className="tag-chip" aria-label={`Tag: ${TAG_LABELS[s.tag]}`}>{TAG_LABELS[s.tag]}</span>
            <div className="sentence-body">
              <p className="sentence-text">{highlight(s)}</p>
              {s.weak_spans.length > 0 ? (
                <ul className="span-hints" aria-label="How to strengthen this sentence">
                  {s.weak_spans.map((w, i) => (
                    <li key={i} id={spanHintId(s, i)}>
                      <span className={`kind kind-${w.kind.toLowerCase()}`}>{WEAK_KIND_LABELS[w.kind]}</span> {w.hint}
                    </li>
                  ))}
                </ul>
              ) : null}
            </div>
          </li>
        ))}
        {pending.map((p) => (
          <li key={`p${p.seq}`} className="sentence sentence-pending">
            <span className="tag-chip tag-chip-pending">Scoring…</span>
            <div className="sentence-body">
              <p className="sentence-text">{p.text}</p>
            </div>
          </li>
        ))}
        {interim ? (
          <li className="sentence sentence-interim" aria-hidden="true">
            <span className="tag-chip tag-chip-pending">Hearing…</span>
            <div className="sentence-body">
              <p className="sentence-text">{interim}</p>
            </div>
          </li>
        ) : null}
      </ol>
    </section>
  );
}

function TagLegend() {
  return (
    <p className="tag-legend small muted" aria-hidden="true">
      {(['CONTEXT', 'ACTION', 'RESULT', 'REFLECTION'] as const).map((t) => (
        <span key={t} className={`legend-dot tag-${t.toLowerCase()}`}>{TAG_LABELS[t]}</span>
      ))}
    </p>
  );
}

function spanHintId(s: TaggedSentence, i: number): string {
  return `span-${s.session_id}-${s.index}-${i}`;
}

/** The sentence text with each weak span marked; overlapping or out-of-range spans are skipped, not crashed on. */
function highlight(s: TaggedSentence): ReactNode {
  const spans = s.weak_spans
    .map((w, i) => ({ w, i }))
    .filter(({ w }) => w.start >= 0 && w.end > w.start && w.end <= s.text.length)
    .sort((a, b) => a.w.start - b.w.start);
  const parts: ReactNode[] = [];
  let at = 0;
  for (const { w, i } of spans) {
    if (w.start < at) continue;
    parts.push(<Fragment key={`t${at}`}>{s.text.slice(at, w.start)}</Fragment>);
    parts.push(
      <mark
        key={`m${w.start}`}
        className={`weak weak-${w.kind.toLowerCase()}`}
        title={w.hint}
        tabIndex={0}
        aria-describedby={spanHintId(s, i)}
      >
        {s.text.slice(w.start, w.end)}
      </mark>,
    );
    at = w.end;
  }
  parts.push(<Fragment key={`t${at}-end`}>{s.text.slice(at)}</Fragment>);
  return parts;
}
