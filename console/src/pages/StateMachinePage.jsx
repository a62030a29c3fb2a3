// "/state-machines/<ARN>": definition graph, ASL with the validator's diagnostics, published
// versions and aliases, executions (status filter, server paging) and a start-execution form.
import { useEffect, useMemo, useState } from 'react';
import { api } from '../api.js';
import { dateTime, definitionOf } from '../format.js';
import { Link, useRouter } from '../router.jsx';
import StateGraph from '../StateGraph.jsx';
import { Card, Json, Modal, Pager, Problem, Spinner, StatusFilter, usePager } from '../ui.jsx';
import ExecutionsTable from './ExecutionsTable.jsx';

function Diagnostics({ result }) {
  if (!result) return <div className="muted small">Validating…</div>;
  const items = result.diagnostics || [];
  if (items.length === 0) {
    return <div className="diag diag-ok" data-testid="diagnostics" data-result={result.result}>✓ Valid definition: the validator reports no issues.</div>;
  }
  return (
    <ul className="diag-list" data-testid="diagnostics" data-result={result.result}>
      {items.map((d, i) => (
        <li key={i} className={`diag diag-${(d.severity || '').toLowerCase()}`}>
          <span className="diag-sev">{d.severity}</span>
          <span className="mono small">{d.code}</span>
          <span>{d.message}</span>
          {d.location && <span className="mono muted small">{d.location}</span>}
        </li>
      ))}
    </ul>
  );
}

const versionOf = (arn) => arn.slice(arn.lastIndexOf(':') + 1);

/**
 * Published versions (ListStateMachineVersions, then DescribeStateMachine of each for its
 * description) and aliases (ListStateMachineAliases, then DescribeStateMachineAlias of each for
 * its routing configuration), newest version first.
 */
async function loadVersionsAndAliases(arn) {
  const [versionList, aliasList] = await Promise.all([api.versions(arn), api.aliases(arn)]);
  const versions = await Promise.all((versionList.stateMachineVersions || []).map(async (v) => {
    const described = await api.describeVersion(v.stateMachineVersionArn).catch(() => ({}));
    return { ...v, number: versionOf(v.stateMachineVersionArn), description: described.description };
  }));
  versions.sort((a, b) => Number(b.number) - Number(a.number));
  const aliases = await Promise.all((aliasList.stateMachineAliases || []).map(
    (a) => api.alias(a.stateMachineAliasArn).catch(() => ({ ...a, name: versionOf(a.stateMachineAliasArn) })),
  ));
  aliases.sort((a, b) => a.name.localeCompare(b.name));
  return { versions, aliases };
}

function routingAttribute(routes) {
  return (routes || []).map((r) => `${versionOf(r.stateMachineVersionArn)}=${r.weight}`).join(',');
}

