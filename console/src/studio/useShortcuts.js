// Undo (Ctrl/Cmd+Z) and redo (Ctrl/Cmd+Shift+Z, Ctrl+Y) for the Studio, outside text fields
// (the code editor and form fields keep their own undo).
import { useEffect, useRef } from 'react';

const typing = (el) => el && (el.closest('input, textarea, select, [contenteditable="true"], .cm-editor'));

export function useShortcuts(actions) {
  const latest = useRef(actions);
  latest.current = actions;
  useEffect(() => {
    const onKey = (e) => {
      if (!(e.ctrlKey || e.metaKey) || typing(e.target)) return;
      const key = e.key.toLowerCase();
      if (key === 'z' && !e.shiftKey) { e.preventDefault(); latest.current.undo(); }
      else if ((key === 'z' && e.shiftKey) || key === 'y') { e.preventDefault(); latest.current.redo(); }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
}
