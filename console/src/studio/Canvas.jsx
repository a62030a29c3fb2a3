// The Studio canvas: the definition's graph laid out by ELK, palette items dropped in (HTML5 drag
// and drop), edges drawn from per-kind handles, states moved (also into another branch or Map),
// deleted with Delete/Backspace; zoom, fit and auto-layout.
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { Background, Controls, MiniMap, Panel, ReactFlow, ReactFlowProvider, useReactFlow } from '@xyflow/react';
import '@xyflow/react/dist/style.css';
import { draggedItem, DRAG_MIME } from './Palette.jsx';
import { getAt } from './document.js';
import { innerScope, isBranch as branchNode, positionsOf } from './canvasLayout.js';
import { handleOfEdge } from './handles.js';
import { nodeTypes } from './nodes.jsx';


function structureKey(graph) {
  return JSON.stringify([graph.nodes.map((n) => [n.id, n.parentId, n.type, (n.fields?.Choices || []).length]),
    graph.edges.map((e) => [e.source, e.target])]);
}

/** The drop scope under a screen point: the innermost branch or Map frame, else the top level. */
export function scopeAt(x, y, exclude) {
  // React Flow renders nodes side by side in the DOM (children are not inside their parent's
  // element): the first frame in paint order under the point is the innermost one.
  for (const el of document.elementsFromPoint(x, y)) {
    if (exclude && exclude.contains(el)) continue;
    if (el.hasAttribute('data-drop-scope') && el.getAttribute('data-testid') !== 'studio-canvas') return el.getAttribute('data-drop-scope');
  }
  return '';
}

/** ELK positions of the graph, recomputed when its structure changes; `key` says for which. */
function useLayout(graph) {
  const [laid, setLaid] = useState({ positions: null, key: null });
  const key = structureKey(graph);
  const latest = useRef(graph);
  latest.current = graph;
  useEffect(() => {
    let live = true;
    positionsOf(latest.current).then((p) => live && setLaid({ positions: p, key }))
      .catch(() => live && setLaid({ positions: new Map(), key }));
    return () => { live = false; };
  }, [key]);
  return { ...laid, settled: laid.key === key };
}

