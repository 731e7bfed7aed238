import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import {
  ApiError,
  describeError,
  endSession,
  getTranscript,
  ingestSocketUrl,
  roomSocketUrl,
  sendTranscript,
  startSession,
  trackEvent,
} from '../lib/api';
import { IngestStream, type IngestStatus } from '../lib/ingestStream';
import { pickQuestion, ROLES, roleLabel, saveRole, savedRole, type Question } from '../lib/questions';
import { EMPTY_ROOM, RoomConnection, type ConnectionStatus, type RoomView } from '../lib/roomFeed';
import { navigate } from '../lib/router';
import { asSentence, hasSpeechRecognition, speechErrorMessage, speechRecognitionConstructor, type Recognition } from '../lib/speech';
import type { RoundSummary, SegmentInput } from '../lib/types';
import { AssistPanel } from './AssistPanel';
import { RoundDeltaCard } from './RoundDeltaCard';
import { TaggedTranscript, type PendingText } from './TaggedTranscript';
import { useTestimonialPrompt } from './TestimonialPrompt';

/** The "3-minute" of the landing's promise: a soft target shown on the round clock, never enforced. */
export const ROUND_TARGET_MS = 3 * 60 * 1000;
const FLUSH_TIMEOUT_MS = 10_000;
const MAX_SEGMENT_CHARS = 2000;

type Phase = 'loading' | 'compose' | 'live' | 'ending' | 'summary' | 'missing';

/** What a reload of /interview/{id} needs to carry on the round (the server keeps everything else). */
interface RoundMeta {
  question: string;
  role: string;
  seq: number;
  startedAt: number;
  lastEndMs: number;
}

const metaKey = (id: string) => `offerpulse.round.${id}`;
const LAST_QUESTION_KEY = 'offerpulse.last_question';

function loadMeta(id: string): RoundMeta | null {
  try {
    const raw = window.sessionStorage.getItem(metaKey(id));
    return raw ? (JSON.parse(raw) as RoundMeta) : null;
  } catch {
    return null;
  }
}

function saveMeta(id: string, meta: RoundMeta): void {
  try {
    window.sessionStorage.setItem(metaKey(id), JSON.stringify(meta));
  } catch {
    // a reload then starts the seq from the transcript
  }
}

function lastQuestionId(): string | undefined {
  try {
    return window.sessionStorage.getItem(LAST_QUESTION_KEY) ?? undefined;
  } catch {
    return undefined;
  }
}

/** Once per round, even across reloads: the moment the candidate first sees a meter. */
function markFirstMeter(sessionId: string): boolean {
  const key = `offerpulse.first_meter.${sessionId}`;
  try {
    if (window.sessionStorage.getItem(key)) return false;
    window.sessionStorage.setItem(key, '1');
  } catch {
    // without storage, once per page is the best we can do
  }
  return true;
}

/**
 * The interview room: a question for the chosen role, the answer (speech where the browser has it, typing
 * everywhere) streamed to the ingest socket, the tagged transcript and the Interviewer Perception panel live from
 * the room socket, then the end-of-round card.
 */
