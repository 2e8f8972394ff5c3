import { describe, expect, it } from 'vitest';
import { formatFor, geometryFormat } from '../../src/core/geo/geometryFormat';

const bytes = (text: string) => new TextEncoder().encode(text);
const ZIP = Uint8Array.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00]);

describe('geometry file formats, from the first bytes', () => {
  it('reads the content, not the name', () => {
    expect(geometryFormat('zones.json', bytes('\uFEFF  <?xml version="1.0"?><kml>'))).toBe('kml');
    expect(geometryFormat('zones.kml', bytes('\n{"type":"FeatureCollection"'))).toBe('geojson');
    expect(geometryFormat('wards.geojson', ZIP)).toBe('shapefile-zip');
    expect(geometryFormat('My Places.kmz', ZIP)).toBe('kmz');
    expect(geometryFormat('cameras.txt', bytes('id,lat,lng\n'))).toBe('csv');
  });
  it('refuses a format the purpose does not read, saying what was found and what is read', () => {
    expect(() => formatFor('boundaries', 'wards.kml', bytes('<kml>'))).toThrow('wards.kml looks like KML; boundaries load from GeoJSON or a zipped Shapefile.');
    expect(() => formatFor('zones', 'zones.csv', bytes('name,lat'))).toThrow('zones.csv looks like CSV; zones load from GeoJSON, a zipped Shapefile, KML or KMZ.');
    expect(formatFor('cameras', 'register.json', bytes('{"type":"FeatureCollection"}'))).toBe('geojson');
  });
});
