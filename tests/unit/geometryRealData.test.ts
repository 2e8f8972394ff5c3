import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { area } from '@turf/area';
import { zipSync } from 'fflate';
import { latLngToCell } from 'h3-js';
import proj4 from 'proj4';
import { describe, expect, it } from 'vitest';
import { camerasFromGeoJson } from '../../src/core/cameras/importCameras';
import { camerasFarFromData } from '../../src/core/cameras/farFromData';
import { zonesFromGeoJson, zonesFromShapefileZip } from '../../src/core/zones/importZones';
import { BOROUGHS, SHARED_DATA } from './realData';

const CAMDEN = join(SHARED_DATA, 'boundaries', 'camden_lsoa21_bng');
const SHEFFIELD = join(SHARED_DATA, 'cameras', 'sheffield_cctv.geojson');
/** EPSG:27700 as the EPSG registry gives it for proj4 (Helmert to WGS84): written here, not taken from the app. */
const EPSG_27700 = '+proj=tmerc +lat_0=49 +lon_0=-2 +k=0.9996012717 +x_0=400000 +y_0=-100000 +ellps=airy +towgs84=446.448,-125.157,542.06,0.15,0.247,0.842,-20.489 +units=m +no_defs';

/** The file's own area: HECTARES includes the Thames (NONLD_AREA), which the polygons leave out. */
const landHectares = (feature: { properties: { HECTARES: number; NONLD_AREA: number } }) => feature.properties.HECTARES - feature.properties.NONLD_AREA;

const missing = (path: string) => !existsSync(path);
if (missing(BOROUGHS)) console.warn(`${BOROUGHS} not found: skipping the real boundary tests`);

describe('real boundary and camera files', () => {
  it.skipIf(missing(BOROUGHS))('loads the London boroughs file with its repeated vertices, reporting the repair, named from NAME', () => {
    const json = JSON.parse(readFileSync(BOROUGHS, 'utf8'));
    const { zones, problems, nameField } = zonesFromGeoJson(json, 'london_boroughs_wgs84.geojson');
    expect(zones).toHaveLength(33);
    expect(nameField).toBe('NAME');
    expect(zones.map((z) => z.name)).toContain('Brent');
    expect(problems.length).toBeGreaterThan(0);
    expect(problems.every((p) => /repeated corners? removed$/.test(p))).toBe(true);
    for (const [i, zone] of zones.entries()) expect(Math.abs(area(zone.geometry) / 10_000 / landHectares(json.features[i]) - 1)).toBeLessThan(0.01);
  });

  it.skipIf(missing(BOROUGHS))('reads the boroughs published in British National Grid (crs EPSG:27700) back in London, areas within 1 % of the land hectares in the file', () => {
    const json = JSON.parse(readFileSync(BOROUGHS, 'utf8'));
    const toBng = proj4('EPSG:4326', EPSG_27700);
    const project = (v: unknown): unknown => (Array.isArray(v) && typeof v[0] === 'number' ? toBng.forward(v as number[]) : Array.isArray(v) ? v.map(project) : v);
    const bng = { ...json, crs: { type: 'name', properties: { name: 'urn:ogc:def:crs:EPSG::27700' } }, features: json.features.map((f: { geometry: { coordinates: unknown } }) => ({ ...f, geometry: { ...f.geometry, coordinates: project(f.geometry.coordinates) } })) };
    const { zones, crsNote } = zonesFromGeoJson(bng, 'london_boroughs_bng.geojson');
    expect(crsNote).toMatch(/British National Grid \(EPSG:27700\), as the file declares/);
    expect(zones).toHaveLength(33);
    for (const [i, zone] of zones.entries()) expect(Math.abs(area(zone.geometry) / 10_000 / landHectares(bng.features[i]) - 1)).toBeLessThan(0.01);
    const brent = zones.find((z) => z.name === 'Brent')!;
    const [lng, lat] = (brent.geometry.type === 'Polygon' ? brent.geometry.coordinates[0][0] : brent.geometry.coordinates[0][0][0]);
    expect(lat).toBeGreaterThan(51.5);
    expect(lat).toBeLessThan(51.6);
    expect(lng).toBeGreaterThan(-0.35);
    expect(lng).toBeLessThan(-0.19);
  });

  it.skipIf(missing(CAMDEN))('names the Camden LSOA shapefile (BNG .prj) from lsoa21nm, not the borough-wide lad22nm', async () => {
    const files = Object.fromEntries(['shp', 'shx', 'dbf', 'prj', 'cpg'].map((ext) => [`Camden.${ext}`, new Uint8Array(readFileSync(join(CAMDEN, `Camden.${ext}`)))]));
    const zip = zipSync(files);
    const { zones, nameField } = await zonesFromShapefileZip(zip.buffer.slice(zip.byteOffset, zip.byteOffset + zip.byteLength) as ArrayBuffer, 'Camden.zip');
    expect(nameField).toBe('lsoa21nm');
    expect(zones.length).toBeGreaterThan(100);
    expect(zones.every((z) => /^Camden \d{3}[A-Z]$/.test(z.name))).toBe(true);
  });

  it.skipIf(missing(SHEFFIELD))('keeps the Sheffield register ids (cam_number) and finds it far from London data', () => {
    const json = JSON.parse(readFileSync(SHEFFIELD, 'utf8'));
    const read = camerasFromGeoJson(json, 'sheffield_cctv.geojson');
    expect(read.cameras).toHaveLength(212);
    expect(read.fields.id).toBe('cam_number');
    expect(read.cameras[0].id).toBe('1');
    expect(read.notCameras).toBeNull();
    // The register reuses numbers across its systems ("1" is a traffic camera and a CCTV camera): every camera stays, ids made unique.
    const numbers = json.features.map((f: { properties: { cam_number: string } }) => f.properties.cam_number);
    expect(read.repeatedIds).toBe(numbers.length - new Set(numbers).size);
    expect(new Set(read.cameras.map((c) => c.id)).size).toBe(212);
    expect(read.cameras.filter((c) => c.id.startsWith('1')).map((c) => c.id)).toContain('1 (2)');
    const brent = [latLngToCell(51.55, -0.28, 9), latLngToCell(51.57, -0.22, 9)];
    const far = camerasFarFromData(read.cameras, brent)!;
    expect(far.far).toBe(212);
    expect(far.medianKm).toBeGreaterThan(200);
  });
});
