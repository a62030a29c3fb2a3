// The Inspector: forms for the selected state (or the machine when nothing is selected). Every
// field edits its own member by pointer; the rest of the state is left as it is.
import { useEffect, useState } from 'react';
import { fieldHelp, getAt, queryLanguageOf, renameState, setAt } from './document.js';
import { Field, JsonField, NumberField, Section, SelectField, TextField } from './InspectorFields.jsx';
import { DataFields, FailFields, TaskFields, WaitFields } from './InspectorData.jsx';
import { CatchList, RetryList } from './InspectorLists.jsx';
import ChoiceRules from './InspectorChoice.jsx';
import { MapFields, ParallelFields } from './InspectorMap.jsx';

const h = (name) => fieldHelp[name];

function MachineSettings({ definition, diagnostics, edit }) {
  const ctx = { definition, base: '', edit, diagnostics };
  const names = Object.keys(definition.States || {});
  return (
    <div className="inspector-body">
      <div className="insp-title"><b>State machine</b><span className="muted small">Select a state to edit it</span></div>
      <TextField ctx={ctx} path="Comment" help={h('Comment')} mono={false} />
      <SelectField ctx={ctx} path="StartAt" help={h('StartAt')} options={names} empty="(none)" />
      <SelectField ctx={ctx} path="QueryLanguage" help={h('QueryLanguage')} options={['JSONPath', 'JSONata']} empty="JSONPath (default)" />
      <NumberField ctx={ctx} path="TimeoutSeconds" help={h('TimeoutSeconds')} />
      <TextField ctx={ctx} path="Version" help="The ASL version, 1.0 by default." />
    </div>
  );
}

function NameField({ definition, node, edit, onRenamed }) {
  const [draft, setDraft] = useState(node.name);
  const [error, setError] = useState(null);
  useEffect(() => { setDraft(node.name); setError(null); }, [node.name]);
  const commit = () => {
    if (draft === node.name) return;
    try {
      renameState(definition, node.name, draft);
      edit((d) => renameState(d, node.name, draft));
      onRenamed(draft);
    } catch (e) {
      setError(e.message);
    }
  };
  return (
    <Field label="Name" help="Unique in the whole state machine, at most 80 characters." errors={error ? [{ message: error }] : []}>
      <input className="input" value={draft} data-testid="state-name-input" onChange={(e) => setDraft(e.target.value)}
        onBlur={commit} onKeyDown={(e) => e.key === 'Enter' && commit()} />
    </Field>
  );
}

function StartToggle({ definition, node, edit }) {
  const scope = getAt(definition, node.scope) || {};
  if (scope.StartAt === node.name) return <span className="tag">Start state</span>;
  return (
    <button type="button" className="btn btn-small" data-action="set-start"
      onClick={() => edit((d) => setAt(d, `${node.scope}/StartAt`, node.name))}>Make start state</button>
  );
}

function EndToggle({ ctx, state, type }) {
  if (['Choice', 'Succeed', 'Fail'].includes(type)) return null;
  const end = state.End === true;
  return (
    <label className="check" title={h('End')}>
      <input type="checkbox" checked={end} data-testid="field-End"
        onChange={(e) => ctx.edit((d) => {
          let out = setAt(d, `${ctx.base}/End`, e.target.checked ? true : undefined);
          if (e.target.checked) out = setAt(out, `${ctx.base}/Next`, undefined);
          return out;
        })} />
      End (terminal state){state.Next ? ` · Next: ${state.Next}` : ''}
    </label>
  );
}

function StateForm({ definition, node, diagnostics, edit, onRenamed }) {
  const state = getAt(definition, node.pointer);
  if (!state || typeof state !== 'object') return <div className="inspector-body muted">This state is not an object: edit it in the code view.</div>;
  const ctx = { definition, base: node.pointer, edit, diagnostics };
  const type = state.Type;
  const language = queryLanguageOf(definition, state);
  const jsonata = language === 'JSONata';
  const scopeNames = Object.keys(getAt(definition, `${node.scope}/States`) || {}).filter((n) => n !== node.name);
  return (
    <div className="inspector-body" data-inspector-state={node.name} data-query-language={language}>
      <div className="insp-title"><b>{type}</b><StartToggle definition={definition} node={node} edit={edit} /></div>
      <NameField definition={definition} node={node} edit={edit} onRenamed={onRenamed} />
      <TextField ctx={ctx} path="Comment" help={h('Comment')} mono={false} />
      <SelectField ctx={ctx} path="QueryLanguage" help={h('QueryLanguage')} options={['JSONPath', 'JSONata']}
        empty={`inherit (${definition.QueryLanguage || 'JSONPath'})`} />
      <EndToggle ctx={ctx} state={state} type={type} />
      {type === 'Task' && <TaskFields ctx={ctx} jsonata={jsonata} />}
      {type === 'Choice' && <ChoiceRules ctx={ctx} state={state} jsonata={jsonata} targets={scopeNames} />}
      {type === 'Wait' && <WaitFields ctx={ctx} state={state} jsonata={jsonata} />}
      {type === 'Fail' && <FailFields ctx={ctx} jsonata={jsonata} />}
      {type === 'Map' && <MapFields ctx={ctx} state={state} jsonata={jsonata} />}
      {type === 'Parallel' && <ParallelFields ctx={ctx} state={state} node={node} />}
      {type !== 'Fail' && <DataFields ctx={ctx} type={type} jsonata={jsonata} />}
      {['Task', 'Parallel', 'Map'].includes(type) && <>
        <RetryList ctx={ctx} state={state} />
        <CatchList ctx={ctx} state={state} jsonata={jsonata} targets={scopeNames} />
      </>}
      {type === 'Pass' && !jsonata && <Section title="Result"><JsonField ctx={ctx} path="Result" help={h('Result')} /></Section>}
    </div>
  );
}

export default function Inspector({ definition, node, diagnostics, edit, onRenamed }) {
  return (
    <aside className="studio-inspector" data-testid="inspector">
      {node ? <StateForm key={node.pointer} definition={definition} node={node} diagnostics={diagnostics} edit={edit} onRenamed={onRenamed} />
        : <MachineSettings definition={definition} diagnostics={diagnostics} edit={edit} />}
    </aside>
  );
}
