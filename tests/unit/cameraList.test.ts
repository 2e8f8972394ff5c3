import proj4 from 'proj4';
import { describe, expect, it } from 'vitest';
import { cameraListCsv, cameraListGeoJson } from '../../src/core/cameras/cameraListExport';
import { cameraSites } from '../../src/core/cameras/cameraSites';
import { moveArrows } from '../../src/core/cameras/moveArrows';
import { coverageDemand } from '../../src/core/cameras/coverageDemand';
import type { Camera } from '../../src/core/cameras/importCameras';
import { addMonths, cameraCards, DEFAULT_JUSTIFICATION, isoDate, nextReviewDate } from '../../src/core/cameras/justification';
import type { CameraPlan, MoveSuggestion } from '../../src/core/coverage/planCameras';
import { Dataset } from '../../src/core/dataset';
import { NO_FILTER, selectRows } from '../../src/core/hotspots/filter';
import { ingestFile } from '../../src/core/ingest/ingestFile';
import { memorySource, POLICE_HEADER, policeLine } from './memorySource';

const BNG = '+proj=tmerc +lat_0=49 +lon_0=-2 +k=0.9996012717 +x_0=400000 +y_0=-100000 +ellps=airy +towgs84=446.448,-125.157,542.06,0.15,0.247,0.842,-20.489 +units=m +no_defs';
/** The grid reference worked out here with proj4 directly, not through the app's code. */
function proj4GridRef(lat: number, lng: number): string {
  const [e, n] = proj4('EPSG:4326', BNG, [lng, lat]);
  const five = (v: number) => String(Math.floor(v) % 100000).padStart(5, '0');
  return `TQ ${five(e)} ${five(n)}`; // every point here lies in square TQ
}

const busy = { lat: 51.556, lng: -0.279 };
const middle = { lat: 51.548, lng: -0.265 };
const quiet = { lat: 51.54, lng: -0.25 };

async function data(): Promise<Dataset> {
  const at = (p: { lat: number; lng: number }, n: number, location: string) => Array.from({ length: n }, () => policeLine({ id: '', lat: String(p.lat), lng: String(p.lng), location, type: 'Anti-social behaviour', outcome: '' }));
  const dataset = new Dataset();
  await ingestFile(dataset, memorySource('p.csv', [POLICE_HEADER, ...at(busy, 20, 'On or near High Road'), ...at(middle, 5, 'On or near Middle Street'), ...at(quiet, 3, 'On or near Quiet Lane')].join('\n')));
  return dataset;
}

const cameras: Camera[] = [
  { id: 'FX-001', name: 'High Road', kind: 'fixed', ...busy, radiusM: 100, directionDeg: null, fovDeg: null, deployedDate: '15/01/2025' },
  { id: 'RD-01', name: 'Park', kind: 'redeployable', lat: 51.6, lng: -0.2, radiusM: null, directionDeg: 90, fovDeg: 120 },
];
const plan = { planned: [{ rank: 1, site: 0, ...quiet, easting: 0, northing: 0, marginalGain: 3, coveredDemand: 3, topLocation: 'On or near Quiet Lane' }] } as unknown as CameraPlan;
const move: MoveSuggestion = { camera: 0, fromSite: 9, toSite: 4, gain: 5, gainPct: 25, cameraId: 'RD-01', toLat: middle.lat, toLng: middle.lng, toLocation: 'On or near Middle Street' };
const context = { today: '2026-03-14', period: 'Jan 2023 - Jan 2023', unit: 'incidents' };

