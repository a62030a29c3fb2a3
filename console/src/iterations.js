// Map iterations, derived from the execution's AWS history events alone (like status.js):
//   - per Map state, the status of each iteration (MapIterationStarted/Succeeded/Failed/Aborted
//     carry the Map's name and the iteration's index);
//   - per state inside a Map's item processor, its status in each iteration.
// Iteration statuses use the graph's data-status vocabulary: IN_PROGRESS, SUCCEEDED, FAILED,
// CAUGHT_ERROR (inner states only), CANCELLED.
//
// An event's iteration is found through previousEventId: the first state of an iteration follows
// its MapIterationStarted event, every later event of the iteration follows an earlier one.
// Iterations of a Map nested in another Map's processor are keyed by their path ("3.7": item 7 of
// the inner Map in item 3 of the outer one).
import {
  details, groupOf, isEntered, isExited, isGroupFailure, isScheduled, isStateFailure, stateOf, STATUSES,
} from './status.js';

const ITERATION = /^MapIteration(Started|Succeeded|Failed|Aborted)$/;
const ITERATION_STATUS = { Started: 'IN_PROGRESS', Succeeded: 'SUCCEEDED', Failed: 'FAILED', Aborted: 'CANCELLED' };
const COUNTED = STATUSES.filter((s) => s !== 'NOT_STARTED');

/** The context outside every iteration of Map `map`. */
function outside(ctx, map) {
  let c = ctx;
  while (c && c.map === map) c = c.parent;
  return c;
}

function keyOf(parent, index) {
  return parent ? `${parent.key}.${index}` : `${index}`;
}

function group() {
  return { iterations: new Map(), counts: null };
}

/**
 * Map iterations derived incrementally (see createStatesDeriver): `add` applies newly streamed
 * events, `snapshot` recounts only the groups that changed.
 *
 * @returns {{maps: Record<string, {iterations: Map<string, object>, counts: object}>,
 *            states: Record<string, {iterations: Map<string, object>, counts: object}>}}
 *   `maps`: per Map state, its iterations (key -> {key, index, status}); `states`: per state inside
 *   a Map, its runs (key -> {key, index, status, input, output, error, cause}); `counts` maps each
 *   status to its number of iterations.
 */
