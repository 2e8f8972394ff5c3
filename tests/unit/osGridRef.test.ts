import proj4 from 'proj4';
import { describe, expect, it } from 'vitest';
import { gridReferenceOf, osGridReference } from '../../src/core/geo/osGridRef';

describe('Ordnance Survey grid references', () => {
  it('gives the OS guide worked example: Caister water tower E 651409.903 N 313177.270 is TG 51409 13177', () => {
    // Ordnance Survey, "A guide to coordinate systems in Great Britain", section 9 / annex C.
    expect(osGridReference(651409.903, 313177.27)).toBe('TG 51409 13177');
    expect(osGridReference(651409.903, 313177.27, 4)).toBe('TG 5140 1317');
  });
  it('letters the squares around London, the corners of the grid and Shetland', () => {
    expect(osGridReference(519380, 185100)).toBe('TQ 19380 85100');
    expect(osGridReference(0, 0)).toBe('SV 00000 00000');
    expect(osGridReference(699999, 1299999)).toBe('JM 99999 99999');
    expect(osGridReference(216667, 771283)).toBe('NN 16667 71283'); // Ben Nevis summit area
    expect(osGridReference(445000, 1130000)).toBe('HU 45000 30000'); // Shetland
    expect(osGridReference(-1, 100)).toBeNull();
    expect(osGridReference(700000, 100)).toBeNull();
  });
  it('agrees with proj4 (EPSG:27700 with the OS Helmert parameters) on known Brent points', () => {
    const bng = '+proj=tmerc +lat_0=49 +lon_0=-2 +k=0.9996012717 +x_0=400000 +y_0=-100000 +ellps=airy +towgs84=446.448,-125.157,542.06,0.15,0.247,0.842,-20.489 +units=m +no_defs';
    for (const [lat, lng] of [[51.556, -0.2796], [51.5494, -0.2954], [51.5326, -0.2406]]) {
      const [easting, northing] = proj4('EPSG:4326', bng, [lng, lat]);
      const expected = `TQ ${String(Math.floor(easting) % 100000).padStart(5, '0')} ${String(Math.floor(northing) % 100000).padStart(5, '0')}`;
      expect(gridReferenceOf(lat, lng)).toBe(expected);
    }
    // Wembley Stadium's arch is at about TQ 193 855 on OS maps.
    expect(gridReferenceOf(51.556, -0.2796)).toMatch(/^TQ 19[23]\d\d 85[56]\d\d$/);
  });
  it('says when a position is off the grid', () => {
    expect(gridReferenceOf(48.85, 2.35)).toBe('outside the National Grid');
  });
});
