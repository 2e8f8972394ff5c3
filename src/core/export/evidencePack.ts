import { fitBounds, type Bounds } from '../geo/webMercator';
import { longDate } from '../zones/orderDates';
import type { Zone } from '../zones/zone';
import type { ZoneEvidence } from '../zones/zoneEvidence';
import { evidenceFindings, evidenceMarking, evidenceTitle, type EvidenceFacts } from './evidenceWords';
import { consultationSection, datesSection, detrimentalSection, effectSection, persistenceSection } from './evidencePackSections';
import type { Finding } from './plainWords';
import { drawMapFigure, type MapPicture, type Rect, type Shading } from './pdf/mapFigure';
import { BODY_BOTTOM, MARGIN, PAGE_W, PdfWriter } from './pdf/writer';

/**
 * A PSPO evidence pack for one zone: what the council needs in front of it to make, extend or vary
 * an order under s.59 of the Anti-social Behaviour, Crime and Policing Act 2014. Page 1: the zone
 * on the map beside the tests in brief; then one section per test (detrimental effect; persistent
 * or continuing; the effect of the order so far, with its limits), the prohibitions and dates, and
 * the consultation record. A pack built on the synthetic sample says so on every page and is never
 * marked as evidence.
 */
export interface EvidencePackContent extends EvidenceFacts {
  filters: string;
  /** The map framed on the zone (basemap and shading as on screen); null draws it from the zone alone. */
  map: MapPicture | null;
  shading: Shading | null;
  generatedAt: string;
}

const ringsOf = (geometry: Zone['geometry']): [number, number][][] => (geometry.type === 'Polygon' ? geometry.coordinates : geometry.coordinates.flat()) as [number, number][][];

/** Width : height of the zone's map on page 1, beside the column of findings. */
export const EVIDENCE_MAP_ASPECT = 0.9;

/** The frame of the zone's map: the zone and its displacement ring, with a margin. */
export function evidenceMapBounds(zone: Zone, evidence: ZoneEvidence, ratio = EVIDENCE_MAP_ASPECT): Bounds | null {
  const ring = evidence.effect.evaluation ? ringsOf(evidence.effect.evaluation.bufferGeometry) : [];
  return fitBounds([...ringsOf(zone.geometry), ...ring].flat().map(([lng, lat]) => ({ lat, lng })), ratio, 0.1);
}

/** Page 1: the zone, the data it is read from, the map and the tests in brief beside it. */
function summaryPage(w: PdfWriter, content: EvidencePackContent, findings: readonly Finding[]): void {
  const { zone, evidence } = content;
  w.text(evidenceTitle(zone.name, content.dataNote), MARGIN, 16, 'bold');
  w.text(`Order ${zone.orderRef || '(no reference)'} - Anti-social Behaviour, Crime and Policing Act 2014, s.59 - pack date ${longDate(content.packDate)}`, MARGIN, 10);
  w.text(`Data: ${content.period}; ${content.subject}; study area ${evidence.studyArea.name ?? 'everywhere in the loaded data'}. ${content.filters}`, MARGIN, 9);
  if (content.dataNote) w.text(content.dataNote, MARGIN, 10, 'bold');
  const top = w.y + 2;
  const columnW = 128;
  const space = { w: PAGE_W - 2 * MARGIN - columnW - 4, h: BODY_BOTTOM - top };
  const ratio = content.map ? content.map.width / content.map.height : EVIDENCE_MAP_ASPECT;
  const rect: Rect = { x: MARGIN, y: top, w: Math.min(space.w, space.h * ratio), h: Math.min(space.h, space.w / ratio) };
  const ring = evidence.effect.evaluation ? ringsOf(evidence.effect.evaluation.bufferGeometry) : [];
  const bounds = content.map?.bounds ?? evidenceMapBounds(zone, evidence, rect.w / rect.h);
  const { bufferInnerM, bufferOuterM } = evidence.query;
  if (bounds) drawMapFigure(w.doc, rect, bounds, { places: [], cameras: [], zones: [{ name: content.map ? '' : zone.name, geometry: zone.geometry }], highlight: ring, highlightLabel: `Displacement ring ${bufferInnerM}-${bufferOuterM} m`, showReach: false }, content.map, content.shading);
  const x = PAGE_W - MARGIN - columnW;
  w.y = top;
  w.text('The tests in brief', x, 13, 'bold', columnW);
  findings.forEach((finding, i) => {
    w.y += 2.5;
    w.text(`${i + 1}. ${finding.title}`, x, 10.5, 'bold', columnW);
    w.text(finding.plain, x, 9.5, 'normal', columnW);
  });
}

export async function buildEvidencePdf(content: EvidencePackContent): Promise<Uint8Array> {
  const w = await PdfWriter.create(evidenceMarking(content.protectiveMarking, content.dataNote));
  const findings = evidenceFindings(content);
  summaryPage(w, content, findings);
  w.newPage();
  detrimentalSection(w, content, findings[0]);
  persistenceSection(w, content.evidence, findings[1]);
  effectSection(w, content.evidence, findings[2]);
  datesSection(w, content, findings[3]);
  consultationSection(w, content.consultation, findings[4]);
  return w.finish(content.generatedAt);
}
