// Unit tests of the metrics dashboard's arithmetic (node --test).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { formatNumber, isBehind, pushSample, rate, ratesOf } from '../src/metrics.js';

const summary = (at, applied, tasks) => ({ at, processor: { applied }, tasks });

test('rates are counter deltas per second, none for the first reading or a new task', () => {
  const before = summary(1000, 100, [{ task: 'Resize', dispatched: 10, succeeded: 5, failed: 1 }]);
  const now = summary(3000, 300, [
    { task: 'Resize', dispatched: 50, succeeded: 35, failed: 3 },
    { task: 'Charge', dispatched: 4, succeeded: 0, failed: 0 },
  ]);

  const rates = ratesOf(now, before);

  assert.equal(rates.applied, 100);
  assert.deepEqual(rates.tasks.Resize, { dispatched: 20, completed: 16 });
  assert.deepEqual(rates.tasks.Charge, { dispatched: null, completed: null });
  assert.equal(ratesOf(now, null).applied, null);
  assert.equal(rate(5, 10, 1000), 0); // a restarted instance's counters start again
});

test('a group falls behind when its lag grows, a backlog stays, or nobody reads', () => {
  assert.equal(isBehind([0, 0, 0], 1), false);
  assert.equal(isBehind([100, 150, 200], 2), true);
  assert.equal(isBehind([500, 300, 120], 2), false);
  assert.equal(isBehind([3], 0), true);
  assert.equal(isBehind([1, 1, 1, 1, 1], 1), false);
  assert.equal(isBehind([400, 400, 400], 1), true);
  assert.equal(isBehind([7], 1), false);
});

test('samples keep the last thirty; numbers are grouped', () => {
  let list = [];
  for (let i = 0; i < 40; i += 1) list = pushSample(list, i);
  assert.equal(list.length, 30);
  assert.equal(list[0], 10);
  assert.equal(formatNumber(1234567), '1,234,567');
  assert.equal(formatNumber(2.345, 1), '2.3');
  assert.equal(formatNumber(null), '—');
});
