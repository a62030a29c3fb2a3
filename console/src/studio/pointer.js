// JSON pointers (RFC 6901) and immutable access to plain JSON values.

export const escapeToken = (token) => String(token).replace(/~/g, '~0').replace(/\//g, '~1');
export const unescapeToken = (token) => token.replace(/~1/g, '/').replace(/~0/g, '~');

/** '' -> [], '/States/A~1B' -> ['States', 'A/B']. */
export function parsePointer(pointer) {
  if (pointer === '' || pointer === undefined || pointer === null) return [];
  if (!pointer.startsWith('/')) throw new Error(`Not a JSON pointer: '${pointer}'`);
  return pointer.slice(1).split('/').map(unescapeToken);
}

export const joinPointer = (base, ...tokens) => base + tokens.map((t) => `/${escapeToken(t)}`).join('');

export const isPlainObject = (v) => v !== null && typeof v === 'object' && !Array.isArray(v);

/** The value at a pointer, or undefined when a step is missing. */
export function getAt(def, pointer) {
  let node = def;
  for (const token of parsePointer(pointer)) {
    if (node === null || typeof node !== 'object') return undefined;
    if (Array.isArray(node)) {
      if (!/^(0|[1-9][0-9]*)$/.test(token)) return undefined;
      node = node[Number(token)];
    } else {
      node = Object.prototype.hasOwnProperty.call(node, token) ? node[token] : undefined;
    }
  }
  return node;
}

/**
 * A copy of `obj` with `key` set to `value` (undefined deletes it). An existing member keeps its
 * place; a new one goes last, or right before the member named `before` when that exists.
 */
export function withMember(obj, key, value, before) {
  const out = {};
  const exists = Object.prototype.hasOwnProperty.call(obj, key);
  for (const k of Object.keys(obj)) {
    if (!exists && value !== undefined && k === before) define(out, key, value);
    if (k === key) {
      if (value !== undefined) define(out, k, value);
    } else {
      define(out, k, obj[k]);
    }
  }
  if (!exists && value !== undefined && !Object.prototype.hasOwnProperty.call(out, key)) define(out, key, value);
  return out;
}

/** A copy of `obj` with member `oldKey` renamed to `newKey` in the same place. */
export function renameMember(obj, oldKey, newKey) {
  const out = {};
  for (const k of Object.keys(obj)) define(out, k === oldKey ? newKey : k, obj[k]);
  return out;
}

// '__proto__' is a legal JSON member name: define it as an own property, never as the prototype.
export function define(obj, key, value) {
  if (key === '__proto__') {
    Object.defineProperty(obj, key, { value, enumerable: true, writable: true, configurable: true });
  } else {
    obj[key] = value;
  }
}

/** A new value with the member at `pointer` set (undefined deletes it); the input is untouched. */
export function setAt(def, pointer, value) {
  return setTokens(def, parsePointer(pointer), value);
}

function setTokens(node, tokens, value) {
  if (tokens.length === 0) return value;
  const [head, ...rest] = tokens;
  if (Array.isArray(node)) {
    const index = head === '-' ? node.length : Number(head);
    if (!Number.isInteger(index) || index < 0 || index > node.length) throw new Error(`No array index '${head}'`);
    const child = setTokens(node[index], rest, value);
    const copy = node.slice();
    if (child === undefined && rest.length === 0) copy.splice(index, 1);
    else copy[index] = child;
    return copy;
  }
  if (!isPlainObject(node)) {
    if (value === undefined) return node;
    throw new Error(`Cannot set '${head}' inside a ${node === null ? 'null' : typeof node}`);
  }
  const current = Object.prototype.hasOwnProperty.call(node, head) ? node[head] : undefined;
  if (rest.length > 0 && current === undefined) {
    if (value === undefined) return node;
    throw new Error(`No member '${head}'`);
  }
  return withMember(node, head, setTokens(current, rest, value));
}
