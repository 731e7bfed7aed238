/** The browser's speech recognition (Chrome/Edge/Safari: webkitSpeechRecognition), typed to what we use. */

export interface RecognitionAlternative {
  transcript: string;
}
export interface RecognitionResult {
  readonly isFinal: boolean;
  readonly length: number;
  [index: number]: RecognitionAlternative;
}
export interface RecognitionEvent {
  readonly resultIndex: number;
  readonly results: { readonly length: number; [index: number]: RecognitionResult };
}
export interface Recognition {
  continuous: boolean;
  interimResults: boolean;
  lang: string;
  onresult: ((e: RecognitionEvent) => void) | null;
  onerror: ((e: { error: string }) => void) | null;
  onend: (() => void) | null;
  start(): void;
  stop(): void;
  abort(): void;
}
type RecognitionConstructor = new () => Recognition;

export function speechRecognitionConstructor(): RecognitionConstructor | null {
  if (typeof window === 'undefined') return null;
  const w = window as unknown as { SpeechRecognition?: RecognitionConstructor; webkitSpeechRecognition?: RecognitionConstructor };
  return w.SpeechRecognition ?? w.webkitSpeechRecognition ?? null;
}

export function hasSpeechRecognition(): boolean {
  return speechRecognitionConstructor() !== null;
}

/**
 * A spoken or typed chunk as a sentence: trimmed, first letter capitalised, and a full stop added when it has no
 * closing punctuation. A pause in speech (a final result) or pressing Enter is the speaker's own sentence end, and
 * marking it lets the backend tag the sentence at once instead of waiting for the next one.
 */
export function asSentence(text: string): string {
  const t = text.replace(/\s+/g, ' ').trim();
  if (!t) return '';
  const capital = t.charAt(0).toUpperCase() + t.slice(1);
  return /[.!?…]["')\]]?$/.test(capital) ? capital : `${capital}.`;
}

export function speechErrorMessage(error: string): string {
  switch (error) {
    case 'not-allowed':
    case 'service-not-allowed':
      return 'The microphone is blocked for this page. Allow it in the address bar, or type your answer.';
    case 'no-speech':
      return 'We did not hear anything. Check your microphone, or type your answer.';
    case 'audio-capture':
      return 'No microphone was found. Type your answer instead.';
    case 'network':
      return 'Speech recognition needs a connection to your browser’s speech service. Type your answer instead.';
    default:
      return 'Speech recognition stopped. You can start it again or type your answer.';
  }
}
