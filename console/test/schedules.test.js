// Unit tests of the schedules page helpers (node --test; no dependencies).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { machineOf, targetLabel } from '../src/schedules.js';

const MACHINE = 'arn:aws:states:us-east-1:123456789012:stateMachine:Cleanup';

test('a state machine target links to itself', () => {
  assert.equal(machineOf(MACHINE), MACHINE);
  assert.equal(targetLabel(MACHINE), 'Cleanup');
});

test('a version or alias target links to its state machine and shows its qualifier', () => {
  assert.equal(machineOf(`${MACHINE}:3`), MACHINE);
  assert.equal(machineOf(`${MACHINE}:prod`), MACHINE);
  assert.equal(targetLabel(`${MACHINE}:prod`), 'Cleanup:prod');
});
