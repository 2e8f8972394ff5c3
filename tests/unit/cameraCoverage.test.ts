import { area } from '@turf/area';
import { describe, expect, it } from 'vitest';
import { camerasCoverage } from '../../src/core/cameras/cameraCoverage';
import type { Camera } from '../../src/core/cameras/importCameras';
import { concentrationCurve } from '../../src/core/hotspots/priorityPlaces';

const camera = (id: string, lat: number, lng: number): Camera => ({ id, name: id, kind: 'fixed', lat, lng, radiusM: null, directionDeg: null, fovDeg: null });
/** A regular 48-gon inscribed in a circle of radius r: ½·48·r²·sin(2π/48). */
const polygonArea = (r: number) => 0.5 * 48 * r * r * Math.sin((2 * Math.PI) / 48);

describe('the cameras’ coverage as one area', () => {
  it('joins apart circles into one area of both (100 m reach: 2 × 31,326 m²)', () => {
    const coverage = camerasCoverage([camera('A', 51.55, -0.28), camera('B', 51.55, -0.27)], null, 100)!;
    expect(coverage.name).toBe('Camera coverage (2 cameras)');
    expect(area(coverage.area()!) / (2 * polygonArea(100))).toBeCloseTo(1, 2);
    // Joined once, on the first call.
    expect(coverage.area()).toBe(coverage.area());
  });
  it('counts overlapping reach once, and a planned camera with the plan’s reach', () => {
    const coverage = camerasCoverage([camera('A', 51.55, -0.28)], { planned: [{ rank: 1, site: 0, lat: 51.55, lng: -0.28, easting: 0, northing: 0, marginalGain: 0, coveredDemand: 0, topLocation: 'Same place' }] } as never, 100)!;
    expect(area(coverage.area()!) / polygonArea(100)).toBeCloseTo(1, 2);
    expect(camerasCoverage([], null, 100)).toBeNull();
  });
});

describe('the concentration curve', () => {
  it('runs from (0, 0) through the busiest cells first to (1, 1)', () => {
    expect(concentrationCurve([1, 6, 3], 10)).toEqual({ xs: [0, 1 / 3, 2 / 3, 1], ys: [0, 0.6, 0.9, 1] });
  });
});
