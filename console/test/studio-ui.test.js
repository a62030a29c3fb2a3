// The Studio page's pure helpers: handles per edge kind, palette items, pointers to state names.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { connect, graphOf, addState, newDefinition, stateTemplate } from '../src/studio/document.js';
import { edgeOfHandle, handleOfEdge } from '../src/studio/handles.js';
import { integrationItems, stateFor, topicItems, typeItems } from '../src/studio/paletteItems.js';
import { fieldOfPointer, stateNameOfPointer } from '../src/studio/pointerNames.js';

test('each source handle draws its edge kind, and each drawn edge leaves from its handle', () => {
  assert.deepEqual(edgeOfHandle('next'), { kind: 'Next' });
  assert.deepEqual(edgeOfHandle('default'), { kind: 'Default' });
  assert.deepEqual(edgeOfHandle('catch'), { kind: 'Catch' });
  assert.deepEqual(edgeOfHandle('choice-new'), { kind: 'Choice' });
  assert.deepEqual(edgeOfHandle('choice-3'), { kind: 'Choice', index: 3 });
  assert.throws(() => edgeOfHandle('sideways'), /Unknown handle 'sideways'/);

  let def = newDefinition();
  def = addState(def, '', 'C', stateTemplate('Choice'));
  def = addState(def, '', 'A', stateTemplate('Pass'));
  def = addState(def, '', 'T', stateTemplate('Task'));
  def = connect(def, '', 'C', edgeOfHandle('choice-new'), 'A');
  def = connect(def, '', 'C', edgeOfHandle('default'), 'T');
  def = connect(def, '', 'T', edgeOfHandle('catch'), 'A');
  const handles = graphOf(def).edges.map((e) => `${e.source}:${handleOfEdge(e)}>${e.target}`).sort();
  assert.deepEqual(handles, ['s:C:choice-0>s:A', 's:C:default>s:T', 's:T:catch>s:A']);
});

test('the palette offers the eight state types, the integrations and a Task per task topic', () => {
  assert.deepEqual(typeItems().map((i) => i.type).sort(),
    ['Choice', 'Fail', 'Map', 'Parallel', 'Pass', 'Succeed', 'Task', 'Wait']);
  assert.deepEqual(integrationItems().map((i) => i.label),
    ['kafka:publish', 'sns:publish', 'sqs:sendMessage', 'events:putEvents', 'http:invoke', 'lambda:invoke']);
  const topics = topicItems(['SalvarImagem', '__kafka.publish', 'not a topic!']);
  assert.deepEqual(topics.map((t) => t.topic), ['SalvarImagem']);
  assert.equal(stateFor(topics[0], 'JSONPath').Resource, 'arn:aws:lambda:us-east-1:123456789012:function:SalvarImagem');
  assert.match(topics[0].mapping, /tasks\.SalvarImagem/);
});

test('an integration becomes a Task with Parameters in JSONPath and Arguments in JSONata', () => {
  const sns = integrationItems().find((i) => i.label === 'sns:publish');
  const jsonPath = stateFor(sns, 'JSONPath');
  assert.equal(jsonPath.Resource, 'arn:aws:states:::sns:publish');
  assert.equal(jsonPath.Parameters['Message.$'], '$');
  assert.equal(jsonPath.Arguments, undefined);
  const jsonata = stateFor(sns, 'JSONata');
  assert.equal(jsonata.Arguments.Message, '{% $states.input %}');
  assert.equal(jsonata.Parameters, undefined);
});

test('a diagnostic pointer names the innermost state and the field inside it', () => {
  assert.equal(stateNameOfPointer('/States/P/Branches/0/States/A/Next'), 'A');
  assert.equal(stateNameOfPointer('/States/A~1B/Retry/0'), 'A/B');
  assert.equal(stateNameOfPointer('/StartAt'), null);
  assert.equal(stateNameOfPointer(null), null);
  assert.equal(fieldOfPointer('/States/A/Parameters/x', '/States/A'), 'Parameters/x');
  assert.equal(fieldOfPointer('/States/AB/Next', '/States/A'), null);
});
