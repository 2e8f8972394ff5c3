import { latLngToCell } from 'h3-js';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import proj4 from 'proj4';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cameraSites } from '../../src/core/cameras/cameraSites';
import type { Camera } from '../../src/core/cameras/importCameras';
import { cameraCards, DEFAULT_JUSTIFICATION } from '../../src/core/cameras/justification';
import type { CameraPlan, MoveSuggestion } from '../../src/core/coverage/planCameras';
import { buildBriefingPdf, pdfSafeText, type BriefingContent } from '../../src/core/export/briefing';
import { bngToWgs84 } from '../../src/core/geo/bng';
import { cellToLatLng } from 'h3-js';

const STANDARD_FONTS = join(__dirname, '..', '..', 'node_modules', 'pdfjs-dist', 'standard_fonts') + '/';

async function pdfPages(bytes: Uint8Array): Promise<string[]> {
  const pdf = await getDocument({ data: bytes.slice(), isEvalSupported: false, standardFontDataUrl: STANDARD_FONTS }).promise;
  const pages: string[] = [];
  for (let i = 1; i <= pdf.numPages; i++) {
    const content = await (await pdf.getPage(i)).getTextContent();
    pages.push(content.items.map((item) => ('str' in item ? item.str : '')).join(' '));
  }
  return pages;
}

const BNG = '+proj=tmerc +lat_0=49 +lon_0=-2 +k=0.9996012717 +x_0=400000 +y_0=-100000 +ellps=airy +towgs84=446.448,-125.157,542.06,0.15,0.247,0.842,-20.489 +units=m +no_defs';
/** A grid reference worked out with proj4 here, independently of the app's code (all points lie in TQ). */
function proj4GridRef(lat: number, lng: number): string {
  const [e, n] = proj4('EPSG:4326', BNG, [lng, lat]);
  const five = (v: number) => String(Math.floor(v) % 100000).padStart(5, '0');
  return `TQ ${five(e)} ${five(n)}`;
}

const spots = [
  { lat: 51.5560, lng: -0.2796, location: 'On or near Olympic Way' },
  { lat: 51.5527, lng: -0.2960, location: 'On or near High Road' },
  { lat: 51.5490, lng: -0.2700, location: 'On or near Harrow Road' },
  { lat: 51.5440, lng: -0.2820, location: 'On or near Ealing Road' },
];
const topLocations = spots.map((s, i) => ({ rank: i + 1, cell: latLngToCell(s.lat, s.lng, 9), location: s.location, category: 'Anti-social behaviour', count: 300 - 50 * i, share: `${3 - 0.5 * i}%` }));
// The OS guide's worked example (Caister water tower, E 651409.903 N 313177.270 = TG 51409 13177) as a camera.
const caister = bngToWgs84(651409.903, 313177.27);
const cameras: Camera[] = [
  { id: 'FX-001', name: 'Olympic Way', kind: 'fixed', lat: 51.5561, lng: -0.2795, radiusM: 100, directionDeg: null, fovDeg: null },
  { id: 'RD-07', name: 'Park', kind: 'redeployable', lat: 51.5500, lng: -0.2900, radiusM: null, directionDeg: null, fovDeg: null },
  { id: 'FX-099', name: 'Caister water tower', kind: 'fixed', ...caister, radiusM: 50, directionDeg: null, fovDeg: null },
];
const plan = { planned: [{ rank: 1, site: 0, lat: 51.5527, lng: -0.2961, easting: 0, northing: 0, marginalGain: 43, coveredDemand: 43, topLocation: 'On or near High Road' }] } as unknown as CameraPlan;
const move: MoveSuggestion = { camera: 0, fromSite: 9, toSite: 4, gain: 12, gainPct: 10, cameraId: 'RD-07', toLat: 51.549, lng: 0, toLng: -0.2701, toLocation: 'On or near Harrow Road' } as MoveSuggestion;
const sites = cameraSites(cameras, plan, [move], 100);
const cards = cameraCards(sites, [120, 40, 0, 43].map((n) => ({ incidents: n, harm: n * 2, topLocation: 'On or near Olympic Way', topCategory: 'Anti-social behaviour' })), { ...DEFAULT_JUSTIFICATION, dpiaReference: 'DPIA-CCTV-2025-04' }, { today: '2026-03-14', period: 'Jan 2025 - Dec 2025', unit: 'incidents' });
const zone = { type: 'Polygon' as const, coordinates: [[[-0.283, 51.553], [-0.276, 51.553], [-0.276, 51.558], [-0.283, 51.558], [-0.283, 51.553]]] };
const windows = { counts: Array.from({ length: 8 }, (_, b) => Array.from({ length: 7 }, (_, d) => (b === 7 && d === 5 ? 40 : b + d))), timed: 300, total: 320 };

