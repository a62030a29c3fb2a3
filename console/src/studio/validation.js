// Live validation for the Studio: the server's diagnostics, each located by a JSON pointer, mapped
// to the state (graph node) and the field (form field) it names.
import { aws, post } from '../api.js';
import { escapeToken, isPlainObject, parsePointer } from './pointer.js';

/** The definition as sent to the server: text as typed, or an object in canonical formatting. */
const textOf = (def) => (typeof def === 'string' ? def : JSON.stringify(def, null, 2));

/**
 * Diagnostics of a definition (object or text): [{ severity, code, message, pointer }], errors and
 * warnings. `pointer` is a JSON pointer ('' for the whole definition) or null when the server gives
 * no location. Calls POST /api/validate (JSON pointers); a server without that route is asked
 * ValidateStateMachineDefinition, whose AWS-style locations are turned into pointers.
 */
export async function validateDefinition(def, { type, request } = {}) {
  const definition = textOf(def);
  const send = request || ((body) => post('/validate', body));
  try {
    const out = await send({ definition, type: type || 'STANDARD' });
    return (out.diagnostics || []).map((d) => ({
      severity: d.severity, code: d.code, message: d.message, pointer: typeof d.location === 'string' ? d.location : null,
    }));
  } catch (e) {
    if (request || e.status !== 404) throw e;
  }
  const out = await aws('ValidateStateMachineDefinition', { definition, type: type || 'STANDARD', severity: 'WARNING', maxResults: 100 });
  let parsed = null;
  try { parsed = JSON.parse(definition); } catch { /* located by line in the message */ }
  return (out.diagnostics || []).map((d) => ({
    severity: d.severity, code: d.code, message: d.message, pointer: awsLocationToPointer(d.location, parsed),
  }));
}

/**
 * AWS's location notation (`/States/C/Choices[0]/Next`, names unescaped, `/` for the root) as a
 * JSON pointer. State names holding '/' are found by matching the definition's member names.
 */
export function awsLocationToPointer(location, def) {
  if (typeof location !== 'string' || !location.startsWith('/')) return null;
  if (location === '/') return '';
  const raw = location.slice(1).split('/');
  const tokens = [];
  let node = def;
  for (let i = 0; i < raw.length; i += 1) {
    let name = raw[i];
    if (isPlainObject(node)) {
      for (let j = i + 1; !Object.prototype.hasOwnProperty.call(node, stripIndex(name)) && j < raw.length; j += 1) {
        const longer = `${name}/${raw[j]}`;
        if (Object.keys(node).some((k) => k === stripIndex(longer) || k.startsWith(`${longer}/`))) {
          name = longer;
          i = j;
        }
      }
    }
    const m = /^(.*)\[(\d+)\]$/.exec(name);
    const key = m ? m[1] : name;
    tokens.push(key);
    node = isPlainObject(node) ? node[key] : undefined;
    if (m) {
      tokens.push(m[2]);
      node = Array.isArray(node) ? node[Number(m[2])] : undefined;
    }
  }
  return tokens.map((t) => `/${escapeToken(t)}`).join('');
}

const stripIndex = (name) => name.replace(/\[\d+\]$/, '');

/**
 * Where a diagnostic points inside the machine: { stateName, scope, statePointer, fieldPointer,
 * field } for the innermost state its pointer names (fieldPointer relative to the state, '' for
 * the state itself; field its first member name, or null), or null when it names no state.
 * The pointer is read along ASL's nesting (States/<name>, then Branches/<i> or ItemProcessor or
 * Iterator), so a member called "States" inside Parameters is a field, not a scope.
 */
export function fieldPointerOf(diag) {
  const pointer = diag && typeof diag.pointer === 'string' ? diag.pointer : null;
  if (pointer === null) return null;
  let tokens;
  try { tokens = parsePointer(pointer); } catch { return null; }
  let hit = -1;
  let i = 0;
  while (tokens[i] === 'States' && i + 1 < tokens.length) {
    hit = i;
    const next = tokens[i + 2];
    if (next === 'Branches' && /^\d+$/.test(tokens[i + 3] || '')) i += 4;
    else if (next === 'ItemProcessor' || next === 'Iterator') i += 3;
    else break;
  }
  if (hit < 0) return null;
  const enc = (list) => list.map((t) => `/${escapeToken(t)}`).join('');
  const rest = tokens.slice(hit + 2);
  return {
    stateName: tokens[hit + 1],
    scope: enc(tokens.slice(0, hit)),
    statePointer: enc(tokens.slice(0, hit + 2)),
    fieldPointer: enc(rest),
    field: rest.length ? rest[0] : null,
  };
}

/** Map of state name -> its diagnostics; those naming no state are under '' (the machine). */
export function diagnosticsByState(diagnostics, def) {
  const out = new Map();
  for (const d of diagnostics || []) {
    const at = fieldPointerOf(d);
    const key = at ? at.stateName : '';
    if (!out.has(key)) out.set(key, []);
    out.get(key).push(d);
  }
  return out;
}

/** fn delayed until `ms` pass without another call; .cancel() drops a pending call. */
export function debounce(fn, ms = 400) {
  let timer = null;
  const debounced = (...args) => {
    clearTimeout(timer);
    timer = setTimeout(() => { timer = null; fn(...args); }, ms);
  };
  debounced.cancel = () => { clearTimeout(timer); timer = null; };
  return debounced;
}

/**
 * As-you-type validation: update(def) validates after `delay` ms of quiet and calls
 * onResult(diagnostics, def), or onError(error); answers to older requests are dropped.
 */
export function liveValidator(onResult, { delay = 400, type = 'STANDARD', onError = () => {}, validate = validateDefinition } = {}) {
  let sequence = 0;
  const run = debounce(async (def) => {
    const mine = ++sequence;
    try {
      const diagnostics = await validate(def, { type });
      if (mine === sequence) onResult(diagnostics, def);
    } catch (e) {
      if (mine === sequence) onError(e);
    }
  }, delay);
  return { update: run, cancel: () => { run.cancel(); sequence += 1; } };
}
