// Unit tests of the ASL -> ELK graph (node --test).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { layout, toElk } from '../src/graph.js';

const definition = {
  StartAt: 'Check',
  States: {
    Check: { Type: 'Choice', Choices: [{ Variable: '$.x', IsPresent: true, Next: 'Fan' }], Default: 'Reject' },
    Fan: {
      Type: 'Parallel',
      Branches: [
        { StartAt: 'A1', States: { A1: { Type: 'Pass', Next: 'A2' }, A2: { Type: 'Pass', End: true } } },
        { StartAt: 'B1', States: { B1: { Type: 'Pass', End: true } } },
      ],
      Catch: [{ ErrorEquals: ['States.ALL'], Next: 'Reject' }],
      Next: 'Each',
    },
    Each: { Type: 'Map', ItemProcessor: { StartAt: 'Item', States: { Item: { Type: 'Pass', End: true } } }, End: true },
    Reject: { Type: 'Fail', Error: 'E' },
  },
};

test('one node per state, nested in Parallel branches and Map processors', () => {
  const { meta } = toElk(definition);
  const states = [...meta.values()].filter((m) => m.kind === 'state').map((m) => m.name).sort();
  assert.deepEqual(states, ['A1', 'A2', 'B1', 'Check', 'Each', 'Fan', 'Item', 'Reject']);
  assert.equal(meta.get('s:A1').parent, 'b:Fan:0');
  assert.equal(meta.get('s:Item').parent, 's:Each');
});

test('edges for Next, Choice rules, Default, Catch, start and end', () => {
  const { edges } = toElk(definition);
  const pairs = edges.map((e) => `${e.sources[0]}>${e.targets[0]}:${e.kind}`);
  for (const expected of ['start>s:Check:next', 's:Check>s:Fan:choice', 's:Check>s:Reject:choice',
    's:Fan>s:Reject:catch', 's:Fan>s:Each:next', 's:A1>s:A2:next', 's:Each>end:end', 's:Reject>end:end']) {
    assert.ok(pairs.includes(expected), `${expected} in ${pairs}`);
  }
});

test('a Next to an unknown state draws no edge', () => {
  const { edges } = toElk({ StartAt: 'A', States: { A: { Type: 'Pass', Next: 'Missing' } } });
  assert.ok(edges.every((e) => e.targets[0] !== 's:Missing'));
});

test('layout puts parents before children and routes every edge', async () => {
  const { nodes, edges } = await layout(definition);
  const index = new Map(nodes.map((n, i) => [n.id, i]));
  for (const n of nodes) {
    if (n.parentId) assert.ok(index.get(n.parentId) < index.get(n.id), `${n.parentId} before ${n.id}`);
  }
  assert.ok(edges.every((e) => Array.isArray(e.data.points) && e.data.points.length >= 2));
});

test('nested states know the Parallel or Map state around them', async () => {
  const { nodes } = await layout(definition);
  const parentOf = (name) => nodes.find((n) => n.id === `s:${name}`).data.parentState;
  assert.equal(parentOf('A1'), 'Fan');
  assert.equal(parentOf('B1'), 'Fan');
  assert.equal(parentOf('Item'), 'Each');
  assert.equal(parentOf('Check'), undefined);
});

test('with counts, a Map and the states inside it get room for iteration counts', async () => {
  const plain = await layout(definition);
  const counted = await layout(definition, { counts: true });
  const node = (laid, name) => laid.nodes.find((n) => n.id === `s:${name}`);
  assert.equal(node(counted, 'Item').height, node(plain, 'Item').height + 16);
  assert.equal(node(counted, 'Item').width, 300);
  assert.equal(node(counted, 'A1').height, node(plain, 'A1').height, 'a Parallel branch is no Map');
  assert.equal(node(counted, 'Item').data.inMap, true);
  assert.equal(node(counted, 'Each').data.isMap, true);
  assert.equal(node(counted, 'Check').data.inMap, false);
});
