import { booleanPointInPolygon } from '@turf/boolean-point-in-polygon';
import fc from 'fast-check';
import { cellArea, gridDisk, latLngToCell } from 'h3-js';
import type { MultiPolygon, Polygon } from 'geojson';
import { describe, expect, it } from 'vitest';
import { Dataset } from '../../src/core/dataset';
import { NO_FILTER, selectRows } from '../../src/core/hotspots/filter';
import { ingestFile } from '../../src/core/ingest/ingestFile';
import { zonesToKml, zoneEvidenceCsv, xmlText } from '../../src/core/zones/exportZones';
import { checkAndRepair, zonesFromGeoJson } from '../../src/core/zones/importZones';
import { insideArea, pointMembership, prepareArea } from '../../src/core/zones/pointsInZones';
import { cellsOutsideZones, contiguousGroups, proposeZones } from '../../src/core/zones/proposeZones';
import { rateChangeP, shareInsideAnyZone, zoneStatistics } from '../../src/core/zones/zoneStatistics';
import { memorySource, POLICE_HEADER, policeLine } from './memorySource';

const square = (x0: number, y0: number, size: number) => [[x0, y0], [x0 + size, y0], [x0 + size, y0 + size], [x0, y0 + size], [x0, y0]];
const withHole: Polygon = { type: 'Polygon', coordinates: [square(-0.3, 51.5, 0.1), square(-0.27, 51.53, 0.04)] };
const twoParts: MultiPolygon = { type: 'MultiPolygon', coordinates: [[square(-0.3, 51.5, 0.02)], [square(-0.2, 51.5, 0.02)]] };

describe('point in zone', () => {
  it('agrees with turf on random points, with holes and multipolygons', () => {
    for (const geometry of [withHole, twoParts]) {
      const area = prepareArea(geometry);
      fc.assert(
        fc.property(fc.double({ min: -0.32, max: -0.17, noNaN: true }), fc.double({ min: 51.48, max: 51.62, noNaN: true }), (lng, lat) => {
          expect(insideArea(area, lng, lat)).toBe(booleanPointInPolygon([lng, lat], geometry));
        }),
        { numRuns: 2000 },
      );
    }
  });
  it('counts hand-placed points: in the ring, in the hole, outside', () => {
    const area = prepareArea(withHole);
    expect(insideArea(area, -0.29, 51.51)).toBe(true);
    expect(insideArea(area, -0.25, 51.55)).toBe(false); // the hole
    expect(insideArea(area, -0.1, 51.55)).toBe(false);
  });
});

describe('zone import', () => {
  it('reads properties, reports non-areas, repairs a bow-tie', () => {
    const bowTie: Polygon = { type: 'Polygon', coordinates: [[[-0.3, 51.5], [-0.2, 51.6], [-0.2, 51.5], [-0.3, 51.6], [-0.3, 51.5]]] };
    const { zones, problems } = zonesFromGeoJson({
      type: 'FeatureCollection',
      features: [
        { type: 'Feature', properties: { name: 'Park', orderRef: 'P/1', startDate: '01/02/2023', prohibitions: 'Spitting; Dogs off lead' }, geometry: withHole },
        { type: 'Feature', properties: { name: 'Tie' }, geometry: bowTie },
        { type: 'Feature', properties: { name: 'Lamp' }, geometry: { type: 'Point', coordinates: [0, 51] } },
      ],
    }, 'zones.geojson');
    expect(zones.map((z) => [z.name, z.orderRef, z.startDate, z.prohibitions])).toEqual([
      ['Park', 'P/1', '2023-02-01', ['Spitting', 'Dogs off lead']],
      ['Tie', '', '', []],
    ]);
    expect(problems).toEqual(['Tie: boundary crossed itself at 1 point; split there and rejoined', 'Lamp: a Point, not an area; skipped']);
    expect(zones[1].geometry.type).toBe('MultiPolygon');
  });
  it('closes an open ring and says so', () => {
    const open: Polygon = { type: 'Polygon', coordinates: [square(-0.3, 51.5, 0.1).slice(0, 4)] };
    const { geometry, problems } = checkAndRepair(open, 'Open');
    expect(geometry?.type).toBe('Polygon');
    expect(problems).toEqual(['Open: a ring was not closed or too short; closed or dropped it']);
  });
});

