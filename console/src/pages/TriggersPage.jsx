// "/triggers": every topic trigger (docs/triggers.md) with its source topic, target, state and this
// instance's counters (read, matched, started, dead-lettered, lag), refreshed every 2 s, with
// pause and resume. Reads GET /api/triggers; acts with POST /api/triggers/<name>/pause|resume.
import { useCallback, useEffect, useState } from 'react';
import { enc, get, post } from '../api.js';
import { arnName } from '../format.js';
import { Link } from '../router.jsx';
import { concurrencyText, machineOf } from '../triggers.js';
import { Card, Empty, Spinner } from '../ui.jsx';

const REFRESH_MS = 2000;

const COUNTERS = [
  ['recordsRead', 'Read'],
  ['recordsMatched', 'Matched'],
  ['executionsStarted', 'Started'],
  ['recordsDeadLettered', 'Dead-lettered'],
  ['lag', 'Lag'],
];

function Concurrency({ trigger }) {
  const text = concurrencyText(trigger);
  if (!text) return <span className="muted small">no limit</span>;
  const held = Boolean(trigger.metrics?.heldAtLimit);
  return (
    <span className="mono" data-held={held} title={held ? 'At the limit: records wait' : ''}>
      {text} {held && <span className="tag">waiting</span>}
    </span>
  );
}

function TriggerRow({ trigger, onChanged }) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState(null);
  const paused = trigger.state === 'PAUSED';
  const act = () => {
    setBusy(true);
    post(`/triggers/${enc(trigger.name)}/${paused ? 'resume' : 'pause'}`, {})
      .then(() => { setError(null); onChanged(); })
      .catch((e) => setError(e.message))
      .finally(() => setBusy(false));
  };
  const m = trigger.metrics;
  return (
    <tr data-trigger={trigger.name} data-state={trigger.state}>
      <td>
        <b>{trigger.name}</b>
        <div className="arn">{trigger.triggerArn}</div>
        {error && <div className="form-error">{error}</div>}
      </td>
      <td className="mono" data-testid="source-topic">{trigger.sourceTopic}</td>
      <td>
        <Link className="strong-link" to={`/state-machines/${enc(machineOf(trigger.target))}`}>{arnName(trigger.target)}</Link>
        <div className="arn">{trigger.target}</div>
      </td>
      <td><span className="tag">{trigger.state}</span></td>
      {COUNTERS.map(([key]) => (
        <td key={key} className="mono num" data-counter={key} data-value={m ? m[key] : ''}>{m ? m[key] : '–'}</td>
      ))}
      <td><Concurrency trigger={trigger} /></td>
      <td>
        <button type="button" className="btn btn-small" disabled={busy} onClick={act} data-testid="toggle">
          {paused ? 'Resume' : 'Pause'}
        </button>
      </td>
    </tr>
  );
}

export default function TriggersPage() {
  const [triggers, setTriggers] = useState(null);
  const [error, setError] = useState(null);

  const load = useCallback(() => get('/triggers')
    .then((r) => { setTriggers(r.triggers || []); setError(null); })
    .catch((e) => setError(e.message)), []);

  useEffect(() => {
    load();
    const timer = setInterval(load, REFRESH_MS);
    return () => clearInterval(timer);
  }, [load]);

  return (
    <div className="page">
      <div className="page-header">
        <div>
          <h1>Triggers</h1>
          <p className="muted">Each matching record of a Kafka topic starts one execution, exactly once.</p>
        </div>
      </div>
      <Card title={triggers ? `${triggers.length} trigger${triggers.length === 1 ? '' : 's'}` : 'Triggers'}>
        {error && <div className="form-error">{error}</div>}
        {!triggers && !error && <Spinner />}
        {triggers && triggers.length === 0 && (
          <Empty>No triggers yet. Create one with `stepstream triggers create` or POST /api/triggers.</Empty>
        )}
        {triggers && triggers.length > 0 && (
          <table className="table" data-testid="triggers-table">
            <thead>
              <tr>
                <th>Name</th><th>Source topic</th><th>Target</th><th>State</th>
                {COUNTERS.map(([key, label]) => <th key={key} className="num">{label}</th>)}
                <th>Running / limit</th><th />
              </tr>
            </thead>
            <tbody>
              {triggers.map((t) => <TriggerRow key={t.name} trigger={t} onChanged={load} />)}
            </tbody>
          </table>
        )}
        {triggers && triggers.length > 0 && (
          <p className="muted small">Counters are this server instance&apos;s, since it started.</p>
        )}
      </Card>
    </div>
  );
}
