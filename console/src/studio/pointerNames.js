// The innermost state a JSON pointer names: '/States/P/Branches/0/States/A/Next' -> 'A'.
export function stateNameOfPointer(pointer) {
  if (!pointer) return null;
  const tokens = pointer.split('/').slice(1).map((t) => t.replace(/~1/g, '/').replace(/~0/g, '~'));
  let name = null;
  for (let i = 0; i < tokens.length - 1; i += 1) {
    if (tokens[i] === 'States' && (i === 0 || tokens[i - 1] !== 'States')) name = tokens[i + 1];
  }
  return name;
}

/** The pointer of a field inside a state, relative to it: '/States/A/Parameters/x' -> 'Parameters/x'. */
export function fieldOfPointer(pointer, statePointer) {
  if (!pointer || !statePointer || !pointer.startsWith(`${statePointer}/`)) return null;
  return pointer.slice(statePointer.length + 1);
}
