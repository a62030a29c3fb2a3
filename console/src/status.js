// Per-state status of an execution, derived from its AWS-shaped history events alone, so the
// same function serves a finished history and a live Server-Sent Events stream.
//
// Status values (the contract of docs/console.md):
//   NOT_STARTED  no event names the state
//   IN_PROGRESS  entered, not yet exited
//   SUCCEEDED    exited without an uncaught error
//   FAILED       the execution failed (or timed out) while the state ran, or a Fail state
//   CAUGHT_ERROR the state failed and a Catch moved on
//   CANCELLED    the execution was stopped while the state ran, or its branch was aborted
import { toMillis } from './format.js';

export const STATUSES = ['NOT_STARTED', 'IN_PROGRESS', 'SUCCEEDED', 'FAILED', 'CAUGHT_ERROR', 'CANCELLED'];

export const isEntered = (type) => type.endsWith('StateEntered');
export const isExited = (type) => type.endsWith('StateExited');
export const isScheduled = (type) => /(Scheduled)$/.test(type) && !type.startsWith('Execution');
export const isGroupFailure = (type) => type === 'ParallelStateFailed' || type === 'MapStateFailed';
const isGroupEntered = (type) => type === 'ParallelStateEntered' || type === 'MapStateEntered';
export const isStateFailure = (type) =>
  /(Failed|TimedOut|StartFailed|ScheduleFailed|SubmitFailed)$/.test(type)
  && !type.startsWith('Execution') && !type.startsWith('MapIteration') && !isGroupFailure(type);

export function details(event) {
  const key = Object.keys(event).find((k) => k.endsWith('EventDetails'));
  return key ? event[key] : undefined;
}

/** The state an event belongs to: follow previousEventId back to the nearest StateEntered. */
export function stateOf(event, byId) {
  let current = event;
  for (let hops = 0; current && hops < 10_000; hops += 1) {
    if (isEntered(current.type)) return current.stateEnteredEventDetails?.name;
    if (isExited(current.type)) return current === event ? current.stateExitedEventDetails?.name : undefined;
    current = byId.get(current.previousEventId);
  }
  return undefined;
}

/**
 * The Parallel or Map state a ParallelStateFailed/MapStateFailed closes: its events chain back
 * through the failing branch, so skip over nested groups that were closed on the way.
 */
export function groupOf(event, byId) {
  let depth = 0;
  let current = byId.get(event.previousEventId);
  for (let hops = 0; current && hops < 100_000; hops += 1) {
    if (isGroupFailure(current.type) || current.type === 'ParallelStateExited' || current.type === 'MapStateExited') {
      depth += 1;
    } else if (isGroupEntered(current.type)) {
      if (depth === 0) return current.stateEnteredEventDetails?.name;
      depth -= 1;
    }
    current = byId.get(current.previousEventId);
  }
  return undefined;
}

function fresh(name) {
  return {
    name, status: 'NOT_STARTED', input: undefined, output: undefined, error: undefined, cause: undefined,
    retries: 0, attempts: 0, entries: 0, enteredAt: null, exitedAt: null, pendingError: false, events: [],
  };
}

/**
 * Derives the statuses incrementally: `add` applies a batch of newly streamed events to the
 * derived state (each event is looked at once), `snapshot` returns it with fresh outer objects,
 * so a live page never walks the whole history again.
 *
 * @param failStates optional map Fail state name -> {Error, Cause} from the definition (a Fail
 *     state's events do not carry them)
 */
