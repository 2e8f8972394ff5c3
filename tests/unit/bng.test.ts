import proj4 from 'proj4';
import { describe, expect, it } from 'vitest';
import { bngToWgs84, wgs84ToBng } from '../../src/core/geo/bng';

const dms = (d: number, m: number, s: number) => d + m / 60 + s / 3600;

/** Great-circle distance in metres (haversine). */
function metresBetween(a: { lat: number; lng: number }, b: { lat: number; lng: number }): number {
  const rad = Math.PI / 180;
  const dLat = (b.lat - a.lat) * rad;
  const dLng = (b.lng - a.lng) * rad;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a.lat * rad) * Math.cos(b.lat * rad) * Math.sin(dLng / 2) ** 2;
  return 2 * 6_371_000 * Math.asin(Math.sqrt(h));
}

describe('British National Grid', () => {
  // Ordnance Survey, "A guide to coordinate systems in Great Britain", worked example: Caister water tower,
  // E 651409.903, N 313177.270; OSGB36 52°39′27.2531″N 1°43′04.5177″E; ETRS89 (≈ WGS84) 52°39′28.8282″N 1°42′57.8663″E.
  const caister = { easting: 651409.903, northing: 313177.27 };

  it('projects the OS worked example exactly on the Airy ellipsoid (Transverse Mercator, no datum shift)', () => {
    const airyTm = '+proj=tmerc +lat_0=49 +lon_0=-2 +k=0.9996012717 +x_0=400000 +y_0=-100000 +ellps=airy +units=m +no_defs';
    const [lng, lat] = proj4(airyTm, '+proj=longlat +ellps=airy +no_defs', [caister.easting, caister.northing]);
    expect(metresBetween({ lat, lng }, { lat: dms(52, 39, 27.2531), lng: dms(1, 43, 4.5177) })).toBeLessThan(0.01);
  });

  it('lands the worked example within 5 m of its published ETRS89 position (7-parameter Helmert)', () => {
    const wgs84 = bngToWgs84(caister.easting, caister.northing);
    expect(metresBetween(wgs84, { lat: dms(52, 39, 28.8282), lng: dms(1, 42, 57.8663) })).toBeLessThan(5);
  });

  it('round-trips to the millimetre across Great Britain', () => {
    for (const [easting, northing] of [[519500, 185000], [216667, 771283], [651409.903, 313177.27], [133000, 40000], [465000, 1180000]]) {
      const { lat, lng } = bngToWgs84(easting, northing);
      const back = wgs84ToBng(lat, lng);
      expect(Math.abs(back.easting - easting)).toBeLessThan(0.001);
      expect(Math.abs(back.northing - northing)).toBeLessThan(0.001);
    }
  });

  it('puts a Brent address grid reference in Wembley', () => {
    // 519500 E, 185000 N is in Wembley (TQ 195 850): about 51.55°N 0.28°W.
    const { lat, lng } = bngToWgs84(519500, 185000);
    expect(lat).toBeGreaterThan(51.54);
    expect(lat).toBeLessThan(51.56);
    expect(lng).toBeGreaterThan(-0.29);
    expect(lng).toBeLessThan(-0.27);
  });
});
