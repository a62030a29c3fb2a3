// The Studio's code view itself, loaded lazily by CodeView.jsx: the ASL JSON in CodeMirror 6,
// synced both ways with the page. External text replaces only the changed span (the cursor stays
// where it can); user edits call onChange.
// Diagnostics are marked at the member their JSON pointer names (or the line/column of a JSON
// syntax error) and listed in the lint gutter.
import { useEffect, useRef } from 'react';
import { EditorView, basicSetup } from 'codemirror';
import { json } from '@codemirror/lang-json';
import { Annotation } from '@codemirror/state';
import { lintGutter, setDiagnostics } from '@codemirror/lint';
import { markRanges, minimalChange } from './jsonLocate.js';

const external = Annotation.define();

export default function CodeMirrorView({ text, onChange, diagnostics, readOnly = false }) {
  const host = useRef(null);
  const view = useRef(null);
  const changed = useRef(onChange);
  changed.current = onChange;

  useEffect(() => {
    const editor = new EditorView({
      doc: text || '',
      parent: host.current,
      extensions: [
        basicSetup,
        json(),
        lintGutter(),
        EditorView.editable.of(!readOnly),
        EditorView.updateListener.of((update) => {
          if (!update.docChanged || update.transactions.some((t) => t.annotation(external))) return;
          if (changed.current) changed.current(update.state.doc.toString());
        }),
      ],
    });
    view.current = editor;
    return () => {
      editor.destroy();
      view.current = null;
    };
    // The editor is created once; text and diagnostics are pushed by the effects below.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [readOnly]);

  useEffect(() => {
    const editor = view.current;
    if (!editor) return;
    const current = editor.state.doc.toString();
    const next = text || '';
    if (current === next) return;
    editor.dispatch({ changes: minimalChange(current, next), annotations: external.of(true) });
  }, [text]);

  useEffect(() => {
    const editor = view.current;
    if (!editor) return;
    const marks = markRanges(editor.state.doc.toString(), diagnostics);
    editor.dispatch(setDiagnostics(editor.state, marks));
  }, [diagnostics, text]);

  const errors = (diagnostics || []).filter((d) => String(d.severity || 'ERROR').toUpperCase() !== 'WARNING').length;
  return <div className="studio-code" data-testid="studio-code" data-diagnostic-count={errors} ref={host} />;
}
