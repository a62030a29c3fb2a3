// The Studio's editor: palette | canvas over code view | inspector, with the toolbar's actions.
import { useCallback, useEffect, useMemo, useState } from 'react';
import { aws } from '../api.js';
import { useRouter } from '../router.jsx';
import {
  addBranch, addState, connect, disconnect, getAt, graphOf, moveState, removeState, uniqueStateName,
} from './document.js';
import Canvas from './Canvas.jsx';
import { edgeOfHandle } from './handles.js';
import CodeView from './CodeView.jsx';
import Diagnostics from './Diagnostics.jsx';
import Inspector from './Inspector.jsx';
import Palette from './Palette.jsx';
import Toolbar from './Toolbar.jsx';
import { RunDialog, saveMachine, SaveDialog, TestStatePanel } from './actions.jsx';
import { stateFor } from './paletteItems.js';
import { useDocument } from './useDocument.js';
import { useShortcuts } from './useShortcuts.js';

function graphOrEmpty(definition) {
  try {
    return graphOf(definition);
  } catch {
    return { nodes: [], edges: [] };
  }
}

export default function StudioEditor({ machine, initial, onCreated }) {
  const { navigate } = useRouter();
  const doc = useDocument(initial, machine.type || 'STANDARD');
  const { definition, apply } = doc;
  const graph = useMemo(() => graphOrEmpty(definition), [definition]);
  const [selected, setSelected] = useState(null);
  const [notice, setNotice] = useState(null);
  const [dialog, setDialog] = useState(null);
  const [layoutRequest, setLayoutRequest] = useState(0);
  const [savedText, setSavedText] = useState(machine.arn ? doc.text : null);
  const [showBlocked, setShowBlocked] = useState(false);
  const selectedNode = graph.nodes.find((n) => n.kind !== 'branch' && n.name === selected) || null;
  const queryLanguage = definition.QueryLanguage || 'JSONPath';

  const edit = useCallback((fn) => setNotice(apply(fn)), [apply]);
  const nodeById = (id) => graph.nodes.find((n) => n.id === id);

  const onEdit = useCallback((op) => {
    if (op.op === 'add') {
      const name = uniqueStateName(definition, op.item.name);
      const state = stateFor(op.item, queryLanguage);
      setNotice(apply((d) => addState(d, op.scope, name, state)));
      setSelected(name);
    } else if (op.op === 'connect') {
      const from = nodeById(op.source);
      const to = nodeById(op.target);
      if (from && to) edit((d) => connect(d, from.scope, from.name, edgeOfHandle(op.handle), to.name));
    } else if (op.op === 'disconnect') {
      const sorted = [...op.edges].sort((a, b) => (b.index ?? -1) - (a.index ?? -1));
      edit((d) => sorted.reduce((acc, e) => disconnect(acc, e.scope, nodeById(e.source).name, { kind: e.kind, index: e.index }), d));
    } else if (op.op === 'remove') {
      edit((d) => op.states.reduce((acc, s) => removeState(acc, s.scope, s.name), d));
      setSelected(null);
    } else if (op.op === 'move') {
      edit((d) => moveState(d, op.from, op.name, op.to));
    } else if (op.op === 'add-branch') {
      edit((d) => addBranch(d, op.scope, op.name));
    }
  }, [definition, queryLanguage, apply, edit, graph]);

  const removeSelected = () => selectedNode && onEdit({ op: 'remove', states: [{ name: selectedNode.name, scope: selectedNode.scope }] });
  useShortcuts({ undo: doc.undo, redo: doc.redo });

  const dirty = doc.text !== savedText;
  const blocked = doc.errors.length > 0;
  const save = async (form) => {
    try {
      const result = await saveMachine({ ...form, arn: machine.arn, definitionText: doc.text });
      setSavedText(doc.text);
      setDialog(null);
      setNotice(result.version ? `Saved and published ${result.version}` : 'Saved');
      if (!machine.arn) onCreated(result.arn);
      return null;
    } catch (e) {
      return e.message;
    }
  };
  // While a change is being validated the diagnostics shown are those of an older definition:
  // Save waits for the answer about the current one before it blocks or opens the dialog.
  const [saveRequested, setSaveRequested] = useState(false);
  useEffect(() => {
    if (!saveRequested || doc.validating) return;
    setSaveRequested(false);
    setShowBlocked(blocked);
    if (!blocked) setDialog('save');
  }, [saveRequested, doc.validating, blocked]);
  const onSaveClick = () => setSaveRequested(true);
  const run = async ({ input, name }) => {
    try {
      if (dirty) await saveMachine({ arn: machine.arn, definitionText: doc.text });
      const started = await aws('StartExecution', { stateMachineArn: machine.arn, input, ...(name ? { name } : {}) });
      navigate(`/executions/${encodeURIComponent(started.executionArn)}`);
      return null;
    } catch (e) {
      return e.message;
    }
  };

  return (
    <div className="studio" data-testid="studio" data-dirty={dirty ? 'true' : 'false'}>
      <Toolbar
        machine={machine} doc={doc} dirty={dirty} blocked={blocked} selected={selectedNode}
        onSave={onSaveClick} onRun={() => setDialog('run')} onTest={() => setDialog('test')}
        onDelete={removeSelected} onLayout={() => setLayoutRequest((n) => n + 1)}
      />
      {notice && <div className="studio-notice" role="status" onClick={() => setNotice(null)}>{notice}</div>}
      <div className="studio-body">
        <Palette onAdd={(item) => onEdit({ op: 'add', item, scope: '' })} />
        <div className="studio-center">
          <Canvas def={definition} graph={graph} diagnostics={doc.byState} selected={selected}
            onSelect={setSelected} onEdit={onEdit} layoutRequest={layoutRequest} />
          <Diagnostics diagnostics={doc.diagnostics} validating={doc.validating} blocked={showBlocked && blocked} onSelect={setSelected} />
          <div className="studio-code" data-testid="code-view">
            <CodeView text={doc.text} onChange={doc.onText} diagnostics={doc.diagnostics} />
          </div>
        </div>
        <Inspector definition={definition} node={selectedNode} diagnostics={doc.diagnostics} edit={edit}
          onRenamed={setSelected} />
      </div>
      {dialog === 'save' && <SaveDialog machine={machine} onSave={save} onClose={() => setDialog(null)} />}
      {dialog === 'run' && <RunDialog onRun={run} onClose={() => setDialog(null)} />}
      {dialog === 'test' && selectedNode && (
        <TestStatePanel name={selectedNode.name} state={getAt(definition, selectedNode.pointer)} queryLanguage={definition.QueryLanguage}
          roleArn={machine.roleArn} onClose={() => setDialog(null)} />
      )}
    </div>
  );
}
