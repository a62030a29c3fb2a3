// Unit tests of the Studio's pure edit functions (console/src/studio/document.js).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  EditHistory, addBranch, addState, connect, disconnect, formatDefinition, getAt, moveState, newDefinition,
  removeBranch, removeState, renameState, setAt, stateTemplate, taskTemplateForTopic, uniqueStateName, updateFields,
  updateState, graphOf, definitionOf, parseDefinitionText,
} from '../src/studio/document.js';

const deepFreeze = (v) => {
  if (v && typeof v === 'object') { Object.values(v).forEach(deepFreeze); Object.freeze(v); }
  return v;
};

const machine = () => deepFreeze({
  Comment: 'c',
  StartAt: 'Check',
  States: {
    Check: {
      Type: 'Choice',
      Choices: [{ Variable: '$.ok', BooleanEquals: true, Next: 'Work' }, { Variable: '$.x', IsPresent: true, Next: 'Fail' }],
      Default: 'Work',
    },
    Work: { Type: 'Task', Resource: 'arn:aws:lambda:us-east-1:123456789012:function:W', 'x-keep': { a: 1 },
      Catch: [{ ErrorEquals: ['States.ALL'], Next: 'Fail' }], Next: 'Fan' },
    Fan: { Type: 'Parallel', Branches: [{ StartAt: 'B1', States: { B1: { Type: 'Pass', Next: 'B2' }, B2: { Type: 'Pass', End: true } } }],
      Next: 'Each' },
    Each: { Type: 'Map', ItemProcessor: { ProcessorConfig: { Mode: 'INLINE' }, StartAt: 'Item', States: { Item: { Type: 'Pass', End: true } } }, End: true },
    Fail: { Type: 'Fail', Error: 'E' },
  },
});

test('getAt and setAt follow RFC 6901 and never mutate', () => {
  const def = deepFreeze({ States: { 'a/b': { 'm~n': [1, 2] } } });
  assert.deepEqual(getAt(def, '/States/a~1b/m~0n/1'), 2);
  assert.equal(getAt(def, '/States/none/x'), undefined);
  const changed = setAt(def, '/States/a~1b/m~0n/0', 9);
  assert.deepEqual(changed.States['a/b']['m~n'], [9, 2]);
  assert.deepEqual(setAt(def, '/States/a~1b/m~0n', undefined), { States: { 'a/b': {} } });
  assert.deepEqual(def.States['a/b']['m~n'], [1, 2]);
});

test('uniqueStateName counts across every scope', () => {
  const def = machine();
  assert.equal(uniqueStateName(def, 'B1'), 'B1 2');
  assert.equal(uniqueStateName(def, 'New'), 'New');
});

test('addState makes the first state of an empty scope its StartAt and ends states without a transition', () => {
  let def = newDefinition();
  def = addState(def, '', 'A', { Type: 'Pass' });
  def = addState(def, '', 'C', { Type: 'Choice', Choices: [] });
  assert.equal(def.StartAt, 'A');
  assert.deepEqual(def.States.A, { Type: 'Pass', End: true });
  assert.deepEqual(def.States.C, { Type: 'Choice', Choices: [] });
  assert.deepEqual(Object.keys(def), ['Comment', 'StartAt', 'States']);
  assert.throws(() => addState(def, '', 'A', { Type: 'Pass' }), /already exists/);
  const branch = addState(machine(), '/States/Fan/Branches/0', 'B3', { Type: 'Succeed' });
  assert.deepEqual(Object.keys(branch.States.Fan.Branches[0].States), ['B1', 'B2', 'B3']);
  assert.throws(() => addState(machine(), '', 'B2', { Type: 'Pass' }), /already exists/);
});

test('removeState turns a Next into End, drops rules, Default and catchers that point at it, and moves StartAt', () => {
  const def = machine();
  const out = removeState(def, '', 'Fail');
  assert.deepEqual(out.States.Check.Choices, [{ Variable: '$.ok', BooleanEquals: true, Next: 'Work' }]);
  assert.equal(out.States.Work.Catch, undefined);
  assert.equal(out.States.Work['x-keep'].a, 1);
  const noWork = removeState(def, '', 'Work');
  assert.equal(noWork.States.Check.Default, undefined);
  assert.equal(noWork.States.Check.Choices.length, 1);
  const noFan = removeState(def, '', 'Fan');
  assert.deepEqual(Object.keys(noFan.States.Work), ['Type', 'Resource', 'x-keep', 'Catch', 'End']);
  assert.equal(noFan.States.Work.End, true);
  assert.equal(removeState(def, '', 'Check').StartAt, 'Work');
  assert.equal(removeState(def, '/States/Fan/Branches/0', 'B1').States.Fan.Branches[0].StartAt, 'B2');
  assert.equal(def.States.Fail.Type, 'Fail');
  assert.strictEqual(out.States.Each, def.States.Each, 'untouched states keep their identity');
});

