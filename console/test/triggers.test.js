// Unit tests of the triggers page's helpers (node --test; no dependencies).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { concurrencyText, machineOf } from '../src/triggers.js';

const MACHINE = 'arn:aws:states:us-east-1:123456789012:stateMachine:Orders';

test('a version or alias target links to its state machine', () => {
  assert.equal(machineOf(MACHINE), MACHINE);
  assert.equal(machineOf(`${MACHINE}:3`), MACHINE);
  assert.equal(machineOf(`${MACHINE}:prod`), MACHINE);
});

test('the concurrency column shows running over limit, and nothing without a limit', () => {
  assert.equal(concurrencyText({ name: 't' }), null);
  assert.equal(concurrencyText({ maxConcurrency: 2 }), '– / 2');
  assert.equal(concurrencyText({ maxConcurrency: 2, metrics: { executionsRunning: 1 } }), '1 / 2');
});
