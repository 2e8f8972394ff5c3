import type { Polygon } from 'geojson';
import { describe, expect, it } from 'vitest';
import { prepareObstacles } from '../../src/core/visibility/obstacles';
import { ringAreaM2, viewFrom, viewshedRing } from '../../src/core/visibility/viewshed';

/** Footprints drawn directly in metres: the plane is the identity. */
const same = (v: number) => v;
const metres = { x: same, y: same, lng: same, lat: same };
const box = (x0: number, y0: number, x1: number, y1: number): number[][] => [[x0, y0], [x1, y0], [x1, y1], [x0, y1], [x0, y0]];
const polygon = (...rings: number[][][]): Polygon => ({ type: 'Polygon', coordinates: rings });
const disc = (r: number) => Math.PI * r * r;
/** Area of the part of a disc of radius r above the line y = −h (0 ≤ h ≤ r). */
const discAbove = (r: number, h: number) => disc(r) / 2 + h * Math.sqrt(r * r - h * h) + r * r * Math.asin(h / r);

describe('visibility polygon', () => {
  it('sees the whole disc with nothing in the way', () => {
    const view = viewFrom(prepareObstacles([], metres), 0, 0, 100);
    expect(ringAreaM2(viewshedRing(view)) / disc(100)).toBeCloseTo(1, 3);
  });

  it('a wall along one side halves the visible area (within 1%)', () => {
    // A 10 cm thick, 400 m long wall 20 cm south of the camera.
    const wall = polygon(box(-200, -0.3, 200, -0.2));
    const view = viewFrom(prepareObstacles([wall], metres), 0, 0, 100);
    const area = ringAreaM2(viewshedRing(view));
    expect(Math.abs(area / discAbove(100, 0.2) - 1)).toBeLessThan(0.01);
    expect(Math.abs(area / (disc(100) / 2) - 1)).toBeLessThan(0.01);
    expect(view.sees(0, 50)).toBe(true);
    expect(view.sees(30, -40)).toBe(false);
    expect(view.sees(0, 101)).toBe(false);
  });

  it('a camera in a courtyard sees only the courtyard', () => {
    // A 60 m square block with a 20 m square courtyard in the middle.
    const block = polygon(box(0, 0, 60, 60), box(20, 20, 40, 40).reverse());
    const view = viewFrom(prepareObstacles([block], metres), 30, 30, 100);
    expect(view.inside).toBe(false);
    expect(Math.abs(ringAreaM2(viewshedRing(view)) / 400 - 1)).toBeLessThan(0.01);
    expect(view.sees(21, 39)).toBe(true);
    expect(view.sees(30, 70)).toBe(false);
    expect(view.sees(-10, 30)).toBe(false);
  });

  it('a camera inside a footprint is reported and sees nothing', () => {
    const view = viewFrom(prepareObstacles([polygon(box(0, 0, 60, 60))], metres), 10, 10, 100);
    expect(view.inside).toBe(true);
    expect(view.sees(11, 11)).toBe(false);
    expect(ringAreaM2(viewshedRing(view))).toBe(0);
  });

  it('a camera on a wall sees out of its building, not into it', () => {
    const building = polygon(box(0, -20, 20, 0));
    const onWall = viewFrom(prepareObstacles([building], metres), 10, 0, 50);
    expect(onWall.inside).toBe(false);
    expect(Math.abs(ringAreaM2(viewshedRing(onWall)) / (disc(50) / 2) - 1)).toBeLessThan(0.01);
    expect(onWall.sees(10, 30)).toBe(true);
    expect(onWall.sees(10, -10)).toBe(false);
    // On the corner: three quarters of the disc, less the shadow of nothing (the building is behind the corner).
    const onCorner = viewFrom(prepareObstacles([building], metres), 0, 0, 50);
    expect(Math.abs(ringAreaM2(viewshedRing(onCorner)) / ((3 * disc(50)) / 4) - 1)).toBeLessThan(0.01);
    expect(onCorner.sees(-10, -10)).toBe(true);
    expect(onCorner.sees(10, -10)).toBe(false);
  });

  it('a building in front casts a shadow behind it', () => {
    // A 10 m wide building 20 m east of the camera: its shadow is the wedge it subtends, beyond it.
    const view = viewFrom(prepareObstacles([polygon(box(20, -5, 30, 5))], metres), 0, 0, 100);
    expect(view.sees(50, 0)).toBe(false);
    expect(view.sees(50, 20)).toBe(true);
    expect(view.sees(19, 0)).toBe(true);
    const halfAngle = Math.atan(5 / 20);
    const shadow = halfAngle * 100 * 100 - 20 * 5; // wedge to the radius, less the triangle in front of the wall
    expect(Math.abs(ringAreaM2(viewshedRing(view)) / (disc(100) - shadow) - 1)).toBeLessThan(0.01);
  });

  it('keeps to the field of view', () => {
    const view = viewFrom(prepareObstacles([], metres), 0, 0, 100);
    expect(Math.abs(ringAreaM2(viewshedRing(view, 0, 90)) / (disc(100) / 4) - 1)).toBeLessThan(0.01);
    const ring = viewshedRing(view, 90, 60);
    expect(ring[0]).toEqual([0, 0]);
    expect(ring.slice(1, -1).every(([x, y]) => x > 0 && Math.abs(Math.atan2(y, x)) <= Math.PI / 6 + 0.01)).toBe(true);
  });

  it('copes with degenerate footprints: repeated vertices, open rings, a single point, a flat ring', () => {
    const footprints: Polygon[] = [
      polygon([[20, -5], [20, -5], [30, -5], [30, 5], [30, 5], [20, 5]]),
      polygon([[-40, 0]]),
      polygon([[0, 40], [10, 40], [20, 40], [0, 40]]),
      polygon([]),
    ];
    const view = viewFrom(prepareObstacles(footprints, metres), 0, 0, 100);
    expect(view.distanceM.every(Number.isFinite)).toBe(true);
    expect(view.sees(50, 0)).toBe(false); // the open ring still blocks
    expect(view.sees(-60, 0)).toBe(true); // a point is no wall
    expect(view.sees(5, 60)).toBe(false); // a flat ring is a wall
  });

  it('treats a self-intersecting footprint by its walls, with the even-odd rule for inside', () => {
    // A bow tie: two triangles meeting at (25, 0).
    const bowTie = polygon([[20, -10], [30, 10], [30, -10], [20, 10], [20, -10]]);
    const obstacles = prepareObstacles([bowTie], metres);
    expect(viewFrom(obstacles, 21, 0, 50).inside).toBe(true);
    const outside = viewFrom(obstacles, 0, 0, 100);
    expect(outside.inside).toBe(false);
    expect(outside.sees(60, 0)).toBe(false);
    expect(outside.sees(60, 40)).toBe(true);
    const area = ringAreaM2(viewshedRing(outside));
    expect(area).toBeGreaterThan(0.8 * disc(100));
    expect(area).toBeLessThan(disc(100));
  });
});
