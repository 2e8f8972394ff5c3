import { describe, expect, it } from 'vitest';
import { latLngToCell } from 'h3-js';
import { addCameras, camerasFromCsv, camerasFromGeoJson, type Camera } from '../../src/core/cameras/importCameras';
import { camerasFarFromData } from '../../src/core/cameras/farFromData';
import { boundariesFromGeoJson } from '../../src/core/geo/boundaries';
import { chooseCrs, declaredCrs, LooksLikeBngError, toWgs84 } from '../../src/core/geo/crs';
import { chooseField } from '../../src/core/geo/fields';
import { readGeoFeatures } from '../../src/core/geo/geoFeatures';
import { dropRepeatedVertices, planarGeometry, planarPosition } from '../../src/core/geo/positions';
import { zonesFromGeoJson } from '../../src/core/zones/importZones';
import { mapListedGeometries, packGeometry, unpackGeometry } from '../../src/core/geo/packedGeometry';

const dms = (d: number, m: number, s: number) => d + m / 60 + s / 3600;
const square = (x0: number, y0: number, size: number) => [[x0, y0], [x0 + size, y0], [x0 + size, y0 + size], [x0, y0 + size], [x0, y0]];
const collection = (features: object[], crs?: string) => ({ type: 'FeatureCollection', ...(crs ? { crs: { type: 'name', properties: { name: crs } } } : {}), features });
const polygonFeature = (properties: object, ring: number[][]) => ({ type: 'Feature', properties, geometry: { type: 'Polygon', coordinates: [ring] } });

describe('positions with 2, 3 or 4 numbers', () => {
  it('keeps longitude and latitude and drops altitude and measure', () => {
    expect(planarPosition([-0.28, 51.55])).toEqual([-0.28, 51.55]);
    expect(planarPosition([-0.28, 51.55, 0])).toEqual([-0.28, 51.55]);
    expect(planarPosition([-0.28, 51.55, 12.5, 3])).toEqual([-0.28, 51.55]);
    expect(planarPosition([-0.28])).toBeNull();
    expect(planarPosition([-0.28, 51.55, 0, 0, 0])).toBeNull();
    expect(planarPosition(['-0.28', 51.55])).toBeNull();
    expect(planarPosition([NaN, 51.55])).toBeNull();
  });
  it('cuts every position of a multipolygon, and refuses one with a broken corner', () => {
    const geometry = { type: 'MultiPolygon' as const, coordinates: [[[[0, 51, 0], [1, 51, 0], [1, 52, 0], [0, 51, 0]]]] };
    expect(planarGeometry(geometry)).toEqual({ type: 'MultiPolygon', coordinates: [[[[0, 51], [1, 51], [1, 52], [0, 51]]]] });
    expect(planarGeometry({ type: 'Polygon', coordinates: [[[0, 51], ['x', 51] as unknown as number[], [1, 52], [0, 51]]] })).toBeNull();
  });
});

describe('repeated vertices', () => {
  it('removes consecutive repeats only, and counts them', () => {
    const ring = [[0, 0], [1, 0], [1, 0], [1, 1], [1, 1], [1, 1], [0, 0]];
    const { geometry, removed } = dropRepeatedVertices({ type: 'Polygon', coordinates: [ring] });
    expect(removed).toBe(3);
    expect(geometry.coordinates).toEqual([[[0, 0], [1, 0], [1, 1], [0, 0]]]);
  });
  it('reports the repair on import instead of refusing the zone', () => {
    const ring = [[-0.3, 51.5], [-0.2, 51.5], [-0.2, 51.5], [-0.2, 51.6], [-0.3, 51.5]];
    const { zones, problems } = zonesFromGeoJson(collection([polygonFeature({ NAME: 'Brent' }, ring)]), 'b.geojson');
    expect(zones).toHaveLength(1);
    expect(problems).toEqual(['Brent: 1 repeated corner removed']);
  });
});

