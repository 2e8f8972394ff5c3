import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DOMParser } from '@xmldom/xmldom';
import fc from 'fast-check';
import type { MultiPolygon, Polygon } from 'geojson';
import { describe, expect, it } from 'vitest';
import { camerasFromGeoJson } from '../../src/core/cameras/importCameras';
import { Dataset } from '../../src/core/dataset';
import { boundariesFromGeoJson } from '../../src/core/geo/boundaries';
import { NO_FILTER, selectRows } from '../../src/core/hotspots/filter';
import { ingestFile } from '../../src/core/ingest/ingestFile';
import { cellsInPolygon } from '../../src/core/stats/studyArea';
import { zonesFromGeoJson, zonesFromKml } from '../../src/core/zones/importZones';
import { pointMembership } from '../../src/core/zones/pointsInZones';
import { zoneStatistics } from '../../src/core/zones/zoneStatistics';
import { BOROUGHS } from './realData';
import { memorySource } from './memorySource';

const DATA = join(__dirname, '..', '..', 'data');
const sampleZones = JSON.parse(readFileSync(join(DATA, 'brent-pspo-zones-sample.geojson'), 'utf8'));
const sampleCameras = {
  type: 'FeatureCollection',
  features: readFileSync(join(DATA, 'brent-cctv-cameras-sample.csv'), 'utf8').trim().split('\n').slice(1).map((line) => {
    const fields = line.match(/("[^"]*"|[^,]+)/g)!;
    const [lat, lng] = fields.slice(-3, -1).map(Number);
    return { type: 'Feature', properties: { 'Camera ID': fields[0], Type: fields.at(-4) }, geometry: { type: 'Point', coordinates: [lng, lat] } };
  }),
};

/** A copy of a GeoJSON value with an altitude (and, for 4 numbers, a measure) added to every position, each different. */
function withAltitudes(value: unknown, seed: number, dims: 3 | 4): unknown {
  let state = seed >>> 0 || 1;
  const next = () => {
    state = Math.imul(state ^ (state >>> 15), 0x2c1b3c6d) >>> 0;
    return (state % 20_000) / 10 - 500;
  };
  const walk = (v: unknown): unknown => {
    if (Array.isArray(v) && v.length === 2 && v.every((n) => typeof n === 'number')) return dims === 3 ? [...v, next()] : [...v, next(), next()];
    if (Array.isArray(v)) return v.map(walk);
    if (v && typeof v === 'object') return Object.fromEntries(Object.entries(v).map(([k, inner]) => [k, k === 'properties' ? inner : walk(inner)]));
    return v;
  };
  return walk(value);
}

const altitudes = fc.record({ seed: fc.integer({ min: 1, max: 2 ** 31 - 1 }), dims: fc.constantFrom(3 as const, 4 as const) });

async function sampleDataset() {
  const dataset = new Dataset();
  await ingestFile(dataset, memorySource('p.csv', readFileSync(join(DATA, 'brent-police-sample-2025.csv'))));
  return dataset;
}

function statistics(dataset: Dataset, zones: { id: string; name: string; orderRef: string; startDate: string; endDate: string; prohibitions: string[]; geometry: Polygon | MultiPolygon }[]) {
  const selection = selectRows(dataset, NO_FILTER);
  const membership = zones.map((z) => pointMembership(dataset, z.geometry));
  return zoneStatistics(dataset, selection, zones, membership, { areaHa: 4300, monthFrom: 0, months: 12 });
}

describe('adding an altitude to every position changes no statistic', () => {
  it('sample zones: the same zones, the same zone statistics, the same study-area cells', async () => {
    const dataset = await sampleDataset();
    const plain = zonesFromGeoJson(sampleZones, 'z.geojson');
    const plainStats = statistics(dataset, plain.zones);
    expect(plainStats.some((s) => s.incidents > 0)).toBe(true);
    await fc.assert(
      fc.asyncProperty(altitudes, async ({ seed, dims }) => {
        const raised = withAltitudes(sampleZones, seed, dims) as typeof sampleZones;
        const read = zonesFromGeoJson(raised, 'z.geojson');
        expect(read).toEqual(plain);
        // Statistics on the raw 3D/4D geometry too, without the reader cutting it first.
        const raw = raised.features.map((f: { geometry: Polygon }, i: number) => ({ ...plain.zones[i], geometry: f.geometry }));
        expect(statistics(dataset, raw)).toEqual(plainStats);
        for (const [i, zone] of raw.entries()) expect(cellsInPolygon(zone.geometry, 10)).toEqual(cellsInPolygon(plain.zones[i].geometry, 10));
        expect(boundariesFromGeoJson(raised, 'b.geojson')).toEqual(boundariesFromGeoJson(sampleZones, 'b.geojson'));
      }),
      { numRuns: 15 },
    );
  });

  it('sample cameras: the same cameras', () => {
    const plain = camerasFromGeoJson(sampleCameras, 'c.geojson');
    expect(plain.cameras.length).toBeGreaterThan(40);
    fc.assert(
      fc.property(altitudes, ({ seed, dims }) => {
        expect(camerasFromGeoJson(withAltitudes(sampleCameras, seed, dims), 'c.geojson')).toEqual(plain);
      }),
      { numRuns: 25 },
    );
  });

  it('a Google My Maps KML with lon,lat,0 gives the same zones as without altitudes', () => {
    const ring = (alt: string) => `-0.287,51.5545${alt} -0.2745,51.5545${alt} -0.272,51.56${alt} -0.287,51.5625${alt} -0.287,51.5545${alt}`;
    const kml = (alt: string) => `<?xml version="1.0"?><kml xmlns="http://www.opengis.net/kml/2.2"><Document><Placemark><name>Olympic Way</name><Polygon><outerBoundaryIs><LinearRing><coordinates>${ring(alt)}</coordinates></LinearRing></outerBoundaryIs></Polygon></Placemark></Document></kml>`;
    const read = (alt: string) => zonesFromKml(new DOMParser().parseFromString(kml(alt), 'text/xml') as unknown as Document, 'm.kml');
    expect(read(',0')).toEqual(read(''));
    expect(read(',0').zones[0].geometry.coordinates[0]).toHaveLength(5);
  });

  it.skipIf(!existsSync(BOROUGHS))('the real London boroughs file: the same boroughs', () => {
    const boroughs = JSON.parse(readFileSync(BOROUGHS, 'utf8'));
    const plain = zonesFromGeoJson(boroughs, 'b.geojson');
    fc.assert(
      fc.property(altitudes, ({ seed, dims }) => {
        expect(zonesFromGeoJson(withAltitudes(boroughs, seed, dims), 'b.geojson')).toEqual(plain);
      }),
      { numRuns: 1 },
    );
  });
});
