// The execution's log events (AWS CloudWatch Logs shape, per the state machine's
// loggingConfiguration level) and the output its workers sent with their task results, from
// GET /api/executions/<ARN>/logs. Re-read when the history grows, at most every 2 s.
import { useEffect, useState } from 'react';
import { get, enc } from './api.js';
import { dateTime, pretty } from './format.js';
import { Card, Empty } from './ui.jsx';

const REFRESH_MS = 2000;

function useLogs(arn, eventCount) {
  const [logs, setLogs] = useState(null);
  const [error, setError] = useState(null);
  useEffect(() => {
    let cancelled = false;
    const t = setTimeout(() => {
      get(`/executions/${enc(arn)}/logs`)
        .then((body) => { if (!cancelled) { setLogs(body); setError(null); } })
        .catch((e) => { if (!cancelled) setError(e.message); });
    }, logs ? REFRESH_MS : 0);
    return () => { cancelled = true; clearTimeout(t); };
  }, [arn, eventCount]); // eslint-disable-line react-hooks/exhaustive-deps
  return { logs, error };
}

function WorkerOutput({ items }) {
  if (!items.length) return <Empty>No worker output.</Empty>;
  return (
    <div className="worker-output">
      {items.map((o) => (
        <div key={o.eventId} data-testid="worker-output" data-event-id={o.eventId} data-state-name={o.stateName || ''}>
          <div className="small">
            <b>{o.stateName || 'Task'}</b> <span className="muted">· {o.type} · event {o.eventId} · {dateTime(o.timestamp)}</span>
          </div>
          <pre className="json" style={{ maxHeight: 200 }}>{o.lines.join('\n')}</pre>
        </div>
      ))}
    </div>
  );
}

function LogEvents({ events, level }) {
  if (level === 'OFF') {
    return <Empty>Logging is off for this state machine (loggingConfiguration level OFF).</Empty>;
  }
  if (!events.length) return <Empty>No events at level {level} yet.</Empty>;
  return (
    <table className="table">
      <thead><tr><th>Id</th><th>Type</th><th>Time</th><th>Details</th></tr></thead>
      <tbody>
        {events.map((e) => (
          <tr key={e.id} data-testid="log-event" data-event-type={e.type}>
            <td className="mono">{e.id}</td>
            <td className="mono">{e.type}</td>
            <td className="mono small">{dateTime(Number(e.event_timestamp) / 1000)}</td>
            <td>
              {e.details ? (
                <details><summary className="small muted">details</summary><pre className="json">{pretty(e.details)}</pre></details>
              ) : <span className="muted">—</span>}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export default function LogsPanel({ arn, eventCount }) {
  const { logs, error } = useLogs(arn, eventCount);
  const level = logs ? logs.level : '…';
  return (
    <Card title="Logs" data-testid="logs" data-log-level={logs ? logs.level : ''}
      actions={<span className="small muted">level {level}{logs && logs.includeExecutionData ? ' · with execution data' : ''}</span>}>
      {error && <div className="form-error">{error}</div>}
      {logs && (
        <>
          <h3 className="small muted">Worker output</h3>
          <WorkerOutput items={logs.workerOutput || []} />
          <h3 className="small muted">Log events</h3>
          <LogEvents events={logs.events || []} level={logs.level} />
        </>
      )}
    </Card>
  );
}
