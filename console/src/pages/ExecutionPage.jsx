// "/executions/<ARN>": the live graph (statuses from history events streamed over SSE), state
// details, the event history with a type filter and JSON download, and Stop/Redrive actions.
import { useEffect, useMemo, useRef, useState } from 'react';
import { api, eventsUrl } from '../api.js';
import { arnName, dateTime, definitionOf, duration, toMillis } from '../format.js';
import { Link } from '../router.jsx';
import StateGraph from '../StateGraph.jsx';
import LogsPanel from '../LogsPanel.jsx';
import { traceIdOf } from '../trace.js';
import { countsText, sortedIterations } from '../iterations.js';
import { useDerivedHistory } from '../liveHistory.js';
import { eventsOfState, stepOf, STATUSES } from '../status.js';
import { childExecutions, startedBy } from '../nested.js';
import Timeline from '../Timeline.jsx';
import { Card, ConfirmButton, ErrorBox, Json, Problem, Spinner, StatusBadge } from '../ui.jsx';

const REDRIVABLE = new Set(['FAILED', 'TIMED_OUT', 'ABORTED']);
const ROWS = 500;
const ITERATIONS_PER_PAGE = 50;
const STATE_EVENTS_SHOWN = 200;

/** Streams the execution's history: all events so far, then each new one, until `end`. */
function useHistoryStream(arn, generation, onEnd) {
  const [events, setEvents] = useState([]);
  const [live, setLive] = useState(false);
  const [error, setError] = useState(null);
  const endRef = useRef(onEnd);
  endRef.current = onEnd;
  useEffect(() => {
    setEvents([]);
    setError(null);
    const seen = new Set();
    let buffer = [];
    let timer = null;
    const flush = () => {
      timer = null;
      const batch = buffer;
      buffer = [];
      setEvents((old) => [...old, ...batch]);
    };
    const source = new EventSource(eventsUrl(arn));
    setLive(true);
    source.addEventListener('history', (m) => {
      const event = JSON.parse(m.data);
      if (seen.has(event.id)) return;
      seen.add(event.id);
      buffer.push(event);
      // A flush applies only its batch to the derived views (liveHistory.js), but still renders
      // the page: batch a little longer as the history grows (30 ms at first, 0.25 s from 44,000).
      if (!timer) timer = setTimeout(flush, Math.min(250, 30 + Math.floor(seen.size / 200)));
    });
    source.addEventListener('end', () => {
      source.close();
      if (timer) {
        clearTimeout(timer);
        flush();
      }
      setLive(false);
      endRef.current();
    });
    source.addEventListener('error', (m) => {
      if (m.data) {
        setError(JSON.parse(m.data).message);
        source.close();
        setLive(false);
      }
    });
    return () => {
      source.close();
      if (timer) clearTimeout(timer);
    };
  }, [arn, generation]);
  return { events, live, error };
}

function Legend() {
  return (
    <div className="legend">
      {STATUSES.map((s) => (
        <span key={s} className={`legend-item status-${s.toLowerCase()}`}><i />{s.replace('_', ' ').toLowerCase()}</span>
      ))}
    </div>
  );
}

/**
 * The iterations of a Map (`isMap`) or the runs of a state inside a Map, paged: index and status;
 * a state's run opens its input, output and error.
 */
