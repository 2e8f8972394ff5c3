import { describe, expect, it } from 'vitest';
import { Dataset } from '../../src/core/dataset';
import { geoJsonRecords, looksLikeJsonObject } from '../../src/core/ingest/geoJsonRecords';
import { ingestFile } from '../../src/core/ingest/ingestFile';
import { rejectedRowsCsv } from '../../src/core/ingest/rejects';
import { memorySource } from './memorySource';

/** Points as the police.uk API describes crimes: category, month and a nested street. */
const apiPoints = {
  type: 'FeatureCollection',
  features: [
    { type: 'Feature', properties: { category: 'anti-social-behaviour', month: '2024-01', location: { street: { id: 1, name: 'On or near High Road' } }, persistent_id: '' }, geometry: { type: 'Point', coordinates: [-0.279, 51.556] } },
    { type: 'Feature', properties: { category: 'burglary', month: '2024-02', location: { street: { id: 2, name: 'On or near Park Lane' } }, persistent_id: 'abc' }, geometry: { type: 'Point', coordinates: [-0.28, 51.557, 0] } },
    { type: 'Feature', properties: { category: 'burglary', month: '2024-02', location: { street: { id: 3, name: 'Somewhere' } }, persistent_id: 'def' }, geometry: { type: 'Polygon', coordinates: [[[-0.3, 51.5], [-0.2, 51.5], [-0.2, 51.6], [-0.3, 51.5]]] } },
  ],
};
const bytes = (value: unknown) => new TextEncoder().encode(JSON.stringify(value));

describe('GeoJSON points as incidents', () => {
  it('recognises a JSON object by its first character, past a BOM and blanks', () => {
    expect(looksLikeJsonObject(new TextEncoder().encode('\uFEFF  \n{"type":1}'))).toBe(true);
    expect(looksLikeJsonObject(new TextEncoder().encode('Crime ID,Month'))).toBe(false);
    expect(looksLikeJsonObject(new TextEncoder().encode('[1,2]'))).toBe(false);
  });
  it('turns features into columns: coordinates first, then the properties, nested ones dotted', () => {
    const { header, rows, notPoint } = geoJsonRecords(apiPoints, 'api.geojson');
    expect(header).toEqual(['Longitude', 'Latitude', 'category', 'month', 'location.street.id', 'location.street.name', 'persistent_id']);
    expect(rows[1]).toEqual(['-0.28', '51.557', 'burglary', '2024-02', '2', 'On or near Park Lane', 'abc']);
    expect(notPoint).toEqual([null, null, 'Polygon']);
  });
  it('asks for a mapping with the properties as columns, then accounts for every feature', async () => {
    const dataset = new Dataset();
    const asked = await ingestFile(dataset, memorySource('api.geojson', bytes(apiPoints)));
    if (asked.status !== 'needs-mapping') throw new Error('expected a mapping request');
    expect(asked.request.guess).toMatchObject({ coordinates: 'wgs84', x: 'Longitude', y: 'Latitude', date: 'month', category: 'category', location: 'location.street.name' });
    expect(asked.request.sampleRows).toHaveLength(2);
    const loaded = await ingestFile(dataset, memorySource('api.geojson', bytes(apiPoints)), { mapping: { coordinates: 'wgs84', x: 'Longitude', y: 'Latitude', date: 'month', category: 'category', location: 'location.street.name' } });
    if (loaded.status !== 'loaded') throw new Error('expected a load');
    const { summary } = loaded.source;
    expect([summary.rowsRead, summary.accepted, summary.rejected]).toEqual([3, 2, 1]);
    expect(summary.rejectCounts).toEqual({ notPoint: 1 });
    expect(rejectedRowsCsv(loaded.source.rejects).split('\r\n')[1]).toBe('3,,,burglary,2024-02,3,Somewhere,def,Not a point (a line or an area)');
    expect(dataset.locations.values).toContain('On or near Park Lane');
  });
  it('reprojects points declared in EPSG:27700, and offers undeclared grid numbers as easting/northing', () => {
    const point = (coordinates: number[]) => ({ type: 'Feature', properties: { Date: '2025-01-03' }, geometry: { type: 'Point', coordinates } });
    const declared = geoJsonRecords({ type: 'FeatureCollection', crs: { type: 'name', properties: { name: 'EPSG:27700' } }, features: [point([519500, 185000])] }, 'd.geojson');
    expect(declared.header.slice(0, 2)).toEqual(['Longitude', 'Latitude']);
    expect(Number(declared.rows[0][1])).toBeCloseTo(51.55, 1);
    const undeclared = geoJsonRecords({ type: 'FeatureCollection', features: [point([519500, 185000, 0])] }, 'u.geojson');
    expect(undeclared.header.slice(0, 2)).toEqual(['Easting', 'Northing']);
    expect(undeclared.rows[0].slice(0, 2)).toEqual(['519500', '185000']);
  });
  it('refuses JSON that is not a FeatureCollection, and one with no points', async () => {
    await expect(ingestFile(new Dataset(), memorySource('a.json', bytes({ crimes: [] })))).rejects.toThrow(/not a GeoJSON FeatureCollection/);
    await expect(ingestFile(new Dataset(), memorySource('z.geojson', bytes({ type: 'FeatureCollection', features: [apiPoints.features[2]] })))).rejects.toThrow(/no point features/);
    await expect(ingestFile(new Dataset(), memorySource('broken.geojson', new TextEncoder().encode('{"type": "FeatureCollection", ')))).rejects.toThrow(/not valid JSON/);
  });
});
