// Unit tests of the timeline derivation and of the incremental derivers (node --test).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createIterationsDeriver, deriveIterations } from '../src/iterations.js';
import { createStatesDeriver, deriveStates } from '../src/status.js';
import { aggregateStatus, createTimelineDeriver, deriveTimeline, rowsOf, structureOf, ticksOf } from '../src/timeline.js';
import { builder as historyBuilder } from './support/historyBuilder.js';

const T0 = 1_700_000_000_000;

test('a Task retried twice is one bar with three attempts, the failed ones marked', () => {
  const { events, append } = historyBuilder(10);
  append('ExecutionStarted', {}, 0, 0);
  append('TaskStateEntered', { name: 'Call' }, undefined, 10);
  append('TaskScheduled', {}, undefined, 20);
  append('TaskFailed', { error: 'Boom' }, undefined, 120);
  append('TaskScheduled', {}, undefined, 1120);
  append('TaskFailed', { error: 'Boom' }, undefined, 1200);
  append('TaskScheduled', {}, undefined, 3200);
  append('TaskSucceeded', {}, undefined, 3300);
  append('TaskStateExited', { name: 'Call' }, undefined, 3310);
  append('ExecutionSucceeded', {}, undefined, 3320);

  const timeline = deriveTimeline(events, {});
  const [{ row }] = rowsOf(timeline);

  assert.equal(row.name, 'Call');
  assert.equal(row.status, 'SUCCEEDED');
  assert.deepEqual([row.start - T0, row.end - T0], [10, 3310]);
  assert.deepEqual(row.attempts.map((a) => [a.start - T0, a.end - T0, a.status]),
    [[20, 120, 'FAILED'], [1120, 1200, 'FAILED'], [3200, 3300, 'SUCCEEDED']]);
  assert.equal(timeline.end - timeline.start, 3320);
});

test('a state entered twice in a loop gets a bar per entry; a caught failure is CAUGHT_ERROR', () => {
  const { events, append } = historyBuilder(10);
  append('ExecutionStarted', {});
  for (let i = 0; i < 2; i += 1) {
    append('PassStateEntered', { name: 'Step' });
    append('PassStateExited', { name: 'Step' });
  }
  append('TaskStateEntered', { name: 'Risky' });
  append('TaskScheduled', {});
  append('TaskFailed', { error: 'Boom' });
  append('TaskStateExited', { name: 'Risky' });
  append('FailStateEntered', { name: 'Give up' });
  append('ExecutionFailed', { error: 'Boom' });

  const rows = rowsOf(deriveTimeline(events, {})).map(({ row }) => [row.name, row.entry, row.status]);

  assert.deepEqual(rows, [['Step', 1, 'SUCCEEDED'], ['Step', 2, 'SUCCEEDED'], ['Risky', 1, 'CAUGHT_ERROR'], ['Give up', 1, 'FAILED']]);
});

test('branch states are rows under their Parallel; a stopped execution cancels the running ones', () => {
  const definition = {
    States: {
      Both: { Type: 'Parallel', Branches: [{ States: { Left: { Type: 'Wait' } } }, { States: { Right: { Type: 'Pass' } } }] },
    },
  };
  const { events, append } = historyBuilder(10);
  append('ExecutionStarted', {});
  const entered = append('ParallelStateEntered', { name: 'Both' });
  append('WaitStateEntered', { name: 'Left' }, entered);
  const right = append('PassStateEntered', { name: 'Right' }, entered);
  append('PassStateExited', { name: 'Right' }, right);
  append('ExecutionAborted', {});

  const rows = rowsOf(deriveTimeline(events, structureOf(definition)))
    .map(({ row, depth }) => [row.name, depth, row.parent?.name, row.status]);

  assert.deepEqual(rows, [['Both', 0, undefined, 'CANCELLED'], ['Left', 1, 'Both', 'CANCELLED'], ['Right', 1, 'Both', 'SUCCEEDED']]);
});

