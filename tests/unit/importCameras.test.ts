import { describe, expect, it } from 'vitest';
import { cameraKind, camerasFromCsv, camerasFromGeoJson } from '../../src/core/cameras/importCameras';

describe('camera import', () => {
  it('reads lat/lng cameras with type, radius, direction and field of view', () => {
    const csv = 'Camera ID,Name,Type,Latitude,Longitude,Radius (m),Direction,FOV\nFX-001,"High Road, Wembley",Fixed,51.5560,-0.2790,100,,\nRD-01,Olympic Way,Re-deployable,51.5580,-0.2820,80,90,60\n';
    const { cameras, problems } = camerasFromCsv(csv, 'c.csv');
    expect(problems).toEqual([]);
    expect(cameras).toEqual([
      { id: 'FX-001', name: 'High Road, Wembley', kind: 'fixed', lat: 51.556, lng: -0.279, radiusM: 100, directionDeg: null, fovDeg: null },
      { id: 'RD-01', name: 'Olympic Way', kind: 'redeployable', lat: 51.558, lng: -0.282, radiusM: 80, directionDeg: 90, fovDeg: 60 },
    ]);
  });
  it('refuses rows with impossible or non-numeric reach, with the reason, and keeps the rest', () => {
    const csv = 'Camera ID,Latitude,Longitude,Radius (m),Direction,FOV\nOK,51.556,-0.279,100,90,60\nZERO,51.556,-0.279,0,90,60\nTEXT,51.556,-0.279,wide,,\nTURN,51.556,-0.279,50,400,60\nBLIND,51.556,-0.279,50,90,0\n';
    const { cameras, problems } = camerasFromCsv(csv, 'c.csv');
    expect(cameras.map((c) => c.id)).toEqual(['OK']);
    expect(problems).toEqual(['Line 3: radius (m): below 1', 'Line 4: radius (m): expected a number', 'Line 5: direction (°): above 360', 'Line 6: field of view (°): below 1']);
    const geojson = { type: 'FeatureCollection', features: [{ type: 'Feature', geometry: { type: 'Point', coordinates: [-0.279, 51.556] }, properties: { id: 'G', radius: 'far' } }] };
    expect(camerasFromGeoJson(geojson, 'c.geojson').problems).toEqual(['Feature 1: radius (m): expected a number']);
  });
  it('converts easting/northing and reports unreadable rows by line', () => {
    const csv = 'id,easting,northing\nA,519500,185000\nB,,185000\nC,9999999,185000\n';
    const { cameras, problems } = camerasFromCsv(csv, 'c.csv');
    expect(cameras).toHaveLength(1);
    expect(cameras[0].lat).toBeCloseTo(51.55, 1);
    expect(problems).toEqual(['Line 3: no coordinates', 'Line 4: coordinates outside the UK']);
  });
  it('refuses a file without coordinate columns', () => {
    expect(() => camerasFromCsv('id,name\n1,x\n', 'c.csv')).toThrow(/Latitude and Longitude columns, or Easting and Northing/);
  });
  it('reads GeoJSON points and reports other geometries', () => {
    const json = { type: 'FeatureCollection', features: [
      { type: 'Feature', geometry: { type: 'Point', coordinates: [-0.279, 51.556] }, properties: { id: 'X', type: 'mobile', radius: 120 } },
      { type: 'Feature', geometry: { type: 'LineString', coordinates: [[0, 51], [1, 52]] }, properties: {} },
    ] };
    const { cameras, problems } = camerasFromGeoJson(json, 'c.geojson');
    expect(cameras.map((c) => [c.id, c.kind, c.radiusM])).toEqual([['X', 'redeployable', 120]]);
    expect(problems).toEqual(['Feature 2: not a point']);
  });
  it('keeps the date a camera was deployed, for its review dates, when the file has one', () => {
    const csv = 'Camera ID,Type,Latitude,Longitude,Date deployed\nRD-01,Re-deployable,51.55,-0.28,03/02/2025\nRD-02,Re-deployable,51.55,-0.28,\n';
    const { cameras } = camerasFromCsv(csv, 'c.csv');
    expect(cameras[0].deployedDate).toBe('03/02/2025');
    expect(cameras[1]).not.toHaveProperty('deployedDate');
    const geojson = camerasFromGeoJson({ type: 'FeatureCollection', features: [{ type: 'Feature', geometry: { type: 'Point', coordinates: [-0.28, 51.55] }, properties: { id: 'FX-1', deployed: '2024-06-01' } }] }, 'c.geojson');
    expect(geojson.cameras[0].deployedDate).toBe('2024-06-01');
  });
  it('tells fixed from re-deployable by common spellings', () => {
    expect(['Re-deployable', 'redeployable', 'Mobile', 'RD', 'Fixed', 'Static', ''].map(cameraKind)).toEqual(['redeployable', 'redeployable', 'redeployable', 'redeployable', 'fixed', 'fixed', 'fixed']);
  });
});