export function createIterationsDeriver() {
  const byId = new Map();
  const ctxOf = new Map();
  const maps = {};
  const states = {};
  const running = new Set();
  const mapRunning = new Set();
  // Groups whose counts changed since the last snapshot; `all` when a bulk change (an execution
  // or an iteration ending its runs) may have touched any of them.
  const dirty = new Set();
  let allDirty = false;
  const touch = (g) => {
    dirty.add(g);
    return g;
  };
  const mapOf = (name) => touch(maps[name] ||= group());
  const stateGroup = (name) => touch(states[name] ||= group());
  const instance = (name, ctx) => (ctx && name && states[name] ? stateGroup(name).iterations.get(ctx.key) : undefined);
  const settle = (run, status) => {
    run.status = status;
    running.delete(run);
  };

  function apply(event) {
    byId.set(event.id, event);
    const type = event.type;
    const d = details(event) || {};
    let ctx = ctxOf.get(event.previousEventId) || null;

    const iteration = ITERATION.exec(type);
    if (iteration) {
      const parent = outside(ctx, d.name);
      const key = keyOf(parent, d.index);
      const status = ITERATION_STATUS[iteration[1]];
      const m = mapOf(d.name);
      let it = m.iterations.get(key);
      if (!it) {
        it = { key, index: d.index, status };
        m.iterations.set(key, it);
      }
      it.status = status;
      if (status === 'IN_PROGRESS') {
        mapRunning.add(it);
        ctx = { map: d.name, index: d.index, key, parent };
      } else {
        mapRunning.delete(it);
        ctx = parent;
        if (status !== 'SUCCEEDED') {
          // States still running in a failed or halted iteration (nested ones included) end with it.
          allDirty = true;
          for (const run of [...running]) {
            if (run.key === key || run.key.startsWith(`${key}.`)) settle(run, status);
          }
        }
      }
      ctxOf.set(event.id, ctx);
      return;
    }
    if (type.startsWith('MapState') && d.name) ctx = outside(ctx, d.name);
    ctxOf.set(event.id, ctx);

    if (isEntered(type)) {
      if (!ctx) return;
      const runs = stateGroup(d.name).iterations;
      let run = runs.get(ctx.key);
      if (!run) {
        run = { key: ctx.key, index: ctx.index };
        runs.set(ctx.key, run);
      }
      Object.assign(run, {
        status: type === 'FailStateEntered' ? 'FAILED' : 'IN_PROGRESS',
        input: d.input, output: undefined, error: undefined, cause: undefined, pendingError: false,
      });
      if (run.status === 'IN_PROGRESS') running.add(run);
      else running.delete(run);
      return;
    }
    if (isGroupFailure(type)) {
      const run = instance(groupOf(event, byId), ctx);
      if (run) {
        run.status = 'FAILED';
        run.pendingError = true;
        run.error = d.error ?? run.error;
        run.cause = d.cause ?? run.cause;
        running.delete(run);
      }
      return;
    }
    if (isExited(type)) {
      const run = instance(d.name, ctx);
      if (run) {
        settle(run, run.pendingError ? 'CAUGHT_ERROR' : 'SUCCEEDED');
        run.output = d.output;
      }
      return;
    }
    if (type.startsWith('Execution')) {
      const final = type === 'ExecutionAborted' ? 'CANCELLED'
        : type === 'ExecutionFailed' || type === 'ExecutionTimedOut' ? 'FAILED' : null;
      if (final) {
        allDirty = true;
        for (const run of [...running]) {
          settle(run, final);
          if (final === 'FAILED' && !run.error) {
            run.error = d.error;
            run.cause = d.cause;
          }
        }
        for (const it of mapRunning) it.status = final;
        mapRunning.clear();
      }
      return;
    }
    if (!ctx) return;
    const run = instance(stateOf(event, byId), ctx);
    if (!run) return;
    if (type.endsWith('StateAborted')) {
      settle(run, 'CANCELLED');
    } else if (isScheduled(type)) {
      run.pendingError = false;
    } else if (isStateFailure(type)) {
      run.error = d.error;
      run.cause = d.cause;
      run.pendingError = true;
    }
  }

  const snapshot = () => {
    const changed = allDirty ? [...Object.values(maps), ...Object.values(states)] : [...dirty];
    for (const g of changed) g.counts = countsOf(g.iterations);
    dirty.clear();
    allDirty = false;
    // Fresh wrappers, so views memoised on a group see that its iterations changed.
    const copy = (groups) => Object.fromEntries(Object.entries(groups).map(([k, g]) => [k, { ...g }]));
    return { maps: copy(maps), states: copy(states) };
  };

  return {
    add(events) {
      for (const event of events) apply(event);
      return this;
    },
    snapshot,
  };
}

/**
 * @param events history events in id order (AWS shape)
 * @returns {{maps: Record<string, {iterations: Map<string, object>, counts: object}>,
 *            states: Record<string, {iterations: Map<string, object>, counts: object}>}}
 */
export function deriveIterations(events) {
  return createIterationsDeriver().add(events).snapshot();
}

/** Number of iterations per status (every status of the contract, zeros included). */
export function countsOf(iterations) {
  const counts = Object.fromEntries(COUNTED.map((s) => [s, 0]));
  for (const it of iterations.values()) counts[it.status] = (counts[it.status] || 0) + 1;
  return counts;
}

/** The data-iteration-counts value: "SUCCEEDED=998,FAILED=2", non-zero counts in status order. */
export function countsAttribute(counts) {
  return COUNTED.filter((s) => counts && counts[s]).map((s) => `${s}=${counts[s]}`).join(',');
}

/** The text on a node: "998 succeeded · 2 failed · 0 running", other statuses when present. */
export function countsText(counts) {
  const c = counts || {};
  const parts = [`${c.SUCCEEDED || 0} succeeded`, `${c.FAILED || 0} failed`, `${c.IN_PROGRESS || 0} running`];
  if (c.CAUGHT_ERROR) parts.splice(2, 0, `${c.CAUGHT_ERROR} caught`);
  if (c.CANCELLED) parts.push(`${c.CANCELLED} cancelled`);
  return parts.join(' · ');
}

/** Iterations in index order (paths compared item by item), optionally of one status. */
export function sortedIterations(iterations, status) {
  const list = [...iterations.values()].filter((it) => !status || it.status === status);
  const path = (it) => it.key.split('.').map(Number);
  return list.sort((a, b) => {
    const pa = path(a);
    const pb = path(b);
    for (let i = 0; i < Math.min(pa.length, pb.length); i += 1) {
      if (pa[i] !== pb[i]) return pa[i] - pb[i];
    }
    return pa.length - pb.length;
  });
}