export function Interview({ sessionId: routeSessionId }: { sessionId: string | null }) {
  const [role, setRole] = useState<string>(() => savedRole());
  const [question, setQuestion] = useState<Question>(() => pickQuestion(savedRole(), lastQuestionId()));
  const [sessionId, setSessionId] = useState<string | null>(routeSessionId);
  const [phase, setPhase] = useState<Phase>(routeSessionId ? 'loading' : 'compose');
  const [view, setView] = useState<RoomView>(EMPTY_ROOM);
  const [roomStatus, setRoomStatus] = useState<ConnectionStatus>('connecting');
  const [ingestStatus, setIngestStatus] = useState<IngestStatus>('connecting');
  const [pending, setPending] = useState<PendingText[]>([]);
  const [draft, setDraft] = useState('');
  const [interim, setInterim] = useState('');
  const [listening, setListening] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [startedAt, setStartedAt] = useState<number | null>(null);
  const [now, setNow] = useState(() => Date.now());
  const [summarySession, setSummarySession] = useState<string | null>(null);
  const [creating, setCreating] = useState(false);

  const meta = useRef<RoundMeta | null>(null);
  const ingest = useRef<IngestStream | null>(null);
  const creatingRound = useRef<Promise<string> | null>(null);
  const recognition = useRef<Recognition | null>(null);
  const wantListening = useRef(false);
  const textArea = useRef<HTMLTextAreaElement>(null);
  const speechAvailable = useMemo(() => hasSpeechRecognition(), []);

  useTestimonialPrompt(summarySession);

  // ---- a reloaded /interview/{id}: pick the round up where it was ----
  useEffect(() => {
    if (!routeSessionId) return;
    let cancelled = false;
    getTranscript(routeSessionId)
      .then((t) => {
        if (cancelled) return;
        const stored = loadMeta(routeSessionId);
        const maxSeq = t.sentences.reduce((m, s) => Math.max(m, s.seq), 0);
        meta.current = {
          question: t.question ?? stored?.question ?? '',
          role: stored?.role ?? savedRole(),
          seq: Math.max(stored?.seq ?? 0, maxSeq),
          startedAt: stored?.startedAt ?? Date.now(),
          lastEndMs: stored?.lastEndMs ?? 0,
        };
        setQuestion({ id: `round-${routeSessionId}`, role: meta.current.role, text: meta.current.question || 'Your question' });
        setRole(meta.current.role);
        setView((v) => ({ ...v, sentences: t.sentences }));
        setStartedAt(meta.current.startedAt);
        setPhase(t.ended ? 'summary' : 'live');
      })
      .catch((e: unknown) => {
        if (cancelled) return;
        setError(e instanceof ApiError && (e.status === 404 || e.status === 403) ? 'This round does not exist, was deleted or belongs to someone else.' : describeError(e));
        setPhase('missing');
      });
    return () => {
      cancelled = true;
    };
  }, [routeSessionId]);

  // ---- the room socket: meters, sentences and the end, live ----
  useEffect(() => {
    if (!sessionId || phase === 'loading' || phase === 'missing' || phase === 'compose') return;
    const connection = new RoomConnection({
      sessionId,
      urlFor: (recovery) => roomSocketUrl(sessionId, recovery),
      onView: setView,
      onStatus: setRoomStatus,
      onFirstMeters: () => {
        if (markFirstMeter(sessionId)) void trackEvent('first_meter_seen', { session_id: sessionId });
      },
    });
    connection.start();
    return () => connection.stop();
    // The socket lives for the whole round: moving between live, ending and summary must not reconnect it.
  }, [sessionId, phase === 'loading' || phase === 'missing' || phase === 'compose']);

  // ---- the round clock ----
  useEffect(() => {
    if (phase !== 'live') return;
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, [phase]);

  // ---- clean up on leaving the page ----
  useEffect(
    () => () => {
      wantListening.current = false;
      recognition.current?.abort();
      ingest.current?.close();
    },
    [],
  );

  const streamFor = useCallback((id: string): IngestStream => {
    if (!ingest.current) {
      ingest.current = new IngestStream({
        urlFor: () => ingestSocketUrl(id),
        postBatch: (segments) => sendTranscript(id, segments),
        onStatus: setIngestStatus,
        onRejected: (detail) => setError(`Part of your answer was not accepted: ${detail}`),
      });
    }
    return ingest.current;
  }, []);

  /** The round starts with the first thing the candidate says or types. */
  const ensureRound = useCallback(async (): Promise<string> => {
    if (sessionId) return sessionId;
    if (!creatingRound.current) {
      setCreating(true);
      creatingRound.current = startSession({ question: question.text, target_role: role })
        .then(({ session_id }) => {
          const started = Date.now();
          meta.current = { question: question.text, role, seq: 0, startedAt: started, lastEndMs: 0 };
          saveMeta(session_id, meta.current);
          try {
            window.sessionStorage.setItem(LAST_QUESTION_KEY, question.id);
          } catch {
            // fine
          }
          setSessionId(session_id);
          setStartedAt(started);
          setNow(started);
          setPhase('live');
          navigate(`/interview/${session_id}`, { replace: true, silent: true });
          return session_id;
        })
        .catch((e: unknown) => {
          creatingRound.current = null;
          throw e;
        })
        .finally(() => setCreating(false));
    }
    return creatingRound.current;
  }, [sessionId, question, role]);

  const sendText = useCallback(
    async (raw: string): Promise<boolean> => {
      const text = asSentence(raw).slice(0, MAX_SEGMENT_CHARS);
      if (!text) return false;
      setError(null);
      let id: string;
      try {
        id = await ensureRound();
      } catch (e) {
        setError(`The round could not start: ${describeError(e)}`);
        return false;
      }
      const m = meta.current;
      if (!m) return false;
      const endMs = Math.max(m.lastEndMs, Date.now() - m.startedAt);
      m.seq += 1;
      const segment: SegmentInput = { seq: m.seq, speaker: 'candidate', text, start_ms: m.lastEndMs, end_ms: endMs, final: true };
      m.lastEndMs = endMs;
      saveMeta(id, m);
      streamFor(id).send([segment]);
      setPending((p) => [...p, { seq: segment.seq, text }]);
      return true;
    },
    [ensureRound, streamFor],
  );

  const submitDraft = async () => {
    const text = draft;
    if (!text.trim()) return;
    setDraft('');
    const ok = await sendText(text);
    if (!ok) setDraft(text);
    textArea.current?.focus();
  };

  // ---- speech ----
  const stopListening = useCallback(() => {
    wantListening.current = false;
    recognition.current?.stop();
    setListening(false);
    setInterim('');
  }, []);

  const startListening = () => {
    const Ctor = speechRecognitionConstructor();
    if (!Ctor) return;
    const r = new Ctor();
    r.continuous = true;
    r.interimResults = true;
    r.lang = navigator.language || 'en-US';
    r.onresult = (e) => {
      let heard = '';
      for (let i = e.resultIndex; i < e.results.length; i += 1) {
        const result = e.results[i];
        const transcript = result?.[0]?.transcript ?? '';
        if (result?.isFinal) void sendText(transcript);
        else heard += transcript;
      }
      setInterim(heard.trim());
    };
    r.onerror = (e) => {
      setNotice(speechErrorMessage(e.error));
      if (e.error === 'not-allowed' || e.error === 'service-not-allowed' || e.error === 'audio-capture') {
        wantListening.current = false;
      }
    };
    r.onend = () => {
      // Browsers stop recognition after a silence; keep listening until the candidate stops it.
      if (wantListening.current) {
        try {
          r.start();
          return;
        } catch {
          wantListening.current = false;
        }
      }
      setListening(false);
      setInterim('');
    };
    recognition.current = r;
    wantListening.current = true;
    setNotice(null);
    try {
      r.start();
      setListening(true);
    } catch {
      wantListening.current = false;
      setNotice('Speech recognition could not start. Type your answer instead.');
    }
  };

  // ---- end of round ----
  const endRound = async () => {
    if (!sessionId) return;
    stopListening();
    if (draft.trim()) {
      await sendText(draft);
      setDraft('');
    }
    setPhase('ending');
    setError(null);
    try {
      await streamFor(sessionId).flush(FLUSH_TIMEOUT_MS);
    } catch (e) {
      setError(`${describeError(e)} Try ending the round again in a moment.`);
      setPhase('live');
      return;
    }
    try {
      await endSession(sessionId);
    } catch (e) {
      // 409: the round was already ended (e.g. by the inactivity timeout): its summary is what we want anyway.
      if (!(e instanceof ApiError && e.status === 409)) {
        setError(`The round could not be ended: ${describeError(e)}`);
        setPhase('live');
        return;
      }
    }
    ingest.current?.close();
    ingest.current = null;
    setPhase('summary');
  };

  const onSummary = useCallback((s: RoundSummary) => setSummarySession(s.session_id), []);
  const nextRound = useCallback(() => navigate('/interview'), []);

  const changeRole = (next: string) => {
    setRole(next);
    saveRole(next);
    setQuestion(pickQuestion(next));
  };

  // ---- render ----
  if (phase === 'missing') {
    return (
      <div className="card narrow" role="alert">
        <h1 className="page-title">Round not found</h1>
        <p>{error}</p>
        <button type="button" className="btn btn-primary" onClick={nextRound}>Start a new round</button>
      </div>
    );
  }
  if (phase === 'loading') {
    return (
      <div className="card narrow" role="status">
        <p>Opening your round…</p>
      </div>
    );
  }

  const maxTaggedSeq = view.sentences.reduce((m, s) => Math.max(m, s.seq), 0);
  const visiblePending = pending.filter((p) => p.seq > maxTaggedSeq);
  const started = sessionId !== null;
  const elapsed = startedAt ? Math.max(0, now - startedAt) : 0;

  if (phase === 'summary' && sessionId) {
    return (
      <div className="room room-summary">
        <p className="round-question"><span className="eyebrow">{roleLabel(role)}</span> {question.text}</p>
        <RoundDeltaCard sessionId={sessionId} liveHints={view.meters?.hints ?? []} onNextRound={nextRound} onSummary={onSummary} />
        <TaggedTranscript sentences={view.sentences} />
      </div>
    );
  }

  return (
    <div className="room">
      <div className="room-main">
        <section className="card question-card" aria-labelledby="question-title">
          <div className="question-controls">
            <label htmlFor="role-select" className="small-title">Target role</label>
            <select id="role-select" value={role} disabled={started || creating} onChange={(e) => changeRole(e.target.value)}>
              {ROLES.map((r) => (
                <option key={r.id} value={r.id}>{r.label}</option>
              ))}
            </select>
            <button type="button" className="btn btn-ghost btn-small" disabled={started || creating} onClick={() => setQuestion(pickQuestion(role, question.id))}>
              Another question
            </button>
          </div>
          <p className="eyebrow">Interviewer</p>
          <h1 id="question-title" className="question-text">{question.text}</h1>
          <p className="muted small">
            Answer as you would in the interview: the situation, what <em>you</em> did, the result with a number, and what you learned.
          </p>
        </section>

        <TaggedTranscript sentences={view.sentences} pending={visiblePending} interim={interim} />

        <section className="card composer" aria-labelledby="composer-title">
          <h2 id="composer-title" className="sr-only">Your answer</h2>
          <label htmlFor="answer" className="small-title">
            {speechAvailable ? 'Speak, or type a sentence and press Enter' : 'Type a sentence and press Enter'}
          </label>
          <textarea
            id="answer"
            ref={textArea}
            value={draft}
            rows={3}
            maxLength={MAX_SEGMENT_CHARS}
            autoFocus
            disabled={phase === 'ending'}
            placeholder="In my last role I led the migration of our billing service…"
            onChange={(e) => setDraft(e.target.value)}
            onKeyDown={(e) => {
              if (e.key === 'Enter' && !e.shiftKey && !e.nativeEvent.isComposing) {
                e.preventDefault();
                void submitDraft();
              }
            }}
            aria-describedby="composer-help"
          />
          <p id="composer-help" className="muted small">
            Enter sends · Shift+Enter adds a line. Each sentence is tagged and scored as it arrives.
          </p>
          <div className="composer-actions">
            <button type="button" className="btn btn-secondary" onClick={() => void submitDraft()} disabled={!draft.trim() || phase === 'ending' || creating}>
              Send
            </button>
            {speechAvailable ? (
              <button
                type="button"
                className={`btn ${listening ? 'btn-danger' : 'btn-secondary'}`}
                aria-pressed={listening}
                onClick={() => (listening ? stopListening() : startListening())}
                disabled={phase === 'ending'}
              >
                <MicIcon />
                {listening ? 'Stop microphone' : 'Answer by voice'}
              </button>
            ) : null}
            <span className="spacer" />
            <button type="button" className="btn btn-primary" onClick={() => void endRound()} disabled={!started || phase === 'ending'}>
              {phase === 'ending' ? 'Ending…' : 'End round'}
            </button>
          </div>
          {!speechAvailable ? <p className="muted small">This browser has no speech recognition, so answers are typed here.</p> : null}
          {notice ? <p className="notice small" role="status">{notice}</p> : null}
          {ingestStatus === 'http' && started ? <p className="muted small">Live connection unavailable: sending over HTTP instead.</p> : null}
          {error ? <p className="error-text" role="alert">{error}</p> : null}
        </section>
      </div>
      <AssistPanel
        meters={view.meters}
        sentences={view.sentences}
        status={!started ? 'Waiting for your first sentence' : roomStatusText(roomStatus)}
        elapsedMs={elapsed}
        targetMs={ROUND_TARGET_MS}
      />
    </div>
  );
}

function MicIcon() {
  return (
    <svg viewBox="0 0 24 24" width="16" height="16" aria-hidden="true" fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round" strokeLinejoin="round">
      <rect x="9" y="3" width="6" height="11" rx="3" />
      <path d="M5 11a7 7 0 0 0 14 0M12 18v3" />
    </svg>
  );
}

function roomStatusText(status: ConnectionStatus): string {
  switch (status) {
    case 'live':
      return 'Live';
    case 'connecting':
      return 'Connecting…';
    case 'reconnecting':
      return 'Reconnecting…';
    default:
      return 'Offline';
  }
}
