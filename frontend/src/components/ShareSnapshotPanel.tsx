import { useRef, useState } from 'react';
import { ApiError, createShare, currentIdentity, describeError, revokeShare } from '../lib/api';
import { copyText } from '../lib/clipboard';
import { formatDate } from '../lib/format';
import { activeShare, forgetShare, rememberShare } from '../lib/shares';
import type { ShareCreated } from '../lib/types';

/** "Share Improvement Snapshot": a public link to a user-safe summary of progress, which the owner can revoke. */
export function ShareSnapshotPanel() {
  const userId = currentIdentity()?.user_id ?? '';
  const [share, setShare] = useState<ShareCreated | null>(() => (userId ? activeShare(userId) : null));
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const input = useRef<HTMLInputElement>(null);

  const create = async () => {
    setBusy(true);
    setError(null);
    setMessage(null);
    try {
      const created = await createShare(30);
      setShare(created);
      if (userId) rememberShare(userId, created);
      const copied = await copyText(created.url);
      setMessage(copied ? 'Link created and copied to your clipboard.' : 'Link created. Select it and copy it (Ctrl+C).');
      if (!copied) input.current?.select();
    } catch (e) {
      setError(e instanceof ApiError && e.status === 422 ? 'Finish a round first: then there is progress to share.' : describeError(e));
    } finally {
      setBusy(false);
    }
  };

  const copy = async () => {
    if (!share) return;
    const copied = await copyText(share.url);
    setMessage(copied ? 'Copied.' : 'Copying is blocked here: select the link and press Ctrl+C.');
    if (!copied) input.current?.select();
  };

  const revoke = async () => {
    if (!share) return;
    setBusy(true);
    setError(null);
    try {
      await revokeShare(share.token);
    } catch (e) {
      // 404: already expired or revoked, which is what the owner wanted.
      if (!(e instanceof ApiError && e.status === 404)) {
        setError(describeError(e));
        setBusy(false);
        return;
      }
    }
    if (userId) forgetShare(userId, share.token);
    setShare(null);
    setMessage('Link revoked: it no longer opens.');
    setBusy(false);
  };

  return (
    <section className="card share" aria-labelledby="share-title">
      <div className="card-head">
        <h2 id="share-title">Show your progress</h2>
      </div>
      <p className="muted small">
        A public page with your offer probability, how it moved over 30 days and your strengths — never your answers.
      </p>
      {share ? (
        <div className="share-link">
          <label htmlFor="share-url" className="small-title">Your snapshot link</label>
          <div className="share-row">
            <input id="share-url" ref={input} readOnly value={share.url} onFocus={(e) => e.currentTarget.select()} />
            <button type="button" className="btn btn-secondary" onClick={() => void copy()}>Copy link</button>
            <button type="button" className="btn btn-ghost" onClick={() => void revoke()} disabled={busy}>Revoke</button>
          </div>
          <p className="muted small">Expires {formatDate(share.expires_at)}.</p>
        </div>
      ) : (
        <button type="button" className="btn btn-secondary" onClick={() => void create()} disabled={busy}>
          {busy ? 'Creating…' : 'Share Improvement Snapshot'}
        </button>
      )}
      <p className="small" role="status" aria-live="polite">{message}</p>
      {error ? <p className="error-text" role="alert">{error}</p> : null}
    </section>
  );
}
