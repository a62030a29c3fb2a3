// The Studio's header: the machine, undo/redo, delete, layout, validation state and the actions.
import { Link } from '../router.jsx';

export default function Toolbar({ machine, doc, dirty, blocked, selected, onSave, onRun, onTest, onDelete, onLayout }) {
  const errors = doc.errors.length;
  return (
    <div className="studio-toolbar">
      <div className="studio-title">
        <h1>Workflow Studio</h1>
        <div className="meta-row small">
          {machine.arn
            ? <Link to={`/state-machines/${encodeURIComponent(machine.arn)}`} data-testid="studio-machine">{machine.name}</Link>
            : <span className="muted">New state machine</span>}
          {machine.type && <span className="tag">{machine.type}</span>}
          {dirty && <span className="tag tag-warn">unsaved</span>}
          <span className={`validation-state ${errors ? 'bad' : 'good'}`} data-testid="validation-state"
            data-result={doc.validating ? 'PENDING' : errors ? 'FAIL' : 'OK'}>
            {doc.validating ? 'Validating…' : errors ? `${errors} error${errors > 1 ? 's' : ''}` : 'Valid'}
          </span>
        </div>
      </div>
      <div className="studio-actions">
        <button type="button" className="btn btn-small" data-action="undo" disabled={!doc.canUndo} onClick={doc.undo} title="Undo (Ctrl+Z)">Undo</button>
        <button type="button" className="btn btn-small" data-action="redo" disabled={!doc.canRedo} onClick={doc.redo} title="Redo (Ctrl+Shift+Z)">Redo</button>
        <button type="button" className="btn btn-small btn-danger" data-action="delete" disabled={!selected} onClick={onDelete} title="Delete the selected state (Delete)">Delete</button>
        <button type="button" className="btn btn-small" data-action="layout" onClick={onLayout} title="Lay the graph out again">Auto-layout</button>
        <span className="toolbar-gap" />
        <button type="button" className="btn" data-action="test-state" disabled={!selected} onClick={onTest}
          title={selected ? `Run ${selected.name} through TestState` : 'Select a state to test'}>Test state</button>
        <button type="button" className="btn" data-action="run" disabled={!machine.arn} onClick={onRun}
          title={machine.arn ? 'Start an execution (saves first)' : 'Save the state machine first'}>Run</button>
        <button type="button" className="btn btn-primary" data-action="save" data-blocked={blocked ? 'true' : 'false'} onClick={onSave}
          title={blocked ? 'Fix the errors first' : 'Save'}>Save</button>
      </div>
    </div>
  );
}
