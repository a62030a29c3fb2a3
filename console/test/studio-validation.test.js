// Unit tests of the Studio's validation mapping, JSON locator and text parsing.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseDefinitionText } from '../src/studio/document.js';
import { jsonRanges, locatePointer, markRanges, minimalChange } from '../src/studio/jsonLocate.js';
import {
  awsLocationToPointer, debounce, diagnosticsByState, fieldPointerOf, liveValidator, validateDefinition,
} from '../src/studio/validation.js';

const def = {
  StartAt: 'a/b',
  States: {
    'a/b': { Type: 'Choice', Choices: [{ Variable: '$.x', IsPresent: true, Next: 'Nope' }] },
    P: { Type: 'Parallel', Branches: [{ StartAt: 'In', States: { In: { Type: 'Task', Parameters: { States: { x: 1 } } } } }], End: true },
  },
};

test('fieldPointerOf names the innermost state and the field inside it', () => {
  assert.deepEqual(fieldPointerOf({ pointer: '/States/a~1b/Choices/0/Next' }), {
    stateName: 'a/b', scope: '', statePointer: '/States/a~1b', fieldPointer: '/Choices/0/Next', field: 'Choices',
  });
  const nested = fieldPointerOf({ pointer: '/States/P/Branches/0/States/In/Parameters/States/x' });
  assert.equal(nested.stateName, 'In');
  assert.equal(nested.scope, '/States/P/Branches/0');
  assert.equal(nested.fieldPointer, '/Parameters/States/x');
  assert.equal(fieldPointerOf({ pointer: '/States/P' }).field, null);
  assert.equal(fieldPointerOf({ pointer: '/StartAt' }), null);
  assert.equal(fieldPointerOf({ pointer: null }), null);
});

test('diagnosticsByState groups by state, machine-level ones under the empty name', () => {
  const diags = [
    { severity: 'ERROR', code: 'A', message: 'm', pointer: '/States/a~1b/Choices/0/Next' },
    { severity: 'ERROR', code: 'B', message: 'm', pointer: '' },
    { severity: 'WARNING', code: 'C', message: 'm', pointer: '/States/P/Branches/0/States/In/Resource' },
  ];
  const by = diagnosticsByState(diags, def);
  assert.deepEqual([...by.keys()].sort(), ['', 'In', 'a/b']);
  assert.equal(by.get('In')[0].code, 'C');
});

test('AWS locations become JSON pointers, state names with slashes included', () => {
  assert.equal(awsLocationToPointer('/States/a/b/Choices[0]/Next', def), '/States/a~1b/Choices/0/Next');
  assert.equal(awsLocationToPointer('/', def), '');
  assert.equal(awsLocationToPointer('/States/P/Branches[0]/States/In', def), '/States/P/Branches/0/States/In');
  assert.equal(awsLocationToPointer(undefined, def), null);
});

test('validateDefinition posts the definition text and the type, and keeps JSON pointers', async () => {
  let sent = null;
  const request = async (body) => {
    sent = body;
    return { result: 'FAIL', diagnostics: [{ severity: 'ERROR', code: 'MISSING_TRANSITION_TARGET', message: 'Missing', location: '/States/a~1b/Choices/0/Next' }] };
  };
  const out = await validateDefinition(def, { type: 'EXPRESS', request });
  assert.equal(sent.type, 'EXPRESS');
  assert.deepEqual(JSON.parse(sent.definition), def);
  assert.deepEqual(out, [{ severity: 'ERROR', code: 'MISSING_TRANSITION_TARGET', message: 'Missing', pointer: '/States/a~1b/Choices/0/Next' }]);
});

const until = async (cond) => {
  for (let i = 0; i < 500 && !cond(); i += 1) await new Promise((r) => setTimeout(r, 10));
  assert.ok(cond(), 'condition not reached within 5 s');
};

test('liveValidator validates the last of quick edits once and drops stale answers', async () => {
  const results = [];
  const pending = [];
  const validate = (d) => new Promise((resolve) => pending.push({ n: d.n, answer: () => resolve([d.n]) }));
  const live = liveValidator((diags) => results.push(diags[0]), { delay: 1, validate });
  live.update({ n: 1 });
  live.update({ n: 2 });
  await until(() => pending.length === 1);
  assert.equal(pending[0].n, 2);
  live.update({ n: 3 });
  await until(() => pending.length === 2);
  pending[1].answer();
  await until(() => results.length === 1);
  pending[0].answer();
  await new Promise((r) => setTimeout(r, 20));
  assert.deepEqual(results, [3], 'the answer for 2 came after 3 was asked for');
  let fired = 0;
  const d = debounce(() => { fired += 1; }, 1);
  d();
  d.cancel();
  await new Promise((r) => setTimeout(r, 20));
  assert.equal(fired, 0);
});

test('pointers are located in the JSON text, a missing member at its parent object', () => {
  const text = '{\n  "StartAt": "A",\n  "States": {\n    "A": { "Type": "Pass", "Next": "B" }\n  }\n}';
  const ranges = jsonRanges(text);
  const next = locatePointer(ranges, '/States/A/Next');
  assert.equal(text.slice(next.from, next.to), '"Next": "B"');
  const missing = locatePointer(ranges, '/States/A/End');
  assert.equal(text.slice(missing.from, missing.to), '"A"');
  assert.equal(missing.exact, false);
  assert.equal(jsonRanges('{"a": }'), null);
  const marks = markRanges(text, [
    { severity: 'WARNING', code: 'W', message: 'w', pointer: '/StartAt' },
    { severity: 'ERROR', message: 'bad', line: 4, column: 5 },
    { severity: 'ERROR', message: 'nowhere', pointer: null },
  ]);
  assert.deepEqual(marks.map((m) => [m.severity, text.slice(m.from, m.to)]), [['warning', '"StartAt": "A"'], ['error', '"']]);
  const broken = '{\n  "StartAt": "A",\n}';
  const syntax = markRanges(broken, [{ severity: 'ERROR', code: 'INVALID_JSON', message: 'bad', pointer: '' }]);
  assert.equal(syntax.length, 1, 'the syntax error is marked once, where it is');
  assert.equal(broken.slice(syntax[0].from, syntax[0].to), '}');
});

test('parseDefinitionText reports line and column of bad JSON; minimalChange keeps the common text', () => {
  assert.deepEqual(parseDefinitionText('{"a": 1}'), { definition: { a: 1 }, error: null });
  const bad = parseDefinitionText('{\n  "a": 1,\n}');
  assert.equal(bad.definition, null);
  assert.deepEqual([bad.error.line, bad.error.column], [3, 1]);
  assert.match(parseDefinitionText('[]').error.message, /must be a JSON object/);
  assert.deepEqual(minimalChange('{"a": 1, "b": 2}', '{"a": 1, "b": 3}'), { from: 14, to: 15, insert: '3' });
});