describe('declared coordinate systems', () => {
  it('reads the common ways of naming a system', () => {
    expect(declaredCrs(collection([], 'urn:ogc:def:crs:EPSG::27700'))).toMatchObject({ crs: 'bng' });
    expect(declaredCrs(collection([], 'EPSG:27700'))).toMatchObject({ crs: 'bng' });
    expect(declaredCrs(collection([], 'http://www.opengis.net/def/crs/EPSG/0/27700'))).toMatchObject({ crs: 'bng' });
    expect(declaredCrs(collection([], 'urn:ogc:def:crs:OGC:1.3:CRS84'))).toMatchObject({ crs: 'wgs84' });
    expect(declaredCrs(collection([], 'EPSG:4326'))).toMatchObject({ crs: 'wgs84' });
    expect(declaredCrs(collection([], 'EPSG:3857'))).toMatchObject({ crs: 'webMercator' });
    expect(declaredCrs(collection([], 'EPSG:900913'))).toMatchObject({ crs: 'webMercator' });
    expect(declaredCrs({ crs: { type: 'EPSG', properties: { code: 27700 } } })).toMatchObject({ crs: 'bng' });
    expect(declaredCrs(collection([], 'EPSG:2154'))).toEqual({ unsupported: 'EPSG:2154' });
    expect(declaredCrs(collection([]))).toBeNull();
  });
  it('converts the OS worked example (Caister water tower) to within 5 m of its published position', () => {
    const point = toWgs84({ type: 'Point', coordinates: [651409.903, 313177.27, 0] }, 'bng');
    const [lng, lat] = point!.coordinates;
    expect(Math.abs(lat - dms(52, 39, 28.8282)) * 111_000).toBeLessThan(5);
    expect(Math.abs(lng - dms(1, 42, 57.8663)) * 111_000 * Math.cos((lat * Math.PI) / 180)).toBeLessThan(5);
  });
  it('converts Web Mercator by the spherical formula', () => {
    // x = R·λ, y = R·ln tan(π/4 + φ/2) with R = 6378137 m, for 51.5074° N, 0.1278° W.
    const [lng, lat] = toWgs84({ type: 'Point', coordinates: [-14226.630923, 6711542.475588] }, 'webMercator')!.coordinates;
    expect(lng).toBeCloseTo(-0.1278, 6);
    expect(lat).toBeCloseTo(51.5074, 6);
  });
  it('asks about undeclared numbers that look like British National Grid, and refuses others', () => {
    const bng = [{ type: 'Point' as const, coordinates: [530000, 180000] }];
    expect(() => chooseCrs({}, bng, 'b.geojson')).toThrow(LooksLikeBngError);
    expect(() => chooseCrs({}, bng, 'b.geojson')).toThrow(/look like British National Grid/);
    expect(chooseCrs({}, bng, 'b.geojson', true).crs).toBe('bng');
    expect(() => chooseCrs({}, [{ type: 'Point', coordinates: [5_000_000, 180000] }], 'x.geojson')).toThrow(/neither longitude\/latitude nor British National Grid/);
    expect(() => chooseCrs(collection([], 'EPSG:2154'), bng, 'f.geojson')).toThrow(/declares the coordinate system "EPSG:2154"/);
    expect(chooseCrs({}, [{ type: 'Point', coordinates: [-0.1, 51.5] }], 'w.geojson').crs).toBe('wgs84');
  });
  it('reprojects zones declared in EPSG:27700 and keeps nothing far outside the UK', () => {
    const bngSquare = polygonFeature({ NAME: 'Wembley square' }, square(519000, 184500, 1000));
    const paris = polygonFeature({ NAME: 'Paris' }, square(2.3, 48.8, 0.01));
    const { zones } = zonesFromGeoJson(collection([bngSquare], 'urn:ogc:def:crs:EPSG::27700'), 'z.geojson');
    const [lng, lat] = (zones[0].geometry as { coordinates: number[][][] }).coordinates[0][0];
    expect(lat).toBeGreaterThan(51.5);
    expect(lng).toBeGreaterThan(-0.3);
    expect(zonesFromGeoJson(collection([paris]), 'p.geojson').problems).toEqual(['Paris: lies outside the UK; skipped']);
  });
  it('reads a bare geometry and a single feature, and refuses a file with no features', () => {
    expect(readGeoFeatures({ type: 'Point', coordinates: [-0.1, 51.5, 10] }, 'p.geojson').features[0].geometry).toEqual({ type: 'Point', coordinates: [-0.1, 51.5] });
    expect(() => readGeoFeatures({ type: 'FeatureCollection', features: [] }, 'e.geojson')).toThrow(/holds no GeoJSON features/);
  });
});

