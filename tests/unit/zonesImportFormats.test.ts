import { DOMParser } from '@xmldom/xmldom';
import { centroid } from '@turf/centroid';
import { strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { bngToWgs84 } from '../../src/core/geo/bng';
import { kmlFromKmz, zonesFromKml, zonesFromShapefileZip } from '../../src/core/zones/importZones';

const KML = `<?xml version="1.0" encoding="UTF-8"?>
<kml xmlns="http://www.opengis.net/kml/2.2"><Document>
<Placemark><name>Wembley Park &amp; Olympic Way</name><description>Spitting</description>
<Polygon><outerBoundaryIs><LinearRing><coordinates>-0.287,51.5545 -0.2745,51.5545 -0.272,51.56 -0.287,51.5625 -0.287,51.5545</coordinates></LinearRing></outerBoundaryIs></Polygon></Placemark>
<Placemark><name>Stadium entrance</name><Point><coordinates>-0.279,51.556</coordinates></Point></Placemark>
</Document></kml>`;

const parseXml = (text: string) => new DOMParser().parseFromString(text, 'text/xml') as unknown as Document;

describe('KML and KMZ zones', () => {
  it('reads Google My Maps-style KML, reporting the point it skips', () => {
    const { zones, problems } = zonesFromKml(parseXml(KML), 'zones.kml');
    expect(zones.map((z) => z.name)).toEqual(['Wembley Park & Olympic Way']);
    expect(zones[0].geometry.type).toBe('Polygon');
    expect(problems).toEqual(['Stadium entrance: a Point, not an area; skipped']);
  });
  it('finds the KML inside a KMZ', () => {
    const kmz = zipSync({ 'doc.kml': strToU8(KML), 'images/icon.png': new Uint8Array([1, 2, 3]) });
    expect(zonesFromKml(parseXml(kmlFromKmz(kmz, 'zones.kmz')), 'zones.kmz').zones).toHaveLength(1);
    expect(() => kmlFromKmz(zipSync({ 'a.txt': strToU8('x') }), 'empty.kmz')).toThrow(/holds no \.kml file/);
  });
});

/** A one-polygon Shapefile (.shp, .shx, .dbf, .prj) in British National Grid, written byte by byte. */
function squareShapefile(e0: number, n0: number, size: number): Uint8Array {
  // Outer ring clockwise, as the Shapefile format wants it.
  const ring = [[e0, n0], [e0, n0 + size], [e0 + size, n0 + size], [e0 + size, n0], [e0, n0]];
  const contentBytes = 4 + 32 + 4 + 4 + 4 + ring.length * 16;
  const box = (view: DataView, at: number) => [e0, n0, e0 + size, n0 + size].forEach((v, i) => view.setFloat64(at + i * 8, v, true));
  const header = (view: DataView, lengthWords: number) => {
    view.setInt32(0, 9994);
    view.setInt32(24, lengthWords);
    view.setInt32(28, 1000, true);
    view.setInt32(32, 5, true);
    box(view, 36);
  };
  const shp = new DataView(new ArrayBuffer(100 + 8 + contentBytes));
  header(shp, (100 + 8 + contentBytes) / 2);
  shp.setInt32(100, 1);
  shp.setInt32(104, contentBytes / 2);
  shp.setInt32(108, 5, true);
  box(shp, 112);
  shp.setInt32(144, 1, true);
  shp.setInt32(148, ring.length, true);
  shp.setInt32(152, 0, true);
  ring.forEach(([x, y], i) => {
    shp.setFloat64(156 + i * 16, x, true);
    shp.setFloat64(164 + i * 16, y, true);
  });
  const shx = new DataView(new ArrayBuffer(108));
  header(shx, 54);
  shx.setInt32(100, 50);
  shx.setInt32(104, contentBytes / 2);
  // dBase III with one character field NAME(20).
  const dbf = new Uint8Array(32 + 32 + 1 + 21 + 1);
  const dv = new DataView(dbf.buffer);
  dbf[0] = 0x03;
  dv.setUint32(4, 1, true);
  dv.setUint16(8, 65, true);
  dv.setUint16(10, 21, true);
  dbf.set(strToU8('NAME'), 32);
  dbf[43] = 'C'.charCodeAt(0);
  dbf[48] = 20;
  dbf[64] = 0x0d;
  dbf.set(strToU8(' Harlesden square    '), 65);
  dbf[86] = 0x1a;
  const prj = 'PROJCS["British_National_Grid",GEOGCS["GCS_OSGB_1936",DATUM["D_OSGB_1936",SPHEROID["Airy_1830",6377563.396,299.3249646]],PRIMEM["Greenwich",0.0],UNIT["Degree",0.0174532925199433]],PROJECTION["Transverse_Mercator"],PARAMETER["False_Easting",400000.0],PARAMETER["False_Northing",-100000.0],PARAMETER["Central_Meridian",-2.0],PARAMETER["Scale_Factor",0.9996012717],PARAMETER["Latitude_Of_Origin",49.0],UNIT["Meter",1.0]]';
  return zipSync({ 'zone.shp': new Uint8Array(shp.buffer), 'zone.shx': new Uint8Array(shx.buffer), 'zone.dbf': dbf, 'zone.prj': strToU8(prj) });
}

describe('zipped Shapefile zones', () => {
  it('reads a BNG polygon and reprojects it from its .prj to the right place', async () => {
    const bytes = squareShapefile(521000, 183300, 400);
    const { zones, problems } = await zonesFromShapefileZip(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer, 'zone.zip');
    expect(problems).toEqual([]);
    expect(zones.map((z) => z.name)).toEqual(['Harlesden square']);
    const [lng, lat] = centroid(zones[0].geometry).geometry.coordinates;
    const expected = bngToWgs84(521200, 183500);
    // Within about 10 m of the same grid point converted by the app's own BNG transform.
    expect(Math.abs(lat - expected.lat) * 111_320).toBeLessThan(10);
    expect(Math.abs(lng - expected.lng) * 111_320 * Math.cos((lat * Math.PI) / 180)).toBeLessThan(10);
  });
});
