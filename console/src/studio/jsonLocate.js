// Where a JSON pointer's value sits in JSON text: a small scanner that records, for every value,
// its text range and the range of its member name, so a diagnostic can be marked in the code view.
import { escapeToken } from './pointer.js';
import { parseDefinitionText } from './document.js';

/**
 * Map pointer -> { from, to, keyFrom, keyTo } (offsets into text; key* only for object members)
 * for every value in `text`, or null when the text is not JSON.
 */
export function jsonRanges(text) {
  const ranges = new Map();
  let i = 0;
  const ws = () => { while (i < text.length && ' \t\r\n'.includes(text[i])) i += 1; };
  const fail = () => { throw new SyntaxError(`Unexpected input at ${i}`); };
  const string = () => {
    if (text[i] !== '"') fail();
    const start = i;
    i += 1;
    while (i < text.length && text[i] !== '"') i += text[i] === '\\' ? 2 : 1;
    if (i >= text.length) fail();
    i += 1;
    return JSON.parse(text.slice(start, i));
  };
  const value = (pointer, key) => {
    ws();
    const from = i;
    const c = text[i];
    if (c === '{') {
      i += 1; ws();
      if (text[i] === '}') i += 1;
      else {
        for (;;) {
          ws();
          const keyFrom = i;
          const name = string();
          const keyTo = i;
          ws();
          if (text[i] !== ':') fail();
          i += 1;
          value(`${pointer}/${escapeToken(name)}`, { keyFrom, keyTo });
          ws();
          if (text[i] === ',') { i += 1; continue; }
          if (text[i] === '}') { i += 1; break; }
          fail();
        }
      }
    } else if (c === '[') {
      i += 1; ws();
      if (text[i] === ']') i += 1;
      else {
        for (let n = 0; ; n += 1) {
          value(`${pointer}/${n}`, null);
          ws();
          if (text[i] === ',') { i += 1; continue; }
          if (text[i] === ']') { i += 1; break; }
          fail();
        }
      }
    } else if (c === '"') string();
    else {
      const m = /^(-?\d+(\.\d+)?([eE][+-]?\d+)?|true|false|null)/.exec(text.slice(i, i + 400));
      if (!m) fail();
      i += m[0].length;
    }
    ranges.set(pointer, { from, to: i, container: c === '{' || c === '[', ...(key || {}) });
  };
  try {
    value('', null);
    ws();
    if (i !== text.length) fail();
    return ranges;
  } catch {
    return null;
  }
}

/**
 * The text range to mark for a pointer: the member name and value when the pointer exists (only
 * the name for objects and arrays), else its nearest existing ancestor's (a missing field is
 * reported on the object that lacks it).
 */
export function locatePointer(ranges, pointer) {
  if (!ranges || typeof pointer !== 'string') return null;
  let p = pointer;
  for (;;) {
    const r = ranges.get(p);
    if (r && r.container) {
      return r.keyFrom !== undefined ? { from: r.keyFrom, to: r.keyTo, exact: p === pointer } : { from: r.from, to: r.from + 1, exact: p === pointer };
    }
    if (r) return { from: r.keyFrom ?? r.from, to: r.to, exact: p === pointer };
    if (p === '') return null;
    p = p.slice(0, p.lastIndexOf('/'));
  }
}

function offsetOf(text, line, column) {
  let offset = 0;
  for (let l = 1; l < line; l += 1) {
    const next = text.indexOf('\n', offset);
    if (next < 0) return text.length;
    offset = next + 1;
  }
  return Math.min(text.length, offset + Math.max(0, column - 1));
}

/**
 * Diagnostics as editor marks: [{ from, to, severity: 'error'|'warning', message }]. A diagnostic
 * is placed by its `pointer` (in JSON text), or by `line`/`column` (a JSON syntax error); the
 * others are left out. Text that is not a JSON object gets its syntax error marked at its
 * position, unless a diagnostic with a line already says where.
 */
export function markRanges(text, diagnostics) {
  const ranges = jsonRanges(text);
  const marks = [];
  if (!ranges && !(diagnostics || []).some((d) => Number.isInteger(d.line))) {
    const { error } = parseDefinitionText(text);
    if (error) {
      const from = offsetOf(text, error.line, error.column);
      marks.push({ from, to: Math.min(text.length, from + 1), severity: 'error', message: error.message });
    }
  }
  for (const d of diagnostics || []) {
    const severity = String(d.severity || 'ERROR').toUpperCase() === 'WARNING' ? 'warning' : 'error';
    const message = d.code ? `${d.code}: ${d.message}` : String(d.message);
    let at = null;
    if (typeof d.pointer === 'string') at = locatePointer(ranges, d.pointer);
    else if (Number.isInteger(d.line)) {
      const from = offsetOf(text, d.line, d.column || 1);
      at = { from, to: Math.min(text.length, from + 1) };
    }
    if (at) marks.push({ from: at.from, to: Math.max(at.from, at.to), severity, message });
  }
  return marks;
}

/** The smallest change turning `before` into `after`: common prefix and suffix kept. */
export function minimalChange(before, after) {
  let start = 0;
  const max = Math.min(before.length, after.length);
  while (start < max && before[start] === after[start]) start += 1;
  let end = 0;
  while (end < max - start && before[before.length - 1 - end] === after[after.length - 1 - end]) end += 1;
  return { from: start, to: before.length - end, insert: after.slice(start, after.length - end) };
}
