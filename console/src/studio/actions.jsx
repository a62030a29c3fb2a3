// Save, Run and Test state: the dialogs and calls behind the Studio's action buttons.
import { useState } from 'react';
import { aws } from '../api.js';
import { pretty } from '../format.js';
import { Modal } from '../ui.jsx';

export const DEFAULT_ROLE = 'arn:aws:iam::123456789012:role/stepstream';

function parseJson(text) {
  try {
    JSON.parse(text);
    return null;
  } catch (e) {
    return e.message;
  }
}

/** Creates the machine (no ARN yet) or updates it; resolves to {arn, version}. */
export async function saveMachine({ arn, name, type, roleArn, definitionText, publish, versionDescription }) {
  const version = publish ? { publish: true, ...(versionDescription ? { versionDescription } : {}) } : {};
  if (!arn) {
    const created = await aws('CreateStateMachine', { name, type, roleArn, definition: definitionText, ...version });
    return { arn: created.stateMachineArn, version: created.stateMachineVersionArn };
  }
  const updated = await aws('UpdateStateMachine', { stateMachineArn: arn, definition: definitionText, ...(roleArn ? { roleArn } : {}), ...version });
  return { arn, version: updated.stateMachineVersionArn };
}

export function SaveDialog({ machine, onSave, onClose }) {
  const [form, setForm] = useState({ name: machine.name || '', type: machine.type || 'STANDARD', roleArn: machine.roleArn || DEFAULT_ROLE, publish: false, versionDescription: '' });
  const [error, setError] = useState(null);
  const [busy, setBusy] = useState(false);
  const set = (k) => (e) => setForm({ ...form, [k]: e.target.type === 'checkbox' ? e.target.checked : e.target.value });
  const submit = async () => {
    if (!machine.arn && !/^[A-Za-z0-9_-]{1,80}$/.test(form.name)) { setError('Name: 1 to 80 letters, digits, - or _'); return; }
    setBusy(true);
    setError(await onSave(form));
    setBusy(false);
  };
  return (
    <Modal title={machine.arn ? `Save ${machine.name}` : 'Create state machine'} onClose={onClose}
      actions={<>
        <button type="button" className="btn" onClick={onClose}>Cancel</button>
        <button type="button" className="btn btn-primary" data-action="save-confirm" disabled={busy} onClick={submit}>
          {machine.arn ? 'Save' : 'Create'}
        </button>
      </>}>
      <div className="form">
        {!machine.arn && <>
          <label className="field">Name<input className="input" data-testid="save-name" value={form.name} onChange={set('name')} autoFocus /></label>
          <label className="field">Type
            <select className="select" data-testid="save-type" value={form.type} onChange={set('type')}>
              <option>STANDARD</option><option>EXPRESS</option>
            </select>
          </label>
        </>}
        <label className="field">Role ARN<input className="input mono" data-testid="save-role" value={form.roleArn} onChange={set('roleArn')} /></label>
        <label className="check"><input type="checkbox" data-testid="save-publish" checked={form.publish} onChange={set('publish')} /> Publish a version</label>
        {form.publish && <label className="field">Version description<input className="input" value={form.versionDescription} onChange={set('versionDescription')} /></label>}
        {error && <div className="form-error" role="alert">{error}</div>}
      </div>
    </Modal>
  );
}

export function RunDialog({ onRun, onClose }) {
  const [input, setInput] = useState('{}');
  const [name, setName] = useState('');
  const [error, setError] = useState(null);
  const invalid = parseJson(input);
  const submit = async () => setError(await onRun({ input, name }));
  return (
    <Modal title="Start an execution" onClose={onClose}
      actions={<>
        <button type="button" className="btn" onClick={onClose}>Cancel</button>
        <button type="button" className="btn btn-primary" data-action="run-confirm" disabled={Boolean(invalid)} onClick={submit}>Start</button>
      </>}>
      <div className="form">
        <label className="field">Name (optional)<input className="input" data-testid="run-name" value={name} onChange={(e) => setName(e.target.value)} /></label>
        <label className="field">Input (JSON)
          <textarea className={`input code ${invalid ? 'invalid' : ''}`} rows={8} data-testid="run-input" value={input} onChange={(e) => setInput(e.target.value)} />
        </label>
        {invalid && <div className="form-error">{invalid}</div>}
        {error && <div className="form-error" role="alert">{error}</div>}
      </div>
    </Modal>
  );
}

/** Runs the selected state through TestState with the typed input; shows output, error or next state. */
export function TestStatePanel({ name, state, queryLanguage, roleArn, onClose }) {
  const [input, setInput] = useState('{}');
  const [result, setResult] = useState(null);
  const [busy, setBusy] = useState(false);
  const invalid = parseJson(input);
  const run = async () => {
    setBusy(true);
    const withLanguage = queryLanguage && !state.QueryLanguage ? { ...state, QueryLanguage: queryLanguage } : state;
    try {
      setResult(await aws('TestState', { definition: JSON.stringify(withLanguage), roleArn: roleArn || DEFAULT_ROLE, input, inspectionLevel: 'DEBUG' }));
    } catch (e) {
      setResult({ status: 'FAILED', error: e.type || 'Error', cause: e.message });
    }
    setBusy(false);
  };
  return (
    <Modal title={`Test state ${name}`} onClose={onClose}
      actions={<>
        <button type="button" className="btn" onClick={onClose}>Close</button>
        <button type="button" className="btn btn-primary" data-action="test-state-run" disabled={busy || Boolean(invalid)} onClick={run}>Run test</button>
      </>}>
      <div className="form test-state">
        <label className="field">Input (JSON)
          <textarea className={`input code ${invalid ? 'invalid' : ''}`} rows={6} data-testid="test-state-input" value={input} onChange={(e) => setInput(e.target.value)} />
        </label>
        {invalid && <div className="form-error">{invalid}</div>}
        {result && (
          <div data-testid="test-state-result" data-status={result.status}>
            <div className="test-state-status"><b>{result.status}</b>{result.nextState && <span className="muted"> → next state {result.nextState}</span>}</div>
            {result.output !== undefined && <pre className="json">{pretty(result.output)}</pre>}
            {(result.error || result.cause) && <pre className="json error-cause">{[result.error, result.cause].filter(Boolean).join('\n')}</pre>}
          </div>
        )}
      </div>
    </Modal>
  );
}