function Iterations({ group, isMap }) {
  const [filter, setFilter] = useState('');
  const [page, setPage] = useState(0);
  const [open, setOpen] = useState(null);
  const list = useMemo(() => sortedIterations(group.iterations, filter), [group, filter]);
  const pages = Math.max(1, Math.ceil(list.length / ITERATIONS_PER_PAGE));
  const current = Math.min(page, pages - 1);
  const shown = list.slice(current * ITERATIONS_PER_PAGE, (current + 1) * ITERATIONS_PER_PAGE);
  const run = open !== null ? group.iterations.get(open) : null;
  const statuses = STATUSES.filter((s) => s !== 'NOT_STARTED' && group.counts[s]);
  return (
    <div className="iterations" data-testid="iterations" data-iteration-total={group.iterations.size}>
      <div className="iterations-head">
        <h3>{isMap ? 'Iterations' : 'Runs in the Map'} ({group.iterations.size})</h3>
        <select
          className="select" value={filter} aria-label="Iteration status filter" data-testid="iterations-status-filter"
          onChange={(e) => { setFilter(e.target.value); setPage(0); }}
        >
          <option value="">All statuses</option>
          {statuses.map((s) => <option key={s} value={s}>{s.replace('_', ' ').toLowerCase()} ({group.counts[s]})</option>)}
        </select>
      </div>
      <div className="muted small">{countsText(group.counts)}</div>
      <table className="table iterations-table">
        <thead><tr><th>Index</th><th>Status</th></tr></thead>
        <tbody>
          {shown.map((it) => (
            <tr
              key={it.key} data-iteration={it.key} data-status={it.status}
              className={`${isMap ? '' : 'clickable'} ${open === it.key ? 'active' : ''}`}
              onClick={() => !isMap && setOpen(open === it.key ? null : it.key)}
            >
              <td className="mono">{it.key}</td>
              <td><StatusBadge status={it.status} /></td>
            </tr>
          ))}
        </tbody>
      </table>
      {pages > 1 && (
        <div className="pager">
          <span className="muted small" data-testid="iterations-page">Page {current + 1} of {pages}</span>
          <button type="button" className="btn btn-small" disabled={current === 0} onClick={() => setPage(current - 1)} data-testid="iterations-prev">Previous</button>
          <button type="button" className="btn btn-small" disabled={current >= pages - 1} onClick={() => setPage(current + 1)} data-testid="iterations-next">Next</button>
        </div>
      )}
      {run && (
        <div className="iteration-run" data-testid="iteration-run" data-iteration={run.key}>
          <b className="small">Iteration {run.key}</b>
          {(run.error || run.cause) && <ErrorBox error={run.error} cause={run.cause} title={run.status === 'CAUGHT_ERROR' ? 'Caught error' : 'Error'} />}
          <span className="muted small">Input</span>
          <Json value={run.input} empty="No input recorded." maxHeight={160} />
          <span className="muted small">Output</span>
          <Json value={run.output} empty={run.status === 'IN_PROGRESS' ? 'The state is still running.' : 'No output.'} maxHeight={160} />
        </div>
      )}
    </div>
  );
}

