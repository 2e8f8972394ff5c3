import type { Position } from 'geojson';

/**
 * Points where a polygon's rings cross themselves or each other (segments that meet without being
 * neighbours in the same ring). A sweep from west to east compares each segment only with those
 * whose east-west span overlaps it: near-linear for real boundaries, where turf's `kinks` compares
 * every pair (a 10,000-corner borough took seconds, a 1,000,000-corner zone hours).
 */
export function ringCrossings(rings: readonly Position[][]): Position[] {
  const segments: Segment[] = [];
  rings.forEach((ring, r) => {
    for (let i = 0; i + 1 < ring.length; i++) {
      const [ax, ay] = ring[i];
      const [bx, by] = ring[i + 1];
      segments.push({ ring: r, index: i, last: ring.length - 2, ax, ay, bx, by, minX: Math.min(ax, bx), maxX: Math.max(ax, bx), minY: Math.min(ay, by), maxY: Math.max(ay, by) });
    }
  });
  segments.sort((a, b) => a.minX - b.minX);
  const found = new Map<string, Position>();
  // Active segments, compacted in place as the sweep passes their east end.
  const active: Segment[] = [];
  for (const q of segments) {
    let kept = 0;
    for (let k = 0; k < active.length; k++) {
      const p = active[k];
      if (p.maxX < q.minX) continue;
      active[kept++] = p;
      if (p.maxY < q.minY || p.minY > q.maxY) continue;
      if (p.ring === q.ring && (Math.abs(p.index - q.index) === 1 || Math.abs(p.index - q.index) === p.last)) continue;
      const point = intersection(p, q);
      if (point) found.set(`${point[0].toFixed(12)},${point[1].toFixed(12)}`, point);
    }
    active.length = kept;
    active.push(q);
  }
  return [...found.values()];
}

interface Segment {
  ring: number;
  index: number;
  /** Index of the ring's last segment, which neighbours its first. */
  last: number;
  ax: number;
  ay: number;
  bx: number;
  by: number;
  minX: number;
  maxX: number;
  minY: number;
  maxY: number;
}

/** Where two segments meet (touching counts), or null; for overlapping collinear segments, one shared point. */
function intersection(p: { ax: number; ay: number; bx: number; by: number }, q: { ax: number; ay: number; bx: number; by: number }): Position | null {
  const rx = p.bx - p.ax;
  const ry = p.by - p.ay;
  const sx = q.bx - q.ax;
  const sy = q.by - q.ay;
  const denominator = rx * sy - ry * sx;
  const qpx = q.ax - p.ax;
  const qpy = q.ay - p.ay;
  if (denominator === 0) {
    if (qpx * ry - qpy * rx !== 0) return null;
    const length = rx * rx + ry * ry;
    const t0 = (qpx * rx + qpy * ry) / length;
    const t1 = t0 + (sx * rx + sy * ry) / length;
    const from = Math.max(0, Math.min(t0, t1));
    return from <= Math.min(1, Math.max(t0, t1)) ? [p.ax + from * rx, p.ay + from * ry] : null;
  }
  const t = (qpx * sy - qpy * sx) / denominator;
  const u = (qpx * ry - qpy * rx) / denominator;
  return t >= 0 && t <= 1 && u >= 0 && u <= 1 ? [p.ax + t * rx, p.ay + t * ry] : null;
}