test('renameState updates StartAt, Next, Default, Choice rules and catchers, only in its scope', () => {
  const out = renameState(machine(), 'Work', 'Do work');
  assert.deepEqual(Object.keys(out.States), ['Check', 'Do work', 'Fan', 'Each', 'Fail']);
  assert.equal(out.States.Check.Choices[0].Next, 'Do work');
  assert.equal(out.States.Check.Default, 'Do work');
  const fail = renameState(machine(), 'Fail', 'Failed');
  assert.equal(fail.States.Check.Choices[1].Next, 'Failed');
  assert.equal(fail.States.Work.Catch[0].Next, 'Failed');
  assert.equal(renameState(machine(), 'Check', 'First').StartAt, 'First');
  const nested = renameState(machine(), 'B2', 'Second');
  assert.equal(nested.States.Fan.Branches[0].States.B1.Next, 'Second');
  assert.throws(() => renameState(machine(), 'Work', 'B1'), /already exists/);
  assert.throws(() => renameState(machine(), 'Nope', 'X'), /No state 'Nope'/);
});

test('connect sets Next in place of End, and appends rules and catchers in the query language', () => {
  const def = machine();
  const next = connect(def, '', 'Each', { kind: 'Next' }, 'Fail');
  assert.deepEqual(Object.keys(next.States.Each), ['Type', 'ItemProcessor', 'Next']);
  assert.equal(next.States.Each.End, undefined);
  const rule = connect(def, '', 'Check', { kind: 'Choice' }, 'Fan');
  assert.deepEqual(rule.States.Check.Choices[2], { Variable: '$.x', StringEquals: '', Next: 'Fan' });
  const jsonata = connect({ ...def, QueryLanguage: 'JSONata' }, '', 'Check', { kind: 'Choice' }, 'Fan');
  assert.deepEqual(jsonata.States.Check.Choices[2], { Condition: '{% true %}', Next: 'Fan' });
  assert.equal(connect(def, '', 'Check', { kind: 'Choice', index: 0 }, 'Fan').States.Check.Choices[0].Next, 'Fan');
  assert.equal(connect(def, '', 'Check', { kind: 'Default' }, 'Fail').States.Check.Default, 'Fail');
  const caught = connect(def, '', 'Fan', { kind: 'Catch' }, 'Fail');
  assert.deepEqual(caught.States.Fan.Catch, [{ ErrorEquals: ['States.ALL'], Next: 'Fail' }]);
  assert.equal(connect(def, '', 'Check', { kind: 'Next' }, 'Fail').States.Check.Choices.length, 3);
  assert.throws(() => connect(def, '', 'Fail', { kind: 'Next' }, 'Work'), /no Next/);
  assert.throws(() => connect(def, '', 'Work', { kind: 'Next' }, 'B1'), /No state 'B1'/);
  assert.throws(() => connect(def, '', 'Check', { kind: 'Catch' }, 'Work'), /no Catch/);
});

test('disconnect turns Next into End and removes a Default, a rule or a catcher', () => {
  const def = machine();
  const ended = disconnect(def, '', 'Work', { kind: 'Next' });
  assert.deepEqual(Object.keys(ended.States.Work), ['Type', 'Resource', 'x-keep', 'Catch', 'End']);
  assert.equal(disconnect(def, '', 'Check', { kind: 'Default' }).States.Check.Default, undefined);
  assert.deepEqual(disconnect(def, '', 'Check', { kind: 'Choice', index: 0 }).States.Check.Choices.map((c) => c.Next), ['Fail']);
  assert.equal(disconnect(def, '', 'Work', { kind: 'Catch', index: 0 }).States.Work.Catch, undefined);
  assert.throws(() => disconnect(def, '', 'Work', { kind: 'Catch', index: 3 }), /No entry 3/);
});

test('moveState moves a state between the top level, branches and Map processors, dropping crossing transitions', () => {
  const def = machine();
  const intoBranch = moveState(def, '', 'Work', '/States/Fan/Branches/0');
  assert.equal(intoBranch.States.Work, undefined);
  assert.equal(intoBranch.States.Check.Default, undefined);
  assert.deepEqual(intoBranch.States.Check.Choices.map((c) => c.Next), ['Fail']);
  const moved = intoBranch.States.Fan.Branches[0].States.Work;
  assert.equal(moved.End, true);
  assert.deepEqual(moved.Catch, [{ ErrorEquals: ['States.ALL'] }]);
  const out = moveState(def, '/States/Fan/Branches/0', 'B2', '/States/Each/ItemProcessor');
  assert.equal(out.States.Fan.Branches[0].States.B1.End, true);
  assert.deepEqual(Object.keys(out.States.Each.ItemProcessor.States), ['Item', 'B2']);
  const toEmpty = moveState(addBranch(def, '', 'Fan'), '', 'Fail', '/States/Fan/Branches/1');
  assert.equal(toEmpty.States.Fan.Branches[1].StartAt, 'Fail');
  assert.throws(() => moveState(def, '', 'Fan', '/States/Fan/Branches/0'), /into itself/);
  assert.strictEqual(moveState(def, '', 'Work', ''), def);
});