function StateDetail({ state, events, startMs, iterations }) {
  const [tab, setTab] = useState('input');
  if (!state) return null;
  const tabs = [['input', 'Input'], ['output', 'Output'], ['error', 'Error'], ['events', 'Events']];
  const elapsed = state.enteredAt !== null ? (state.exitedAt ?? Date.now()) - state.enteredAt : null;
  return (
    <div className="state-detail" data-testid="state-detail" data-detail-state={state.name}>
      <div className="detail-head">
        <StatusBadge status={state.status} />
        <span className="tag">{state.type || 'State'}</span>
      </div>
      <dl className="kv">
        <dt>Entered</dt><dd className="mono small">{state.enteredAt ? `${dateTime(state.enteredAt / 1000)} (+${duration(state.enteredAt - startMs)})` : '—'}</dd>
        <dt>Duration</dt><dd data-testid="state-duration">{elapsed === null ? '—' : duration(elapsed)}{state.exitedAt ? '' : elapsed !== null ? ' (running)' : ''}</dd>
        <dt>Retries</dt><dd data-testid="state-retries">{state.retries}</dd>
        {state.entries > 1 && (<><dt>Entries</dt><dd>{state.entries}</dd></>)}
      </dl>
      <div className="tabs small-tabs">
        {tabs.map(([k, label]) => (
          <button type="button" key={k} className={tab === k ? 'active' : ''} onClick={() => setTab(k)} data-testid={`detail-tab-${k}`}>
            {label}{k === 'error' && state.error ? ' •' : ''}
          </button>
        ))}
      </div>
      {tab === 'input' && <Json value={state.input} empty="No input recorded." maxHeight={260} />}
      {tab === 'output' && <Json value={state.output} empty={state.status === 'IN_PROGRESS' ? 'The state is still running.' : 'No output.'} maxHeight={260} />}
      {tab === 'error' && (state.error || state.cause
        ? <ErrorBox error={state.error} cause={state.cause} title={state.status === 'CAUGHT_ERROR' ? 'Caught error' : 'Error'} />
        : <div className="muted small">No error.</div>)}
      {tab === 'events' && (
        <ul className="mini-events">
          {events.slice(-STATE_EVENTS_SHOWN).map((e) => <li key={e.id}><span className="mono">#{e.id}</span> {e.type} <span className="muted small">+{duration(toMillis(e.timestamp) - startMs)}</span></li>)}
          {events.length > STATE_EVENTS_SHOWN && <li className="muted small">The last {STATE_EVENTS_SHOWN} of {events.length} events.</li>}
        </ul>
      )}
      {iterations && <Iterations key={state.name} group={iterations.group} isMap={iterations.isMap} />}
    </div>
  );
}

function HistoryTable({ events, byId, name, startMs }) {
  const [type, setType] = useState('');
  const [open, setOpen] = useState(null);
  const types = useMemo(() => [...new Set(events.map((e) => e.type))].sort(), [events]);
  const [limit, setLimit] = useState(ROWS);
  const matching = type ? events.filter((e) => e.type === type) : events;
  const shown = matching.slice(0, limit);
  const download = () => {
    const blob = new Blob([JSON.stringify({ events }, null, 2)], { type: 'application/json' });
    const url = URL.createObjectURL(blob);
    const a = document.createElement('a');
    a.href = url;
    a.download = `${name}-history.json`;
    a.click();
    setTimeout(() => URL.revokeObjectURL(url), 1000);
  };
  return (
    <Card
      title={`Event history (${events.length})`}
      actions={(
        <>
          <select className="select" value={type} onChange={(e) => setType(e.target.value)} aria-label="Event type filter" data-testid="event-type-filter">
            <option value="">All event types</option>
            {types.map((t) => <option key={t} value={t}>{t}</option>)}
          </select>
          <button type="button" className="btn" onClick={download} data-testid="download-history">Download JSON</button>
        </>
      )}
    >
      <table className="table history" data-testid="history-table">
        <thead><tr><th>ID</th><th>Type</th><th>Step</th><th>Elapsed</th><th>Timestamp</th></tr></thead>
        <tbody>
          {shown.map((e) => {
            const key = Object.keys(e).find((k) => k.endsWith('EventDetails'));
            const failed = /Failed|TimedOut|Aborted/.test(e.type);
            return [
              <tr key={e.id} className={`clickable ${failed ? 'row-failed' : ''}`} onClick={() => setOpen(open === e.id ? null : e.id)} data-event-type={e.type}>
                <td className="mono">{e.id}</td>
                <td><span className={`event-type ${failed ? 'failed' : ''}`}>{e.type}</span></td>
                <td>{stepOf(e, byId) || ''}</td>
                <td className="mono small">{duration(toMillis(e.timestamp) - startMs)}</td>
                <td className="mono small">{dateTime(e.timestamp)}</td>
              </tr>,
              open === e.id && (
                <tr key={`${e.id}-d`} className="details-row"><td colSpan={5}><Json value={key ? e[key] : {}} empty="No details." maxHeight={300} /></td></tr>
              ),
            ];
          })}
        </tbody>
      </table>
      {matching.length > shown.length && (
        <div className="pager">
          <span className="muted small">{shown.length} of {matching.length} events shown</span>
          <button type="button" className="btn btn-small" onClick={() => setLimit((l) => l + ROWS)}>Show {Math.min(ROWS, matching.length - shown.length)} more</button>
        </div>
      )}
    </Card>
  );
}

export default function ExecutionPage({ arn }) {
  const [execution, setExecution] = useState(null);
  const [machine, setMachine] = useState(null);
  const [error, setError] = useState(null);
  const [generation, setGeneration] = useState(0);
  const [selected, setSelected] = useState(null);
  const [, tick] = useState(0);

  const describe = () => api.execution(arn).then(setExecution).catch(setError);
  useEffect(() => {
    setExecution(null);
    setMachine(null);
    setError(null);
    describe();
    api.machineForExecution(arn).then(setMachine).catch(() => {});
  }, [arn]); // eslint-disable-line react-hooks/exhaustive-deps

  const { events, live, error: streamError } = useHistoryStream(arn, generation, describe);
  const definition = useMemo(() => definitionOf(machine), [machine]);
  const failStates = useMemo(() => failStatesOf(definition), [definition]);
  const { derived, iterations, timeline, byId } = useDerivedHistory(events, definition, failStates);

  useEffect(() => {
    if (!live) return undefined;
    const t = setInterval(() => tick((n) => n + 1), 1000);
    return () => clearInterval(t);
  }, [live]);

  if (error) {
    return (
      <div className="page">
        <Problem
          title={error.status === 404 ? 'Execution not found' : 'Could not load the execution'}
          detail={error.status === 404 ? arn : error.message}
          back={<Link to="/executions">← All executions</Link>}
        />
      </div>
    );
  }
  if (!execution) return <div className="page"><Spinner /></div>;

  const status = live && derived.execution.status === 'RUNNING' ? 'RUNNING'
    : (execution.status === 'RUNNING' && derived.execution.status !== 'RUNNING' && derived.execution.status !== 'UNKNOWN'
      ? derived.execution.status : execution.status);
  const startMs = toMillis(execution.startDate);
  const stopMs = toMillis(execution.stopDate);
  const errorName = execution.error || derived.execution.error;
  const cause = execution.cause || derived.execution.cause;
  const selectedState = selected ? derived.states[selected] || { name: selected, status: 'NOT_STARTED', retries: 0, events: [] } : null;

  const stop = async () => {
    await api.stop(arn);
    await describe();
  };
  const redrive = async () => {
    const before = execution.redriveCount || 0;
    await api.redrive(arn);
    // The redrive is applied asynchronously: reopen the stream once the execution shows it, or the
    // server would end the stream at once on the still-closed execution.
    for (let i = 0; i < 50; i += 1) {
      const now = await api.execution(arn);
      setExecution(now);
      if ((now.redriveCount || 0) > before || now.status === 'RUNNING') break;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    setGeneration((g) => g + 1);
  };

  return (
    <div className="page">
      <nav className="crumbs">
        <Link to="/">State machines</Link><span>/</span>
        <Link to={`/state-machines/${encodeURIComponent(execution.stateMachineArn)}`}>{arnName(execution.stateMachineArn)}</Link><span>/</span>
        <span>{execution.name}</span>
      </nav>
      <div className="page-header">
        <div>
          <h1 className="mono-title" data-testid="execution-name">{execution.name}</h1>
          <div className="meta-row">
            <span data-testid="execution-status" data-status={status}><StatusBadge status={status} /></span>
            {live && <span className="live"><i />Live</span>}
            <span className="arn">{execution.executionArn}</span>
          </div>
        </div>
        <div className="header-actions">
          <ConfirmButton
            label="Stop" danger testId="stop" disabled={status !== 'RUNNING'}
            title="Stop this execution?" confirmLabel="Stop execution"
            message={`Stopping ${execution.name} aborts it: running states are cancelled and no further states run.`}
            action={stop}
          />
          <ConfirmButton
            label="Redrive" testId="redrive" disabled={!REDRIVABLE.has(status)}
            title="Redrive this execution?" confirmLabel="Redrive"
            message={`Redrive restarts ${execution.name} from the states that failed or did not run, keeping the successful ones.`}
            action={redrive}
          />
        </div>
      </div>

      <div className="summary">
        <div><span>Started</span><b className="mono small">{dateTime(execution.startDate)}</b></div>
        <div><span>Ended</span><b className="mono small">{stopMs ? dateTime(execution.stopDate) : '—'}</b></div>
        <div><span>Duration</span><b>{duration((stopMs || Date.now()) - startMs)}</b></div>
        <div><span>Events</span><b>{events.length}</b></div>
        {execution.redriveCount > 0 && <div><span>Redrives</span><b data-testid="redrive-count">{execution.redriveCount}</b></div>}
        {startedBy(execution.input) && <div><span>Started by</span><Link className="mono small" data-testid="started-by" to={`/executions/${encodeURIComponent(startedBy(execution.input))}`}>{arnName(startedBy(execution.input))}:{startedBy(execution.input).split(':').pop()}</Link></div>}
        {childExecutions(events).length > 0 && <div data-testid="child-executions"><span>Child executions</span><b className="mono small">{childExecutions(events, (e) => stepOf(e, byId)).map((c) => <Link key={c.arn} title={c.state} to={`/executions/${encodeURIComponent(c.arn)}`}>{c.arn.split(':').pop()} </Link>)}</b></div>}
        {traceIdOf(execution.traceHeader) && <div><span>Trace id</span><b className="mono small" data-testid="trace-id" title={execution.traceHeader}>{traceIdOf(execution.traceHeader)}</b></div>}
      </div>

      {(errorName || cause) && <ErrorBox error={errorName} cause={cause} title={`Execution ${status.toLowerCase().replace('_', ' ')}`} data-testid="execution-error" />}
      {streamError && <div className="form-error">{streamError}</div>}

      <div className="split">
        <Card className="grow" title="Graph" actions={<Legend />}>
          {definition ? (
            <StateGraph definition={definition} states={derived.states} iterations={iterations} selected={selected} onSelect={setSelected} height={520} />
          ) : <Spinner label="Loading the definition…" />}
        </Card>
        <div className="side">
          {selectedState ? (
            <Card title={selectedState.name} actions={<button type="button" className="btn btn-small" onClick={() => setSelected(null)}>Close</button>}>
              <StateDetail
                state={selectedState} events={eventsOfState(events, selectedState, byId)} startMs={startMs}
                iterations={iterationsOf(iterations, selected, definition)}
              />
            </Card>
          ) : (
            <>
              <Card title="Execution input"><Json value={execution.input} maxHeight={220} empty="No input." /></Card>
              <Card title="Execution output">
                <Json value={execution.output} maxHeight={220} empty={status === 'RUNNING' ? 'Available when the execution succeeds.' : 'No output.'} />
              </Card>
              <div className="hint">Click a state in the graph to see its input, output, error and timing.</div>
            </>
          )}
        </div>
      </div>

      <Card title="Timeline" data-testid="timeline-card">
        <Timeline timeline={timeline} iterations={iterations} now={Date.now()} selected={selected} onSelect={setSelected} />
      </Card>

      <HistoryTable events={events} byId={byId} name={execution.name} startMs={startMs} />
      <LogsPanel arn={arn} eventCount={events.length} />
    </div>
  );
}

/** What the detail panel lists for a state: a Map's iterations, or a state's runs inside a Map. */
function iterationsOf(iterations, name, definition) {
  if (!name) return null;
  if (iterations.maps[name]) return { group: iterations.maps[name], isMap: true };
  if (iterations.states[name] && !isMapState(definition, name)) return { group: iterations.states[name], isMap: false };
  return null;
}

function isMapState(definition, name) {
  const visit = (def) => Object.entries((def && def.States) || {}).some(([n, state]) => (n === name && state.Type === 'Map')
    || [...(state.Branches || []), state.ItemProcessor, state.Iterator].filter(Boolean).some(visit));
  return visit(definition);
}

/** Fail states of a definition (nested ones included): name -> {Error, Cause}. */
function failStatesOf(definition) {
  const out = {};
  const visit = (def) => {
    Object.entries((def && def.States) || {}).forEach(([name, state]) => {
      if (state.Type === 'Fail') out[name] = { Error: state.Error, Cause: state.Cause };
      [...(state.Branches || []), state.ItemProcessor, state.Iterator].filter(Boolean).forEach(visit);
    });
  };
  visit(definition);
  return out;
}
