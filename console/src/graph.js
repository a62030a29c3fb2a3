// ASL definition -> ELK layered layout -> React Flow nodes and edges.
// One node per state (id "s:<name>"; ASL state names are unique across the whole machine).
// Parallel and Map states are group nodes; each Parallel branch is a nested group.
import ELK from 'elkjs/lib/elk.bundled.js';

export const NODE_WIDTH = 220;
export const NODE_HEIGHT = 52;
const MARKER = 34;
const GROUP_PADDING = '[top=44,left=16,bottom=16,right=16]';
// With iteration counts (an execution), a Map's header and the states inside it get a line more,
// and those states the width for it.
const COUNTS_LINE = 16;
const COUNTS_WIDTH = 300;
const MAP_PADDING_WITH_COUNTS = `[top=${44 + COUNTS_LINE},left=16,bottom=16,right=16]`;
const BRANCH_PADDING = '[top=30,left=14,bottom=14,right=14]';

const elk = new ELK();

export const stateId = (name) => `s:${name}`;

function processorOf(state) {
  return state.ItemProcessor || state.Iterator;
}

/**
 * Builds the ELK graph for a definition object. Throws on input that is not a definition.
 * With `counts`, Map states and the states inside them leave room for iteration counts.
 */
export function toElk(definition, { counts = false } = {}) {
  const edges = [];
  const meta = new Map();
  let edgeCount = 0;
  const edge = (source, target, kind, label) => {
    edgeCount += 1;
    edges.push({ id: `e${edgeCount}`, sources: [source], targets: [target], kind, label });
  };

  function statesOf(machine, parent, inMap) {
    const children = [];
    const names = Object.keys(machine.States || {});
    for (const name of names) {
      const state = machine.States[name] || {};
      const id = stateId(name);
      meta.set(id, { kind: 'state', name, type: state.Type || '?', state, parent, inMap });
      if (state.Type === 'Parallel' && Array.isArray(state.Branches)) {
        const branches = state.Branches.map((branch, i) => {
          const bid = `b:${name}:${i}`;
          meta.set(bid, { kind: 'branch', name: `Branch ${i + 1}`, parent: id });
          return {
            id: bid,
            layoutOptions: { 'elk.padding': BRANCH_PADDING, 'elk.direction': 'DOWN' },
            children: statesOf(branch, bid, inMap),
          };
        });
        children.push({
          id,
          layoutOptions: { 'elk.padding': GROUP_PADDING, 'elk.direction': 'RIGHT', 'elk.spacing.nodeNode': '24' },
          children: branches,
        });
      } else if (state.Type === 'Map' && processorOf(state)) {
        children.push({
          id,
          layoutOptions: { 'elk.padding': counts ? MAP_PADDING_WITH_COUNTS : GROUP_PADDING, 'elk.direction': 'DOWN' },
          children: statesOf(processorOf(state), id, true),
        });
      } else {
        const withCounts = counts && (inMap || state.Type === 'Map');
        children.push({ id, width: withCounts ? COUNTS_WIDTH : NODE_WIDTH, height: NODE_HEIGHT + (withCounts ? COUNTS_LINE : 0) });
      }
      if (state.Next) edge(id, stateId(state.Next), 'next');
      if (state.Type === 'Choice') {
        (state.Choices || []).forEach((c, i) => c.Next && edge(id, stateId(c.Next), 'choice', `Rule #${i + 1}`));
        if (state.Default) edge(id, stateId(state.Default), 'choice', 'Default');
      }
      (state.Catch || []).forEach((c) => c.Next && edge(id, stateId(c.Next), 'catch', (c.ErrorEquals || []).join(', ') || 'Catch'));
    }
    return children;
  }

  if (!definition || typeof definition !== 'object' || typeof definition.States !== 'object') {
    throw new Error('The definition has no States object');
  }
  const children = statesOf(definition, null, false);
  children.unshift({ id: 'start', width: MARKER * 2, height: MARKER });
  children.push({ id: 'end', width: MARKER * 2, height: MARKER });
  meta.set('start', { kind: 'marker', name: 'Start' });
  meta.set('end', { kind: 'marker', name: 'End' });
  if (definition.StartAt) edge('start', stateId(definition.StartAt), 'next');
  for (const [name, state] of Object.entries(definition.States)) {
    if (state && (state.End === true || state.Type === 'Succeed' || state.Type === 'Fail')) edge(stateId(name), 'end', 'end');
  }
  // Edges whose ends are unknown (a typo in Next) are dropped; the validator reports them.
  const known = new Set(meta.keys());
  const valid = edges.filter((e) => known.has(e.sources[0]) && known.has(e.targets[0]));
  return {
    graph: {
      id: 'root',
      layoutOptions: {
        'elk.algorithm': 'layered',
        'elk.direction': 'DOWN',
        'elk.hierarchyHandling': 'INCLUDE_CHILDREN',
        'elk.layered.spacing.nodeNodeBetweenLayers': '44',
        'elk.spacing.nodeNode': '36',
        'elk.layered.nodePlacement.strategy': 'BRANDES_KOEPF',
        'elk.edgeRouting': 'ORTHOGONAL',
        'elk.json.edgeCoords': 'ROOT',
      },
      children,
      edges: valid.map(({ id, sources, targets }) => ({ id, sources, targets })),
    },
    edges: valid,
    meta,
  };
}

