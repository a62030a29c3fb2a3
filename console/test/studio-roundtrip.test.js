// Round trip of the Studio model: definition -> graph -> definition gives back the same JSON
// (canonical formatting, key order included) for the repo's definitions and 500 generated ones.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { definitionOf, formatDefinition, graphOf, parseDefinitionText } from '../src/studio/document.js';
import { generateDefinition, typesIn } from './support/aslGenerator.js';

const repo = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

function filesUnder(dir, out = []) {
  let entries = [];
  try { entries = readdirSync(dir); } catch { return out; }
  for (const e of entries) {
    if (e === 'node_modules' || e === 'target' || e.startsWith('.')) continue;
    const p = join(dir, e);
    if (statSync(p).isDirectory()) filesUnder(p, out);
    else if (e.endsWith('.json')) out.push(p);
  }
  return out;
}

/** ASL definitions in examples/ and the modules' test resources: a file that is one, or holds one under "definition". */
function repoDefinitions() {
  const files = [...filesUnder(join(repo, 'examples'))];
  for (const module of readdirSync(repo)) {
    files.push(...filesUnder(join(repo, module, 'src', 'test', 'resources')));
  }
  const found = [];
  for (const file of files) {
    const { definition } = parseDefinitionText(readFileSync(file, 'utf8'));
    if (!definition) continue; // not JSON: intentionally invalid fixtures
    let def = definition;
    if (!def.States && def.definition !== undefined) {
      def = typeof def.definition === 'string' ? parseDefinitionText(def.definition).definition : def.definition;
    }
    if (def && typeof def === 'object' && def.States) found.push({ name: relative(repo, file), def });
  }
  return found;
}

function assertRoundTrip(def, name) {
  const before = formatDefinition(def);
  const graph = graphOf(def);
  assert.equal(formatDefinition(definitionOf(graph)), before, `round trip of ${name}`);
  assert.equal(formatDefinition(def), before, `graphOf must not mutate ${name}`);
}

test('every definition of examples/ and the test resources survives definition -> graph -> definition', () => {
  const defs = repoDefinitions();
  assert.ok(defs.length >= 100, `found only ${defs.length} definitions`);
  assert.ok(defs.some((d) => d.name.startsWith('examples/')));
  for (const { name, def } of defs) assertRoundTrip(def, name);
});

test('500 generated definitions covering every state type survive the round trip', () => {
  const types = new Set();
  const fields = new Set();
  for (let seed = 1; seed <= 500; seed += 1) {
    const def = generateDefinition(seed);
    typesIn(def).forEach((t) => types.add(t));
    JSON.stringify(def, (k, v) => { fields.add(k); return v; });
    assertRoundTrip(def, `generated #${seed}`);
  }
  assert.deepEqual([...types].sort(), ['Choice', 'Fail', 'Map', 'Parallel', 'Pass', 'Succeed', 'Task', 'Wait']);
  for (const f of ['Retry', 'Catch', 'And', 'Or', 'Not', 'Condition', 'SecondsPath', 'TimestampPath', 'ItemProcessor',
    'Iterator', 'ItemReader', 'ItemBatcher', 'ResultWriter', 'ProcessorConfig', 'Assign', 'Arguments', 'Output',
    'x-ui', 'ResultSelector', 'Default', 'Branches', 'Credentials', 'HeartbeatSeconds', 'HeartbeatSecondsPath', 'ErrorPath',
    'CausePath', 'TimeoutSecondsPath', 'MaxConcurrencyPath', 'ToleratedFailurePercentagePath', 'WriterConfig', 'ItemSelector',
    'Label', 'Iterator', 'Timestamp', 'Seconds', 'InputPath', 'OutputPath', 'ResultPath', 'Result', 'Parameters', 'Items', 'ItemsPath']) {
    assert.ok(fields.has(f), `the generator never produced ${f}`);
  }
});

test('graph nodes hold the fields without transitions, and edges the transitions', () => {
  const def = generateDefinition(7);
  const { nodes, edges } = graphOf(def);
  for (const n of nodes.filter((x) => x.kind === 'state' && !x.raw)) {
    assert.equal(n.fields.Next, undefined);
    assert.notEqual(n.fields.End, true);
    assert.equal(n.fields.Branches, undefined);
    assert.equal(n.fields.ItemProcessor, undefined);
    for (const rule of n.type === 'Choice' ? n.fields.Choices : []) assert.equal(rule.Next, undefined);
    for (const c of n.fields.Catch || []) assert.equal(c.Next, undefined);
  }
  for (const e of edges) assert.ok(nodes.some((n) => n.id === e.source));
});

test('a state that is not an object, a dangling Next and a duplicate name still round-trip', () => {
  const def = {
    StartAt: 'A',
    States: {
      A: { Type: 'Pass', Next: 'Nowhere', End: false },
      B: 'not a state',
      P: { Type: 'Parallel', Branches: [{ StartAt: 'A', States: { A: { Type: 'Pass', End: true } } }, { Comment: 'no states' }], End: true },
      M: { Type: 'Map', ItemProcessor: 'bad', Iterator: { StartAt: 'I', States: { I: { Type: 'Succeed' } } }, End: true },
      C: { Type: 'Choice', Choices: [{ Variable: '$.x', IsPresent: true }, 5, { Next: 42 }], Default: 'A' },
    },
  };
  const graph = graphOf(def);
  assert.equal(graph.edges.find((e) => e.source === 's:A').dangling, true);
  assert.equal(new Set(graph.nodes.map((n) => n.id)).size, graph.nodes.length);
  assertRoundTrip(def, 'odd definition');
});
