import type { CellMark } from '../core/vocabulary';
import { CELL_MARK_TILES } from './cellMarks';
import type { Map as MapLibreMap } from 'maplibre-gl';
import { niceScaleLength, scaleLabel } from '../core/geo/scale';
import type { MapPicture } from '../core/export/pdf/mapFigure';
import { mercatorX, mercatorY, type Bounds } from '../core/geo/webMercator';
import { hotspotsHanded } from './hotspotLayers';
import { currentMap } from './mapInstance';

export interface MapImageOptions {
  /** 1 = screen size; 2 or 3 for print. */
  scale: number;
  title: string;
  subtitle: string;
  legendTitle: string;
  legend: readonly { colour: string; label: string; mark?: CellMark }[];
}

const HEADER_PX = 56;
const FOOTER_PX = 64;
const EARTH_CIRCUMFERENCE_M = 40_075_016.686;

/** Ground metres per CSS pixel at the map centre (512-pixel Web Mercator tiles). */
function metresPerPixel(map: MapLibreMap): number {
  const { lat } = map.getCenter();
  return (EARTH_CIRCUMFERENCE_M * Math.cos((lat * Math.PI) / 180)) / (512 * 2 ** map.getZoom());
}

function waitForIdle(map: MapLibreMap): Promise<void> {
  return new Promise((resolve) => {
    map.once('idle', () => resolve());
    map.triggerRepaint();
  });
}

/**
 * The map as shown, framed as a printable figure: title, period and filters above; legend, scale
 * bar, north arrow, attribution and the generation date below. Rendered at `scale` × screen size.
 */
export async function exportMapImage(options: MapImageOptions): Promise<Blob> {
  const map = currentMap();
  if (!map) throw new Error('The map is not ready yet.');
  const originalRatio = map.getPixelRatio();
  const scale = options.scale;
  await hotspotsHanded();
  map.setPixelRatio(scale);
  await waitForIdle(map);
  try {
    const mapCanvas = map.getCanvas();
    const widthCss = mapCanvas.clientWidth || mapCanvas.width / scale;
    const heightCss = mapCanvas.clientHeight || mapCanvas.height / scale;
    const canvas = document.createElement('canvas');
    canvas.width = Math.round(widthCss * scale);
    canvas.height = Math.round((heightCss + HEADER_PX + FOOTER_PX) * scale);
    const ctx = canvas.getContext('2d');
    if (!ctx) throw new Error('This browser cannot draw the image.');
    ctx.scale(scale, scale);
    ctx.fillStyle = '#ffffff';
    ctx.fillRect(0, 0, widthCss, heightCss + HEADER_PX + FOOTER_PX);
    ctx.drawImage(mapCanvas, 0, HEADER_PX, widthCss, heightCss);
    drawHeader(ctx, options, widthCss);
    const attribution = map.getContainer().querySelector('.maplibregl-ctrl-attrib-inner')?.textContent ?? '';
    drawFooter(ctx, options, attribution, widthCss, HEADER_PX + heightCss);
    drawScaleBar(ctx, metresPerPixel(map), 16, HEADER_PX + heightCss - 14);
    drawNorthArrow(ctx, widthCss - 28, HEADER_PX + 34, map.getBearing());
    return await new Promise<Blob>((resolve, reject) => canvas.toBlob((blob) => (blob ? resolve(blob) : reject(new Error('The image could not be encoded.'))), 'image/png'));
  } finally {
    map.setPixelRatio(originalRatio);
  }
}

function drawHeader(ctx: CanvasRenderingContext2D, options: MapImageOptions, width: number): void {
  ctx.fillStyle = '#111827';
  ctx.font = '600 18px system-ui, sans-serif';
  ctx.fillText(options.title, 16, 24, width - 32);
  ctx.fillStyle = '#4b5563';
  ctx.font = '13px system-ui, sans-serif';
  ctx.fillText(options.subtitle, 16, 44, width - 32);
}

/** The map's hatching or dots for a legend swatch, from the same tiles the map layer uses. */
function markPattern(ctx: CanvasRenderingContext2D, mark: CellMark): CanvasPattern | null {
  const { width, height, data } = CELL_MARK_TILES[mark];
  const tile = document.createElement('canvas');
  tile.width = width;
  tile.height = height;
  tile.getContext('2d')?.putImageData(new ImageData(new Uint8ClampedArray(data), width, height), 0, 0);
  return ctx.createPattern(tile, 'repeat');
}

function drawFooter(ctx: CanvasRenderingContext2D, options: MapImageOptions, attribution: string, width: number, top: number): void {
  ctx.fillStyle = '#111827';
  ctx.font = '600 12px system-ui, sans-serif';
  ctx.fillText(options.legendTitle, 16, top + 18);
  ctx.font = '12px system-ui, sans-serif';
  let x = 16;
  for (const entry of options.legend) {
    ctx.fillStyle = entry.colour;
    ctx.fillRect(x, top + 28, 14, 14);
    const pattern = entry.mark ? markPattern(ctx, entry.mark) : null;
    if (pattern) {
      ctx.fillStyle = pattern;
      ctx.fillRect(x, top + 28, 14, 14);
    }
    ctx.strokeStyle = '#9ca3af';
    ctx.strokeRect(x, top + 28, 14, 14);
    ctx.fillStyle = '#111827';
    ctx.fillText(entry.label, x + 18, top + 40);
    x += 26 + ctx.measureText(entry.label).width;
  }
  ctx.fillStyle = '#6b7280';
  ctx.font = '11px system-ui, sans-serif';
  const generated = `Generated ${new Date().toLocaleString('en-GB')}`;
  ctx.textAlign = 'right';
  ctx.fillText(attribution, width - 16, top + 40, width / 2);
  ctx.fillText(generated, width - 16, top + 56, width / 2);
  ctx.textAlign = 'left';
}