test('the states of a Map over 1,000 items are one aggregate row each, with their runs', () => {
  const definition = {
    States: { Each: { Type: 'Map', ItemProcessor: { States: { Item: { Type: 'Task' } } } } },
  };
  const { events, append } = historyBuilder(10);
  append('ExecutionStarted', {});
  const entered = append('MapStateEntered', { name: 'Each' });
  let last = entered;
  for (let i = 0; i < 1000; i += 1) {
    const started = append('MapIterationStarted', { name: 'Each', index: i }, entered);
    const item = append('TaskStateEntered', { name: 'Item' }, started);
    const scheduled = append('TaskScheduled', {}, item);
    if (i === 7) {
      last = append('MapIterationFailed', { name: 'Each', index: i }, append('TaskFailed', { error: 'Boom' }, scheduled));
    } else {
      const exited = append('TaskStateExited', { name: 'Item' }, append('TaskSucceeded', {}, scheduled));
      last = append('MapIterationSucceeded', { name: 'Each', index: i }, exited);
    }
  }
  append('MapStateFailed', { error: 'Boom' }, last);
  append('MapStateExited', { name: 'Each' });
  append('ExecutionSucceeded', {});

  const rows = rowsOf(deriveTimeline(events, structureOf(definition)));
  const iterations = deriveIterations(events);

  assert.equal(rows.length, 2);
  const [map, item] = rows.map((r) => r.row);
  assert.equal(map.status, 'CAUGHT_ERROR');
  assert.equal(item.aggregate, true);
  assert.equal(item.runs, 1000);
  assert.equal(item.parent, map);
  assert.notEqual(item.end, null);
  assert.equal(aggregateStatus(item, iterations.states.Item.counts), 'FAILED');
});

test('rowsOf stops at its limit; ticks use round steps', () => {
  const { events, append } = historyBuilder(10);
  append('ExecutionStarted', {});
  for (let i = 0; i < 50; i += 1) append('PassStateEntered', { name: `S${i}` });
  assert.equal(rowsOf(deriveTimeline(events, {}), 20).length, 20);
  assert.deepEqual(ticksOf(10_000), [0, 2000, 4000, 6000, 8000, 10000]);
  assert.deepEqual(ticksOf(450), [0, 100, 200, 300, 400]);
});

test('applying a history in streamed batches gives what deriving it at once gives', () => {
  const { events, append } = historyBuilder(10);
  append('ExecutionStarted', {});
  const entered = append('MapStateEntered', { name: 'Each' });
  for (let i = 0; i < 300; i += 1) {
    const started = append('MapIterationStarted', { name: 'Each', index: i }, entered);
    const item = append('TaskStateEntered', { name: 'Item' }, started);
    const scheduled = append('TaskScheduled', {}, item);
    const failed = append('TaskFailed', { error: 'Flaky' }, scheduled);
    const again = append('TaskScheduled', {}, failed);
    if (i % 50 === 3) continue; // still running
    const exited = append('TaskStateExited', { name: 'Item' }, append('TaskSucceeded', {}, again));
    append('MapIterationSucceeded', { name: 'Each', index: i }, exited);
  }
  append('ExecutionFailed', { error: 'States.Timeout' });
  const structure = { Item: { parent: 'Each', mapRoot: 'Each' }, Each: {} };

  const states = createStatesDeriver();
  const iterations = createIterationsDeriver();
  const timeline = createTimelineDeriver(structure);
  for (let from = 0; from < events.length; from += 97) {
    const batch = events.slice(from, from + 97);
    states.add(batch);
    iterations.add(batch);
    timeline.add(batch);
    iterations.snapshot(); // a page snapshots after every batch
  }

  assert.deepEqual(states.snapshot(), deriveStates(events));
  assert.deepEqual(iterations.snapshot(), deriveIterations(events));
  assert.deepEqual(rowsOf(timeline.snapshot()).length, rowsOf(deriveTimeline(events, structure)).length);
  assert.equal(iterations.snapshot().maps.Each.counts.FAILED, 6);
});
