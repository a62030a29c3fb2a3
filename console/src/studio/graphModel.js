// Definition <-> graph. Nodes carry each state's own fields; edges carry its transitions; the
// Parallel branches are nodes of their own. definitionOf(graphOf(def)) gives back `def` exactly,
// key order included (nodes remember the key order they were read with).
import { isPlainObject, joinPointer } from './pointer.js';
import { composeState, omit, ordered, splitState } from './stateParts.js';

export const nodeId = (name) => `s:${name}`;
export const branchId = (parallel, index) => `b:${parallel}/${index}`;

const KIND_ORDER = ['Next', 'Default', 'Choice', 'Catch'];

function scopeNodeFields(scope) {
  return isPlainObject(scope.States) ? omit(scope, ['States']) : scope;
}

/** { nodes, edges, root } of a definition object (see docs/console.md). */
export function graphOf(def) {
  const nodes = [];
  const edges = [];
  const used = new Set();
  const freshId = (base) => {
    let id = base;
    for (let i = 2; used.has(id); i += 1) id = `${base}#${i}`;
    used.add(id);
    return id;
  };

  function walk(scope, scopePointer, parentId) {
    if (!isPlainObject(scope.States)) return;
    const ids = new Map();
    const pending = [];
    for (const name of Object.keys(scope.States)) {
      const state = scope.States[name];
      const pointer = joinPointer(scopePointer, 'States', name);
      const id = freshId(nodeId(name));
      if (!ids.has(name)) ids.set(name, id);
      if (!isPlainObject(state)) {
        nodes.push({ id, kind: 'state', name, type: undefined, scope: scopePointer, pointer, parentId, fields: state, raw: true });
        continue;
      }
      const parts = splitState(state);
      const node = {
        id, kind: 'state', name, type: state.Type, scope: scopePointer, pointer, parentId,
        fields: parts.fields, end: parts.end === true, keyOrder: parts.keyOrder,
        choiceOrders: parts.choiceOrders, catchOrders: parts.catchOrders,
      };
      nodes.push(node);
      const edge = (kind, index, target, label) => pending.push({ source: id, kind, index, target, label });
      if (parts.next !== undefined) edge('Next', undefined, parts.next, undefined);
      parts.choiceTargets.forEach((t, i) => t !== undefined && edge('Choice', i, t, `Rule #${i + 1}`));
      if (parts.defaultTarget !== undefined) edge('Default', undefined, parts.defaultTarget, 'Default');
      parts.catchTargets.forEach((t, i) => {
        if (t === undefined) return;
        const errors = state.Catch[i].ErrorEquals;
        edge('Catch', i, t, Array.isArray(errors) && errors.length ? errors.join(', ') : 'Catch');
      });
      if (parts.branches) {
        node.branchCount = parts.branches.length;
        parts.branches.forEach((branch, i) => {
          const bPointer = joinPointer(pointer, 'Branches', i);
          const bid = freshId(branchId(name, i));
          nodes.push({
            id: bid, kind: 'branch', name: `Branch ${i + 1}`, type: 'Branch', index: i, scope: scopePointer,
            pointer: bPointer, childScope: bPointer, parentId: id, fields: scopeNodeFields(branch),
            keyOrder: Object.keys(branch),
          });
          walk(branch, bPointer, bid);
        });
      }
      if (parts.processorKey) {
        const pPointer = joinPointer(pointer, parts.processorKey);
        node.childScope = pPointer;
        node.processor = { key: parts.processorKey, fields: scopeNodeFields(parts.processor), keyOrder: Object.keys(parts.processor) };
        walk(parts.processor, pPointer, id);
      }
    }
    for (const e of pending) {
      const target = ids.get(e.target);
      const suffix = e.index === undefined ? '' : `/${e.index}`;
      edges.push({
        id: `e:${e.source}>${e.kind}${suffix}`, source: e.source, target: target || nodeId(e.target),
        targetName: e.target, kind: e.kind, index: e.index, label: e.label, scope: scopePointer,
        ...(target ? {} : { dangling: true }),
      });
    }
  }

  if (!isPlainObject(def)) throw new Error('A definition must be a JSON object');
  walk(def, '', null);
  return { nodes, edges, root: { fields: scopeNodeFields(def), keyOrder: Object.keys(def) } };
}

/** Rebuilds the definition object from a graph made by graphOf (and edited consistently). */
export function definitionOf(graph) {
  const children = new Map();
  for (const node of graph.nodes) {
    const key = node.parentId ?? null;
    if (!children.has(key)) children.set(key, []);
    children.get(key).push(node);
  }
  const byId = new Map(graph.nodes.map((n) => [n.id, n]));
  const outgoing = new Map();
  for (const e of graph.edges) {
    if (!outgoing.has(e.source)) outgoing.set(e.source, []);
    outgoing.get(e.source).push(e);
  }
  const nameOf = (e) => (byId.has(e.target) ? byId.get(e.target).name : e.targetName ?? e.target.replace(/^s:/, ''));

  function scopeObject(fields, keyOrder, parentId) {
    const kids = (children.get(parentId) || []).filter((n) => n.kind !== 'branch');
    if (isPlainObject(fields) && Object.prototype.hasOwnProperty.call(fields, 'States')) return fields;
    const states = {};
    for (const n of kids) Object.defineProperty(states, n.name, { value: stateOf(n), enumerable: true, writable: true, configurable: true });
    const hadStates = (keyOrder || []).includes('States') || kids.length > 0;
    return ordered(keyOrder, fields, hadStates ? { States: states } : {});
  }

  function stateOf(node) {
    if (node.raw) return node.fields;
    const parts = { fields: node.fields, keyOrder: node.keyOrder, end: node.end,
      choiceOrders: node.choiceOrders || [], catchOrders: node.catchOrders || [], choiceTargets: [], catchTargets: [] };
    const out = [...(outgoing.get(node.id) || [])].sort((a, b) => KIND_ORDER.indexOf(a.kind) - KIND_ORDER.indexOf(b.kind));
    for (const e of out) {
      if (e.kind === 'Next') parts.next = nameOf(e);
      else if (e.kind === 'Default') parts.defaultTarget = nameOf(e);
      else if (e.kind === 'Choice') parts.choiceTargets[e.index] = nameOf(e);
      else if (e.kind === 'Catch') parts.catchTargets[e.index] = nameOf(e);
    }
    const branchNodes = (children.get(node.id) || []).filter((n) => n.kind === 'branch');
    if (branchNodes.length || node.branchCount === 0) {
      parts.branches = [...branchNodes].sort((a, b) => a.index - b.index).map((b) => scopeObject(b.fields, b.keyOrder, b.id));
    }
    if (node.processor) {
      parts.processorKey = node.processor.key;
      parts.processor = scopeObject(node.processor.fields, node.processor.keyOrder, node.id);
    }
    return composeState(parts);
  }

  return scopeObject(graph.root.fields, graph.root.keyOrder, null);
}
