// An edge drawn along the route ELK computed (absolute coordinates, see graph.js), with rounded
// bends, so edges go around groups instead of through them.
import { BaseEdge, getSmoothStepPath } from '@xyflow/react';

const RADIUS = 8;

function roundedPath(points) {
  let d = `M ${points[0].x} ${points[0].y}`;
  for (let i = 1; i < points.length - 1; i += 1) {
    const [a, b, c] = [points[i - 1], points[i], points[i + 1]];
    const r = Math.min(RADIUS, Math.hypot(b.x - a.x, b.y - a.y) / 2, Math.hypot(c.x - b.x, c.y - b.y) / 2);
    const inX = b.x + (Math.sign(a.x - b.x) * r);
    const inY = b.y + (Math.sign(a.y - b.y) * r);
    const outX = b.x + (Math.sign(c.x - b.x) * r);
    const outY = b.y + (Math.sign(c.y - b.y) * r);
    d += ` L ${inX} ${inY} Q ${b.x} ${b.y} ${outX} ${outY}`;
  }
  const last = points[points.length - 1];
  return `${d} L ${last.x} ${last.y}`;
}

function labelPoint(points) {
  let best = { length: -1, x: points[0].x, y: points[0].y };
  for (let i = 1; i < points.length; i += 1) {
    const length = Math.hypot(points[i].x - points[i - 1].x, points[i].y - points[i - 1].y);
    if (length > best.length) {
      best = { length, x: (points[i].x + points[i - 1].x) / 2, y: (points[i].y + points[i - 1].y) / 2 };
    }
  }
  return best;
}

export default function ElkEdge(props) {
  const { id, data, markerEnd, style, label, labelStyle, labelBgStyle, labelBgPadding, labelBgBorderRadius } = props;
  const points = data && data.points;
  let path;
  let at;
  if (points && points.length >= 2) {
    path = roundedPath(points);
    at = labelPoint(points);
  } else {
    const [fallback, x, y] = getSmoothStepPath(props);
    path = fallback;
    at = { x, y };
  }
  return (
    <BaseEdge
      id={id}
      path={path}
      markerEnd={markerEnd}
      style={style}
      label={label}
      labelX={at.x}
      labelY={at.y}
      labelStyle={labelStyle}
      labelShowBg
      labelBgStyle={labelBgStyle}
      labelBgPadding={labelBgPadding || [4, 2]}
      labelBgBorderRadius={labelBgBorderRadius || 4}
    />
  );
}
