// Form widgets of the Inspector. Each edits one member of the definition by JSON pointer
// (setAt), so members the forms do not know are never touched; diagnostics whose pointer names
// the member (or lies inside it) show under it.
import { useEffect, useState } from 'react';
import { getAt, setAt } from './document.js';

const joinPointer = (base, key) => `${base}/${String(key).replace(/~/g, '~0').replace(/\//g, '~1')}`;

/** setAt that creates missing parent objects when setting a value. */
export function setDeep(def, pointer, value) {
  const tokens = pointer.split('/').slice(1);
  let out = def;
  for (let i = 1; i < tokens.length && value !== undefined; i += 1) {
    const parent = `/${tokens.slice(0, i).join('/')}`;
    if (getAt(out, parent) === undefined) out = setAt(out, parent, {});
  }
  return setAt(out, pointer, value);
}

export const pointerOf = (base, path) => path.split('/').reduce((p, key) => joinPointer(p, key), base);

export function errorsAt(diagnostics, pointer) {
  return diagnostics.filter((d) => d.pointer === pointer || (d.pointer || '').startsWith(`${pointer}/`));
}

/** {value, set, pointer, errors} of a member `path` (a/b) under `ctx.base`. */
export function useMember(ctx, path) {
  const pointer = pointerOf(ctx.base, path);
  return {
    pointer,
    value: getAt(ctx.definition, pointer),
    set: (value) => ctx.edit((d) => setDeep(d, pointer, value)),
    errors: errorsAt(ctx.diagnostics, pointer),
  };
}

export function Field({ label, help, errors = [], pointer, children }) {
  return (
    <div className={`insp-field ${errors.length ? 'has-error' : ''}`} data-field={pointer}
      {...(errors.length ? { 'data-field-error': errors[0].code } : {})}>
      <div className="insp-label">{label}</div>
      {children}
      {help && <div className="insp-help">{help}</div>}
      {errors.map((e, i) => <div key={i} className="insp-error" role="alert">{e.message}</div>)}
    </div>
  );
}

/** A text input committed on blur or Enter; empty removes the member. */
export function TextInput({ value, onCommit, placeholder, mono, testId }) {
  const [draft, setDraft] = useState(value ?? '');
  useEffect(() => setDraft(value ?? ''), [value]);
  const commit = () => { if (draft !== (value ?? '')) onCommit(draft === '' ? undefined : draft); };
  return (
    <input className={`input ${mono ? 'mono' : ''}`} value={draft} placeholder={placeholder} data-testid={testId}
      onChange={(e) => setDraft(e.target.value)} onBlur={commit} onKeyDown={(e) => e.key === 'Enter' && commit()} />
  );
}

export function TextField({ ctx, path, label, help, placeholder, mono = true }) {
  const m = useMember(ctx, path);
  const shown = typeof m.value === 'string' || m.value === undefined ? m.value : JSON.stringify(m.value);
  return (
    <Field label={label || path} help={help} errors={m.errors} pointer={m.pointer}>
      <TextInput value={shown} onCommit={m.set} placeholder={placeholder} mono={mono} testId={`field-${path}`} />
    </Field>
  );
}

export function NumberField({ ctx, path, label, help, placeholder }) {
  const m = useMember(ctx, path);
  const onCommit = (text) => {
    if (text === undefined) return m.set(undefined);
    const n = Number(text);
    return m.set(text.trim() !== '' && Number.isFinite(n) ? n : text);
  };
  return (
    <Field label={label || path} help={help} errors={m.errors} pointer={m.pointer}>
      <TextInput value={m.value === undefined ? undefined : String(m.value)} onCommit={onCommit} placeholder={placeholder} testId={`field-${path}`} />
    </Field>
  );
}

export function SelectField({ ctx, path, label, help, options, empty = '(not set)' }) {
  const m = useMember(ctx, path);
  return (
    <Field label={label || path} help={help} errors={m.errors} pointer={m.pointer}>
      <select className="select" value={m.value ?? ''} data-testid={`field-${path}`} onChange={(e) => m.set(e.target.value === '' ? undefined : e.target.value)}>
        <option value="">{empty}</option>
        {options.map((o) => <option key={o} value={o}>{o}</option>)}
      </select>
    </Field>
  );
}

/** Any JSON value in a text area; a JSONata string ({% … %}) may be typed as it is. */
export function JsonField({ ctx, path, label, help, rows = 3 }) {
  const m = useMember(ctx, path);
  const text = m.value === undefined ? '' : JSON.stringify(m.value, null, 2);
  const [draft, setDraft] = useState(text);
  const [invalid, setInvalid] = useState(null);
  useEffect(() => { setDraft(text); setInvalid(null); }, [text]);
  const commit = () => {
    if (draft === text) return;
    if (draft.trim() === '') { m.set(undefined); return; }
    if (draft.trim().startsWith('{%')) { m.set(draft.trim()); return; }
    try {
      m.set(JSON.parse(draft));
      setInvalid(null);
    } catch (e) {
      setInvalid(e.message);
    }
  };
  const errors = invalid ? [{ code: 'INVALID_JSON', message: invalid }, ...m.errors] : m.errors;
  return (
    <Field label={label || path} help={help} errors={errors} pointer={m.pointer}>
      <textarea className={`input code ${invalid ? 'invalid' : ''}`} rows={Math.min(10, Math.max(rows, draft.split('\n').length))}
        value={draft} data-testid={`field-${path}`} onChange={(e) => setDraft(e.target.value)} onBlur={commit} spellCheck={false} />
    </Field>
  );
}

export function Section({ title, children, open = true }) {
  return (
    <details className="insp-section" open={open}>
      <summary>{title}</summary>
      <div className="insp-section-body">{children}</div>
    </details>
  );
}
