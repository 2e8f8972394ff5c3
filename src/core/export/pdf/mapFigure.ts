import type { CellMark } from '../../vocabulary';
import type { jsPDF } from 'jspdf';
import type { MultiPolygon, Polygon } from 'geojson';
import type { CameraSite } from '../../cameras/cameraSites';
import { niceScaleLength, scaleLabel } from '../../geo/scale';
import { frameProjection, groundWidthM, type Bounds } from '../../geo/webMercator';
import { pdfSafeText } from './writer';

export interface Rect {
  x: number;
  y: number;
  w: number;
  h: number;
}

export interface MapPicture {
  png: Uint8Array;
  width: number;
  height: number;
  /** What the picture shows (north up). */
  bounds: Bounds;
}

/** What a printed map shows on top of its picture: all in black and white, told apart by shape. */
export interface MapLayers {
  places: { number: number; lat: number; lng: number; label: string }[];
  cameras: Pick<CameraSite, 'id' | 'kind' | 'status' | 'current' | 'proposed' | 'radiusM'>[];
  zones: { name: string; geometry: Polygon | MultiPolygon }[];
  /** Outlines to draw bold (an inset's own cell, a displacement ring). */
  highlight: [number, number][][];
  /** What the bold outlines are, for the legend; unnamed ones are not listed. */
  highlightLabel?: string;
  /** Draw each camera's reach (insets: close enough to read). */
  showReach: boolean;
}

/** The shading legend of the picture (hotspot classes), as the app shows it. */
export interface Shading {
  title: string;
  /** `mark`: hot classes hatched, cold ones dotted, as on the map, so a grey print still tells them apart. */
  entries: { colour: string; label: string; mark?: CellMark }[];
}

type Placed = { x0: number; y0: number; x1: number; y1: number };
const overlaps = (a: Placed, b: Placed) => a.x0 < b.x1 && b.x0 < a.x1 && a.y0 < b.y1 && b.y0 < a.y1;

/** A label on a white box, placed beside its point inside the frame where it overlaps nothing placed before (else to the right). */
function label(doc: jsPDF, text: string, px: number, py: number, size: number, placed: Placed[], frame: Rect, bold = false): void {
  doc.setFont('helvetica', bold ? 'bold' : 'normal').setFontSize(size);
  const safe = pdfSafeText(text);
  const w = doc.getTextWidth(safe) + 0.8;
  const h = size * 0.42;
  const gap = 2.4;
  const options: Placed[] = [
    { x0: px + gap, y0: py - h / 2, x1: px + gap + w, y1: py + h / 2 },
    { x0: px - gap - w, y0: py - h / 2, x1: px - gap, y1: py + h / 2 },
    { x0: px - w / 2, y0: py - gap - h, x1: px + w / 2, y1: py - gap },
    { x0: px - w / 2, y0: py + gap, x1: px + w / 2, y1: py + gap + h },
  ];
  const fits = (o: Placed) => o.x0 >= frame.x && o.x1 <= frame.x + frame.w && o.y0 >= frame.y && o.y1 <= frame.y + frame.h;
  const box = options.find((o) => fits(o) && !placed.some((p) => overlaps(o, p))) ?? options.find(fits) ?? options[0];
  placed.push(box);
  doc.setFillColor(255, 255, 255).rect(box.x0, box.y0, w, h, 'F');
  doc.setTextColor(0).text(safe, box.x0 + 0.4, box.y1 - h * 0.22);
}

function cameraSymbol(doc: jsPDF, kind: CameraSite['kind'], status: CameraSite['status'], x: number, y: number, s: number, hollow = false): void {
  doc.setDrawColor(0).setLineWidth(0.3).setFillColor(hollow ? '#ffffff' : '#000000');
  const style = hollow ? 'FD' : 'F';
  if (status === 'new') {
    doc.setFillColor(255, 255, 255).setLineWidth(0.5);
    doc.lines([[s, s], [-s, s], [-s, -s], [s, -s]], x, y - s, [1, 1], 'FD', true);
  } else if (kind === 'fixed') doc.rect(x - s * 0.8, y - s * 0.8, s * 1.6, s * 1.6, style);
  else doc.triangle(x, y - s, x + s, y + s * 0.8, x - s, y + s * 0.8, style);
}

