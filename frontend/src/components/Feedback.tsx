import { describeError } from '../lib/api';

export function ErrorPanel({ error, onRetry, title = 'This did not load' }: { error: unknown; onRetry?: () => void; title?: string }) {
  return (
    <div className="card error-panel" role="alert">
      <h2 className="small-title">{title}</h2>
      <p>{describeError(error)}</p>
      {onRetry ? (
        <button type="button" className="btn btn-secondary" onClick={onRetry}>
          Try again
        </button>
      ) : null}
    </div>
  );
}

export function LoadingCard({ label, lines = 3 }: { label: string; lines?: number }) {
  return (
    <div className="card loading-card" role="status" aria-live="polite">
      <span className="sr-only">{label}</span>
      {Array.from({ length: lines }, (_, i) => (
        <div key={i} className="skeleton" style={{ width: `${90 - i * 18}%` }} aria-hidden="true" />
      ))}
    </div>
  );
}