const content: BriefingContent = {
  operationName: 'Clearwater',
  operationDate: '14 March 2026',
  protectiveMarking: 'OFFICIAL-SENSITIVE',
  period: 'Jan 2025 – Dec 2025',
  filters: 'Anti-social behaviour · H3 res 9',
  map: null,
  shading: null,
  insetPictures: [],
  topLocations,
  cameras: cards,
  zones: [{ name: 'Wembley Park PSPO', orderRef: 'LBB/PSPO/2023/02', period: '1 Feb 2023 to 31 Jan 2026', prohibitions: ['Spitting', '<script>alert(1)</script>'], geometry: zone }],
  patrol: { windows, area: 'the area on the map' },
  sources: [{ name: 'brent-police-sample-2025.csv', kind: 'police.uk', rows: 36380, rejected: 340, months: 'Jan 2025 – Dec 2025', licence: 'Open Government Licence v3.0' }],
  findings: [{ title: 'Did it work? Wembley Park PSPO', plain: 'Incidents in Wembley Park PSPO fell 12 % more than in the rest of the data; not clearly more than chance.', technical: ['Weighted displacement difference -12.0 (z -1.10, one-tailed p 0.136)'] }],
  demandUnit: 'incidents',
  harmLabel: 'harm (after the Cambridge Crime Harm Index)',
  generatedAt: '22/11/2026 15:00',
};

describe('briefing PDF', () => {
  it('marks every page at top and bottom, numbers pages, and puts the operation, date and data period on separate lines', async () => {
    const pages = await pdfPages(await buildBriefingPdf(content));
    expect(pages.length).toBeGreaterThanOrEqual(4);
    pages.forEach((page, i) => {
      expect(page.match(/OFFICIAL-SENSITIVE/g)?.length).toBeGreaterThanOrEqual(2);
      expect(page).toContain(`page ${i + 1} of ${pages.length}`);
    });
    expect(pages[0]).toContain('Operation Clearwater');
    expect(pages[0]).toContain('Date: 14 March 2026');
    expect(pages[0]).toContain('Data: Jan 2025 - Dec 2025');
  });

  it('numbers the places on the map, in the table and on the close-ups alike, with grid references proj4 agrees with', async () => {
    const pages = await pdfPages(await buildBriefingPdf(content));
    for (const [i, place] of topLocations.entries()) {
      const [lat, lng] = cellToLatLng(place.cell);
      const gridRef = proj4GridRef(lat, lng);
      expect(pages[0]).toContain(gridRef);
      expect(pages[1]).toMatch(new RegExp(`${i + 1}\\s+${place.location}\\s+${gridRef}\\s+\\(${lat.toFixed(5)}, ${lng.toFixed(5)}\\)`));
    }
    // The street text from the data is drawn on the map itself, beside its number.
    expect(pages[0]).toContain('Olympic Way');
    expect(pages[1]).toContain('Zone: Wembley Park PSPO. Cameras that see it: FX-001.');
    expect(pages[1]).toContain('Cameras that see it: NEW-1.');
    expect(pages.join(' ')).toContain('TG 51409 13177');
  });

  it('labels cameras on every map, lists moves, patrol windows, findings and a card per camera', async () => {
    const pages = await pdfPages(await buildBriefingPdf(content));
    for (const id of ['FX-001', 'RD-07', 'NEW-1']) {
      expect(pages[0]).toContain(id);
      expect(pages[1]).toContain(id);
    }
    const rest = pages.slice(2).join(' ');
    expect(rest).toContain('Moves and new cameras');
    expect(rest).toMatch(/RD-07 .*TQ \d{5} \d{5}.*On or near Harrow Road.*\+12/);
    expect(rest).toContain('When to be there');
    expect(rest).toContain('40 *');
    expect(rest).toContain('20 of 320 incidents have no time');
    expect(rest).toContain('fell 12 % more than in the rest of the data; not clearly more than chance');
    expect(rest).toContain('Annex A: technical figures');
    expect(rest).toContain('Annex B: camera justification');
    expect(rest).toContain('DPIA: DPIA-CCTV-2025-04');
    expect(rest).toMatch(/FX-099\s+Caister water tower\s+\(fixed\)\s+- REVIEW: little demand/);
    expect(rest).toContain('<script>alert(1)</script>');
    expect(rest).toContain('Open Government Licence v3.0');
  });

  it('says when the data has no times, and leaves out what is empty', async () => {
    const pages = await pdfPages(await buildBriefingPdf({ ...content, cameras: [], zones: [], findings: [], patrol: { windows: { ...windows, timed: 0 }, area: 'the area on the map' } }));
    const text = pages.join(' ');
    expect(text).toContain('has no times of day (police.uk gives the month only)');
    expect(text).not.toContain('Annex B');
    expect(text).not.toContain('Moves and new cameras');
  });

  it('starts new pages when a table runs long, repeating its header', async () => {
    const many = { ...content, cameras: [], zones: [], sources: Array.from({ length: 60 }, (_, i) => ({ ...content.sources[0], name: `file-${i}.csv` })) };
    const pages = await pdfPages(await buildBriefingPdf(many));
    const last = pages[pages.length - 1];
    expect(pages.join(' ')).toContain('file-59.csv');
    expect(pages.filter((p) => p.includes('Rows loaded')).length).toBeGreaterThanOrEqual(2);
    expect(last).toContain('OFFICIAL-SENSITIVE');
  });

  it('keeps text to what the PDF fonts can draw', () => {
    expect(pdfSafeText('Jan – Dec “quoted” café ≤ 5')).toBe('Jan - Dec "quoted" café ? 5');
  });
});
