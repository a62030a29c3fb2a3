// The edited definition: an undo/redo history of definition objects, the code view's text kept in
// step with it, and live validation (debounced) of whatever the user has typed or drawn.
import { useCallback, useEffect, useMemo, useReducer, useRef, useState } from 'react';
import { EditHistory, formatDefinition, parseDefinitionText } from './document.js';
import { debounce, diagnosticsByState, validateDefinition } from './validation.js';

/** {definition} or {error} of a text: the model's parser, whichever way it reports. */
export function parseText(text) {
  try {
    const parsed = parseDefinitionText(text);
    if (parsed && typeof parsed === 'object' && ('error' in parsed || 'definition' in parsed || 'value' in parsed)) {
      if (parsed.error) return { error: String(parsed.error.message || parsed.error) };
      return { definition: parsed.definition ?? parsed.value };
    }
    return { definition: parsed };
  } catch (e) {
    return { error: e.message };
  }
}

export function useDocument(initial, type) {
  const history = useRef(null);
  if (history.current === null) history.current = new EditHistory(initial);
  const [, bump] = useReducer((n) => n + 1, 0);
  const [text, setText] = useState(() => formatDefinition(initial));
  const [parseError, setParseError] = useState(null);
  const [diagnostics, setDiagnostics] = useState([]);
  const [validating, setValidating] = useState(false);
  const definition = history.current.current;

  const commit = useCallback((next, fromText) => {
    if (next === history.current.current) return;
    history.current.push(next);
    if (!fromText) { setText(formatDefinition(next)); setParseError(null); }
    bump();
  }, []);

  /** Applies fn(definition) -> definition; returns the error message when the edit is refused. */
  const apply = useCallback((fn) => {
    try {
      commit(fn(history.current.current), false);
      return null;
    } catch (e) {
      return e.message;
    }
  }, [commit]);

  const onText = useCallback((value) => {
    setText(value);
    const parsed = parseText(value);
    if (parsed.error) { setParseError(parsed.error); return; }
    setParseError(null);
    commit(parsed.definition, true);
  }, [commit]);

  const step = useCallback((undo) => {
    const h = history.current;
    if (undo ? !h.canUndo : !h.canRedo) return;
    if (undo) h.undo(); else h.redo();
    setText(formatDefinition(h.current));
    setParseError(null);
    bump();
  }, []);

  const validate = useMemo(() => debounce((def, machineType, done) => {
    validateDefinition(def, { type: machineType }).then(done, (e) => done([{ severity: 'ERROR', code: 'VALIDATION_UNAVAILABLE', message: e.message, pointer: '' }]));
  }, 350), []);
  useEffect(() => {
    if (parseError) { setValidating(false); return; }
    setValidating(true);
    let live = true;
    validate(definition, type, (result) => {
      if (!live) return;
      setDiagnostics(result || []);
      setValidating(false);
    });
    return () => { live = false; };
  }, [definition, type, parseError, validate]);

  const all = parseError ? [{ severity: 'ERROR', code: 'INVALID_JSON', message: parseError, pointer: '' }] : diagnostics;
  const byState = useMemo(() => diagnosticsByState(all, definition), [all, definition]);
  return {
    definition, text, onText, apply, undo: () => step(true), redo: () => step(false),
    canUndo: history.current.canUndo, canRedo: history.current.canRedo,
    diagnostics: all, byState, validating, parseError,
    errors: all.filter((d) => d.severity === 'ERROR'),
  };
}