export function createStatesDeriver(failStates = {}) {
  const byId = new Map();
  let lastError = {};
  const states = {};
  const execution = { status: 'UNKNOWN' };
  const get = (name) => (states[name] ||= fresh(name));
  const running = () => Object.values(states).filter((s) => s.status === 'IN_PROGRESS');

  function apply(event) {
    byId.set(event.id, event);
    if (execution.status === 'UNKNOWN') execution.status = 'RUNNING';
    const type = event.type;
    const d = details(event) || {};
    const at = toMillis(event.timestamp);
    if (isEntered(type)) {
      const s = get(d.name);
      s.status = type === 'FailStateEntered' ? 'FAILED' : 'IN_PROGRESS';
      s.input = d.input;
      s.entries += 1;
      s.attempts = 0;
      s.retries = 0;
      s.pendingError = false;
      s.error = undefined;
      s.cause = undefined;
      s.enteredAt = at;
      s.exitedAt = type === 'FailStateEntered' ? at : null;
      s.type = type.replace(/StateEntered$/, '');
      s.events.push(event.id);
      if (type === 'FailStateEntered' && failStates[d.name]) {
        s.error = failStates[d.name].Error;
        s.cause = failStates[d.name].Cause;
        lastError = { error: s.error, cause: s.cause };
      }
      return;
    }
    if (isGroupFailure(type)) {
      const group = groupOf(event, byId);
      if (group) {
        const g = get(group);
        // FAILED until an Exit shows that a Catch took it (CAUGHT_ERROR); a nested group that
        // failed into its parent is never exited.
        g.status = 'FAILED';
        g.pendingError = true;
        g.error = d.error || lastError.error;
        g.cause = d.cause || lastError.cause;
        g.events.push(event.id);
        lastError = { error: g.error, cause: g.cause };
      }
      return;
    }
    if (isExited(type)) {
      const s = get(d.name);
      s.status = s.pendingError ? 'CAUGHT_ERROR' : 'SUCCEEDED';
      s.output = d.output;
      s.exitedAt = at;
      s.events.push(event.id);
      return;
    }
    const name = stateOf(event, byId);
    const s = name ? get(name) : undefined;
    if (s) s.events.push(event.id);
    if (s && type.endsWith('StateAborted')) {
      s.status = 'CANCELLED';
      s.exitedAt = at;
    } else if (s && isScheduled(type)) {
      s.attempts += 1;
      if (s.attempts > 1) s.retries = s.attempts - 1;
      s.pendingError = false;
    } else if (s && isStateFailure(type)) {
      s.error = d.error;
      s.cause = d.cause;
      s.pendingError = true;
      lastError = { error: d.error, cause: d.cause };
    }
    switch (type) {
      case 'ExecutionSucceeded':
        execution.status = 'SUCCEEDED';
        break;
      case 'ExecutionFailed':
      case 'ExecutionTimedOut':
        execution.status = type === 'ExecutionFailed' ? 'FAILED' : 'TIMED_OUT';
        execution.error = d.error;
        execution.cause = d.cause;
        for (const r of running()) {
          r.status = 'FAILED';
          r.exitedAt = at;
          if (!r.error) {
            r.error = d.error;
            r.cause = d.cause;
          }
        }
        if (s && s.status === 'FAILED' && !s.error) {
          s.error = d.error;
          s.cause = d.cause;
        }
        break;
      case 'ExecutionAborted':
        execution.status = 'ABORTED';
        execution.error = d.error;
        execution.cause = d.cause;
        for (const r of running()) {
          r.status = 'CANCELLED';
          r.exitedAt = at;
        }
        break;
      case 'ExecutionRedriven':
        execution.status = 'RUNNING';
        break;
      default:
        break;
    }
  }

  return {
    byId,
    add(events) {
      for (const event of events) apply(event);
      return this;
    },
    snapshot: () => ({ states: { ...states }, execution: { ...execution } }),
  };
}

/**
 * @param events history events in id order (AWS shape)
 * @param failStates optional map Fail state name -> {Error, Cause} from the definition
 * @returns {{states: Record<string, object>, execution: {status: string, error?: string, cause?: string}}}
 */
export function deriveStates(events, failStates = {}) {
  return createStatesDeriver(failStates).add(events).snapshot();
}

/** The AWS history events for one state's detail panel (looked up by id when `byId` is given). */
export function eventsOfState(events, state, byId) {
  if (!state) return [];
  if (byId) return state.events.map((id) => byId.get(id)).filter(Boolean);
  const ids = new Set(state.events);
  return events.filter((e) => ids.has(e.id));
}

/** The state an event is shown under in the history table. */
export function stepOf(event, byId) {
  if (event.type.startsWith('Execution')) return undefined;
  return isGroupFailure(event.type) ? groupOf(event, byId) : stateOf(event, byId);
}
