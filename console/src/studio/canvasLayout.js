// The editor graph (graphOf of document.js) laid out by ELK into React Flow nodes and edges.
// Parallel states hold one frame per branch, Map states their item processor; each frame is a
// drop target (data-drop-scope) for palette items and moved states.
import ELK from 'elkjs/lib/elk.bundled.js';

export const NODE_WIDTH = 220;
export const NODE_HEIGHT = 56;
const GROUP_PADDING = '[top=48,left=18,bottom=18,right=34]';
const BRANCH_PADDING = '[top=30,left=14,bottom=16,right=14]';
const elk = new ELK();

/** The scope (pointer of the object holding States) that a branch frame or Map holds, else null. */
export const innerScope = (node) => node.childScope ?? null;

export const isBranch = (node) => node.kind === 'branch';

/** Width of a state: a Choice needs room for a handle per rule plus Default. */
export function widthOf(node) {
  if (node.type !== 'Choice') return NODE_WIDTH;
  const rules = (node.fields?.Choices || []).length;
  return Math.max(NODE_WIDTH, (rules + 2) * 58 + 24);
}

function elkGraph(graph) {
  const byParent = new Map();
  for (const node of graph.nodes) {
    const key = node.parentId || 'root';
    if (!byParent.has(key)) byParent.set(key, []);
    byParent.get(key).push(node);
  }
  const build = (node) => {
    const children = (byParent.get(node.id) || []).map(build);
    const branch = isBranch(node);
    const isGroup = branch || node.type === 'Parallel' || node.type === 'Map';
    if (!isGroup) return { id: node.id, width: widthOf(node), height: NODE_HEIGHT };
    const padding = branch ? BRANCH_PADDING : GROUP_PADDING;
    const direction = node.type === 'Parallel' ? 'RIGHT' : 'DOWN';
    if (children.length === 0) {
      const size = branch || node.type === 'Map' ? { width: 240, height: 120 } : { width: 260, height: 110 };
      return { id: node.id, ...size, layoutOptions: { 'elk.padding': padding } };
    }
    return {
      id: node.id,
      layoutOptions: { 'elk.padding': padding, 'elk.direction': direction, 'elk.spacing.nodeNode': '28' },
      children,
    };
  };
  const ids = new Set(graph.nodes.map((n) => n.id));
  return {
    id: 'root',
    layoutOptions: {
      'elk.algorithm': 'layered',
      'elk.direction': 'DOWN',
      'elk.hierarchyHandling': 'INCLUDE_CHILDREN',
      'elk.layered.spacing.nodeNodeBetweenLayers': '50',
      'elk.spacing.nodeNode': '40',
      'elk.edgeRouting': 'ORTHOGONAL',
    },
    children: (byParent.get('root') || []).map(build),
    edges: graph.edges.filter((e) => ids.has(e.source) && ids.has(e.target))
      .map((e) => ({ id: e.id, sources: [e.source], targets: [e.target] })),
  };
}

/** Resolves to the ELK positions: id -> {x, y, width, height} (relative to the parent). */
export async function positionsOf(graph) {
  const laid = await elk.layout(elkGraph(graph));
  const positions = new Map();
  const visit = (n) => {
    positions.set(n.id, { x: n.x, y: n.y, width: n.width, height: n.height });
    (n.children || []).forEach(visit);
  };
  (laid.children || []).forEach(visit);
  return positions;
}
