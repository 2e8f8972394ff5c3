import { booleanPointInPolygon } from '@turf/boolean-point-in-polygon';
import { cellToLatLng, gridDisk, latLngToCell } from 'h3-js';
import type { Polygon } from 'geojson';
import { describe, expect, it } from 'vitest';
import { planContext, planGreedy } from '../../src/core/coverage/planCameras';
import { Dataset } from '../../src/core/dataset';
import { areaCountsCsv, countsByArea, polygonOfPoints } from '../../src/core/hotspots/areaCounts';
import { findLocations } from '../../src/core/hotspots/findPlaces';
import { lsoaNameMatches, type AreaFilter } from '../../src/core/hotspots/areaFilter';
import { computeHotspots } from '../../src/core/hotspots/computeHotspots';
import { studyAreaCells, studyAreaWithin } from '../../src/core/hotspots/hotspotStatistics';
import { incidentsOutside, NO_FILTER, selectRows } from '../../src/core/hotspots/filter';
import { ingestFile } from '../../src/core/ingest/ingestFile';
import { cellsInPolygon } from '../../src/core/stats/studyArea';
import { proposeZones, splitGroup } from '../../src/core/zones/proposeZones';
import { memorySource, POLICE_HEADER, policeLine } from './memorySource';

const square = (x0: number, y0: number, size: number): Polygon => ({ type: 'Polygon', coordinates: [[[x0, y0], [x0 + size, y0], [x0 + size, y0 + size], [x0, y0 + size], [x0, y0]]] });
/** About 1.4 km × 2.2 km around Wembley. */
const AREA: AreaFilter = { kind: 'polygon', name: 'Test area', geometry: square(-0.3, 51.54, 0.02) };

// Three rows inside the square (two share a point), two outside; one outside row is a Robbery.
const LINES = [
  policeLine({ id: 'a', lng: '-0.29', lat: '51.55' }),
  policeLine({ id: 'b', lng: '-0.29', lat: '51.55' }),
  policeLine({ id: 'c', lng: '-0.285', lat: '51.545', lsoa: 'Brent 002B' }),
  policeLine({ id: 'd', lng: '-0.20', lat: '51.55', lsoa: 'Camden 001A' }),
  policeLine({ id: 'e', lng: '-0.20', lat: '51.55', lsoa: 'Brentwood 001A', type: 'Robbery' }),
];

async function dataset(): Promise<Dataset> {
  const ds = new Dataset();
  await ingestFile(ds, memorySource('police.csv', [POLICE_HEADER, ...LINES].join('\n')));
  await ingestFile(ds, memorySource('council.csv', 'Ref,Date,Category,Lat,Lng\n1,06/01/2023,Noise,51.55,-0.29\n'), {
    mapping: { coordinates: 'wgs84', y: 'Lat', x: 'Lng', date: 'Date', category: 'Category', reference: 'Ref' },
  });
  return ds;
}

const kept = (selection: ReturnType<typeof selectRows>) => selection.reduce((sum, s) => sum + s.rows.length, 0);

describe('LSOA name prefix', () => {
  it('matches whole words of "<borough> <code>"', () => {
    expect(lsoaNameMatches('Brent 001A', 'Brent')).toBe(true);
    expect(lsoaNameMatches('Brent 001A', ' brent ')).toBe(true);
    expect(lsoaNameMatches('Brentwood 001A', 'Brent')).toBe(false);
    expect(lsoaNameMatches('Barnet 001A', 'Brent')).toBe(false);
    expect(lsoaNameMatches('Brent 001A', '')).toBe(false);
    expect(lsoaNameMatches('Kensington and Chelsea 001A', 'Kensington and Chelsea')).toBe(true);
  });
});