function arrow(doc: jsPDF, from: [number, number], to: [number, number]): void {
  const [x0, y0] = from;
  const [x1, y1] = to;
  const length = Math.hypot(x1 - x0, y1 - y0);
  if (length < 0.5) return;
  const [ux, uy] = [(x1 - x0) / length, (y1 - y0) / length];
  const head = Math.min(2.2, length / 2);
  doc.setDrawColor(0).setLineWidth(0.5).line(x0, y0, x1 - ux * head, y1 - uy * head);
  doc.setFillColor(0, 0, 0).triangle(x1, y1, x1 - ux * head - uy * head * 0.5, y1 - uy * head + ux * head * 0.5, x1 - ux * head + uy * head * 0.5, y1 - uy * head - ux * head * 0.5, 'F');
}

function placeMarker(doc: jsPDF, n: number, x: number, y: number, r = 2.3): void {
  doc.setDrawColor(0).setLineWidth(0.45).setFillColor(255, 255, 255).circle(x, y, r, 'FD');
  doc.setFont('helvetica', 'bold').setFontSize(r * 3.2).setTextColor(0).text(String(n), x, y + r * 0.42, { align: 'center' });
}

type LegendItem = [full: string, short: string, draw: (doc: jsPDF, x: number, y: number) => void, drawn: (layers: MapLayers) => boolean];

const LEGEND: LegendItem[] = [
  ['Top location (number as in the table)', 'place', (doc, x, y) => placeMarker(doc, 1, x, y, 1.5), (l) => l.places.length > 0],
  ['Fixed camera', 'fixed', (doc, x, y) => cameraSymbol(doc, 'fixed', 'kept', x, y, 1.1), (l) => l.cameras.some((c) => c.kind === 'fixed')],
  ['Re-deployable camera', 're-deployable', (doc, x, y) => cameraSymbol(doc, 'redeployable', 'kept', x, y, 1.1), (l) => l.cameras.some((c) => c.kind !== 'fixed')],
  ['New camera (NEW-n)', 'new', (doc, x, y) => cameraSymbol(doc, 'redeployable', 'new', x, y, 1.1), (l) => l.cameras.some((c) => c.status === 'new')],
  ['Move: from now to proposed', 'move', (doc, x, y) => arrow(doc, [x - 2, y], [x + 2.5, y]), (l) => l.cameras.some((c) => c.status === 'moved')],
  ['PSPO zone', 'zone', (doc, x, y) => void doc.setLineDashPattern([1, 0.7], 0).setLineWidth(0.4).line(x - 2, y, x + 2.5, y).setLineDashPattern([], 0), (l) => l.zones.length > 0],
];

/** The legend entries for what this map draws. */
function legendItems(layers: MapLayers): LegendItem[] {
  const items = LEGEND.filter((item) => item[3](layers));
  if (layers.highlightLabel && layers.highlight.length > 0) items.push([layers.highlightLabel, 'bold', (doc, x, y) => void doc.setDrawColor(0).setLineWidth(0.8).line(x - 2, y, x + 2.5, y), () => true]);
  return items;
}

