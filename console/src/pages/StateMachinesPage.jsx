// "/": every state machine with its type, creation date and executions by status, with search.
import { useEffect, useMemo, useState } from 'react';
import { api } from '../api.js';
import { dateTime, relative } from '../format.js';
import { Link } from '../router.jsx';
import { Card, Empty, Spinner, StatusBadge } from '../ui.jsx';

const ORDER = ['RUNNING', 'SUCCEEDED', 'FAILED', 'TIMED_OUT', 'ABORTED', 'PENDING_REDRIVE'];

export default function StateMachinesPage() {
  const [machines, setMachines] = useState(null);
  const [counts, setCounts] = useState({});
  const [error, setError] = useState(null);
  const [search, setSearch] = useState('');

  useEffect(() => {
    let live = true;
    const load = () => Promise.all([api.stateMachines(), api.executionCounts()])
      .then(([m, c]) => {
        if (!live) return;
        setMachines(m.stateMachines || []);
        setCounts(c.counts || {});
        setError(null);
      })
      .catch((e) => live && setError(e.message));
    load();
    const timer = setInterval(load, 5000);
    return () => { live = false; clearInterval(timer); };
  }, []);

  const shown = useMemo(() => {
    const q = search.trim().toLowerCase();
    return (machines || []).filter((m) => !q || m.name.toLowerCase().includes(q) || m.stateMachineArn.toLowerCase().includes(q));
  }, [machines, search]);

  return (
    <div className="page">
      <div className="page-header">
        <div>
          <h1>State machines</h1>
          <p className="muted">Workflows defined in Amazon States Language, running on Kafka.</p>
        </div>
      </div>
      <Card
        title={machines ? `${shown.length} of ${machines.length}` : 'State machines'}
        actions={(
          <input
            className="input search"
            type="search"
            placeholder="Search by name or ARN"
            value={search}
            onChange={(e) => setSearch(e.target.value)}
            aria-label="Search state machines"
            data-testid="machine-search"
          />
        )}
      >
        {error && <div className="form-error">{error}</div>}
        {!machines && !error && <Spinner />}
        {machines && shown.length === 0 && (
          <Empty>{machines.length ? 'No state machine matches the search.' : 'No state machines yet. Create one with the AWS CLI/SDK or `stepstream create`.'}</Empty>
        )}
        {shown.length > 0 && (
          <table className="table" data-testid="machines-table">
            <thead>
              <tr><th>Name</th><th>Type</th><th>Created</th><th>Executions</th></tr>
            </thead>
            <tbody>
              {shown.map((m) => {
                const c = counts[m.stateMachineArn] || {};
                const total = Object.values(c).reduce((a, b) => a + b, 0);
                return (
                  <tr key={m.stateMachineArn} data-machine-name={m.name}>
                    <td>
                      <Link className="strong-link" to={`/state-machines/${encodeURIComponent(m.stateMachineArn)}`}>{m.name}</Link>
                      <div className="arn">{m.stateMachineArn}</div>
                    </td>
                    <td><span className="tag">{m.type}</span></td>
                    <td title={dateTime(m.creationDate)}>{dateTime(m.creationDate).slice(0, 16)}<div className="muted small">{relative(m.creationDate)}</div></td>
                    <td>
                      <div className="badges">
                        {total === 0 && <span className="muted small">none</span>}
                        {ORDER.filter((s) => c[s]).map((s) => <StatusBadge key={s} status={s} count={c[s]} />)}
                      </div>
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        )}
      </Card>
    </div>
  );
}
