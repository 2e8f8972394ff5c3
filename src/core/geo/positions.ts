import type { Geometry, MultiPolygon, Polygon, Position } from 'geojson';

/**
 * GeoJSON positions carry 2, 3 or 4 numbers (longitude, latitude, then altitude and a measure, as
 * Google My Maps and many GIS exports write them). Everything downstream reads exactly two, so
 * readers cut every position to its first two numbers once, here.
 */
export function planarPosition(position: unknown): [number, number] | null {
  if (!Array.isArray(position) || position.length < 2 || position.length > 4) return null;
  const [x, y] = position as unknown[];
  return typeof x === 'number' && typeof y === 'number' && Number.isFinite(x) && Number.isFinite(y) ? [x, y] : null;
}

/** A geometry with every position mapped by `move`; null when a position is not 2-4 finite numbers. */
export function mapPositions<G extends Geometry>(geometry: G, move: (position: [number, number]) => Position): G | null {
  let bad = false;
  const one = (value: unknown): Position => {
    const position = planarPosition(value);
    if (!position) {
      bad = true;
      return [0, 0];
    }
    return move(position);
  };
  const list = (value: unknown): Position[] => (Array.isArray(value) ? value.map(one) : ((bad = true), []));
  const nested = (value: unknown): Position[][] => (Array.isArray(value) ? value.map(list) : ((bad = true), []));
  const result = ((): Geometry => {
    const g = geometry as Geometry;
    switch (g.type) {
      case 'Point':
        return { type: 'Point', coordinates: one(g.coordinates) };
      case 'MultiPoint':
      case 'LineString':
        return { type: g.type, coordinates: list(g.coordinates) };
      case 'MultiLineString':
      case 'Polygon':
        return { type: g.type, coordinates: nested(g.coordinates) };
      case 'MultiPolygon':
        return { type: 'MultiPolygon', coordinates: Array.isArray(g.coordinates) ? g.coordinates.map(nested) : ((bad = true), []) };
      case 'GeometryCollection':
        return { type: 'GeometryCollection', geometries: Array.isArray(g.geometries) ? g.geometries.map((part) => mapPositions(part, move) ?? ((bad = true), part)) : ((bad = true), []) };
      default:
        bad = true;
        return g;
    }
  })();
  return bad ? null : (result as G);
}

/** The geometry with two numbers per position. */
export function planarGeometry<G extends Geometry>(geometry: G): G | null {
  return mapPositions(geometry, (position) => position);
}

/** Every position's first two numbers, in order (for extents and checks). */
export function eachPosition(geometry: Geometry, visit: (x: number, y: number) => void): void {
  mapPositions(geometry, (position) => {
    visit(position[0], position[1]);
    return position;
  });
}

/**
 * Rings without consecutive repeated corners (published boundary files often repeat one), which
 * polygon operations refuse. Returns how many corners were removed.
 */
export function dropRepeatedVertices(geometry: Polygon | MultiPolygon): { geometry: Polygon | MultiPolygon; removed: number } {
  let removed = 0;
  const ring = (positions: Position[]): Position[] => {
    const kept = positions.filter((p, i) => i === 0 || p[0] !== positions[i - 1][0] || p[1] !== positions[i - 1][1]);
    removed += positions.length - kept.length;
    return kept;
  };
  const fixed: Polygon | MultiPolygon = geometry.type === 'Polygon' ? { type: 'Polygon', coordinates: geometry.coordinates.map(ring) } : { type: 'MultiPolygon', coordinates: geometry.coordinates.map((rings) => rings.map(ring)) };
  return { geometry: fixed, removed };
}
