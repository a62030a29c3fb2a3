// Unit tests of the parent/child links of nested executions (node --test; no dependencies).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { childExecutions, startedBy } from '../src/nested.js';

const PARENT = 'arn:aws:states:us-east-1:123456789012:execution:Orders:o-1';
const CHILD = 'arn:aws:states:us-east-1:123456789012:execution:Ship:3f1c';

test('the child names its parent through AWS_STEP_FUNCTIONS_STARTED_BY_EXECUTION_ID', () => {
  assert.equal(startedBy(JSON.stringify({ AWS_STEP_FUNCTIONS_STARTED_BY_EXECUTION_ID: PARENT, n: 1 })), PARENT);
  assert.equal(startedBy({ AWS_STEP_FUNCTIONS_STARTED_BY_EXECUTION_ID: PARENT }), PARENT);
  assert.equal(startedBy('{"n":1}'), null);
  assert.equal(startedBy('not json'), null);
  assert.equal(startedBy({ AWS_STEP_FUNCTIONS_STARTED_BY_EXECUTION_ID: 'free text' }), null);
});

test('the parent lists each child once, from TaskSubmitted or a request-response TaskSucceeded', () => {
  const submitted = { resourceType: 'states', resource: 'startExecution.sync:2', output: JSON.stringify({ ExecutionArn: CHILD, StartDate: 1 }) };
  const events = [
    { id: 5, type: 'TaskSubmitted', taskSubmittedEventDetails: submitted },
    { id: 6, type: 'TaskSucceeded', taskSucceededEventDetails: { ...submitted, output: JSON.stringify({ ExecutionArn: CHILD, Status: 'SUCCEEDED' }) } },
    { id: 7, type: 'TaskSucceeded', taskSucceededEventDetails: { resourceType: 'sns', resource: 'publish', output: '{"MessageId":"m"}' } },
    { id: 8, type: 'TaskSucceeded', taskSucceededEventDetails: { resourceType: 'states', resource: 'startExecution', output: JSON.stringify({ ExecutionArn: `${CHILD}-2` }) } },
  ];
  assert.deepEqual(childExecutions(events, (e) => `S${e.id}`), [{ arn: CHILD, state: 'S5' }, { arn: `${CHILD}-2`, state: 'S8' }]);
  assert.deepEqual(childExecutions([]), []);
});
