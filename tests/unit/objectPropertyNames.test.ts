import { describe, expect, it } from 'vitest';
import { camerasFromCsv, camerasFromGeoJson } from '../../src/core/cameras/importCameras';
import { Dataset } from '../../src/core/dataset';
import { computeHotspots } from '../../src/core/hotspots/computeHotspots';
import { NO_FILTER } from '../../src/core/hotspots/filter';
import { ingestFile } from '../../src/core/ingest/ingestFile';
import { zonesFromGeoJson } from '../../src/core/zones/importZones';
import { effectiveHarmWeights } from '../../src/state/weightsSlice';
import { BAD_INPUTS, MAPPING, OBJECT_PROPERTY_NAMES } from '../fixtures/badInputs';
import { memorySource } from './memorySource';

const square = (lng: number, lat: number) => ({ type: 'Polygon', coordinates: [[[lng, lat], [lng + 0.001, lat], [lng + 0.001, lat + 0.001], [lng, lat + 0.001], [lng, lat]]] });

/** Names a plain object already has (`constructor`, `__proto__` …) arrive from files as categories, columns, zones and cameras. */
describe('names that are properties of a plain object', () => {
  it('are ordinary categories: weights are numbers, and queries and results survive structured cloning', async () => {
    const dataset = new Dataset();
    const input = BAD_INPUTS.find((b) => b.name === 'object-names.csv')!;
    await ingestFile(dataset, memorySource(input.name, input.bytes));
    const categories = dataset.categories.list;
    expect(categories.map((c) => c.name)).toEqual([...OBJECT_PROPERTY_NAMES]);
    for (const harmScheme of ['equal', 'cchi', 'ons-css'] as const) {
      const harmWeights = effectiveHarmWeights({ harmWeights: {}, view: { harmScheme } as never, categories });
      // Only weights other than 1 are sent; none of these names is in a scheme.
      expect(harmWeights).toEqual({});
      // postMessage clones the query and the result: a function in either is a DataCloneError.
      const query = structuredClone({ filter: { ...NO_FILTER, categories: [categories[0].id] }, resolution: 9, harmWeights, weighting: 'harm' as const, harmScheme: 'edited', topN: 5, method: { kind: 'count' as const } });
      const { result } = computeHotspots(dataset, query);
      expect(structuredClone(result).top[0].topCategory).toBe('constructor');
    }
  });

  it('are ordinary column names in a mapped file', async () => {
    const input = BAD_INPUTS.find((b) => b.name === 'object-name-headers.csv')!;
    const result = await ingestFile(new Dataset(), memorySource(input.name, input.bytes), { mapping: { ...MAPPING, category: 'constructor', location: '__proto__' } });
    if (result.status !== 'loaded') throw new Error('expected a load');
    expect(result.source.summary.accepted).toBe(1);
  });

  it('are ordinary camera ids, names and zone names', () => {
    const csv = ['Camera ID,Name,Latitude,Longitude,Radius (m)', ...OBJECT_PROPERTY_NAMES.map((name) => `${name},${name},51.556,-0.279,80`)].join('\n');
    expect(camerasFromCsv(csv, 'c.csv').cameras.map((c) => [c.id, c.name])).toEqual(OBJECT_PROPERTY_NAMES.map((name) => [name, name]));
    const points = { type: 'FeatureCollection', features: OBJECT_PROPERTY_NAMES.map((id) => ({ type: 'Feature', geometry: { type: 'Point', coordinates: [-0.279, 51.556] }, properties: { id } })) };
    expect(camerasFromGeoJson(points, 'c.geojson').cameras.map((c) => c.id)).toEqual([...OBJECT_PROPERTY_NAMES]);
    const zones = { type: 'FeatureCollection', features: OBJECT_PROPERTY_NAMES.map((name, i) => ({ type: 'Feature', geometry: square(-0.28 + i * 0.01, 51.55), properties: JSON.parse(`{"name":"${name}","__proto__":{"name":"x"}}`) as unknown })) };
    const imported = zonesFromGeoJson(zones, 'z.geojson');
    expect(imported.zones.map((z) => z.name)).toEqual([...OBJECT_PROPERTY_NAMES]);
    expect(structuredClone(imported.zones).map((z) => z.name)).toEqual([...OBJECT_PROPERTY_NAMES]);
  });
});