function VersionsAndAliases({ arn }) {
  const [data, setData] = useState(null);
  const [error, setError] = useState(null);
  useEffect(() => {
    let live = true;
    setData(null);
    setError(null);
    loadVersionsAndAliases(arn).then((d) => live && setData(d)).catch((e) => live && setError(e.message));
    return () => { live = false; };
  }, [arn]);
  if (error) return <Card title="Versions and aliases"><div className="form-error">{error}</div></Card>;
  if (!data) return <Card title="Versions and aliases"><Spinner /></Card>;
  return (
    <div className="split" data-testid="versions-and-aliases">
      <Card className="grow" title={`Versions (${data.versions.length})`} data-testid="versions">
        {data.versions.length === 0 ? <div className="muted small">No published version. Publish one with PublishStateMachineVersion, or CreateStateMachine/UpdateStateMachine with <span className="mono">publish: true</span>.</div> : (
          <table className="table">
            <thead><tr><th>Version</th><th>Description</th><th>Created</th></tr></thead>
            <tbody>
              {data.versions.map((v) => (
                <tr key={v.stateMachineVersionArn} data-version={v.number} title={v.stateMachineVersionArn}>
                  <td className="mono"><b>{v.number}</b></td>
                  <td>{v.description || <span className="muted">—</span>}</td>
                  <td className="mono small">{dateTime(v.creationDate)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </Card>
      <Card className="grow" title={`Aliases (${data.aliases.length})`} data-testid="aliases">
        {data.aliases.length === 0 ? <div className="muted small">No alias. Create one with CreateStateMachineAlias.</div> : (
          <table className="table">
            <thead><tr><th>Alias</th><th>Routing</th><th>Description</th><th>Updated</th></tr></thead>
            <tbody>
              {data.aliases.map((a) => (
                <tr key={a.stateMachineAliasArn} data-alias-name={a.name} data-routing={routingAttribute(a.routingConfiguration)} title={a.stateMachineAliasArn}>
                  <td className="mono"><b>{a.name}</b></td>
                  <td>
                    <div className="routes">
                      {(a.routingConfiguration || []).map((r) => (
                        <span key={r.stateMachineVersionArn} className="route" title={r.stateMachineVersionArn}>
                          version {versionOf(r.stateMachineVersionArn)} <b>{r.weight}%</b>
                        </span>
                      ))}
                    </div>
                  </td>
                  <td>{a.description || <span className="muted">—</span>}</td>
                  <td className="mono small">{dateTime(a.updateDate || a.creationDate)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </Card>
    </div>
  );
}

function StartForm({ machine, onClose }) {
  const { navigate } = useRouter();
  const [name, setName] = useState('');
  const [input, setInput] = useState('{\n  \n}');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState(null);
  const parsed = useMemo(() => {
    if (!input.trim()) return { ok: true, value: {} };
    try {
      return { ok: true, value: JSON.parse(input) };
    } catch (e) {
      return { ok: false, message: e.message };
    }
  }, [input]);
  const nameOk = !name || /^[A-Za-z0-9_-]{1,80}$/.test(name);
  const submit = async (e) => {
    e.preventDefault();
    if (!parsed.ok || !nameOk) return;
    setBusy(true);
    setError(null);
    try {
      const started = await api.start(machine.stateMachineArn, name.trim(), parsed.value);
      navigate(`/executions/${encodeURIComponent(started.executionArn)}`);
    } catch (err) {
      setError(err.message);
      setBusy(false);
    }
  };
  return (
    <Modal
      title={`Start an execution of ${machine.name}`}
      onClose={() => !busy && onClose()}
      actions={(
        <>
          <button type="button" className="btn" onClick={onClose} disabled={busy}>Cancel</button>
          <button type="submit" form="start-form" className="btn btn-primary" disabled={busy || !parsed.ok || !nameOk} data-testid="start-submit">
            {busy ? 'Starting…' : 'Start execution'}
          </button>
        </>
      )}
    >
      <form id="start-form" onSubmit={submit} className="form" data-testid="start-form">
        <label className="field">
          <span>Name <span className="muted">(optional; a UUID when empty)</span></span>
          <input className="input" value={name} onChange={(e) => setName(e.target.value)} placeholder="my-execution-1" data-testid="start-name" />
          {!nameOk && <span className="form-error">1–80 letters, digits, '-' or '_'.</span>}
        </label>
        <label className="field">
          <span>Input (JSON)</span>
          <textarea className={`input code ${parsed.ok ? '' : 'invalid'}`} rows={10} value={input} onChange={(e) => setInput(e.target.value)} spellCheck={false} data-testid="start-input" />
          {!parsed.ok && <span className="form-error" data-testid="input-error">Invalid JSON: {parsed.message}</span>}
        </label>
        {error && <div className="form-error">{error}</div>}
      </form>
    </Modal>
  );
}

export default function StateMachinePage({ arn }) {
  const [machine, setMachine] = useState(null);
  const [error, setError] = useState(null);
  const [validation, setValidation] = useState(null);
  const [status, setStatus] = useState('');
  const pager = usePager(status);
  const [page, setPage] = useState(null);
  const [starting, setStarting] = useState(false);
  const [tab, setTab] = useState('graph');
  const [selected, setSelected] = useState(null);

  useEffect(() => {
    let live = true;
    api.stateMachine(arn).then((m) => live && setMachine(m)).catch((e) => live && setError(e));
    return () => { live = false; };
  }, [arn]);

  useEffect(() => {
    if (!machine) return;
    api.validate(machine.definition).then(setValidation)
      .catch((e) => setValidation({ result: 'FAIL', diagnostics: [{ severity: 'ERROR', code: 'UNAVAILABLE', message: e.message }] }));
  }, [machine]);

  useEffect(() => {
    let live = true;
    const load = () => api.machineExecutions(arn, { status, nextToken: pager.token, maxResults: 20 })
      .then((p) => live && setPage(p)).catch(() => {});
    load();
    const timer = setInterval(load, 4000);
    return () => { live = false; clearInterval(timer); };
  }, [arn, status, pager.token]);

  const definition = useMemo(() => definitionOf(machine), [machine]);

  if (error) {
    return (
      <div className="page">
        <Problem
          title={error.status === 404 ? 'State machine not found' : 'Could not load the state machine'}
          detail={error.status === 404 ? arn : error.message}
          back={<Link to="/">← All state machines</Link>}
        />
      </div>
    );
  }
  if (!machine) return <div className="page"><Spinner /></div>;
  const selectedState = selected && definition ? findState(definition, selected) : null;

  return (
    <div className="page">
      <nav className="crumbs"><Link to="/">State machines</Link><span>/</span><span>{machine.name}</span></nav>
      <div className="page-header">
        <div>
          <h1 data-testid="machine-name">{machine.name}</h1>
          <div className="meta-row">
            <span className="tag">{machine.type}</span>
            <span className="muted small">Created {dateTime(machine.creationDate)}</span>
            <span className="arn">{machine.stateMachineArn}</span>
          </div>
        </div>
        <div className="header-actions">
          <Link to={`/studio/${encodeURIComponent(machine.stateMachineArn)}`} className="btn" data-testid="open-studio">Edit in Studio</Link>
          <button type="button" className="btn btn-primary" onClick={() => setStarting(true)} data-testid="start-execution">Start execution</button>
        </div>
      </div>

      <div className="split">
        <Card
          className="grow"
          title="Definition"
          actions={(
            <div className="tabs" role="tablist">
              <button type="button" role="tab" className={tab === 'graph' ? 'active' : ''} onClick={() => setTab('graph')}>Graph</button>
              <button type="button" role="tab" className={tab === 'json' ? 'active' : ''} onClick={() => setTab('json')} data-testid="tab-json">ASL JSON</button>
            </div>
          )}
        >
          {tab === 'graph' && (definition
            ? <StateGraph definition={definition} selected={selected} onSelect={setSelected} height={480} />
            : <div className="form-error">The definition is not valid JSON.</div>)}
          {tab === 'json' && <Json value={machine.definition} maxHeight={480} />}
        </Card>
        <div className="side">
          <Card title="Validation"><Diagnostics result={validation} /></Card>
          <Card title={selectedState ? selected : 'State'}>
            {selectedState
              ? <Json value={selectedState} maxHeight={300} />
              : <div className="muted small">Click a state in the graph to see its definition.</div>}
          </Card>
        </div>
      </div>

      <VersionsAndAliases arn={arn} />

      <Card title="Executions" actions={<StatusFilter value={status} onChange={setStatus} />}>
        {!page && <Spinner />}
        {page && <ExecutionsTable executions={page.executions} />}
        {page && <Pager pager={pager} nextToken={page.nextToken} count={page.executions.length} />}
      </Card>
      {starting && <StartForm machine={machine} onClose={() => setStarting(false)} />}
    </div>
  );
}

function findState(definition, name) {
  const states = definition.States || {};
  if (states[name]) return states[name];
  for (const s of Object.values(states)) {
    for (const branch of [...(s.Branches || []), s.ItemProcessor, s.Iterator].filter(Boolean)) {
      const found = findState(branch, name);
      if (found) return found;
    }
  }
  return null;
}
