// Unit tests of the status derivation (node --test; no dependencies).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { deriveStates } from '../src/status.js';

let nextId = 0;
function history(...specs) {
  nextId = 0;
  return specs.map(([type, details, previous]) => {
    nextId += 1;
    const event = { id: nextId, previousEventId: previous ?? nextId - 1, type, timestamp: 1_700_000_000 + nextId / 10 };
    if (details) {
      const key = type.endsWith('StateEntered') ? 'stateEnteredEventDetails'
        : type.endsWith('StateExited') ? 'stateExitedEventDetails'
          : `${type[0].toLowerCase()}${type.slice(1)}EventDetails`;
      event[key] = details;
    }
    return event;
  });
}

test('a running Wait is IN_PROGRESS, later states NOT_STARTED (absent)', () => {
  const { states, execution } = deriveStates(history(
    ['ExecutionStarted', { input: '{}' }],
    ['PassStateEntered', { name: 'Prepare', input: '{}' }],
    ['PassStateExited', { name: 'Prepare', output: '{"a":1}' }],
    ['WaitStateEntered', { name: 'Esperar', input: '{"a":1}' }],
  ));
  assert.equal(states.Prepare.status, 'SUCCEEDED');
  assert.equal(states.Prepare.output, '{"a":1}');
  assert.equal(states.Esperar.status, 'IN_PROGRESS');
  assert.equal(states.Done, undefined);
  assert.equal(execution.status, 'RUNNING');
});

test('a retried task that succeeds counts its retries and succeeds', () => {
  const { states } = deriveStates(history(
    ['ExecutionStarted', {}],
    ['TaskStateEntered', { name: 'Call' }],
    ['LambdaFunctionScheduled', {}],
    ['LambdaFunctionStarted', {}],
    ['LambdaFunctionFailed', { error: 'Boom', cause: 'first' }],
    ['LambdaFunctionScheduled', {}],
    ['LambdaFunctionStarted', {}],
    ['LambdaFunctionSucceeded', { output: '{}' }],
    ['TaskStateExited', { name: 'Call', output: '{}' }],
  ));
  assert.equal(states.Call.status, 'SUCCEEDED');
  assert.equal(states.Call.retries, 1);
  assert.equal(states.Call.error, 'Boom');
});

test('a failure caught by a Catch is CAUGHT_ERROR', () => {
  const { states } = deriveStates(history(
    ['ExecutionStarted', {}],
    ['TaskStateEntered', { name: 'Call' }],
    ['TaskScheduled', {}],
    ['TaskFailed', { error: 'States.Timeout', cause: 'slow' }],
    ['TaskStateExited', { name: 'Call', output: '{"Error":"States.Timeout"}' }],
    ['PassStateEntered', { name: 'Recover' }],
  ));
  assert.equal(states.Call.status, 'CAUGHT_ERROR');
  assert.equal(states.Call.cause, 'slow');
  assert.equal(states.Recover.status, 'IN_PROGRESS');
});

test('an uncaught failure fails the running state and the execution', () => {
  const { states, execution } = deriveStates(history(
    ['ExecutionStarted', {}],
    ['TaskStateEntered', { name: 'Call' }],
    ['TaskScheduled', {}],
    ['TaskFailed', { error: 'Boom', cause: 'bad' }],
    ['ExecutionFailed', { error: 'Boom', cause: 'bad' }],
  ));
  assert.equal(states.Call.status, 'FAILED');
  assert.equal(states.Call.error, 'Boom');
  assert.deepEqual([execution.status, execution.error, execution.cause], ['FAILED', 'Boom', 'bad']);
});

test('a Fail state is FAILED; a stopped execution cancels running states', () => {
  const failed = deriveStates(history(
    ['ExecutionStarted', {}],
    ['FailStateEntered', { name: 'Reject' }],
    ['ExecutionFailed', { error: 'E', cause: 'C' }],
  ));
  assert.equal(failed.states.Reject.status, 'FAILED');
  assert.equal(failed.states.Reject.error, 'E');

  const stopped = deriveStates(history(
    ['ExecutionStarted', {}],
    ['WaitStateEntered', { name: 'Esperar' }],
    ['ExecutionAborted', { error: 'Stop' }],
  ));
  assert.equal(stopped.states.Esperar.status, 'CANCELLED');
  assert.equal(stopped.execution.status, 'ABORTED');
});

test('parallel branches attribute events through previousEventId, not order', () => {
  const { states } = deriveStates(history(
    ['ExecutionStarted', {}],
    ['ParallelStateEntered', { name: 'Fan' }],
    ['TaskStateEntered', { name: 'A' }, 2],
    ['TaskStateEntered', { name: 'B' }, 2],
    ['TaskScheduled', {}, 3],
    ['TaskScheduled', {}, 4],
    ['TaskFailed', { error: 'BErr', cause: 'b' }, 6],
    ['TaskSucceeded', {}, 5],
    ['TaskStateExited', { name: 'A' }, 8],
  ));
  assert.equal(states.A.status, 'SUCCEEDED');
  assert.equal(states.A.error, undefined);
  assert.equal(states.B.error, 'BErr');
  assert.equal(states.Fan.status, 'IN_PROGRESS');
});

test('a Parallel whose branch fails and whose Catch moves on is CAUGHT_ERROR with the branch error', () => {
  const { states } = deriveStates(history(
    ['ExecutionStarted', {}],
    ['ParallelStateEntered', { name: 'Enrich' }],
    ['ParallelStateStarted', null],
    ['PassStateEntered', { name: 'Geo' }, 3],
    ['PassStateExited', { name: 'Geo' }, 4],
    ['FailStateEntered', { name: 'Credit' }, 3],
    ['ParallelStateFailed', null, 6],
    ['ParallelStateExited', { name: 'Enrich' }, 7],
    ['PassStateEntered', { name: 'Fallback' }, 8],
  ), { Credit: { Error: 'Credit.Unavailable', Cause: 'bureau timeout' } });
  assert.equal(states.Enrich.status, 'CAUGHT_ERROR');
  assert.equal(states.Enrich.error, 'Credit.Unavailable');
  assert.equal(states.Credit.status, 'FAILED');
  assert.equal(states.Credit.cause, 'bureau timeout');
  assert.equal(states.Geo.status, 'SUCCEEDED');
});

test('an outer Parallel failure skips a nested Parallel that failed first', () => {
  const { states } = deriveStates(history(
    ['ExecutionStarted', {}],
    ['ParallelStateEntered', { name: 'Outer' }],
    ['ParallelStateStarted', null],
    ['ParallelStateEntered', { name: 'Inner' }, 3],
    ['ParallelStateStarted', null, 4],
    ['TaskStateEntered', { name: 'Call' }, 5],
    ['TaskScheduled', {}, 6],
    ['TaskFailed', { error: 'Boom', cause: 'x' }, 7],
    ['ParallelStateFailed', null, 8],
    ['ParallelStateFailed', null, 9],
    ['ParallelStateExited', { name: 'Outer' }, 10],
  ));
  assert.equal(states.Outer.status, 'CAUGHT_ERROR');
  assert.equal(states.Outer.error, 'Boom');
  assert.equal(states.Inner.status, 'FAILED');
  assert.equal(states.Inner.error, 'Boom');
});

test('a state aborted with its branch is CANCELLED', () => {
  const { states } = deriveStates(history(
    ['ExecutionStarted', {}],
    ['ParallelStateEntered', { name: 'Fan' }],
    ['TaskStateEntered', { name: 'Slow' }, 2],
    ['TaskStateAborted', {}, 3],
  ));
  assert.equal(states.Slow.status, 'CANCELLED');
});
