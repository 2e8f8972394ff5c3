import { cellToBoundary, cellToLatLng } from 'h3-js';
import type { MultiPolygon, Polygon } from 'geojson';
import type { CameraSite } from '../cameras/cameraSites';
import { buildCoverageMatrix } from '../coverage/coverageMatrix';
import { gridReferenceOf } from '../geo/osGridRef';
import { fitBounds, type Bounds } from '../geo/webMercator';
import { insideArea, prepareArea } from '../zones/pointsInZones';

export interface TopLocationInput {
  rank: number;
  cell: string;
  location: string;
  category: string;
  count: number;
  share: string;
}

/** A numbered top location as the pack prints it: where it is, in three ways, what watches it, which zone holds it. */
export interface BriefingPlace extends TopLocationInput {
  lat: number;
  lng: number;
  gridRef: string;
  /** The cameras whose view (at their proposed position) holds its centre. */
  cameras: string[];
  zones: string[];
  outline: [number, number][];
}

/** Insets show this many metres across: a few streets around the place. */
export const INSET_WIDTH_M = 600;
export const MIN_INSETS = 3;
export const MAX_INSETS = 6;
/** Width : height of a close-up, as the page lays them out (three to a row). */
export const INSET_ASPECT = 1.5;

export function briefingPlaces(top: readonly TopLocationInput[], cameras: readonly CameraSite[], zones: readonly { name: string; geometry: Polygon | MultiPolygon }[]): BriefingPlace[] {
  const centres = top.map((t) => cellToLatLng(t.cell));
  const matrix = buildCoverageMatrix(
    { lat: centres.map(([lat]) => lat), lng: centres.map(([, lng]) => lng) },
    { lat: cameras.map((c) => c.proposed.lat), lng: cameras.map((c) => c.proposed.lng), radiusM: cameras.map((c) => c.radiusM), directionDeg: cameras.map((c) => c.directionDeg ?? NaN), fovDeg: cameras.map((c) => c.fovDeg ?? NaN) },
    { radiusM: 100, edgeFactor: 1 },
  );
  const seenBy = top.map((): string[] => []);
  for (let s = 0; s < cameras.length; s++) for (let e = matrix.offsets[s]; e < matrix.offsets[s + 1]; e++) seenBy[matrix.demand[e]].push(cameras[s].id);
  const prepared = zones.map((z) => ({ name: z.name, area: prepareArea(z.geometry) }));
  return top.map((t, i) => {
    const [lat, lng] = centres[i];
    return {
      ...t,
      lat,
      lng,
      gridRef: gridReferenceOf(lat, lng),
      cameras: seenBy[i],
      zones: prepared.filter((z) => insideArea(z.area, lng, lat)).map((z) => z.name),
      outline: cellToBoundary(t.cell, true) as [number, number][],
    };
  });
}

/** The places that get an inset: the first six; all of them when there are fewer than three. */
export function insetPlaces(places: readonly BriefingPlace[]): BriefingPlace[] {
  return places.slice(0, Math.max(Math.min(MIN_INSETS, places.length), Math.min(MAX_INSETS, places.length)));
}

export function insetBounds(place: Pick<BriefingPlace, 'lat' | 'lng'>, ratio: number): Bounds {
  return fitBounds([place], ratio, 0, INSET_WIDTH_M) as Bounds;
}

/** The frames of the close-ups, in order, before anything else is known (for taking their pictures). */
export function insetFrames(top: readonly TopLocationInput[]): Bounds[] {
  return insetPlaces(briefingPlaces(top, [], [])).map((place) => insetBounds(place, INSET_ASPECT));
}

/** Latitude, longitude and grid reference in one line, as an officer reads them out. */
export const positionText = (lat: number, lng: number, gridRef = gridReferenceOf(lat, lng)): string => `${gridRef} (${lat.toFixed(5)}, ${lng.toFixed(5)})`;
