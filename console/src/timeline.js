// The timeline (Gantt) of an execution: one bar per state entry, derived incrementally from its
// AWS history events (like status.js), so a live page only applies the newly streamed events.
//
//   - A state entered again (a loop, a redrive) gets a bar per entry; the attempts of a Task
//     (each `…Scheduled` up to its `…Succeeded` or failure) are segments of its bar, so retries
//     and their backoff show.
//   - States of a Parallel's branches are rows under the Parallel's bar.
//   - States inside a Map's item processor (nested Parallels and Maps included) run once per
//     iteration: each gets one aggregate row under the outermost Map's bar, from its first entry
//     to its last exit, with the number of runs; never one row per iteration.
// Bar statuses use the graph's data-status vocabulary.
import { toMillis } from './format.js';
import { details, groupOf, isEntered, isExited, isGroupFailure, isScheduled, isStateFailure, stateOf } from './status.js';

const isAttemptSuccess = (type) => /^(Task|LambdaFunction|Activity)Succeeded$/.test(type);

/**
 * Per state name of a definition: `parent`, its enclosing Parallel or Map, and `mapRoot`, the
 * outermost Map whose item processor it runs in (undefined outside every Map).
 */
export function structureOf(definition) {
  const out = {};
  const visit = (def, parent, mapRoot) => {
    Object.entries((def && def.States) || {}).forEach(([name, state]) => {
      out[name] = { parent, mapRoot };
      const inner = state.Type === 'Map' ? (mapRoot || name) : mapRoot;
      [...(state.Branches || []), state.ItemProcessor, state.Iterator].filter(Boolean)
        .forEach((child) => visit(child, name, inner));
    });
  };
  visit(definition, undefined, undefined);
  return out;
}

function bar(id, name, type, start, parent) {
  return { id, name, type, start, end: null, status: 'IN_PROGRESS', pendingError: false, attempts: [], children: [], parent };
}