/** The legend of shapes (and the picture's shading) in the lower left; on a close-up, one line along the top. */
function legend(doc: jsPDF, rect: Rect, items: readonly LegendItem[], shading: Shading | null, compact: boolean): void {
  doc.setTextColor(0);
  if (compact) {
    let x = rect.x + 1;
    doc.setFont('helvetica', 'normal').setFontSize(5);
    const width = items.reduce((sum, [, short]) => sum + 6.5 + doc.getTextWidth(short), 0) + 1 + doc.getTextWidth('dotted: reach');
    doc.setFillColor(255, 255, 255).setDrawColor(0).setLineWidth(0.2).rect(x, rect.y + 1, width, 4.2, 'FD');
    for (const [, short, draw] of [...items, ['dotted: reach', 'dotted: reach', () => undefined, () => true] as LegendItem]) {
      draw(doc, x + 3, rect.y + 3.1);
      doc.setFont('helvetica', 'normal').setFontSize(5).setTextColor(0).text(short, x + (short.startsWith('dotted') ? 1 : 5.5), rect.y + 4);
      x += (short.startsWith('dotted') ? 1 : 6.5) + doc.getTextWidth(short);
    }
    return;
  }
  const rows = shading?.entries ?? [];
  if (items.length === 0 && rows.length === 0) return;
  const h = 3 + items.length * 3.4 + (rows.length > 0 ? 4 + rows.length * 3.2 : 0);
  const w = 48;
  const x = rect.x + 1.5;
  const y = rect.y + rect.h - h - 1.5;
  doc.setFillColor(255, 255, 255).setDrawColor(0).setLineWidth(0.2).rect(x, y, w, h, 'FD');
  items.forEach(([text, , draw], i) => {
    const cy = y + 3 + i * 3.4;
    draw(doc, x + 3, cy);
    doc.setFont('helvetica', 'normal').setFontSize(6).setTextColor(0).text(pdfSafeText(text), x + 7, cy + 0.9);
  });
  if (rows.length > 0) {
    let cy = y + 3 + items.length * 3.4 + 1;
    doc.setFont('helvetica', 'bold').setFontSize(6).text(pdfSafeText(shading?.title ?? ''), x + 1.5, cy);
    for (const entry of rows) {
      cy += 3.2;
      doc.setFillColor(entry.colour).setDrawColor(0).rect(x + 1.5, cy - 2.1, 3, 2.4, 'FD');
      if (entry.mark === 'hot') for (const d of [0.6, 1.4, 2.2]) doc.setLineWidth(0.15).line(x + 1.5 + d, cy - 2.1, x + 1.5 + d + 0.8, cy + 0.3);
      if (entry.mark === 'cold') for (const [dx, dy] of [[0.8, 0.6], [2.2, 0.6], [0.8, 1.8], [2.2, 1.8]]) doc.setFillColor(0, 0, 0).circle(x + 1.5 + dx, cy - 2.1 + dy, 0.22, 'F');
      doc.setFont('helvetica', 'normal').setFontSize(6).text(pdfSafeText(entry.label), x + 7, cy);
    }
  }
}

function scaleBar(doc: jsPDF, rect: Rect, bounds: Bounds, compact: boolean): void {
  const { metres, units } = niceScaleLength(groundWidthM(bounds) / rect.w, rect.w / 4);
  const x = rect.x + rect.w - units - 14;
  const y = rect.y + rect.h - 4;
  doc.setFillColor(255, 255, 255).rect(x - 2, y - 4, units + 14, 6, 'F');
  doc.setDrawColor(0).setLineWidth(0.3).setFillColor(0, 0, 0).rect(x, y - 1, units / 2, 1.2, 'FD');
  doc.setFillColor(255, 255, 255).rect(x + units / 2, y - 1, units / 2, 1.2, 'FD');
  doc.setFont('helvetica', 'normal').setFontSize(6.5).setTextColor(0).text(scaleLabel(metres), x + units + 1.5, y + 0.3);
  // North is up on every printed map.
  const nx = rect.x + rect.w - 5;
  const ny = rect.y + (compact ? 10 : 6);
  doc.setFillColor(0, 0, 0).triangle(nx, ny - 3.5, nx + 1.8, ny + 1, nx - 1.8, ny + 1, 'F');
  doc.setFont('helvetica', 'bold').setFontSize(7).text('N', nx, ny + 4, { align: 'center' });
}

const rings = (geometry: Polygon | MultiPolygon): number[][][] => (geometry.type === 'Polygon' ? geometry.coordinates : geometry.coordinates.flat());

/**
 * One printed map: the picture (basemap and hotspots as on screen) when there is one, else a plain
 * frame; then zones, moves, cameras with their ids and numbered places with their street text,
 * the legend and a scale bar. Everything is drawn in black and white and told apart by shape.
 */