/**
 * Lays out a definition; resolves to React Flow {nodes, edges} (parents before children).
 * `options.counts`: leave room for Map iteration counts (the execution page).
 */
export async function layout(definition, options = {}) {
  const { graph, edges, meta } = toElk(definition, options);
  const laid = await elk.layout(graph);
  const nodes = [];
  const visit = (node, parentId) => {
    const info = meta.get(node.id);
    const isGroup = Array.isArray(node.children) && node.children.length > 0;
    const type = info.kind === 'marker' ? 'marker' : info.kind === 'branch' ? 'branch' : isGroup ? 'group-state' : 'state';
    nodes.push({
      id: node.id,
      type,
      position: { x: node.x, y: node.y },
      width: node.width,
      height: node.height,
      style: { width: node.width, height: node.height },
      parentId: parentId || undefined,
      draggable: false,
      selectable: type !== 'marker' && type !== 'branch',
      zIndex: type === 'state' ? 2 : 0,
      data: {
        name: info.name,
        stateType: info.type,
        state: info.state,
        parentState: enclosingState(meta, info.parent),
        inMap: Boolean(info.inMap),
        isMap: info.kind === 'state' && info.type === 'Map',
      },
    });
    (node.children || []).forEach((child) => visit(child, node.id));
  };
  (laid.children || []).forEach((child) => visit(child, null));
  const routes = new Map((laid.edges || []).map((e) => [e.id, e.sections && e.sections[0]]));
  const flowEdges = edges.map((e) => ({
    id: e.id,
    source: e.sources[0],
    target: e.targets[0],
    type: 'elk',
    data: { points: pointsOf(routes.get(e.id)) },
    label: e.kind === 'choice' || e.kind === 'catch' ? e.label : undefined,
    className: `edge-${e.kind}`,
    markerEnd: { type: 'arrowclosed', width: 16, height: 16, color: e.kind === 'catch' ? '#d97706' : '#94a3b8' },
    zIndex: 1,
  }));
  return { nodes, edges: flowEdges, width: laid.width, height: laid.height };
}

function pointsOf(section) {
  if (!section || !section.startPoint || !section.endPoint) return null;
  return [section.startPoint, ...(section.bendPoints || []), section.endPoint];
}

/** The name of the Parallel or Map state around a node, or undefined at the top level. */
function enclosingState(meta, parentId) {
  let id = parentId;
  while (id) {
    const info = meta.get(id);
    if (!info) return undefined;
    if (info.kind === 'state') return info.name;
    id = info.parent;
  }
  return undefined;
}
