// Pure edits of a definition: each returns a new object and leaves its input untouched. Objects
// that an edit does not touch keep their identity and key order; unknown fields are carried along.
import { getAt, isPlainObject, joinPointer, renameMember, setAt, withMember } from './pointer.js';
import { allStateNames, findState, scopeAt, stateIn, statesOf } from './scopes.js';
import { composeState, splitState } from './stateParts.js';

const TERMINAL = new Set(['Choice', 'Succeed', 'Fail']);

/** `base`, or `base 2`, `base 3`… : the first name no state of the machine has. */
export function uniqueStateName(def, base) {
  const names = allStateNames(def);
  const stem = String(base || 'State').trim() || 'State';
  if (!names.has(stem)) return stem;
  for (let i = 2; ; i += 1) {
    if (!names.has(`${stem} ${i}`)) return `${stem} ${i}`;
  }
}

export function checkNewName(def, name) {
  if (typeof name !== 'string' || name.length === 0) throw new Error('A state name must be a non-empty string');
  if (name.length > 80) throw new Error(`State name '${name}' is longer than 80 characters`);
  if (allStateNames(def).has(name)) throw new Error(`A state named '${name}' already exists`);
}

/** Replaces the scope object at `pointer` by fn(scope). */
export function editScope(def, pointer, fn) {
  return setAt(def, pointer, fn(scopeAt(def, pointer)));
}

/** A scope with its States replaced (States created before nothing else when missing). */
function withStates(scope, states) {
  return withMember(scope, 'States', states);
}

/** StartAt set to `name`, placed first when the scope had none. */
function withStartAt(scope, name) {
  const first = Object.keys(scope)[0];
  return withMember(scope, 'StartAt', name, Object.prototype.hasOwnProperty.call(scope, 'StartAt') ? undefined : first);
}

/** Adds a state at the end of a scope; a state without a transition gets End: true. */
export function addState(def, scope, name, state) {
  checkNewName(def, name);
  if (!isPlainObject(state)) throw new Error(`State '${name}' must be an object`);
  let added = state;
  if (state.Next === undefined && state.End === undefined && !TERMINAL.has(state.Type)) {
    added = withMember(state, 'End', true);
  }
  return editScope(def, scope, (s) => {
    const states = withMember(statesOf(def, scope), name, added);
    let out = withStates(s, states);
    if (typeof out.StartAt !== 'string' || !Object.prototype.hasOwnProperty.call(states, out.StartAt)) {
      out = withStartAt(out, name);
    }
    return out;
  });
}

/** A state without its transitions to `target`: Next becomes End, rules and catchers go. */
export function withoutTransitionsTo(state, target) {
  if (!isPlainObject(state)) return state;
  let out = state;
  if (out.Next === target) out = withMember(renameMember(out, 'Next', 'End'), 'End', true);
  if (out.Type === 'Choice' && out.Default === target) out = withMember(out, 'Default', undefined);
  if (out.Type === 'Choice' && Array.isArray(out.Choices) && out.Choices.some((r) => r && r.Next === target)) {
    out = withMember(out, 'Choices', out.Choices.filter((r) => !(r && r.Next === target)));
  }
  if (Array.isArray(out.Catch) && out.Catch.some((c) => c && c.Next === target)) {
    const kept = out.Catch.filter((c) => !(c && c.Next === target));
    out = withMember(out, 'Catch', kept.length ? kept : undefined);
  }
  return out;
}

function mapStates(states, fn) {
  let changed = false;
  const out = {};
  for (const k of Object.keys(states)) {
    const v = fn(states[k], k);
    if (v !== states[k]) changed = true;
    Object.defineProperty(out, k, { value: v, enumerable: true, writable: true, configurable: true });
  }
  return changed ? out : states;
}

/** Removes a state and every transition to it in its scope; StartAt moves to the first state left. */
export function removeState(def, scope, name) {
  stateIn(def, scope, name);
  return editScope(def, scope, (s) => {
    const states = mapStates(withMember(statesOf(def, scope), name, undefined), (st) => withoutTransitionsTo(st, name));
    let out = withStates(s, states);
    if (out.StartAt === name) out = withMember(out, 'StartAt', Object.keys(states)[0] || '');
    return out;
  });
}

function renameRefs(state, from, to) {
  if (!isPlainObject(state)) return state;
  let out = state;
  const retarget = (list) => (Array.isArray(list) && list.some((r) => r && r.Next === from)
    ? list.map((r) => (r && r.Next === from ? withMember(r, 'Next', to) : r)) : list);
  if (out.Next === from) out = withMember(out, 'Next', to);
  if (out.Type === 'Choice' && out.Default === from) out = withMember(out, 'Default', to);
  if (out.Type === 'Choice' && retarget(out.Choices) !== out.Choices) out = withMember(out, 'Choices', retarget(out.Choices));
  if (retarget(out.Catch) !== out.Catch) out = withMember(out, 'Catch', retarget(out.Catch));
  return out;
}

/** Renames a state and every reference to it (references resolve only inside its own scope). */
export function renameState(def, oldName, newName) {
  if (oldName === newName) return def;
  const found = findState(def, oldName);
  if (!found) throw new Error(`No state '${oldName}'`);
  checkNewName(def, newName);
  return editScope(def, found.scope, (s) => {
    const states = mapStates(renameMember(statesOf(def, found.scope), oldName, newName), (st) => renameRefs(st, oldName, newName));
    let out = withStates(s, states);
    if (out.StartAt === oldName) out = withMember(out, 'StartAt', newName);
    return out;
  });
}

/** Replaces a state object as given. */
export function updateState(def, scope, name, state) {
  stateIn(def, scope, name);
  return setAt(def, joinPointer(scope, 'States', name), state);
}

/**
 * Replaces a state's own fields (the graph node's `fields`) and keeps its transitions, branches
 * and processor. Choices and Catch entries are matched to their Next by index.
 */
export function updateFields(def, scope, name, fields) {
  const parts = splitState(stateIn(def, scope, name));
  return updateState(def, scope, name, composeState({ ...parts, fields }));
}

/** Appends an empty branch to a Parallel state. */
export function addBranch(def, scope, parallel) {
  const state = stateIn(def, scope, parallel);
  const branches = Array.isArray(state.Branches) ? state.Branches : [];
  return updateState(def, scope, parallel, withMember(state, 'Branches', [...branches, { StartAt: '', States: {} }]));
}

/** Removes a Parallel's branch with its states. */
export function removeBranch(def, scope, parallel, index) {
  const pointer = joinPointer(scope, 'States', parallel, 'Branches', index);
  if (getAt(def, pointer) === undefined) throw new Error(`No branch ${index} in '${parallel}'`);
  return setAt(def, pointer, undefined);
}
