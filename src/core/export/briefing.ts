import type { SourceRecord } from '../provenance';
import type { MultiPolygon, Polygon } from 'geojson';
import type { CameraCard } from '../cameras/justification';
import type { PatrolWindows } from '../hotspots/patrolWindows';
import { fitBounds } from '../geo/webMercator';
import { briefingPlaces, INSET_ASPECT, insetBounds, insetPlaces, type BriefingPlace, type TopLocationInput } from './briefingPlaces';
import { camerasTable, findingsText, justificationAnnex, movesTable, patrolTable, placesTable, technicalAnnex } from './briefingSections';
import { drawMapFigure, type MapLayers, type MapPicture, type Rect, type Shading } from './pdf/mapFigure';
import { BODY_BOTTOM, BODY_TOP, MARGIN, PAGE_W, PdfWriter } from './pdf/writer';
import type { Finding } from './plainWords';

export { pdfSafeText } from './pdf/writer';

/**
 * The operation briefing pack: A4 landscape pages an officer can use on paper, printed in black
 * and white. Page 1: the operation and the map with numbered places and labelled cameras beside
 * the numbered table; page 2: a close-up of each of the first places; then the tables (places with
 * grid references, cameras, moves, patrol windows, zones), the findings in plain words, the data
 * sources, and annexes with the technical figures and each camera's justification. Sections with
 * nothing in them are left out.
 */
export interface BriefingContent {
  operationName: string;
  operationDate: string;
  protectiveMarking: string;
  /** A warning printed under the title (synthetic sample data present), or null. */
  dataNote?: string | null;
  period: string;
  filters: string;
  /** Where the briefing is about and what lies outside it, e.g. "Study area: Brent (41,203 incidents outside it not shown)". */
  studyArea?: string;
  /** The map as on screen (basemap, hotspots) and the frame it shows; null draws the map from the data alone. */
  map: MapPicture | null;
  shading: Shading | null;
  /** Close-up pictures, one per close-up in order (`insetFrames`); missing ones are drawn from the data alone. */
  insetPictures: (MapPicture | null)[];
  topLocations: TopLocationInput[];
  cameras: CameraCard[];
  zones: { name: string; orderRef: string; period: string; prohibitions: string[]; geometry: Polygon | MultiPolygon }[];
  /** Incidents by time window in the operation area; null leaves the section out. */
  patrol: { windows: PatrolWindows; area: string } | null;
  sources: SourceRecord[];
  findings: Finding[];
  /** What demand is counted in ("incidents" or "harm"), for the moves table. */
  demandUnit: string;
  /** The harm scheme in words, for the cards ("harm (after the Cambridge Crime Harm Index)"). */
  harmLabel: string;
  generatedAt: string;
}

const stripOnOrNear = (text: string) => text.replace(/^on or near /i, '');

function layers(content: BriefingContent, places: readonly BriefingPlace[], inset: BriefingPlace | null): MapLayers {
  return {
    places: places.map((p) => ({ number: p.rank, lat: p.lat, lng: p.lng, label: inset && p !== inset ? '' : stripOnOrNear(p.location) })),
    cameras: content.cameras.map((c) => c.site),
    zones: content.zones,
    highlight: inset ? [inset.outline] : [],
    showReach: inset !== null,
  };
}

/** Page 1: the operation on separate lines, the map, and the numbered table beside it. */
function mapPage(w: PdfWriter, content: BriefingContent, places: readonly BriefingPlace[]): void {
  w.text(`Operation ${content.operationName}`, MARGIN, 17, 'bold');
  w.text(`Date: ${content.operationDate}`, MARGIN, 11);
  w.text(`Data: ${content.period}`, MARGIN, 11);
  if (content.dataNote) w.text(content.dataNote, MARGIN, 10, 'bold');
  w.text(content.filters, MARGIN, 9);
  if (content.studyArea) w.text(content.studyArea, MARGIN, 9, 'bold');
  const top = w.y + 2;
  const tableW = places.length > 0 ? 92 : 0;
  const space = { w: PAGE_W - 2 * MARGIN - (tableW > 0 ? tableW + 3 : 0), h: BODY_BOTTOM - top };
  const ratio = content.map ? content.map.width / content.map.height : space.w / space.h;
  const rect: Rect = { x: MARGIN, y: top, w: Math.min(space.w, space.h * ratio), h: Math.min(space.h, space.w / ratio) };
  // Without a picture the frame holds the places and zones (cameras elsewhere in the borough would shrink them to dots).
  const zonePoints = content.zones.flatMap((z) => (z.geometry.type === 'Polygon' ? z.geometry.coordinates[0] : z.geometry.coordinates[0][0]).map(([lng, lat]) => ({ lat, lng })));
  const framed = places.length + zonePoints.length > 0 ? [...places, ...zonePoints] : content.cameras.map((c) => c.site.proposed);
  const bounds = content.map?.bounds ?? fitBounds(framed, rect.w / rect.h, 0.15);
  if (bounds) drawMapFigure(w.doc, rect, bounds, layers(content, places, null), content.map, content.shading);
  if (places.length === 0) return;
  const x = PAGE_W - MARGIN - tableW;
  w.y = top;
  w.text('Top locations', x, 12, 'bold');
  w.table(
    [{ title: '#', width: 7 }, { title: 'Location', width: 44 }, { title: 'Grid reference', width: 29 }, { title: 'Count', width: 12 }],
    places.map((p) => [{ text: String(p.rank), bold: true }, p.location || '(no location text)', p.gridRef, String(p.count)]),
    x,
    8,
  );
  if (content.findings.length > 0 && w.y < BODY_BOTTOM - 30) {
    w.y += 3;
    w.text('In plain words', x, 10, 'bold');
    for (const f of content.findings) w.text(f.plain, x, 8.5, 'normal', tableW);
  }
}

