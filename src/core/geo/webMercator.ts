/** A north-up map frame in WGS84 degrees, as a Web Mercator map shows it. */
export interface Bounds {
  west: number;
  south: number;
  east: number;
  north: number;
}

const M_PER_DEG = 111_320;

/** Web Mercator x and y in [0, 1] (y down), as the map and its picture use them. */
export const mercatorX = (lng: number): number => (lng + 180) / 360;
export const mercatorY = (lat: number): number => (1 - Math.log(Math.tan(Math.PI / 4 + (lat * Math.PI) / 360)) / Math.PI) / 2;
const latOfMercatorY = (y: number): number => (360 / Math.PI) * Math.atan(Math.exp(Math.PI * (1 - 2 * y))) - 90;

/** Ground metres across the frame's width, measured along its middle latitude. */
export function groundWidthM(bounds: Bounds): number {
  return (bounds.east - bounds.west) * M_PER_DEG * Math.cos((((bounds.north + bounds.south) / 2) * Math.PI) / 180);
}

/**
 * The frame of a given width : height ratio that holds every point with `padding` (a share of its
 * size) around them, and is at least `minWidthM` across (a single point still gets a street-scale frame).
 */
export function fitBounds(points: readonly { lat: number; lng: number }[], ratio: number, padding = 0.08, minWidthM = 400): Bounds | null {
  if (points.length === 0) return null;
  let [x0, x1, y0, y1] = [Infinity, -Infinity, Infinity, -Infinity];
  for (const { lat, lng } of points) {
    x0 = Math.min(x0, mercatorX(lng));
    x1 = Math.max(x1, mercatorX(lng));
    y0 = Math.min(y0, mercatorY(lat));
    y1 = Math.max(y1, mercatorY(lat));
  }
  const lat = latOfMercatorY((y0 + y1) / 2);
  // Mercator units per ground metre at this latitude.
  const perMetre = 1 / (360 * M_PER_DEG * Math.cos((lat * Math.PI) / 180));
  let width = Math.max((x1 - x0) * (1 + 2 * padding), minWidthM * perMetre);
  let height = (y1 - y0) * (1 + 2 * padding);
  if (width / height < ratio) width = height * ratio;
  else height = width / ratio;
  const cx = (x0 + x1) / 2;
  const cy = (y0 + y1) / 2;
  return { west: cx * 360 - 180 - (width * 360) / 2, east: cx * 360 - 180 + (width * 360) / 2, north: latOfMercatorY(cy - height / 2), south: latOfMercatorY(cy + height / 2) };
}

/** Projects positions into a rectangle (page millimetres or pixels) showing `bounds`. */
export function frameProjection(bounds: Bounds, rect: { x: number; y: number; w: number; h: number }): (lat: number, lng: number) => [number, number] {
  const x0 = mercatorX(bounds.west);
  const x1 = mercatorX(bounds.east);
  const y0 = mercatorY(bounds.north);
  const y1 = mercatorY(bounds.south);
  return (lat, lng) => [rect.x + ((mercatorX(lng) - x0) / (x1 - x0)) * rect.w, rect.y + ((mercatorY(lat) - y0) / (y1 - y0)) * rect.h];
}
