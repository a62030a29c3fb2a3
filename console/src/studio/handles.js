// Source handles of the canvas nodes, one per edge kind: `next`, `choice-<i>` (rule i),
// `choice-new` (a new rule), `default`, `catch` (a new catcher).

/** The edge a handle draws: {kind, index?} for connect() of document.js. */
export function edgeOfHandle(handle) {
  if (handle === 'next') return { kind: 'Next' };
  if (handle === 'default') return { kind: 'Default' };
  if (handle === 'catch') return { kind: 'Catch' };
  if (handle === 'choice-new') return { kind: 'Choice' };
  const m = /^choice-(\d+)$/.exec(handle || '');
  if (m) return { kind: 'Choice', index: Number(m[1]) };
  throw new Error(`Unknown handle '${handle}'`);
}

/** The handle an edge of graphOf() leaves from. */
export function handleOfEdge(edge) {
  if (edge.kind === 'Choice') return `choice-${edge.index}`;
  if (edge.kind === 'Default') return 'default';
  if (edge.kind === 'Catch') return 'catch';
  return 'next';
}