describe('camera list', () => {
  it('lists cameras on the ground (moved where a move says) and planned ones as NEW-n', () => {
    const sites = cameraSites(cameras, plan, [move], 100);
    expect(sites.map((s) => [s.id, s.status, s.radiusM])).toEqual([['FX-001', 'kept', 100], ['RD-01', 'moved', 100], ['NEW-1', 'new', 100]]);
    expect(sites[1].current).toEqual({ lat: 51.6, lng: -0.2 });
    expect(sites[1].proposed).toEqual(middle);
    expect(sites[2].current).toBeNull();
    expect(sites[2].gain).toBe(3);
  });

  it('counts incidents and harm in each camera view, with its busiest place', async () => {
    const dataset = await data();
    const sites = cameraSites(cameras, plan, [move], 100);
    const demand = coverageDemand(dataset, selectRows(dataset, NO_FILTER), [2], sites.map((s) => ({ ...s.proposed, radiusM: s.radiusM, directionDeg: null, fovDeg: null })));
    expect(demand.map((d) => [d.incidents, d.harm, d.topLocation])).toEqual([[20, 40, 'On or near High Road'], [5, 10, 'On or near Middle Street'], [3, 6, 'On or near Quiet Lane']]);
    // Facing east with a 120° view, a camera just west of the busy place sees it; facing west it does not.
    const facing = (directionDeg: number) => coverageDemand(dataset, selectRows(dataset, NO_FILTER), [1], [{ lat: busy.lat, lng: busy.lng - 0.0005, radiusM: 100, directionDeg, fovDeg: 120 }])[0].incidents;
    expect(facing(90)).toBe(20);
    expect(facing(270)).toBe(0);
  });

  it('writes cards: rank, purpose, review dates, and a flag where a view holds little demand', () => {
    const sites = cameraSites(cameras, plan, [move], 100);
    const demand = [20, 5, 3].map((n) => ({ incidents: n, harm: 2 * n, topLocation: 'On or near High Road', topCategory: 'Anti-social behaviour' }));
    const cards = cameraCards(sites, demand, { ...DEFAULT_JUSTIFICATION, dpiaReference: 'DPIA-CCTV-7' }, context);
    expect(cards.map((c) => c.rank)).toEqual([1, 2, 3]);
    expect(cards[0].purpose).toBe('To prevent and detect anti-social behaviour around High Road');
    // Fixed, deployed 15 Jan 2025, reviewed yearly: the first anniversary after 14 Mar 2026.
    expect(cards[0].nextReview).toBe('2027-01-15');
    expect(cards[1].nextReview).toBe('2026-06-14');
    expect(cards[2].deployed).toBe('not yet (proposed)');
    expect(cards[1].change).toBe('Move to On or near Middle Street');
    expect(cards[1].why).toBe('Gains 5 incidents not otherwise covered (Jan 2023 - Jan 2023)');
    expect(cards[2].dpiaReference).toBe('DPIA-CCTV-7');
    expect(cards.every((c) => c.reviewFlag === '')).toBe(true);
    const kept = cameraCards(cameraSites(cameras, null, [], 100), [demand[0], { ...demand[0], incidents: 0, topCategory: '' }], DEFAULT_JUSTIFICATION, context);
    expect(kept[1].reviewFlag).toMatch(/^Little demand: 0 incidents in view/);
    expect(kept[1].purpose).toMatch(/to be stated/);
  });

  it('reads dates and adds months as a calendar does', () => {
    expect(isoDate('15/01/2025')).toBe('2025-01-15');
    expect(isoDate('2025-01-15T10:00')).toBe('2025-01-15');
    expect(isoDate('31/02/2025')).toBeNull();
    expect(isoDate('soon')).toBeNull();
    expect(addMonths('2026-01-31', 1)).toBe('2026-02-28');
    expect(addMonths('2025-11-30', 3)).toBe('2026-02-28');
    expect(nextReviewDate('2026-01-10', '2026-03-14', 3)).toBe('2026-04-10');
    expect(nextReviewDate(null, '2026-03-14', 3)).toBe('2026-06-14');
  });

  it('exports the plan as CSV and GeoJSON: positions, grid references, moves and cards', () => {
    const sites = cameraSites(cameras, plan, [move], 100);
    const demand = [20, 5, 3].map((n) => ({ incidents: n, harm: 2 * n, topLocation: '', topCategory: 'Anti-social behaviour' }));
    const cards = cameraCards(sites, demand, DEFAULT_JUSTIFICATION, context);
    const lines = cameraListCsv(cards).trim().split('\r\n');
    const header = lines[0].split(',');
    expect(header.slice(0, 10)).toEqual(['id', 'name', 'type', 'status', 'current_lat', 'current_lng', 'current_grid_ref', 'proposed_lat', 'proposed_lng', 'proposed_grid_ref']);
    expect(lines).toHaveLength(4);
    const rd = Object.fromEntries(lines[2].split(',').map((v, i) => [header[i], v]));
    expect(rd).toMatchObject({ id: 'RD-01', type: 're-deployable', status: 'moved', current_lat: '51.600000', proposed_lat: '51.548000', direction_deg: '90', fov_deg: '120', demand_gained: '5', next_review: '2026-06-14' });
    expect(rd.current_grid_ref).toBe(proj4GridRef(51.6, -0.2));
    expect(rd.proposed_grid_ref).toBe(proj4GridRef(middle.lat, middle.lng));
    const fresh = Object.fromEntries(lines[3].split(',').map((v, i) => [header[i], v]));
    expect(fresh).toMatchObject({ id: 'NEW-1', status: 'new', current_lat: '', current_grid_ref: '', proposed_grid_ref: proj4GridRef(quiet.lat, quiet.lng) });
    const geojson = cameraListGeoJson(cards);
    expect(geojson.features.filter((f) => f.geometry.type === 'Point')).toHaveLength(3);
    const line = geojson.features.find((f) => f.geometry.type === 'LineString');
    expect(line?.geometry).toEqual({ type: 'LineString', coordinates: [[-0.2, 51.6], [middle.lng, middle.lat]] });
    expect(line?.properties).toMatchObject({ move: 'RD-01', demand_gained: 5 });
  });
});

describe('move arrows', () => {
  it('draws a shaft to the head, a head ending at the new position, and a label with the gain at the middle', () => {
    const sites = cameraSites(cameras, plan, [move], 100);
    const { shafts, heads, labels } = moveArrows(sites, 25);
    expect(shafts.features).toHaveLength(1);
    expect(shafts.features[0].geometry.coordinates[0]).toEqual([-0.2, 51.6]);
    expect(heads.features[0].geometry.coordinates[0][0]).toEqual([middle.lng, middle.lat]);
    // The shaft stops 25 m short of the new position (the head covers the rest).
    const [lng, lat] = shafts.features[0].geometry.coordinates[1];
    const metres = Math.hypot((lng - middle.lng) * 111_320 * Math.cos((middle.lat * Math.PI) / 180), (lat - middle.lat) * 111_320);
    expect(metres).toBeCloseTo(25, 6);
    expect(labels.features[0].properties.label).toBe('RD-01 +5');
    expect(labels.features[0].geometry.coordinates).toEqual([(-0.2 + middle.lng) / 2, (51.6 + middle.lat) / 2]);
  });
});
