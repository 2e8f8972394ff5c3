// The London boroughs as a council GIS team publishes them in British National Grid: made at test
// time from the real WGS84 file with proj4, with a HECTARES field computed here from the grid
// coordinates (shoelace on metres), independently of the app.
import { readFileSync } from 'node:fs';
import proj4 from 'proj4';

const EPSG_27700 = '+proj=tmerc +lat_0=49 +lon_0=-2 +k=0.9996012717 +x_0=400000 +y_0=-100000 +ellps=airy +towgs84=446.448,-125.157,542.06,0.15,0.247,0.842,-20.489 +units=m +no_defs';

const ringArea = (ring) => {
  let twice = 0;
  for (let i = 0; i + 1 < ring.length; i++) twice += ring[i][0] * ring[i + 1][1] - ring[i + 1][0] * ring[i][1];
  return Math.abs(twice) / 2;
};
const polygonArea = (rings) => ringArea(rings[0]) - rings.slice(1).reduce((sum, hole) => sum + ringArea(hole), 0);

/** A FeatureCollection in EPSG:27700 (positions rounded to the millimetre, as GIS exports write them); `crs` as given, or none. */
export function boroughsInBng(wgs84Path, crsName = 'urn:ogc:def:crs:EPSG::27700') {
  const source = JSON.parse(readFileSync(wgs84Path, 'utf8'));
  const forward = proj4('EPSG:4326', EPSG_27700).forward;
  const project = (v) => (typeof v[0] === 'number' ? forward(v).map((n) => Math.round(n * 1000) / 1000) : v.map(project));
  const features = source.features.map((f) => {
    const coordinates = project(f.geometry.coordinates);
    const polygons = f.geometry.type === 'Polygon' ? [coordinates] : coordinates;
    const hectares = polygons.reduce((sum, rings) => sum + polygonArea(rings), 0) / 10_000;
    return { type: 'Feature', properties: { NAME: f.properties.NAME, GSS_CODE: f.properties.GSS_CODE, HECTARES: Math.round(hectares * 1000) / 1000 }, geometry: { type: f.geometry.type, coordinates } };
  });
  return { type: 'FeatureCollection', ...(crsName ? { crs: { type: 'name', properties: { name: crsName } } } : {}), features };
}