function Flow({ def, graph, diagnostics, selected, onSelect, onEdit, layoutRequest }) {
  const flow = useReactFlow();
  const { positions, settled } = useLayout(graph);
  const [fittedFor, setFittedFor] = useState(null);
  const [overrides, setOverrides] = useState({});
  const [measured, setMeasured] = useState({});
  const [selectedEdge, setSelectedEdge] = useState(null);
  const fitted = useRef(null);

  useEffect(() => {
    // A new layout (states or edges added or removed) is fitted into view.
    if (positions && positions !== fitted.current && positions.size) {
      fitted.current = positions;
      requestAnimationFrame(() => Promise.resolve(flow.fitView({ padding: 0.2, maxZoom: 1 })).then(() => setFittedFor(positions)));
    }
  }, [positions, flow]);
  useEffect(() => {
    if (!layoutRequest) return;
    setOverrides({});
    setTimeout(() => flow.fitView({ padding: 0.15, maxZoom: 1, duration: 200 }), 50);
  }, [layoutRequest, flow]);

  const nodes = useMemo(() => {
    if (!positions) return [];
    const byId = new Map(graph.nodes.map((n) => [n.id, n]));
    const hasChildren = new Set(graph.nodes.map((n) => n.parentId).filter(Boolean));
    return graph.nodes.filter((n) => positions.has(n.id)).map((n) => {
      const box = positions.get(n.id);
      const isBranch = branchNode(n);
      const isGroup = !isBranch && (n.type === 'Parallel' || n.type === 'Map');
      const errors = isBranch ? [] : diagnostics.get(n.name) || [];
      const parentState = enclosingState(byId, n.parentId);
      return {
        id: n.id,
        type: isBranch ? 'branch' : isGroup ? 'studio-group' : 'state',
        position: overrides[n.id] || { x: box.x, y: box.y },
        style: isBranch || isGroup ? { width: box.width, height: box.height } : { width: box.width },
        width: box.width,
        height: box.height,
        measured: measured[n.id],
        parentId: n.parentId || undefined,
        extent: n.parentId ? 'parent' : undefined,
        draggable: !isBranch,
        selectable: !isBranch,
        deletable: !isBranch,
        selected: !isBranch && n.name === selected,
        zIndex: isBranch || isGroup ? 0 : 2,
        data: {
          ...n,
          label: isBranch ? n.name : undefined,
          parentState,
          isStart: !isBranch && isStartOf(def, n),
          errors: errors.length,
          errorText: errors.map((d) => d.message).join('\n'),
          subtitle: subtitleOf(n),
          dropScope: innerScope(n),
          empty: !hasChildren.has(n.id),
          onAddBranch: (name) => onEdit({ op: 'add-branch', name, scope: n.scope }),
        },
      };
    });
  }, [positions, graph, overrides, measured, diagnostics, selected, def, onEdit]);

  const edges = useMemo(() => graph.edges.filter((e) => !e.dangling).map((e) => ({
    id: e.id,
    source: e.source,
    target: e.target,
    sourceHandle: handleOfEdge(e),
    targetHandle: 'in',
    type: 'smoothstep',
    label: e.kind === 'Catch' ? e.label : undefined, // rules and Default are named on their handles
    selected: e.id === selectedEdge,
    className: `studio-edge edge-${e.kind.toLowerCase()}`,
    markerEnd: { type: 'arrowclosed', width: 16, height: 16, color: e.kind === 'Catch' ? '#d97706' : '#64748b' },
    data: e,
    zIndex: 1,
  })), [graph.edges, selectedEdge]);

  const onNodesChange = useCallback((changes) => {
    const moved = changes.filter((c) => c.type === 'position' && c.position);
    if (moved.length) setOverrides((o) => ({ ...o, ...Object.fromEntries(moved.map((c) => [c.id, c.position])) }));
    const sized = changes.filter((c) => c.type === 'dimensions' && c.dimensions);
    if (sized.length) setMeasured((m) => ({ ...m, ...Object.fromEntries(sized.map((c) => [c.id, c.dimensions])) }));
  }, []);

  const onDrop = (e) => {
    const item = draggedItem();
    if (!item || !e.dataTransfer.types.includes(DRAG_MIME)) return;
    e.preventDefault();
    onEdit({ op: 'add', item, scope: scopeAt(e.clientX, e.clientY) });
  };

  const onNodeDragStop = (event, node) => {
    if (node.type === 'branch') return;
    const element = document.querySelector(`.react-flow__node[data-id="${CSS.escape(node.id)}"]`);
    const target = scopeAt(event.clientX, event.clientY, element);
    if (target !== node.data.scope) {
      setOverrides((o) => { const { [node.id]: _, ...rest } = o; return rest; });
      onEdit({ op: 'move', name: node.data.name, from: node.data.scope, to: target });
    }
  };

  const onDelete = ({ nodes: gone, edges: cut }) => {
    const names = new Set(gone.filter((n) => n.type !== 'branch').map((n) => n.id));
    const roots = gone.filter((n) => n.type !== 'branch' && !hasAncestorIn(n, names, graph));
    if (roots.length) onEdit({ op: 'remove', states: roots.map((n) => ({ name: n.data.name, scope: n.data.scope })) });
    else if (cut.length) onEdit({ op: 'disconnect', edges: cut.map((e) => e.data) });
    setSelectedEdge(null);
  };

  return (
    <div className="studio-canvas" onDragOver={(e) => { e.preventDefault(); e.dataTransfer.dropEffect = 'copy'; }} onDrop={onDrop}
      data-testid="studio-canvas" data-drop-scope=""
      data-settled={settled && (fittedFor === positions || !positions?.size) ? 'true' : 'false'}>
      {!positions && <div className="graph-loading">Laying out…</div>}
      <ReactFlow
        nodes={nodes}
        edges={edges}
        nodeTypes={nodeTypes}
        onNodesChange={onNodesChange}
        onNodeDragStop={onNodeDragStop}
        onConnect={(c) => onEdit({ op: 'connect', source: c.source, handle: c.sourceHandle, target: c.target })}
        isValidConnection={(c) => isValid(graph, c)}
        onNodeClick={(_, n) => n.type !== 'branch' && onSelect(n.data.name)}
        onEdgeClick={(_, e) => setSelectedEdge(e.id)}
        onPaneClick={() => { onSelect(null); setSelectedEdge(null); }}
        onDelete={onDelete}
        deleteKeyCode={['Delete', 'Backspace']}
        multiSelectionKeyCode={null}
        minZoom={0.2}
        maxZoom={2}
        proOptions={{ hideAttribution: true }}
      >
        <Background gap={20} size={1} color="#e2e8f0" />
        <Controls position="bottom-right" showInteractive={false} />
        <MiniMap position="top-right" pannable zoomable style={{ width: 120, height: 80 }} />
        {selectedEdge && (
          <Panel position="top-left">
            <button type="button" className="btn btn-small btn-danger" data-action="delete-edge"
              onClick={() => onDelete({ nodes: [], edges: edges.filter((e) => e.id === selectedEdge) })}>Delete edge</button>
          </Panel>
        )}
        {graph.nodes.length === 0 && <Panel position="top-center"><div className="canvas-empty">Drag states from the palette to start</div></Panel>}
      </ReactFlow>
    </div>
  );
}

function isValid(graph, c) {
  const source = graph.nodes.find((n) => n.id === c.source);
  const target = graph.nodes.find((n) => n.id === c.target);
  return Boolean(source && target && !branchNode(target) && source.scope === target.scope);
}

function hasAncestorIn(node, ids, graph) {
  let parent = node.parentId;
  while (parent) {
    if (ids.has(parent)) return true;
    parent = graph.nodes.find((n) => n.id === parent)?.parentId;
  }
  return false;
}

function enclosingState(byId, parentId) {
  let id = parentId;
  while (id) {
    const n = byId.get(id);
    if (!n) return undefined;
    if (!branchNode(n)) return n.name;
    id = n.parentId;
  }
  return undefined;
}

function isStartOf(def, node) {
  return getAt(def, node.scope)?.StartAt === node.name;
}

function subtitleOf(node) {
  const resource = node.fields?.Resource;
  if (node.type === 'Task' && typeof resource === 'string') return resource.replace(/^arn:aws:states:::/, '').replace(/^arn:aws:[a-z]+:[^:]*:[^:]*:/, '');
  return node.type;
}

export default function Canvas(props) {
  return <ReactFlowProvider><Flow {...props} /></ReactFlowProvider>;
}
