// Shared building blocks of the console pages.
import { useEffect, useState } from 'react';
import { pretty } from './format.js';

const LABELS = {
  RUNNING: 'Running', SUCCEEDED: 'Succeeded', FAILED: 'Failed', TIMED_OUT: 'Timed out', ABORTED: 'Aborted',
  PENDING_REDRIVE: 'Pending redrive', NOT_STARTED: 'Not started', IN_PROGRESS: 'In progress',
  CAUGHT_ERROR: 'Caught error', CANCELLED: 'Cancelled',
};

export const EXECUTION_STATUSES = ['RUNNING', 'SUCCEEDED', 'FAILED', 'TIMED_OUT', 'ABORTED', 'PENDING_REDRIVE'];

export function StatusBadge({ status, count }) {
  if (!status) return null;
  return (
    <span className={`badge badge-${status.toLowerCase()}`} data-execution-status={status}>
      <span className="badge-dot" />
      {LABELS[status] || status}
      {count !== undefined && <b className="badge-count">{count}</b>}
    </span>
  );
}

export function Json({ value, empty = 'No data', maxHeight }) {
  const text = pretty(value);
  if (!text) return <div className="muted small">{empty}</div>;
  return <pre className="json" style={maxHeight ? { maxHeight } : undefined}>{text}</pre>;
}

export function Card({ title, actions, children, className = '', ...rest }) {
  return (
    <section className={`card ${className}`} {...rest}>
      {(title || actions) && (
        <header className="card-header">
          <h2>{title}</h2>
          <div className="card-actions">{actions}</div>
        </header>
      )}
      <div className="card-body">{children}</div>
    </section>
  );
}

export function ErrorBox({ error, cause, title = 'Error', ...rest }) {
  if (!error && !cause) return null;
  return (
    <div className="error-box" role="alert" {...rest}>
      <div className="error-title">{title}</div>
      {error && <div className="error-name" data-testid="error">{error}</div>}
      {cause && <pre className="error-cause" data-testid="cause">{pretty(cause)}</pre>}
    </div>
  );
}

export function Spinner({ label = 'Loading…' }) {
  return <div className="loading"><span className="spinner" />{label}</div>;
}

export function Empty({ children }) {
  return <div className="empty">{children}</div>;
}

export function Modal({ title, children, onClose, actions }) {
  useEffect(() => {
    const onKey = (e) => e.key === 'Escape' && onClose();
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [onClose]);
  return (
    <div className="modal-backdrop" onMouseDown={onClose}>
      <div className="modal" role="dialog" aria-modal="true" aria-label={title} onMouseDown={(e) => e.stopPropagation()}>
        <h3>{title}</h3>
        <div className="modal-body">{children}</div>
        <div className="modal-actions">{actions}</div>
      </div>
    </div>
  );
}

/** A button that asks for confirmation in a dialog before running {@code action}. */
export function ConfirmButton({ label, title, message, confirmLabel, danger, disabled, action, testId }) {
  const [open, setOpen] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState(null);
  const run = async () => {
    setBusy(true);
    setError(null);
    try {
      await action();
      setOpen(false);
    } catch (e) {
      setError(e.message);
    } finally {
      setBusy(false);
    }
  };
  return (
    <>
      <button type="button" className={`btn ${danger ? 'btn-danger' : ''}`} disabled={disabled} onClick={() => setOpen(true)} data-testid={testId}>
        {label}
      </button>
      {open && (
        <Modal
          title={title}
          onClose={() => !busy && setOpen(false)}
          actions={(
            <>
              <button type="button" className="btn" onClick={() => setOpen(false)} disabled={busy}>Cancel</button>
              <button type="button" className={`btn ${danger ? 'btn-danger-solid' : 'btn-primary'}`} onClick={run} disabled={busy} data-testid={testId && `${testId}-confirm`}>
                {busy ? 'Working…' : confirmLabel}
              </button>
            </>
          )}
        >
          <p>{message}</p>
          {error && <div className="form-error">{error}</div>}
        </Modal>
      )}
    </>
  );
}

/** Server-side paging: a stack of next tokens, so Previous goes back. */
export function usePager(resetKey) {
  const [tokens, setTokens] = useState([null]);
  useEffect(() => setTokens([null]), [resetKey]);
  const token = tokens[tokens.length - 1];
  return {
    token,
    page: tokens.length,
    next: (nextToken) => setTokens((t) => [...t, nextToken]),
    previous: () => setTokens((t) => (t.length > 1 ? t.slice(0, -1) : t)),
  };
}

export function Pager({ pager, nextToken, count }) {
  return (
    <div className="pager">
      <span className="muted small">Page {pager.page}{count !== undefined ? ` · ${count} shown` : ''}</span>
      <button type="button" className="btn btn-small" disabled={pager.page <= 1} onClick={pager.previous}>‹ Previous</button>
      <button type="button" className="btn btn-small" disabled={!nextToken} onClick={() => pager.next(nextToken)} data-testid="next-page">Next ›</button>
    </div>
  );
}

export function StatusFilter({ value, onChange }) {
  return (
    <select className="select" value={value} onChange={(e) => onChange(e.target.value)} aria-label="Status filter" data-testid="status-filter">
      <option value="">All statuses</option>
      {EXECUTION_STATUSES.map((s) => <option key={s} value={s}>{LABELS[s]}</option>)}
    </select>
  );
}

/** A page-level "not found" or load error, with a way back. */
export function Problem({ title, detail, back }) {
  return (
    <div className="problem" role="alert" data-testid="problem">
      <div className="problem-icon" aria-hidden>!</div>
      <h2>{title}</h2>
      {detail && <p className="arn">{detail}</p>}
      {back}
    </div>
  );
}