export function drawMapFigure(doc: jsPDF, rect: Rect, bounds: Bounds, layers: MapLayers, picture: MapPicture | null, shading: Shading | null, compact = false): void {
  const project = frameProjection(bounds, rect);
  const inside = ([x, y]: [number, number]) => x >= rect.x && x <= rect.x + rect.w && y >= rect.y && y <= rect.y + rect.h;
  if (picture) doc.addImage(picture.png, 'PNG', rect.x, rect.y, rect.w, rect.h, undefined, 'FAST');
  else {
    doc.setFillColor(255, 255, 255).rect(rect.x, rect.y, rect.w, rect.h, 'F');
    doc.setFont('helvetica', 'italic').setFontSize(6).setTextColor(0).text('No basemap: streets named from the data', rect.x + 1.5, compact ? rect.y + rect.h - 2 : rect.y + 3);
  }
  doc.saveGraphicsState();
  doc.rect(rect.x, rect.y, rect.w, rect.h, null).clip().discardPath();
  const placed: Placed[] = [];
  doc.setLineDashPattern([1.2, 0.8], 0).setDrawColor(0).setLineWidth(0.45);
  for (const zone of layers.zones) {
    for (const ring of rings(zone.geometry)) {
      const points = ring.map(([lng, lat]) => project(lat, lng));
      for (let i = 1; i < points.length; i++) doc.line(points[i - 1][0], points[i - 1][1], points[i][0], points[i][1]);
    }
  }
  doc.setLineDashPattern([], 0).setLineWidth(0.8);
  for (const ring of layers.highlight) {
    const points = ring.map(([lng, lat]) => project(lat, lng));
    for (let i = 1; i < points.length; i++) doc.line(points[i - 1][0], points[i - 1][1], points[i][0], points[i][1]);
  }
  const metresPerMm = groundWidthM(bounds) / rect.w;
  for (const camera of layers.cameras) {
    const at = project(camera.proposed.lat, camera.proposed.lng);
    if (layers.showReach && inside(at)) doc.setDrawColor(80).setLineWidth(0.2).setLineDashPattern([0.4, 0.6], 0).circle(at[0], at[1], camera.radiusM / metresPerMm, 'S').setLineDashPattern([], 0);
    if (camera.status === 'moved' && camera.current) {
      const from = project(camera.current.lat, camera.current.lng);
      arrow(doc, from, at);
      if (inside(from)) cameraSymbol(doc, camera.kind, camera.status, from[0], from[1], 1.1, true);
    }
  }
  for (const place of layers.places) {
    const at = project(place.lat, place.lng);
    if (inside(at)) placed.push({ x0: at[0] - 2.5, y0: at[1] - 2.5, x1: at[0] + 2.5, y1: at[1] + 2.5 });
  }
  for (const camera of layers.cameras) {
    const at = project(camera.proposed.lat, camera.proposed.lng);
    if (!inside(at)) continue;
    cameraSymbol(doc, camera.kind, camera.status, at[0], at[1], 1.3);
    label(doc, camera.id, at[0], at[1], compact ? 5.5 : 5, placed, rect, camera.status !== 'kept');
  }
  // A zone without a name is outlined only (the picture already names it).
  for (const zone of layers.zones.filter((z) => z.name !== '')) {
    const ring = rings(zone.geometry)[0] ?? [];
    const at = project(ring.reduce((s, p) => s + p[1], 0) / Math.max(1, ring.length), ring.reduce((s, p) => s + p[0], 0) / Math.max(1, ring.length));
    if (inside(at)) {
      doc.setFont('helvetica', 'bolditalic');
      label(doc, zone.name, at[0], at[1], 6, placed, rect);
    }
  }
  for (const place of layers.places) {
    const at = project(place.lat, place.lng);
    if (!inside(at)) continue;
    placeMarker(doc, place.number, at[0], at[1]);
    if (place.label) label(doc, place.label, at[0], at[1], 6, placed, rect, true);
  }
  doc.restoreGraphicsState();
  doc.setDrawColor(0).setLineWidth(0.3).rect(rect.x, rect.y, rect.w, rect.h, 'S');
  legend(doc, rect, legendItems(layers), picture ? shading : null, compact);
  scaleBar(doc, rect, bounds, compact);
}
