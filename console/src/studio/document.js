// The Workflow Studio's data model. The ASL definition object is the single source of truth:
// every edit is a pure function returning a new object (the input is never mutated, untouched
// objects keep their key order, fields the Studio does not know are carried along). A "scope" is a
// JSON pointer to an object holding StartAt/States: '' (top level), '/States/P/Branches/0' (a
// Parallel branch), '/States/M/ItemProcessor' or '/States/M/Iterator' (a Map's processor).
export { getAt, setAt, joinPointer, parsePointer, escapeToken } from './pointer.js';
export { allStateNames, findState, forEachScope, queryLanguageOf } from './scopes.js';
export {
  addBranch, addState, removeBranch, removeState, renameState, uniqueStateName, updateFields, updateState,
} from './edits.js';
export { connect, disconnect, moveState, placeholderRule } from './transitions.js';
export { branchId, definitionOf, graphOf, nodeId } from './graphModel.js';
export { EditHistory } from './history.js';
export { STATE_TYPES, stateTemplate, taskNameOfTopic, taskTemplateForTopic } from './templates.js';
export { fieldHelp } from './fieldHelp.js';

/** Line and column (1-based) of a character offset. */
export function lineColumnOf(text, offset) {
  const before = text.slice(0, Math.max(0, Math.min(offset, text.length)));
  const lines = before.split('\n');
  return { line: lines.length, column: lines[lines.length - 1].length + 1 };
}

function errorLocation(text, message) {
  const lc = /line (\d+) column (\d+)/.exec(message);
  if (lc) return { line: Number(lc[1]), column: Number(lc[2]) };
  const pos = /position (\d+)/.exec(message);
  if (pos) return lineColumnOf(text, Number(pos[1]));
  return lineColumnOf(text, text.length);
}

/** { definition, error }: error is null, or { message, line, column } (1-based) for bad JSON. */
export function parseDefinitionText(text) {
  let value;
  try {
    value = JSON.parse(text);
  } catch (e) {
    return { definition: null, error: { message: e.message, ...errorLocation(String(text), e.message) } };
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    return { definition: null, error: { message: 'A state machine definition must be a JSON object', line: 1, column: 1 } };
  }
  return { definition: value, error: null };
}

/**
 * The project's canonical formatting of a definition: JSON.stringify with two-space indentation,
 * members in their order, no trailing newline (the form of examples/ and the console's JSON view).
 */
export function formatDefinition(def) {
  return JSON.stringify(def, null, 2);
}

/**
 * A new definition: an empty canvas. StartAt is '' until the first state is added (addState makes
 * it the StartAt); ValidateStateMachineDefinition reports the missing state until then.
 * With { queryLanguage: 'JSONata' } the machine declares QueryLanguage.
 */
export function newDefinition({ queryLanguage, comment = 'A description of my state machine' } = {}) {
  return {
    ...(comment ? { Comment: comment } : {}),
    ...(queryLanguage === 'JSONata' ? { QueryLanguage: 'JSONata' } : {}),
    StartAt: '',
    States: {},
  };
}
