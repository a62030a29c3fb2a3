// Canvas nodes of the Studio. Source handles per edge kind: `next` (bottom), `choice-<i>` per
// Choice rule, `choice-new` (a new rule), `default` (a Choice's Default), `catch` (right side,
// adds a Catch); every state has one target handle on top.
import { useEffect } from 'react';
import { Handle, Position, useUpdateNodeInternals } from '@xyflow/react';
import StateIcon from '../icons.jsx';

const CATCHING = new Set(['Task', 'Parallel', 'Map']);

function ChoiceHandles({ rules }) {
  const slots = [...rules.map((_, i) => ({ id: `choice-${i}`, label: `#${i + 1}` })),
    { id: 'choice-new', label: '+ rule' }, { id: 'default', label: 'Default' }];
  return (
    <div className="choice-handles">
      {slots.map((slot, i) => (
        <div key={slot.id} className={`choice-slot ${slot.id}`} style={{ left: `${((i + 0.5) * 100) / slots.length}%` }}>
          <span>{slot.label}</span>
          <Handle type="source" id={slot.id} position={Position.Bottom} className={`handle-${slot.id.replace(/-\d+$/, '')}`} />
        </div>
      ))}
    </div>
  );
}

function SourceHandles({ data }) {
  if (data.type === 'Succeed' || data.type === 'Fail') return null;
  return (
    <>
      {data.type === 'Choice' ? <ChoiceHandles rules={data.fields?.Choices || []} />
        : <Handle type="source" id="next" position={Position.Bottom} className="handle-next" title="Drag to the next state" />}
      {CATCHING.has(data.type) && (
        <Handle type="source" id="catch" position={Position.Right} className="handle-catch" title="Drag to add a Catch" />
      )}
    </>
  );
}

function Badges({ data }) {
  return (
    <>
      {data.isStart && <span className="start-badge" title="StartAt">start</span>}
      {data.errors > 0 && <span className="error-badge" title={data.errorText}>{data.errors}</span>}
    </>
  );
}

function nodeAttrs(data, selected, base) {
  return {
    className: `${base} ${selected ? 'selected' : ''} ${data.errors ? 'invalid' : ''}`,
    'data-state-name': data.name,
    'data-state-type': data.type,
    ...(data.parentState ? { 'data-parent-state': data.parentState } : {}),
    ...(data.errors ? { 'data-diagnostics': data.errors } : {}),
  };
}

export function StudioStateNode({ id, data, selected }) {
  // A Choice's handles change with its rules while its size may not: measure them again.
  const updateInternals = useUpdateNodeInternals();
  const rules = (data.fields?.Choices || []).length;
  useEffect(() => { updateInternals(id); }, [id, rules, updateInternals]);
  return (
    <div {...nodeAttrs(data, selected, 'studio-node')} title={data.errorText || data.name}>
      <Handle type="target" id="in" position={Position.Top} />
      <span className="state-icon"><StateIcon type={data.type} /></span>
      <span className="state-text">
        <span className="state-name">{data.name}</span>
        <span className="state-type">{data.subtitle || data.type}</span>
      </span>
      <Badges data={data} />
      <SourceHandles data={data} />
    </div>
  );
}

export function StudioGroupNode({ data, selected }) {
  const isMap = data.type === 'Map';
  return (
    <div
      {...nodeAttrs(data, selected, 'studio-group')}
      {...(isMap && data.dropScope !== null ? { 'data-drop-scope': data.dropScope } : {})}
    >
      <Handle type="target" id="in" position={Position.Top} />
      <div className="group-header">
        <span className="state-icon"><StateIcon type={data.type} /></span>
        <span className="state-name">{data.name}</span>
        <span className="state-type">{isMap ? 'Map · item processor' : 'Parallel'}</span>
        <Badges data={data} />
        {!isMap && (
          <button type="button" className="btn btn-small nodrag" data-action="add-branch"
            onClick={(e) => { e.stopPropagation(); data.onAddBranch(data.name); }}>+ branch</button>
        )}
      </div>
      {isMap && data.empty && <div className="drop-hint">Drop the states of each item here</div>}
      <SourceHandles data={data} />
    </div>
  );
}

export function BranchNode({ data }) {
  return (
    <div className="studio-branch" data-drop-scope={data.dropScope} data-branch={data.label}>
      <span className="branch-label">{data.label}</span>
      {data.empty && <div className="drop-hint">Drop states here</div>}
    </div>
  );
}

export const nodeTypes = { state: StudioStateNode, 'studio-group': StudioGroupNode, branch: BranchNode };
