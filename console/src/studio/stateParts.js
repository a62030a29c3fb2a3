// Splits an ASL state into its own fields and its transitions/children, and puts it back together
// in its original key order. The graph model and updateFields both rely on it.
import { define, isPlainObject } from './pointer.js';

const has = (obj, key) => Object.prototype.hasOwnProperty.call(obj, key);

/** The member holding a Map's processor: ItemProcessor, else the older Iterator, else null. */
export function processorKey(state) {
  if (!isPlainObject(state) || state.Type !== 'Map') return null;
  if (isPlainObject(state.ItemProcessor)) return 'ItemProcessor';
  if (isPlainObject(state.Iterator)) return 'Iterator';
  return null;
}

/** True when a Parallel's Branches can be drawn: an array of objects. */
export function drawableBranches(state) {
  return isPlainObject(state) && state.Type === 'Parallel' && Array.isArray(state.Branches)
    && state.Branches.every(isPlainObject);
}

function withoutNext(list) {
  if (!Array.isArray(list)) return { list, targets: [], orders: [] };
  const targets = [];
  const orders = [];
  const stripped = list.map((item, i) => {
    if (isPlainObject(item) && typeof item.Next === 'string') {
      targets[i] = item.Next;
      orders[i] = Object.keys(item);
      return omit(item, ['Next']);
    }
    return item;
  });
  return { list: stripped, targets, orders };
}

export function omit(obj, keys) {
  const out = {};
  for (const k of Object.keys(obj)) if (!keys.includes(k)) define(out, k, obj[k]);
  return out;
}

/**
 * { fields, keyOrder, next, end, defaultTarget, choiceTargets, choiceOrders, catchTargets,
 *   catchOrders, branches, processorKey, processor } of a state object.
 */
export function splitState(state) {
  const keyOrder = Object.keys(state);
  const strip = [];
  const parts = { keyOrder, choiceTargets: [], choiceOrders: [], catchTargets: [], catchOrders: [] };
  if (typeof state.Next === 'string') { parts.next = state.Next; strip.push('Next'); }
  if (state.End === true) { parts.end = true; strip.push('End'); }
  if (state.Type === 'Choice' && typeof state.Default === 'string') { parts.defaultTarget = state.Default; strip.push('Default'); }
  if (drawableBranches(state)) { parts.branches = state.Branches; strip.push('Branches'); }
  const pk = processorKey(state);
  if (pk) { parts.processorKey = pk; parts.processor = state[pk]; strip.push(pk); }
  const fields = omit(state, strip);
  if (state.Type === 'Choice' && Array.isArray(state.Choices)) {
    const c = withoutNext(state.Choices);
    fields.Choices = c.list;
    parts.choiceTargets = c.targets;
    parts.choiceOrders = c.orders;
  }
  if (Array.isArray(state.Catch)) {
    const c = withoutNext(state.Catch);
    fields.Catch = c.list;
    parts.catchTargets = c.targets;
    parts.catchOrders = c.orders;
  }
  parts.fields = fields;
  return parts;
}

/** An object from `keyOrder`, taking each key from `fields`, else `derived`; the rest appended. */
export function ordered(keyOrder, fields, derived) {
  const out = {};
  const put = (k) => {
    if (has(out, k)) return;
    if (has(fields, k)) define(out, k, fields[k]);
    else if (has(derived, k) && derived[k] !== undefined) define(out, k, derived[k]);
  };
  (keyOrder || []).forEach(put);
  Object.keys(fields).forEach(put);
  Object.keys(derived).forEach(put);
  return out;
}

function withNext(list, targets, orders) {
  if (!Array.isArray(list)) return list;
  return list.map((item, i) => {
    if (!isPlainObject(item) || typeof targets[i] !== 'string') return item;
    return ordered(orders[i], omit(item, ['Next']), { Next: targets[i] });
  });
}

/** The inverse of splitState: parts -> state object. */
export function composeState(parts) {
  const fields = { ...parts.fields };
  if (Array.isArray(fields.Choices) && fields.Type === 'Choice') {
    fields.Choices = withNext(fields.Choices, parts.choiceTargets || [], parts.choiceOrders || []);
  }
  if (Array.isArray(fields.Catch)) fields.Catch = withNext(fields.Catch, parts.catchTargets || [], parts.catchOrders || []);
  const derived = {};
  if (parts.next !== undefined) derived.Next = parts.next;
  if (parts.end) derived.End = true;
  if (parts.defaultTarget !== undefined) derived.Default = parts.defaultTarget;
  if (parts.branches !== undefined) derived.Branches = parts.branches;
  if (parts.processorKey) derived[parts.processorKey] = parts.processor;
  return ordered(parts.keyOrder, fields, derived);
}
