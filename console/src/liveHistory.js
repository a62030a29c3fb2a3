// The derived views of a streamed history (statuses, Map iterations, timeline), kept up to date
// incrementally: each render applies only the events that arrived since the last one.
import { useMemo, useRef } from 'react';
import { createIterationsDeriver } from './iterations.js';
import { createStatesDeriver } from './status.js';
import { createTimelineDeriver, structureOf } from './timeline.js';

function derivers(failStates, structure) {
  return {
    failStates, structure, applied: 0, first: undefined,
    states: createStatesDeriver(failStates),
    iterations: createIterationsDeriver(),
    timeline: createTimelineDeriver(structure),
  };
}

/**
 * @param events the history so far, in id order; a stream only appends to it (a new array that
 *     does not start with the same event means a new stream, derived again from the start)
 * @param definition the parsed ASL definition, or null until it is loaded
 * @param failStates Fail state name -> {Error, Cause}
 */
export function useDerivedHistory(events, definition, failStates) {
  const structure = useMemo(() => structureOf(definition), [definition]);
  const ref = useRef(null);
  return useMemo(() => {
    let d = ref.current;
    const restarted = d && (events.length < d.applied || (d.applied > 0 && events[0] !== d.first));
    if (!d || restarted || d.failStates !== failStates || d.structure !== structure) {
      d = derivers(failStates, structure);
      ref.current = d;
    }
    const fresh = d.applied === 0 ? events : events.slice(d.applied);
    d.states.add(fresh);
    d.iterations.add(fresh);
    d.timeline.add(fresh);
    d.applied = events.length;
    d.first = events[0];
    return {
      derived: d.states.snapshot(),
      iterations: d.iterations.snapshot(),
      timeline: d.timeline.snapshot(),
      byId: d.states.byId,
    };
  }, [events, failStates, structure]);
}