test('updateState replaces a state; updateFields keeps its transitions and children', () => {
  const def = machine();
  assert.deepEqual(updateState(def, '', 'Fail', { Type: 'Succeed' }).States.Fail, { Type: 'Succeed' });
  const fields = graphOf(def).nodes.find((n) => n.name === 'Check').fields;
  const edited = updateFields(def, '', 'Check', { ...fields, Comment: 'route' });
  assert.equal(edited.States.Check.Default, 'Work');
  assert.deepEqual(edited.States.Check.Choices.map((c) => c.Next), ['Work', 'Fail']);
  const mapFields = graphOf(def).nodes.find((n) => n.name === 'Each').fields;
  const map = updateFields(def, '', 'Each', { ...mapFields, MaxConcurrency: 5 });
  assert.equal(map.States.Each.ItemProcessor.StartAt, 'Item');
  assert.equal(map.States.Each.End, true);
});

test('branches are added and removed', () => {
  const def = addBranch(machine(), '', 'Fan');
  assert.deepEqual(def.States.Fan.Branches[1], { StartAt: '', States: {} });
  assert.equal(removeBranch(def, '', 'Fan', 0).States.Fan.Branches[0].StartAt, '');
});

test('EditHistory undoes and redoes, drops the redo tail on a new edit, and keeps at most its limit', () => {
  const h = new EditHistory({ v: 0 }, 3);
  assert.equal(h.canUndo, false);
  [1, 2, 3, 4].forEach((v) => h.push({ v }));
  assert.equal(h.current.v, 4);
  assert.equal(h.undo().v, 3);
  assert.equal(h.undo().v, 2);
  assert.equal(h.undo().v, 1);
  assert.equal(h.canUndo, false, 'only the last 3 edits are kept');
  assert.equal(h.redo().v, 2);
  h.push({ v: 9 });
  assert.equal(h.canRedo, false);
  assert.equal(h.undo().v, 2);
});

test('templates give the eight state types for both query languages', () => {
  for (const ql of ['JSONPath', 'JSONata']) {
    for (const type of ['Task', 'Pass', 'Choice', 'Wait', 'Succeed', 'Fail', 'Parallel', 'Map']) {
      assert.equal(stateTemplate(type, ql).Type, type);
    }
  }
  assert.equal(stateTemplate('Map', 'JSONata').Items, '{% $states.input.items %}');
  assert.equal(stateTemplate('Task', 'JSONPath').Parameters['Payload.$'], '$');
  assert.throws(() => stateTemplate('Nope'), /Unknown state type/);
});

test('a task topic maps to a Lambda function ARN of the same name', () => {
  const t = taskTemplateForTopic('stepstream.tasks.ProcessarImagem');
  assert.equal(t.name, 'ProcessarImagem');
  assert.equal(t.state.Resource, 'arn:aws:lambda:us-east-1:123456789012:function:ProcessarImagem');
  assert.match(t.mapping, /stepstream\.tasks\.ProcessarImagem/);
  const custom = taskTemplateForTopic('acme.tasks.Resize', { prefix: 'acme.', region: 'eu-west-1', account: '111122223333' });
  assert.equal(custom.state.Resource, 'arn:aws:lambda:eu-west-1:111122223333:function:Resize');
  assert.equal(taskTemplateForTopic('tasks.__kafka.publish').state.Resource, 'arn:aws:states:::kafka:publish');
  assert.equal(taskTemplateForTopic('stepstream.tasks.billing.v2').state.Resource,
    'arn:aws:states:us-east-1:123456789012:activity:billing.v2', 'a name no function can have maps to an activity');
  assert.throws(() => taskTemplateForTopic('tasks.has space'), /not a task topic name/);
  assert.equal(formatDefinition({ a: 1 }), '{\n  "a": 1\n}');
});

test('a state or a field named __proto__ is an ordinary member for every edit', () => {
  const { definition } = parseDefinitionText('{"StartAt":"__proto__","States":{"__proto__":{"Type":"Pass","__proto__":{"x":1},"Next":"B"},"B":{"Type":"Succeed"}}}');
  assert.equal(formatDefinition(definitionOf(graphOf(definition))), formatDefinition(definition));
  assert.equal(JSON.stringify(renameState(definition, '__proto__', 'P')),
    '{"StartAt":"P","States":{"P":{"Type":"Pass","__proto__":{"x":1},"Next":"B"},"B":{"Type":"Succeed"}}}');
  assert.equal(JSON.stringify(removeState(definition, '', 'B').States),
    '{"__proto__":{"Type":"Pass","__proto__":{"x":1},"End":true}}');
  assert.equal(uniqueStateName(definition, '__proto__'), '__proto__ 2');
});
