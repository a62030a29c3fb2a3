// Connecting and disconnecting states, and moving a state to another scope.
import { isPlainObject, joinPointer, renameMember, withMember } from './pointer.js';
import { addState, removeState, updateState } from './edits.js';
import { queryLanguageOf, stateIn } from './scopes.js';

const CATCHES = new Set(['Task', 'Parallel', 'Map']);

/** A placeholder Choice rule in the state's query language. */
export function placeholderRule(queryLanguage, next) {
  const rule = queryLanguage === 'JSONata' ? { Condition: '{% true %}' } : { Variable: '$.x', StringEquals: '' };
  return next === undefined ? rule : { ...rule, Next: next };
}

function withNext(state, to) {
  if (Object.prototype.hasOwnProperty.call(state, 'Next')) return withMember(withMember(state, 'Next', to), 'End', undefined);
  if (Object.prototype.hasOwnProperty.call(state, 'End')) return withMember(renameMember(state, 'End', 'Next'), 'Next', to);
  return withMember(state, 'Next', to);
}

function withEnd(state) {
  if (Object.prototype.hasOwnProperty.call(state, 'Next')) return withMember(renameMember(state, 'Next', 'End'), 'End', true);
  return withMember(state, 'End', true);
}

function listWith(list, index, fn) {
  if (!Array.isArray(list) || !Number.isInteger(index) || index < 0 || index >= list.length) {
    throw new Error(`No entry ${index}`);
  }
  return list.map((item, i) => (i === index ? fn(item) : item));
}

/**
 * Adds or retargets a transition from `from` to `to` (both in `scope`). edge.kind is Next,
 * Default, Choice or Catch; without an index, Choice and Catch append a new rule or catcher.
 * Next from a Choice state appends a rule.
 */
export function connect(def, scope, from, edge, to) {
  const state = stateIn(def, scope, from);
  stateIn(def, scope, to);
  const kind = edge && edge.kind;
  const type = state.Type;
  let out;
  if (kind === 'Next' && type === 'Choice') return connect(def, scope, from, { kind: 'Choice' }, to);
  if (kind === 'Next') {
    if (type === 'Succeed' || type === 'Fail') throw new Error(`A ${type} state has no Next`);
    out = withNext(state, to);
  } else if (kind === 'Default' || kind === 'Choice') {
    if (type !== 'Choice') throw new Error(`Only a Choice state has ${kind === 'Default' ? 'a Default' : 'Choice rules'}`);
    if (kind === 'Default') out = withMember(state, 'Default', to);
    else if (edge.index === undefined || edge.index === null) {
      const rules = Array.isArray(state.Choices) ? state.Choices : [];
      out = withMember(state, 'Choices', [...rules, placeholderRule(queryLanguageOf(def, state), to)]);
    } else {
      out = withMember(state, 'Choices', listWith(state.Choices, edge.index, (r) => withMember(r, 'Next', to)));
    }
  } else if (kind === 'Catch') {
    if (!CATCHES.has(type)) throw new Error(`A ${type} state has no Catch`);
    if (edge.index === undefined || edge.index === null) {
      const catchers = Array.isArray(state.Catch) ? state.Catch : [];
      out = withMember(state, 'Catch', [...catchers, { ErrorEquals: ['States.ALL'], Next: to }]);
    } else {
      out = withMember(state, 'Catch', listWith(state.Catch, edge.index, (c) => withMember(c, 'Next', to)));
    }
  } else {
    throw new Error(`Unknown edge kind '${kind}'`);
  }
  return updateState(def, scope, from, out);
}

/**
 * Removes a transition: Next becomes End: true, Default goes, a Choice rule or catcher is removed
 * with its condition.
 */
export function disconnect(def, scope, from, edge) {
  const state = stateIn(def, scope, from);
  const kind = edge && edge.kind;
  let out;
  if (kind === 'Next') out = state.Next === undefined ? state : withEnd(state);
  else if (kind === 'Default') out = withMember(state, 'Default', undefined);
  else if (kind === 'Choice' || kind === 'Catch') {
    const key = kind === 'Choice' ? 'Choices' : 'Catch';
    listWith(state[key], edge.index, (x) => x);
    const kept = state[key].filter((_, i) => i !== edge.index);
    out = withMember(state, key, kept.length || kind === 'Choice' ? kept : undefined);
  } else {
    throw new Error(`Unknown edge kind '${kind}'`);
  }
  return updateState(def, scope, from, out);
}

/** The state without its outgoing transitions; Choice rules and catchers keep their conditions. */
function withoutOutgoing(state) {
  let out = state;
  if (typeof out.Next === 'string') out = withEnd(out);
  if (out.Type === 'Choice' && out.Default !== undefined) out = withMember(out, 'Default', undefined);
  const dropNext = (list) => list.map((x) => (isPlainObject(x) ? withMember(x, 'Next', undefined) : x));
  if (out.Type === 'Choice' && Array.isArray(out.Choices)) out = withMember(out, 'Choices', dropNext(out.Choices));
  if (Array.isArray(out.Catch)) out = withMember(out, 'Catch', dropNext(out.Catch));
  return out;
}

/**
 * Moves a state (with its branches or processor) to another scope. Its transitions, and those
 * pointing at it, would cross scopes and are dropped; it becomes the StartAt of an empty scope.
 */
export function moveState(def, fromScope, name, toScope) {
  if (fromScope === toScope) return def;
  const state = stateIn(def, fromScope, name);
  const own = joinPointer(fromScope, 'States', name);
  if (toScope === own || toScope.startsWith(`${own}/`)) throw new Error(`Cannot move '${name}' into itself`);
  const removed = removeState(def, fromScope, name);
  return addState(removed, toScope, name, withoutOutgoing(state));
}