function drawScaleBar(ctx: CanvasRenderingContext2D, metresPerPx: number, x: number, y: number): void {
  const { metres, units: px } = niceScaleLength(metresPerPx, 140);
  ctx.fillStyle = 'rgba(255,255,255,0.85)';
  ctx.fillRect(x - 6, y - 18, px + 60, 26);
  ctx.strokeStyle = '#111827';
  ctx.lineWidth = 2;
  ctx.beginPath();
  ctx.moveTo(x, y - 6);
  ctx.lineTo(x, y);
  ctx.lineTo(x + px, y);
  ctx.lineTo(x + px, y - 6);
  ctx.stroke();
  ctx.fillStyle = '#111827';
  ctx.font = '11px system-ui, sans-serif';
  ctx.fillText(scaleLabel(metres), x + px + 6, y);
}

function drawNorthArrow(ctx: CanvasRenderingContext2D, x: number, y: number, bearingDeg: number): void {
  ctx.save();
  ctx.translate(x, y);
  ctx.rotate((-bearingDeg * Math.PI) / 180);
  ctx.fillStyle = 'rgba(255,255,255,0.85)';
  ctx.beginPath();
  ctx.arc(0, 0, 18, 0, 2 * Math.PI);
  ctx.fill();
  ctx.fillStyle = '#111827';
  ctx.beginPath();
  ctx.moveTo(0, -14);
  ctx.lineTo(7, 6);
  ctx.lineTo(0, 2);
  ctx.lineTo(-7, 6);
  ctx.closePath();
  ctx.fill();
  ctx.font = '600 10px system-ui, sans-serif';
  ctx.textAlign = 'center';
  ctx.fillText('N', 0, 16);
  ctx.restore();
}


/** The canvas cropped to `aspect` (width : height) around its centre; the map must be north up. */
async function picture(map: MapLibreMap, scale: number, aspect: number | null): Promise<MapPicture> {
  await waitForIdle(map);
  const source = map.getCanvas();
  const cssW = source.clientWidth || source.width / scale;
  const cssH = source.clientHeight || source.height / scale;
  const w = aspect === null || cssW / cssH <= aspect ? cssW : cssH * aspect;
  const h = aspect === null || cssW / cssH >= aspect ? cssH : cssW / aspect;
  const x0 = (cssW - w) / 2;
  const y0 = (cssH - h) / 2;
  const canvas = document.createElement('canvas');
  canvas.width = Math.round(w * scale);
  canvas.height = Math.round(h * scale);
  const ctx = canvas.getContext('2d');
  if (!ctx) throw new Error('This browser cannot draw the image.');
  ctx.drawImage(source, x0 * (source.width / cssW), y0 * (source.height / cssH), w * (source.width / cssW), h * (source.height / cssH), 0, 0, canvas.width, canvas.height);
  const topLeft = map.unproject([x0, y0]);
  const bottomRight = map.unproject([x0 + w, y0 + h]);
  const blob = await new Promise<Blob>((resolve, reject) => canvas.toBlob((b) => (b ? resolve(b) : reject(new Error('The image could not be encoded.'))), 'image/png'));
  return { png: new Uint8Array(await blob.arrayBuffer()), width: canvas.width, height: canvas.height, bounds: { west: topLeft.lng, north: topLeft.lat, east: bottomRight.lng, south: bottomRight.lat } };
}

/**
 * The map as shown (turned north up), then a close-up of each frame in `closeUps` cropped to its
 * shape; the view is put back afterwards.
 */
export async function captureMapPictures(scale: number, closeUps: readonly Bounds[]): Promise<{ main: MapPicture; closeUps: MapPicture[] }> {
  const map = currentMap();
  if (!map) throw new Error('The map is not ready yet.');
  const view = { center: map.getCenter(), zoom: map.getZoom(), bearing: map.getBearing(), pitch: map.getPitch() };
  const originalRatio = map.getPixelRatio();
  map.setPixelRatio(scale);
  try {
    map.jumpTo({ bearing: 0, pitch: 0 });
    const main = await picture(map, scale, null);
    const pictures: MapPicture[] = [];
    for (const frame of closeUps) {
      map.fitBounds([[frame.west, frame.south], [frame.east, frame.north]], { animate: false, padding: 0 });
      pictures.push(await picture(map, scale, (mercatorX(frame.east) - mercatorX(frame.west)) / (mercatorY(frame.south) - mercatorY(frame.north))));
    }
    return { main, closeUps: pictures };
  } finally {
    map.jumpTo(view);
    map.setPixelRatio(originalRatio);
  }
}