/** Page 2: a close-up of each of the first places, with its number, grid reference, zone and cameras. */
function insetPage(w: PdfWriter, content: BriefingContent, places: readonly BriefingPlace[]): void {
  const chosen = insetPlaces(places);
  if (chosen.length === 0) return;
  w.newPage();
  w.text('Close-ups of the top locations', MARGIN, 13, 'bold');
  const gap = 4;
  const cellW = (PAGE_W - 2 * MARGIN - 2 * gap) / 3;
  const mapH = cellW / INSET_ASPECT;
  const rowH = mapH + 17;
  const top = w.y + 1;
  chosen.forEach((place, i) => {
    const picture = content.insetPictures[i] ?? null;
    const rect: Rect = { x: MARGIN + (i % 3) * (cellW + gap), y: top + Math.floor(i / 3) * rowH, w: cellW, h: mapH };
    drawMapFigure(w.doc, rect, picture?.bounds ?? insetBounds(place, INSET_ASPECT), layers(content, places, place), picture, null, true);
    w.y = rect.y + mapH + 1;
    w.text(`${place.rank}  ${place.location || '(no location text)'}`, rect.x, 9, 'bold', cellW);
    w.text(`${place.gridRef}  (${place.lat.toFixed(5)}, ${place.lng.toFixed(5)})`, rect.x, 8, 'normal', cellW);
    w.text(`Zone: ${place.zones.join(', ') || 'none'}. Cameras that see it: ${place.cameras.join(', ') || 'none'}.`, rect.x, 8, 'normal', cellW);
  });
}

export async function buildBriefingPdf(content: BriefingContent): Promise<Uint8Array> {
  const w = await PdfWriter.create(content.protectiveMarking);
  const places = briefingPlaces(content.topLocations, content.cameras.map((c) => c.site), content.zones);
  mapPage(w, content, places);
  insetPage(w, content, places);
  w.newPage();
  const start = w.doc.getNumberOfPages();
  placesTable(w, places);
  camerasTable(w, content.cameras);
  movesTable(w, content.cameras, content.demandUnit);
  patrolTable(w, content.patrol);
  if (content.zones.length > 0) {
    w.heading('PSPO zones in the area');
    for (const zone of content.zones) {
      w.text(`${zone.name} (${zone.orderRef}), ${zone.period}`, MARGIN, 10, 'bold');
      for (const prohibition of zone.prohibitions) w.text(`- ${prohibition}`, MARGIN + 4, 9);
      w.y += 1.5;
    }
  }
  findingsText(w, content.findings);
  if (content.sources.length > 0) {
    w.heading('Data sources');
    w.table(
      [{ title: 'File', width: 80 }, { title: 'Kind', width: 40 }, { title: 'Rows loaded', width: 24 }, { title: 'Rejected', width: 20 }, { title: 'Months', width: 40 }, { title: 'Licence', width: 69 }],
      content.sources.map((s) => [s.name, s.kind, String(s.rows), String(s.rejected), s.months, s.licence]),
    );
  }
  technicalAnnex(w, content.findings);
  justificationAnnex(w, content.cameras, content.period, content.harmLabel);
  // A last page left empty (nothing after the maps) is dropped.
  if (w.doc.getNumberOfPages() === start && w.y === BODY_TOP) w.doc.deletePage(start);
  return w.finish(content.generatedAt);
}
