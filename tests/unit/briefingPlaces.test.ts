import { cellToLatLng, latLngToCell } from 'h3-js';
import { describe, expect, it } from 'vitest';
import type { CameraSite } from '../../src/core/cameras/cameraSites';
import { briefingPlaces, INSET_ASPECT, insetFrames, insetPlaces } from '../../src/core/export/briefingPlaces';
import { niceScaleLength, scaleLabel } from '../../src/core/geo/scale';
import { fitBounds, frameProjection, groundWidthM, mercatorY } from '../../src/core/geo/webMercator';

const place = (rank: number, lat: number, lng: number) => ({ rank, cell: latLngToCell(lat, lng, 10), location: `On or near Street ${rank}`, category: 'Burglary', count: 10 - rank, share: '1%' });
const camera = (id: string, lat: number, lng: number, extra: Partial<CameraSite> = {}): CameraSite => ({ id, name: '', kind: 'fixed', status: 'kept', current: { lat, lng }, proposed: { lat, lng }, radiusM: 100, directionDeg: null, fovDeg: null, deployedDate: '', gain: 0, toLocation: '', ...extra });

describe('briefing places', () => {
  it('gives each place its position, grid reference, the cameras that see it and its zone', () => {
    const top = [place(1, 51.556, -0.2796), place(2, 51.54, -0.25)];
    const [lat1, lng1] = cellToLatLng(top[0].cell);
    const zone = { name: 'Wembley Park PSPO', geometry: { type: 'Polygon' as const, coordinates: [[[-0.283, 51.553], [-0.276, 51.553], [-0.276, 51.558], [-0.283, 51.558], [-0.283, 51.553]]] } };
    const cameras = [
      camera('FX-001', lat1 + 0.0005, lng1), // about 56 m north: sees it
      camera('FX-002', lat1 + 0.0020, lng1), // about 220 m: too far
      camera('RD-01', 51.6, -0.2, { status: 'moved', proposed: { lat: lat1, lng: lng1 - 0.001 } }), // moved to 69 m west
      camera('FX-003', lat1, lng1 - 0.0005, { directionDeg: 270, fovDeg: 90 }), // 35 m west, facing away
    ];
    const places = briefingPlaces(top, cameras, [zone]);
    expect(places[0]).toMatchObject({ lat: lat1, lng: lng1, cameras: ['FX-001', 'RD-01'], zones: ['Wembley Park PSPO'] });
    expect(places[0].gridRef).toMatch(/^TQ \d{5} \d{5}$/);
    expect(places[0].outline).toHaveLength(7);
    expect(places[1]).toMatchObject({ cameras: [], zones: [] });
  });
  it('makes three to six close-ups, each a street-scale frame around its place', () => {
    const many = Array.from({ length: 9 }, (_, i) => place(i + 1, 51.55 + i * 0.002, -0.28));
    expect(insetPlaces(briefingPlaces(many, [], [])).map((p) => p.rank)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(insetPlaces(briefingPlaces(many.slice(0, 2), [], []))).toHaveLength(2);
    const [frame] = insetFrames(many);
    expect(groundWidthM(frame)).toBeCloseTo(600, 0);
    const [lat, lng] = cellToLatLng(many[0].cell);
    expect((frame.east + frame.west) / 2).toBeCloseTo(lng, 9);
    const project = frameProjection(frame, { x: 0, y: 0, w: 150, h: 100 });
    expect(project(lat, lng)[0]).toBeCloseTo(75, 6);
    expect(project(lat, lng)[1]).toBeCloseTo(50, 6);
    expect((frame.east - frame.west) / 360 / (mercatorY(frame.south) - mercatorY(frame.north))).toBeCloseTo(INSET_ASPECT, 9);
  });
});

describe('map frames and scale bars', () => {
  it('fits points with padding at the asked shape, never narrower than the minimum', () => {
    const bounds = fitBounds([{ lat: 51.55, lng: -0.3 }, { lat: 51.56, lng: -0.25 }], 2, 0.1, 100);
    expect(bounds).not.toBeNull();
    if (!bounds) return;
    expect(bounds.west).toBeLessThan(-0.3);
    expect(bounds.east).toBeGreaterThan(-0.25);
    expect((bounds.east - bounds.west) / 360 / (mercatorY(bounds.south) - mercatorY(bounds.north))).toBeCloseTo(2, 9);
    expect(fitBounds([], 1)).toBeNull();
  });
  it('picks a round length that fits, in metres or kilometres', () => {
    // 10 m per mm and 40 mm at most: 400 m fits, so 200 m (1, 2 or 5 × 10ⁿ) over 20 mm.
    expect(niceScaleLength(10, 40)).toEqual({ metres: 200, units: 20 });
    expect(niceScaleLength(100, 60)).toEqual({ metres: 5000, units: 50 });
    expect(scaleLabel(500)).toBe('500 m');
    expect(scaleLabel(2000)).toBe('2 km');
  });
});