describe('study area in selectRows', () => {
  it('keeps rows whose own point lies in the polygon and counts the rest as outside', async () => {
    const ds = await dataset();
    const selection = selectRows(ds, { ...NO_FILTER, area: AREA });
    // police a, b, c and the council row are inside; d and e outside.
    expect(kept(selection)).toBe(4);
    expect(incidentsOutside(selection)).toBe(2);
    const burglary = ds.categories.list.find((c) => c.name === 'Burglary')!.id;
    const burglaryOnly = selectRows(ds, { ...NO_FILTER, categories: [burglary], area: AREA });
    expect(kept(burglaryOnly)).toBe(3);
    expect(incidentsOutside(burglaryOnly)).toBe(1); // the Robbery is filtered out, not "outside"
  });

  it('an LSOA prefix uses police.uk rows only: other sources have no LSOA name', async () => {
    const ds = await dataset();
    const selection = selectRows(ds, { ...NO_FILTER, area: { kind: 'lsoa', name: 'Brent', prefix: 'Brent' } });
    expect(kept(selection)).toBe(3);
    expect(incidentsOutside(selection)).toBe(3); // Camden, Brentwood and the council row
  });

  it('names the area on the result, says what is outside, and takes the Gi* cells from the polygon', async () => {
    const ds = await dataset();
    const { result } = computeHotspots(ds, { filter: { ...NO_FILTER, area: AREA }, resolution: 9, harmWeights: {}, weighting: 'count', harmScheme: '', topN: 5, method: { kind: 'gistar', statistics: { k: 1, fdr: false, studyArea: { kind: 'ring', ringK: 1 } } } });
    expect(result.area).toEqual({ name: 'Test area', outside: 2 });
    expect(result.aggregate.totalCount).toBe(4);
    // Gi* refuses four incidents, but its cells would be the polygon's, not the data's plus a ring.
    expect(result.giStar).toHaveProperty('error');
    expect(studyAreaCells(result.aggregate, studyAreaWithin({ kind: 'ring', ringK: 1 }, AREA))).toEqual(cellsInPolygon(square(-0.3, 51.54, 0.02), 9));
    expect(studyAreaWithin({ kind: 'ring', ringK: 2 }, { kind: 'lsoa', name: 'Brent', prefix: 'Brent' })).toEqual({ kind: 'ring', ringK: 2 });
  });
});

describe('zone proposals with a maximum size', () => {
  const centre = latLngToCell(51.55, -0.29, 10);
  const ring = gridDisk(centre, 1);
  const value = new Map(ring.map((cell, i) => [cell, cell === centre ? 100 : i]));
  const valueOf = (cell: string) => value.get(cell) ?? 0;

  it('splits a group into parts grown from the hottest cell', () => {
    const parts = splitGroup(ring, 3, valueOf);
    expect(parts.every((p) => p.length <= 3)).toBe(true);
    expect(parts.flat().sort()).toEqual([...ring].sort());
    const hottestNeighbours = ring.filter((c) => c !== centre).sort((a, b) => valueOf(b) - valueOf(a)).slice(0, 2);
    expect(parts[0]).toEqual([centre, ...hottestNeighbours].sort());
  });

  it('cuts outlines to the study area', () => {
    const [lat, lng] = cellToLatLng(centre);
    const half: Polygon = { type: 'Polygon', coordinates: [[[lng - 0.01, lat - 0.01], [lng, lat - 0.01], [lng, lat + 0.01], [lng - 0.01, lat + 0.01], [lng - 0.01, lat - 0.01]]] };
    const [proposal] = proposeZones(ring, valueOf, { minCells: 1, minIncidents: 0, bufferM: 0, simplifyM: 0, withinArea: half });
    const corners = (proposal.geometry.type === 'Polygon' ? [proposal.geometry.coordinates] : proposal.geometry.coordinates).flat(2);
    expect(corners.every(([x]) => x <= lng + 1e-9)).toBe(true);
    const whole = proposeZones(ring, valueOf, { minCells: 1, minIncidents: 0, bufferM: 0, simplifyM: 0 })[0];
    expect(proposal.areaHa).toBeGreaterThan(whole.areaHa * 0.4);
    expect(proposal.areaHa).toBeLessThan(whole.areaHa * 0.6);
  });
});

describe('camera planning in a study area', () => {
  it('places cameras only at candidate sites inside the area, and refuses when none is', async () => {
    const ds = await dataset();
    const selection = selectRows(ds, { ...NO_FILTER, area: AREA });
    const sites = [{ lat: 51.55, lng: -0.29 }, { lat: 51.55, lng: -0.2 }];
    const options = { cameras: 2, radiusM: 100, minSpacingM: 0, edgeFactor: 1, basis: 'count' as const, candidateSites: sites, withinArea: AREA.kind === 'polygon' ? AREA.geometry : null };
    const plan = planGreedy(await planContext(ds, selection, [1, 1, 1], [], options));
    expect(plan.planned.every((c) => booleanPointInPolygon([c.lng, c.lat], square(-0.3, 51.54, 0.02)))).toBe(true);
    await expect(planContext(ds, selection, [1, 1, 1], [], { ...options, candidateSites: [sites[1]] })).rejects.toThrow(/None of the 1 candidate sites/);
  });
});