describe('zone statistics', () => {
  it('counts incidents before and after the start, and the share inside any zone', async () => {
    const dataset = new Dataset();
    // Inside the zone: 2 in 2024-12, 5 in 2025-01; outside: 3.
    const lines = [POLICE_HEADER, ...Array(2).fill(policeLine({ month: '2024-12', lng: '-0.29', lat: '51.51' })), ...Array(5).fill(policeLine({ month: '2025-01', lng: '-0.29', lat: '51.51' })), ...Array(3).fill(policeLine({ month: '2025-01', lng: '-0.1', lat: '51.51' }))];
    await ingestFile(dataset, memorySource('z.csv', lines.map((l, i) => (i === 0 ? l : l.replace(/^abc/, `id${i}`))).join('\n')));
    const zone = { id: 'z', name: 'Z', orderRef: '', startDate: '2025-01-01', endDate: '', prohibitions: [], geometry: withHole };
    const selection = selectRows(dataset, NO_FILTER);
    const membership = [pointMembership(dataset, withHole)];
    const [stats] = zoneStatistics(dataset, selection, [zone], membership, { areaHa: 1000, monthFrom: 2024 * 12 + 11, months: 2 });
    expect(stats.incidents).toBe(7);
    expect(stats.shareOfTotal).toBeCloseTo(0.7, 12);
    expect(stats.monthCounts).toEqual([2, 5]);
    expect(stats.beforeAfter).toMatchObject({ months: 1, before: 2, after: 5, change: 3, changePct: 150 });
    expect(shareInsideAnyZone(selection, membership)).toBeCloseTo(0.7, 12);
    expect(zoneEvidenceCsv([stats]).split('\r\n')[0]).toContain('density_vs_study_area');
  });
  it('tests a change in rate exactly: 10 before, 20 after gives p = 0.0987', () => {
    // P(X ≤ 10) for Binomial(30, ½) = 0.049369, doubled.
    expect(rateChangeP(10, 20)).toBeCloseTo(0.098737, 5);
    expect(rateChangeP(5, 5)).toBe(1);
    expect(rateChangeP(0, 0)).toBe(1);
  });
});

describe('zone proposals', () => {
  const a = latLngToCell(51.55, -0.28, 9);
  const b = latLngToCell(51.58, -0.22, 9);
  const lone = latLngToCell(51.52, -0.32, 9);
  const hot = [...gridDisk(a, 1), ...gridDisk(b, 1), lone];
  it('merges two clusters of seven cells and drops the lone cell', () => {
    expect(contiguousGroups(hot).map((g) => g.length).sort()).toEqual([1, 7, 7]);
    const proposals = proposeZones(hot, () => 2, { minCells: 2, minIncidents: 0, bufferM: 0, simplifyM: 0 });
    expect(proposals).toHaveLength(2);
    expect(proposals.every((p) => p.geometry.type === 'Polygon' && p.incidents === 14)).toBe(true);
    // Seven res-9 cells: seven times one cell's area (h3 cellArea), within 1%.
    expect(proposals[0].areaHa / ((7 * cellArea(a, 'm2')) / 10_000)).toBeCloseTo(1, 2);
  });
  it('finds hot cells outside every zone', () => {
    const proposals = proposeZones(hot, () => 1, { minCells: 2, minIncidents: 0, bufferM: 20, simplifyM: 5 });
    expect(cellsOutsideZones(hot, proposals.map((p) => p.geometry))).toEqual([lone]);
  });
});

describe('zone export', () => {
  it('writes KML with user text escaped', () => {
    const kml = zonesToKml([{ id: '1', name: '<script>alert(1)</script> & Co', orderRef: 'R', startDate: '2023-02-01', endDate: '2026-01-31', prohibitions: ['No "fires"'], geometry: twoParts }]);
    expect(kml).toContain('&lt;script&gt;alert(1)&lt;/script&gt; &amp; Co');
    expect(kml).not.toContain('<script>');
    expect(kml).toContain('<MultiGeometry>');
    expect(xmlText(`a'b`)).toBe('a&apos;b');
  });
});

describe('zone features that cannot be read', () => {
  it('are skipped with the reason, the others kept', () => {
    const ring = [[-0.25, 51.55], [-0.24, 51.55], [-0.24, 51.56], [-0.25, 51.55]];
    const feature = (name: string, coordinates: unknown) => ({ type: 'Feature', properties: { name }, geometry: { type: 'Polygon', coordinates } });
    const result = zonesFromGeoJson({ type: 'FeatureCollection', features: [feature('Good', [ring]), feature('Text', [[['west', 51.55], ...ring.slice(1)]]), feature('Flat', [[1, 2, 3]])] }, 'z.geojson');
    expect(result.zones.map((z) => z.name)).toEqual(['Good']);
    expect(result.problems).toEqual(['Text: a feature without readable geometry, not an area; skipped', 'Flat: a feature without readable geometry, not an area; skipped']);
  });
});
