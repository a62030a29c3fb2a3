// The state machine graph: ELK layout computed once per definition, statuses applied on top so a
// live execution re-renders without re-layout. Every state element carries data-state-name and,
// in an execution (statuses given), data-status.
import { useEffect, useMemo, useState } from 'react';
import { Background, Controls, Handle, Position, ReactFlow, ReactFlowProvider, useReactFlow } from '@xyflow/react';
import '@xyflow/react/dist/style.css';
import ElkEdge from './ElkEdge.jsx';
import { layout } from './graph.js';
import { countsAttribute, countsText } from './iterations.js';
import StateIcon from './icons.jsx';

function statusAttrs(data) {
  return {
    ...(data.status ? { 'data-status': data.status } : {}),
    ...(data.parentState ? { 'data-parent-state': data.parentState } : {}),
    ...(data.counts ? { 'data-iteration-counts': countsAttribute(data.counts) } : {}),
  };
}

function Counts({ counts }) {
  const text = countsText(counts);
  return <span className="iteration-counts" title={`Iterations: ${text}`}>{text}</span>;
}

function StateNode({ data, selected }) {
  return (
    <div
      className={`state-node status-${(data.status || 'none').toLowerCase()} ${selected ? 'selected' : ''}`}
      data-state-name={data.name}
      data-state-type={data.stateType}
      {...statusAttrs(data)}
      title={data.status ? `${data.name}: ${data.status}` : data.name}
    >
      <Handle type="target" position={Position.Top} isConnectable={false} />
      <span className="state-icon"><StateIcon type={data.stateType} /></span>
      <span className="state-text">
        <span className="state-name">{data.name}</span>
        <span className="state-type">{data.stateType}{data.retries ? ` · ${data.retries} retr${data.retries > 1 ? 'ies' : 'y'}` : ''}</span>
        {data.counts && <Counts counts={data.counts} />}
      </span>
      {data.status && <span className="state-dot" aria-hidden />}
      <Handle type="source" position={Position.Bottom} isConnectable={false} />
    </div>
  );
}

function GroupStateNode({ data, selected }) {
  return (
    <div
      className={`group-node status-${(data.status || 'none').toLowerCase()} ${selected ? 'selected' : ''}`}
      data-state-name={data.name}
      data-state-type={data.stateType}
      {...statusAttrs(data)}
    >
      <Handle type="target" position={Position.Top} isConnectable={false} />
      <div className="group-header">
        <span className="state-icon"><StateIcon type={data.stateType} /></span>
        <span className="state-name">{data.name}</span>
        <span className="state-type">{data.stateType}</span>
        {data.status && <span className="group-status">{data.status.replace('_', ' ').toLowerCase()}</span>}
      </div>
      {data.counts && <div className="group-counts"><Counts counts={data.counts} /></div>}
      <Handle type="source" position={Position.Bottom} isConnectable={false} />
    </div>
  );
}

function BranchNode({ data }) {
  return <div className="branch-node"><span>{data.name}</span></div>;
}

function MarkerNode({ data }) {
  return (
    <div className={`marker-node marker-${data.name.toLowerCase()}`}>
      {data.name === 'Start' ? <Handle type="source" position={Position.Bottom} isConnectable={false} />
        : <Handle type="target" position={Position.Top} isConnectable={false} />}
      {data.name}
    </div>
  );
}

const nodeTypes = { state: StateNode, 'group-state': GroupStateNode, branch: BranchNode, marker: MarkerNode };
const edgeTypes = { elk: ElkEdge };

function Fit({ nodes }) {
  const flow = useReactFlow();
  useEffect(() => {
    if (nodes.length) requestAnimationFrame(() => flow.fitView({ padding: 0.12, maxZoom: 1.1 }));
  }, [nodes.length, flow]);
  return null;
}

/**
 * @param definition the ASL definition (object)
 * @param states optional map state name -> {status, retries} (an execution); omit for a definition
 * @param iterations optional Map iterations ({maps, states} of deriveIterations): Map states and
 *     the states inside them then show per-status iteration counts
 * @param selected the selected state name
 * @param onSelect called with a state name when a state is clicked
 */
export default function StateGraph({ definition, states, iterations, selected, onSelect, height = 520 }) {
  const [laid, setLaid] = useState(null);
  const [error, setError] = useState(null);
  const withCounts = Boolean(iterations);
  useEffect(() => {
    let live = true;
    setError(null);
    if (!definition) return undefined;
    layout(definition, { counts: withCounts }).then((r) => live && setLaid(r)).catch((e) => live && setError(e.message));
    return () => { live = false; };
  }, [definition, withCounts]);

  const nodes = useMemo(() => {
    if (!laid) return [];
    return laid.nodes.map((n) => {
      if (n.type !== 'state' && n.type !== 'group-state') return n;
      const s = states ? states[n.data.name] : undefined;
      return {
        ...n,
        selected: selected === n.data.name,
        data: {
          ...n.data,
          status: states ? (s ? s.status : 'NOT_STARTED') : undefined,
          retries: s ? s.retries : 0,
          counts: countsFor(iterations, n.data),
        },
      };
    });
  }, [laid, states, iterations, selected]);

  const edges = useMemo(() => {
    if (!laid) return [];
    if (!states) return laid.edges;
    return laid.edges.map((e) => {
      const from = laid.nodes.find((n) => n.id === e.source);
      const s = from && states[from.data.name];
      const taken = s && s.status !== 'NOT_STARTED' && s.status !== 'IN_PROGRESS';
      return { ...e, className: `${e.className} ${taken ? 'edge-taken' : ''}` };
    });
  }, [laid, states]);

  if (error) return <div className="graph-error">Cannot draw this definition: {error}</div>;
  return (
    <div className="graph" style={{ height }} data-testid="state-graph">
      {!laid && <div className="graph-loading">Laying out…</div>}
      <ReactFlowProvider>
        <ReactFlow
          nodes={nodes}
          edges={edges}
          nodeTypes={nodeTypes}
          edgeTypes={edgeTypes}
          nodesDraggable={false}
          nodesConnectable={false}
          elementsSelectable
          minZoom={0.2}
          maxZoom={2}
          proOptions={{ hideAttribution: true }}
          onNodeClick={(_, node) => onSelect && (node.type === 'state' || node.type === 'group-state') && onSelect(node.data.name)}
          onPaneClick={() => onSelect && onSelect(null)}
        >
          <Fit nodes={nodes} />
          <Background gap={20} size={1} color="#e2e8f0" />
          <Controls showInteractive={false} position="bottom-right" />
        </ReactFlow>
      </ReactFlowProvider>
    </div>
  );
}

const NO_COUNTS = Object.freeze({});

/** Iteration counts of a node: a Map's iterations, or a state's runs inside a Map; else none. */
function countsFor(iterations, data) {
  if (!iterations) return undefined;
  if (data.isMap) return iterations.maps[data.name]?.counts || NO_COUNTS;
  if (data.inMap) return iterations.states[data.name]?.counts || NO_COUNTS;
  return undefined;
}