describe('names and ids from common field patterns', () => {
  const rows = (field: string, values: string[], extra: Record<string, string> = {}) => values.map((v) => ({ [field]: v, ...extra }));
  it('finds names in NAME, WD22NM, lsoa21nm, LAD22NM and friends', () => {
    expect(chooseField(rows('NAME', ['Brent', 'Camden']), 'name')).toBe('NAME');
    expect(chooseField(rows('WD22NM', ['Alperton', 'Barnhill'], { WD22CD: 'E05' }), 'name')).toBe('WD22NM');
    expect(chooseField(rows('LAD22NM', ['Brent', 'Camden']), 'name')).toBe('LAD22NM');
    expect(chooseField(rows('Site name', ['A', 'B']), 'name')).toBe('Site name');
  });
  it('prefers the field that tells features apart (lsoa21nm over the borough constant lad22nm)', () => {
    const lsoas = [{ lad22nm: 'Camden', lsoa21nm: 'Camden 001A', msoa21nm: 'Camden 001' }, { lad22nm: 'Camden', lsoa21nm: 'Camden 001B', msoa21nm: 'Camden 001' }, { lad22nm: 'Camden', lsoa21nm: 'Camden 002A', msoa21nm: 'Camden 002' }];
    expect(chooseField(lsoas, 'name')).toBe('lsoa21nm');
  });
  it('finds camera ids in camera_id, cam_number, Camera ID, id', () => {
    for (const field of ['camera_id', 'cam_number', 'Camera ID', 'CCTV_NO', 'id']) expect(chooseField(rows(field, ['1', '2'], { location: 'x' }), 'id')).toBe(field);
    expect(chooseField(rows('notes', ['a', 'b']), 'id')).toBeNull();
  });
  it('names cameras and keeps their ids from GeoJSON properties, and lets the user choose other fields', () => {
    const json = collection([
      { type: 'Feature', properties: { cam_number: '17', location: 'West Bar' }, geometry: { type: 'Point', coordinates: [-1.47, 53.38, 0] } },
      { type: 'Feature', properties: { cam_number: '18', location: 'Snig Hill' }, geometry: { type: 'Point', coordinates: [-1.468, 53.384] } },
    ]);
    const read = camerasFromGeoJson(json, 's.geojson');
    expect(read.cameras.map((c) => [c.id, c.name])).toEqual([['17', 'West Bar'], ['18', 'Snig Hill']]);
    expect(read.fields).toMatchObject({ id: 'cam_number', name: 'location', radius: null, type: null });
    expect(read.notCameras).toBeNull();
    const chosen = camerasFromGeoJson(json, 's.geojson', { fields: { id: 'location', name: null } });
    expect(chosen.cameras.map((c) => [c.id, c.name])).toEqual([['West Bar', ''], ['Snig Hill', '']]);
  });
  it('names zones and boundaries from the chosen field, or numbers them', () => {
    const json = collection([polygonFeature({ WD22NM: 'Alperton', WD22CD: 'E05013489' }, square(-0.3, 51.54, 0.01)), polygonFeature({ WD22NM: 'Barnhill', WD22CD: 'E05013490' }, square(-0.27, 51.57, 0.01))]);
    expect(zonesFromGeoJson(json, 'w.geojson').zones.map((z) => z.name)).toEqual(['Alperton', 'Barnhill']);
    expect(zonesFromGeoJson(json, 'w.geojson', { nameField: 'WD22CD' }).zones.map((z) => z.name)).toEqual(['E05013489', 'E05013490']);
    expect(zonesFromGeoJson(json, 'w.geojson', { nameField: null }).zones.map((z) => z.name)).toEqual(['Zone 1', 'Zone 2']);
    expect(boundariesFromGeoJson(json, 'w.geojson').boundaries.map((b) => b.name)).toEqual(['Alperton', 'Barnhill']);
  });
});

