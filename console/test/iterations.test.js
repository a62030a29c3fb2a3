// Unit tests of the Map iteration derivation (node --test; no dependencies).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { countsAttribute, countsText, deriveIterations, sortedIterations } from '../src/iterations.js';
import { builder as historyBuilder } from './support/historyBuilder.js';

/** The engine's shape: a Map "Each" whose processor is one Task "Item" per item. */
function mapOver(n, outcome = () => 'ok') {
  const { events, append } = historyBuilder();
  append('ExecutionStarted', {});
  const entered = append('MapStateEntered', { name: 'Each', input: '[]' });
  append('MapStateStarted', { length: n });
  let last = 0;
  for (let i = 0; i < n; i += 1) {
    const started = append('MapIterationStarted', { name: 'Each', index: i }, entered);
    const item = append('TaskStateEntered', { name: 'Item', input: `${i}` }, started);
    const scheduled = append('TaskScheduled', {}, item);
    if (outcome(i) === 'fail') {
      const failed = append('TaskFailed', { error: 'Boom', cause: `item ${i}` }, scheduled);
      last = append('MapIterationFailed', { name: 'Each', index: i }, failed);
    } else if (outcome(i) === 'running') {
      // still running: nothing more
    } else {
      const done = append('TaskSucceeded', {}, scheduled);
      const exited = append('TaskStateExited', { name: 'Item', output: `${i}` }, done);
      last = append('MapIterationSucceeded', { name: 'Each', index: i }, exited);
    }
  }
  return { events, append, last };
}

test('a Map over 1,000 items counts its iterations and each inner state per status', () => {
  const { events, append, last } = mapOver(1000, (i) => (i === 17 || i === 640 ? 'fail' : 'ok'));
  append('MapStateSucceeded', null, last);
  append('MapStateExited', { name: 'Each' });
  append('ExecutionSucceeded', {});

  const { maps, states } = deriveIterations(events);

  assert.equal(maps.Each.counts.SUCCEEDED, 998);
  assert.equal(maps.Each.counts.FAILED, 2);
  assert.equal(maps.Each.counts.IN_PROGRESS, 0);
  assert.equal(countsAttribute(maps.Each.counts), 'SUCCEEDED=998,FAILED=2');
  assert.equal(countsText(maps.Each.counts), '998 succeeded · 2 failed · 0 running');
  assert.equal(states.Item.counts.SUCCEEDED, 998);
  assert.equal(states.Item.counts.FAILED, 2);
  assert.equal(states.Item.iterations.get('640').error, 'Boom');
  assert.equal(states.Item.iterations.get('640').cause, 'item 640');
  assert.equal(states.Item.iterations.get('3').output, '3');
  assert.equal(states.Each, undefined, 'the Map state itself is outside every iteration');
});

test('running iterations are IN_PROGRESS and become FAILED when the execution fails', () => {
  const { events, append } = mapOver(5, (i) => (i >= 3 ? 'running' : 'ok'));
  let result = deriveIterations(events);
  assert.equal(countsAttribute(result.maps.Each.counts), 'IN_PROGRESS=2,SUCCEEDED=3');
  assert.equal(countsText(result.states.Item.counts), '3 succeeded · 0 failed · 2 running');

  append('ExecutionFailed', { error: 'States.Timeout', cause: 'late' });
  result = deriveIterations(events);
  assert.equal(countsAttribute(result.maps.Each.counts), 'SUCCEEDED=3,FAILED=2');
  assert.equal(result.states.Item.iterations.get('4').error, 'States.Timeout');
});

test('an aborted iteration cancels its running states', () => {
  const { events, append } = mapOver(2, (i) => (i === 1 ? 'running' : 'ok'));
  append('MapIterationAborted', { name: 'Each', index: 1 }, 2);
  const { maps, states } = deriveIterations(events);
  assert.equal(countsAttribute(maps.Each.counts), 'SUCCEEDED=1,CANCELLED=1');
  assert.equal(states.Item.iterations.get('1').status, 'CANCELLED');
});