describe('counts by area', () => {
  const layer = [
    { name: 'West', geometry: square(-0.3, 51.54, 0.02) },
    { name: 'East', geometry: square(-0.21, 51.54, 0.02) },
  ];

  it('agrees with turf on which polygon holds each point', () => {
    const ds = new Dataset();
    for (let i = 0; i < 2000; i++) ds.points.idAt(51.53 + ((i * 7919) % 1000) / 1000 * 0.04, -0.31 + ((i * 104729) % 1000) / 1000 * 0.13);
    const found = polygonOfPoints(ds, layer);
    for (let p = 0; p < ds.points.count; p++) {
      const at = [ds.points.lng.get(p), ds.points.lat.get(p)];
      const expected = layer.findIndex((f) => booleanPointInPolygon(at, f.geometry));
      expect(found[p]).toBe(expected);
    }
  });

  it('counts, harm-weights and leaves out what no polygon holds', async () => {
    const ds = await dataset();
    const selection = selectRows(ds, NO_FILTER);
    const robbery = ds.categories.list.find((c) => c.name === 'Robbery')!.id;
    const harm = Float64Array.from(ds.categories.list, (c) => (c.id === robbery ? 10 : 1));
    const counts = countsByArea(selection, 'test layer', layer, polygonOfPoints(ds, layer), harm);
    // West holds a, b, c and the council row; East holds d and e (the Robbery).
    expect(counts.areas.map((a) => [a.name, a.count, a.harm])).toEqual([['West', 4, 4], ['East', 2, 11]]);
    expect(counts.unassigned).toBe(0);
    expect(counts.total).toBe(6);
    // 0.02° × 0.02° at 51.55°N: about 1.385 km × 2.224 km = 308 ha.
    expect(counts.areas[0].areaHa).toBeGreaterThan(300);
    expect(counts.areas[0].areaHa).toBeLessThan(316);
    const westOnly = countsByArea(selectRows(ds, { ...NO_FILTER, area: { kind: 'polygon', name: 'West', geometry: layer[0].geometry } }), 'test layer', layer, polygonOfPoints(ds, layer), harm, layer[0].geometry);
    expect(westOnly.areas.map((a) => [a.index, a.name, a.count])).toEqual([[0, 'West', 4]]);
    const csv = areaCountsCsv(counts, 'Brent').split('\r\n');
    expect(csv[0]).toBe('area,layer,count,harm,area_ha,count_per_ha,harm_per_ha,study_area');
    expect(csv[1].startsWith('West,test layer,4,4,')).toBe(true);
    expect(csv[1].endsWith(',Brent')).toBe(true);
  });
});

describe('find a place', () => {
  it('finds location texts containing every word, most incidents first, at their point', async () => {
    const ds = new Dataset();
    const lines = [
      policeLine({ id: '1', location: 'On or near High Road', lat: '51.55', lng: '-0.29' }),
      policeLine({ id: '2', location: 'On or near High Road', lat: '51.55', lng: '-0.29' }),
      policeLine({ id: '3', location: 'On or near Harrow Road', lat: '51.53', lng: '-0.25' }),
      policeLine({ id: '4', location: 'On or near Station Road', lat: '51.54', lng: '-0.24' }),
    ];
    await ingestFile(ds, memorySource('police.csv', [POLICE_HEADER, ...lines].join('\n')));
    expect(findLocations(ds, 'road on', 5).map((p) => [p.label, p.incidents])).toEqual([
      ['On or near High Road', 2],
      ['On or near Harrow Road', 1],
      ['On or near Station Road', 1],
    ]);
    expect(findLocations(ds, 'HARROW', 5)).toEqual([{ label: 'On or near Harrow Road', lat: 51.53, lng: -0.25, incidents: 1 }]);
    expect(findLocations(ds, '  ', 5)).toEqual([]);
    expect(findLocations(ds, 'road', 1)).toHaveLength(1);
  });
});