describe('camera files', () => {
  it('says when a point file does not look like cameras (a fault report)', () => {
    const json = collection([1, 2, 3].map((i) => ({ type: 'Feature', properties: { report_id: `F${i}`, fault_description: 'Street light out', street: 'High Road' }, geometry: { type: 'Point', coordinates: [-0.28, 51.55 + i / 1000] } })));
    const read = camerasFromGeoJson(json, 'faults.geojson');
    expect(read.cameras).toHaveLength(3);
    expect(read.notCameras).toMatch(/none of its columns \(report_id, fault_description, street\) names a camera/);
  });
  it('reads a CSV register with an id column and reports which fields it used', () => {
    const read = camerasFromCsv('camera_id,site,lat,lon,type,radius_m\nC1,Market,51.55,-0.28,Fixed,80\nC2,Park,51.56,-0.27,Redeployable,\n', 'c.csv');
    expect(read.cameras.map((c) => [c.id, c.name, c.kind, c.radiusM])).toEqual([['C1', 'Market', 'fixed', 80], ['C2', 'Park', 'redeployable', null]]);
    expect(read.fields).toMatchObject({ id: 'camera_id', name: 'site', type: 'type', radius: 'radius_m' });
    expect(read.columns).toEqual(['camera_id', 'site', 'type', 'radius_m']);
  });
  it('warns about cameras far from the data: 1 of 3, about 255 km away', () => {
    const cells = [[51.55, -0.28], [51.56, -0.26]].map(([lat, lng]) => latLngToCell(lat, lng, 9));
    const cameras = [{ id: 'A', lat: 51.555, lng: -0.27 }, { id: 'B', lat: 51.57, lng: -0.25 }, { id: 'SHF-1', lat: 53.38, lng: -1.47 }];
    const far = camerasFarFromData(cameras, cells)!;
    expect(far.far).toBe(1);
    expect(far.examples).toEqual(['SHF-1']);
    // Haversine from (53.38, -1.47) to the box corner near (51.56, -0.26): about 219 km.
    expect(far.medianKm).toBeGreaterThan(200);
    expect(far.medianKm).toBeLessThan(240);
    expect(camerasFarFromData(cameras, [])).toBeNull();
  });
  it('adds cameras to the current ones, renaming repeated ids', () => {
    const camera = (id: string): Camera => ({ id, name: '', kind: 'fixed', lat: 51.5, lng: -0.2, radiusM: null, directionDeg: null, fovDeg: null });
    expect(addCameras([camera('A'), camera('B')], [camera('A'), camera('C')]).map((c) => c.id)).toEqual(['A', 'B', 'A (2)', 'C']);
  });
});

describe('packed geometry for passing between threads', () => {
  it('round-trips a multipolygon with a hole, packing and unpacking the zones of an import in place', () => {
    const geometry = { type: 'MultiPolygon' as const, coordinates: [[square(0, 0, 4), square(1, 1, 1)], [square(10, 10, 2)]] };
    const result = { zones: [{ name: 'A', geometry }], problems: [] };
    const buffers = mapListedGeometries(result, packGeometry);
    expect(buffers).toHaveLength(1);
    expect(buffers[0].byteLength).toBe(15 * 2 * 8);
    mapListedGeometries(result, unpackGeometry);
    expect(result.zones[0].geometry).toEqual(geometry);
  });
});