test('a failure caught inside the processor is CAUGHT_ERROR for that iteration only', () => {
  const { events, append } = historyBuilder();
  append('ExecutionStarted', {});
  const entered = append('MapStateEntered', { name: 'Each' });
  for (let i = 0; i < 2; i += 1) {
    const started = append('MapIterationStarted', { name: 'Each', index: i }, entered);
    const call = append('TaskStateEntered', { name: 'Call' }, started);
    const scheduled = append('TaskScheduled', {}, call);
    const result = i === 0
      ? append('TaskFailed', { error: 'Boom', cause: 'x' }, scheduled)
      : append('TaskSucceeded', {}, scheduled);
    const exited = append('TaskStateExited', { name: 'Call' }, result);
    append('MapIterationSucceeded', { name: 'Each', index: i }, exited);
  }
  const { states } = deriveIterations(events);
  assert.equal(states.Call.iterations.get('0').status, 'CAUGHT_ERROR');
  assert.equal(states.Call.iterations.get('1').status, 'SUCCEEDED');
  assert.equal(countsAttribute(states.Call.counts), 'SUCCEEDED=1,CAUGHT_ERROR=1');
});

test('a Map nested in a Map keys its iterations by path; the outer Map counts its own', () => {
  const { events, append } = historyBuilder();
  append('ExecutionStarted', {});
  const outer = append('MapStateEntered', { name: 'Outer' });
  let lastOuter = outer;
  for (let i = 0; i < 2; i += 1) {
    const started = append('MapIterationStarted', { name: 'Outer', index: i }, outer);
    const inner = append('MapStateEntered', { name: 'Inner' }, started);
    let last = inner;
    for (let j = 0; j < 3; j += 1) {
      const s = append('MapIterationStarted', { name: 'Inner', index: j }, inner);
      const e = append('PassStateEntered', { name: 'Leaf' }, s);
      const x = append('PassStateExited', { name: 'Leaf' }, e);
      last = append('MapIterationSucceeded', { name: 'Inner', index: j }, x);
    }
    const ok = append('MapStateSucceeded', null, last);
    const exited = append('MapStateExited', { name: 'Inner' }, ok);
    const after = append('PassStateEntered', { name: 'After' }, exited);
    const afterExit = append('PassStateExited', { name: 'After' }, after);
    lastOuter = append('MapIterationSucceeded', { name: 'Outer', index: i }, afterExit);
  }
  append('MapStateExited', { name: 'Outer' }, lastOuter);

  const { maps, states } = deriveIterations(events);
  assert.equal(countsAttribute(maps.Outer.counts), 'SUCCEEDED=2');
  assert.equal(countsAttribute(maps.Inner.counts), 'SUCCEEDED=6');
  assert.deepEqual(sortedIterations(states.Leaf.iterations).map((it) => it.key), ['0.0', '0.1', '0.2', '1.0', '1.1', '1.2']);
  assert.deepEqual([...states.After.iterations.keys()], ['0', '1'], 'a state after the inner Map is in the outer iteration');
  assert.deepEqual([...states.Inner.iterations.keys()], ['0', '1']);
});

test('iterations sort by index, not as text, and filter by status', () => {
  const { events } = mapOver(12, (i) => (i % 5 === 0 ? 'fail' : 'ok'));
  const { maps } = deriveIterations(events);
  assert.deepEqual(sortedIterations(maps.Each.iterations).slice(0, 3).map((it) => it.index), [0, 1, 2]);
  assert.deepEqual(sortedIterations(maps.Each.iterations, 'FAILED').map((it) => it.index), [0, 5, 10]);
});

test('10,000 iterations derive into one aggregate with every iteration counted', () => {
  // Speed is measured by ConsoleFiguresIT (docs/performance.md), not asserted here: a timed unit
  // test fails on a loaded machine without anything being wrong.
  const { events } = mapOver(10_000);
  const { maps } = deriveIterations(events);
  assert.equal(maps.Each.counts.SUCCEEDED, 10_000);
});
