// The edit functions on generated definitions: inputs are never mutated (they are frozen),
// renaming there and back changes nothing, removing a state leaves no transition to it.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  findState, forEachScope, formatDefinition, graphOf, definitionOf, moveState, removeState, renameState,
} from '../src/studio/document.js';
import { generateDefinition, seededRandom } from './support/aslGenerator.js';

const deepFreeze = (v) => {
  if (v && typeof v === 'object') { Object.values(v).forEach(deepFreeze); Object.freeze(v); }
  return v;
};

function statesWithScopes(def) {
  const out = [];
  forEachScope(def, (scope, pointer) => {
    if (scope.States && typeof scope.States === 'object') Object.keys(scope.States).forEach((name) => out.push({ name, scope: pointer }));
  });
  return out;
}

function targetsIn(def, scopePointer) {
  const targets = [];
  forEachScope(def, (scope, pointer) => {
    if (pointer !== scopePointer) return;
    for (const s of Object.values(scope.States)) {
      if (s.Next) targets.push(s.Next);
      if (s.Default) targets.push(s.Default);
      (s.Type === 'Choice' ? s.Choices : []).forEach((r) => r.Next && targets.push(r.Next));
      (s.Catch || []).forEach((c) => c.Next && targets.push(c.Next));
    }
  });
  return targets;
}

test('renaming a state and back gives the same JSON, on frozen generated definitions', () => {
  for (let seed = 1; seed <= 150; seed += 1) {
    const def = deepFreeze(generateDefinition(seed));
    const pick = seededRandom(seed)();
    const all = statesWithScopes(def);
    const { name, scope } = all[Math.floor(pick * all.length)];
    const renamed = renameState(def, name, 'Renamed «x»/~');
    assert.ok(findState(renamed, 'Renamed «x»/~'));
    const count = (d, n) => targetsIn(d, scope).filter((t) => t === n).length;
    assert.equal(count(renamed, name), 0);
    assert.equal(count(renamed, 'Renamed «x»/~'), count(def, name));
    assert.equal(formatDefinition(renameState(renamed, 'Renamed «x»/~', name)), formatDefinition(def), `seed ${seed}`);
  }
});

test('removing or moving a state leaves no transition to it and still round-trips through the graph', () => {
  for (let seed = 1; seed <= 150; seed += 1) {
    const def = deepFreeze(generateDefinition(seed));
    const all = statesWithScopes(def);
    const victim = all[Math.floor(seededRandom(seed + 1)() * all.length)];
    const removed = removeState(def, victim.scope, victim.name);
    assert.ok(!targetsIn(removed, victim.scope).includes(victim.name), `seed ${seed}`);
    assert.equal(formatDefinition(definitionOf(graphOf(removed))), formatDefinition(removed));
    const top = all.filter((s) => s.scope === '' && s.name !== victim.name);
    if (victim.scope !== '' && top.length) {
      const moved = moveState(def, victim.scope, victim.name, '');
      assert.equal(findState(moved, victim.name).scope, '');
      assert.ok(!targetsIn(moved, victim.scope).includes(victim.name));
    }
  }
});
