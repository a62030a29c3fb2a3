import { test } from 'node:test';
import assert from 'node:assert/strict';
import { eventsUrl, aws } from '../src/api.js';

function withStorage(value, fn) {
  const previous = globalThis.localStorage;
  globalThis.localStorage = { getItem: (k) => (k === 'stepstream.bearer' ? value : null) };
  return Promise.resolve(fn()).finally(() => { globalThis.localStorage = previous; });
}

test('the events URL carries the stored bearer as access_token, and nothing without one', async () => {
  await withStorage('SSAKID:se/cret', () => {
    assert.equal(eventsUrl('arn:x'), '/api/executions/arn%3Ax/events?access_token=SSAKID%3Ase%2Fcret');
  });
  await withStorage(null, () => assert.equal(eventsUrl('arn:x'), '/api/executions/arn%3Ax/events'));
});

test('AWS calls send the stored bearer in Authorization', async () => {
  const previousFetch = globalThis.fetch;
  let sent;
  globalThis.fetch = async (url, init) => { sent = init; return new Response('{}', { status: 200 }); };
  try {
    await withStorage('SSAKID:secret', () => aws('ListStateMachines', {}));
    assert.equal(sent.headers.Authorization, 'Bearer SSAKID:secret');
  } finally {
    globalThis.fetch = previousFetch;
  }
});