/** @param structure structureOf(definition); without it every state is a top-level row. */
export function createTimelineDeriver(structure = {}) {
  const byId = new Map();
  const roots = [];
  const latest = new Map(); // state name -> its latest bar (states outside Maps)
  const aggregates = new Map(); // "<root bar id>/<state name>" -> aggregate row
  const open = new Set(); // bars and aggregates not closed yet
  const entries = new Map(); // state name -> number of entries
  let start = null;
  let end = null;
  let count = 0;

  const attach = (row, parent) => {
    (parent ? parent.children : roots).push(row);
    open.add(row);
  };

  /** The row a state's bar or aggregate goes under. */
  function parentRow(name) {
    const s = structure[name];
    if (!s || !s.parent) return null;
    if (s.mapRoot && s.parent !== s.mapRoot) return aggregate(s.parent);
    return latest.get(s.parent) || null;
  }

  function aggregate(name) {
    const root = latest.get(structure[name].mapRoot);
    if (!root) return null;
    const key = `${root.id}/${name}`;
    let row = aggregates.get(key);
    if (!row) {
      row = { ...bar(key, name, undefined, null, null), aggregate: true, runs: 0, running: 0 };
      row.parent = parentRow(name);
      aggregates.set(key, row);
      (root.aggregates ||= []).push(row);
      attach(row, row.parent);
      count += 1;
    }
    return row;
  }

  const close = (row, status, at) => {
    row.status = status;
    row.end = at;
    open.delete(row);
    const attempt = row.attempts[row.attempts.length - 1];
    if (attempt && attempt.end === null) {
      attempt.end = at;
      attempt.status = status === 'SUCCEEDED' || status === 'CAUGHT_ERROR' ? attempt.status : status;
    }
  };

  function enter(d, type, at) {
    if (structure[d.name]?.mapRoot) {
      const row = aggregate(d.name);
      if (!row) return;
      row.type ||= type.replace(/StateEntered$/, '');
      row.start ??= at;
      row.runs += 1;
      row.running += 1;
      row.end = null;
      open.add(row);
      return;
    }
    const n = (entries.get(d.name) || 0) + 1;
    entries.set(d.name, n);
    const row = bar(`${d.name}#${n}`, d.name, type.replace(/StateEntered$/, ''), at, parentRow(d.name));
    row.entry = n;
    latest.set(d.name, row);
    attach(row, row.parent);
    count += 1;
    if (type === 'FailStateEntered') close(row, 'FAILED', at);
  }

  function exit(d, at) {
    if (structure[d.name]?.mapRoot) {
      const row = aggregate(d.name);
      if (!row) return;
      row.running = Math.max(0, row.running - 1);
      row.lastExit = at;
      if (row.running === 0) close(row, 'SUCCEEDED', at);
      return;
    }
    const row = latest.get(d.name);
    if (!row || row.end !== null) return;
    close(row, row.pendingError ? 'CAUGHT_ERROR' : 'SUCCEEDED', at);
    // Runs of a failed iteration never exit: they end with their Map.
    for (const inner of row.aggregates || []) {
      if (inner.end === null) close(inner, 'SUCCEEDED', inner.lastExit ?? at);
    }
  }

  function onStateEvent(event, type, d, at) {
    const name = isGroupFailure(type) ? groupOf(event, byId) : stateOf(event, byId);
    if (!name || structure[name]?.mapRoot) return;
    const row = latest.get(name);
    if (!row || row.end !== null) return;
    const attempt = row.attempts[row.attempts.length - 1];
    if (isGroupFailure(type)) {
      row.status = 'FAILED';
      row.pendingError = true;
    } else if (type.endsWith('StateAborted')) {
      close(row, 'CANCELLED', at);
    } else if (isScheduled(type)) {
      row.pendingError = false;
      row.attempts.push({ start: at, end: null, status: 'IN_PROGRESS' });
    } else if (isStateFailure(type)) {
      row.pendingError = true;
      if (attempt && attempt.end === null) Object.assign(attempt, { end: at, status: 'FAILED', error: d.error });
    } else if (isAttemptSuccess(type) && attempt && attempt.end === null) {
      Object.assign(attempt, { end: at, status: 'SUCCEEDED' });
    }
  }

  function onExecutionEvent(type, at) {
    if (type === 'ExecutionStarted') start ??= at;
    const final = { ExecutionSucceeded: 'SUCCEEDED', ExecutionFailed: 'FAILED', ExecutionTimedOut: 'FAILED', ExecutionAborted: 'CANCELLED' }[type];
    if (final) {
      end = at;
      for (const row of [...open]) close(row, row.aggregate && final === 'SUCCEEDED' ? 'SUCCEEDED' : final, at);
    } else if (type === 'ExecutionRedriven') {
      end = null;
    }
  }

  function apply(event) {
    byId.set(event.id, event);
    const type = event.type;
    const d = details(event) || {};
    const at = toMillis(event.timestamp);
    start ??= at;
    if (type.startsWith('Execution')) onExecutionEvent(type, at);
    else if (isEntered(type)) enter(d, type, at);
    else if (isExited(type)) exit(d, at);
    else if (!type.startsWith('MapIteration')) onStateEvent(event, type, d, at);
  }

  return {
    add(events) {
      for (const event of events) apply(event);
      return this;
    },
    snapshot: () => ({ roots: [...roots], start, end, count }),
  };
}

/** The timeline of a whole history at once. */
export function deriveTimeline(events, structure) {
  return createTimelineDeriver(structure).add(events).snapshot();
}

/**
 * The status of an aggregate row from its state's iteration counts (deriveIterations): running
 * while any run is, else the worst outcome among its runs.
 */
export function aggregateStatus(row, counts) {
  if (!counts) return row.status;
  if (counts.IN_PROGRESS && row.end === null) return 'IN_PROGRESS';
  return ['FAILED', 'CANCELLED', 'CAUGHT_ERROR', 'SUCCEEDED'].find((s) => counts[s]) || row.status;
}

/** Rows in display order (each bar, then its children), with their depth; at most `limit`. */
export function rowsOf(timeline, limit = Infinity) {
  const rows = [];
  const walk = (list, depth) => {
    for (const row of list) {
      if (rows.length >= limit) return;
      rows.push({ row, depth });
      walk(row.children, depth + 1);
    }
  };
  walk(timeline.roots, 0);
  return rows;
}

/** Axis ticks: a round step (1, 2 or 5 × 10^n ms) giving about `target` ticks over `span` ms. */
export function ticksOf(span, target = 6) {
  const raw = Math.max(1, span / target);
  const magnitude = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 5, 10].map((m) => m * magnitude).find((s) => s >= raw);
  const ticks = [];
  for (let t = 0; t <= span; t += step) ticks.push(t);
  return ticks;
}
