import { test } from 'node:test';
import assert from 'node:assert/strict';
import { traceIdOf } from '../src/trace.js';

test('reads the trace id of an X-Ray trace header', () => {
  assert.equal(traceIdOf('Root=1-5759e988-bd862e3fe1be46a994272793;Parent=53995c3f42cd8ad8;Sampled=1'),
    '5759e988bd862e3fe1be46a994272793');
});

test('reads the trace id of a W3C traceparent and refuses anything else', () => {
  assert.equal(traceIdOf('00-5759e988bd862e3fe1be46a994272793-53995c3f42cd8ad8-01'), '5759e988bd862e3fe1be46a994272793');
  assert.equal(traceIdOf('my own header'), null);
  assert.equal(traceIdOf(undefined), null);
});
