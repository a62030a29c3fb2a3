// Scopes: objects holding StartAt/States (the top level, each Parallel branch, each Map processor),
// named by JSON pointer.
import { getAt, isPlainObject, joinPointer } from './pointer.js';
import { drawableBranches, processorKey } from './stateParts.js';

/** The scopes directly inside a state: [{ pointer, scope }]. */
export function childScopesOf(state, statePointer) {
  if (drawableBranches(state)) {
    return state.Branches.map((branch, i) => ({ pointer: joinPointer(statePointer, 'Branches', i), scope: branch }));
  }
  const key = processorKey(state);
  return key ? [{ pointer: joinPointer(statePointer, key), scope: state[key] }] : [];
}

/** Calls fn(scopeObject, pointer) for every scope, outermost first. */
export function forEachScope(def, fn, pointer = '', scope = def) {
  if (!isPlainObject(scope)) return;
  fn(scope, pointer);
  const states = scope.States;
  if (!isPlainObject(states)) return;
  for (const name of Object.keys(states)) {
    for (const child of childScopesOf(states[name], joinPointer(pointer, 'States', name))) {
      forEachScope(def, fn, child.pointer, child.scope);
    }
  }
}

/** Every state name of the machine, nested ones included. */
export function allStateNames(def) {
  const names = new Set();
  forEachScope(def, (scope) => {
    if (isPlainObject(scope.States)) Object.keys(scope.States).forEach((n) => names.add(n));
  });
  return names;
}

/** { scope: pointer, state } of the first state with that name, or null. */
export function findState(def, name) {
  let found = null;
  forEachScope(def, (scope, pointer) => {
    if (!found && isPlainObject(scope.States) && Object.prototype.hasOwnProperty.call(scope.States, name)) {
      found = { scope: pointer, state: scope.States[name] };
    }
  });
  return found;
}

export function scopeAt(def, pointer) {
  const scope = getAt(def, pointer);
  if (!isPlainObject(scope)) throw new Error(`No scope at '${pointer}'`);
  return scope;
}

export function statesOf(def, pointer) {
  const states = scopeAt(def, pointer).States;
  return isPlainObject(states) ? states : {};
}

export function stateIn(def, pointer, name) {
  const states = statesOf(def, pointer);
  if (!Object.prototype.hasOwnProperty.call(states, name)) {
    throw new Error(`No state '${name}' in scope '${pointer || '/'}'`);
  }
  return states[name];
}

/** The query language a state uses: its own, else the machine's, else JSONPath. */
export function queryLanguageOf(def, state) {
  return (isPlainObject(state) && state.QueryLanguage) || (isPlainObject(def) && def.QueryLanguage) || 'JSONPath';
}
