import { pointOnFeature } from '@turf/point-on-feature';
import { area as turfArea } from '@turf/area';
import type { MultiPolygon, Polygon } from 'geojson';
import { BoundedCache } from '../boundedCache';
import type { Dataset } from '../dataset';
import { csvDocument } from '../export/csv';
import type { NamedBoundary } from '../geo/boundaries';
import { insideArea, prepareArea, type PreparedArea } from '../zones/pointsInZones';
import { rowWeight, type SourceSelection } from './filter';

/** Incidents per polygon of a boundary layer (per ward, per LSOA): the choropleth's numbers. */
export interface AreaCount {
  /** The polygon's position in its layer. */
  index: number;
  name: string;
  count: number;
  harm: number;
  areaHa: number;
}

export interface AreaCounts {
  /** The boundary layer counted by, e.g. the wards file's name. */
  layer: string;
  areas: AreaCount[];
  /** Selected incidents in none of the layer's polygons (beyond its edge, or in a gap). */
  unassigned: number;
  total: number;
}

/** A grid over the layer's extent listing the polygons whose box meets each grid cell, so a point meets a handful of polygons. */
interface LayerIndex {
  areas: PreparedArea[];
  minLng: number;
  minLat: number;
  stepLng: number;
  stepLat: number;
  size: number;
  buckets: number[][];
}

const GRID = 128;

function indexLayer(features: readonly NamedBoundary[]): LayerIndex {
  const areas = features.map((f) => prepareArea(f.geometry));
  const minLng = Math.min(...areas.map((a) => a.minLng));
  const minLat = Math.min(...areas.map((a) => a.minLat));
  const stepLng = (Math.max(...areas.map((a) => a.maxLng)) - minLng) / GRID || 1;
  const stepLat = (Math.max(...areas.map((a) => a.maxLat)) - minLat) / GRID || 1;
  const buckets = Array.from({ length: GRID * GRID }, (): number[] => []);
  const at = (value: number, min: number, step: number) => Math.min(GRID - 1, Math.max(0, Math.floor((value - min) / step)));
  areas.forEach((a, i) => {
    for (let y = at(a.minLat, minLat, stepLat); y <= at(a.maxLat, minLat, stepLat); y++) {
      for (let x = at(a.minLng, minLng, stepLng); x <= at(a.maxLng, minLng, stepLng); x++) buckets[y * GRID + x].push(i);
    }
  });
  return { areas, minLng, minLat, stepLng, stepLat, size: GRID, buckets };
}

/** For each of the dataset's distinct points, the index of the first polygon holding it, or -1. */
export function polygonOfPoints(dataset: Dataset, features: readonly NamedBoundary[]): Int32Array {
  const index = indexLayer(features);
  const count = dataset.points.count;
  const result = new Int32Array(count).fill(-1);
  for (let p = 0; p < count; p++) {
    const lng = dataset.points.lng.get(p);
    const lat = dataset.points.lat.get(p);
    const x = Math.floor((lng - index.minLng) / index.stepLng);
    const y = Math.floor((lat - index.minLat) / index.stepLat);
    if (x < 0 || y < 0 || x > GRID || y > GRID) continue;
    for (const i of index.buckets[Math.min(GRID - 1, y) * GRID + Math.min(GRID - 1, x)]) {
      if (insideArea(index.areas[i], lng, lat)) {
        result[p] = i;
        break;
      }
    }
  }
  return result;
}

/** Which polygon holds each point, kept per layer (by the caller's key) while the points stay the same. */
const layerCache = new BoundedCache<Int32Array>(4);

export function polygonOfPointsCached(dataset: Dataset, key: string, features: readonly NamedBoundary[]): Int32Array {
  return layerCache.get(`${key}|${features.length}|${dataset.points.count}`, () => polygonOfPoints(dataset, features));
}

/**
 * Counts and harm-weighted sums of the selected incidents per polygon, with each polygon's area.
 * With a study area, only the layer's polygons in it are listed (a point on each polygon's
 * surface inside it: wards and LSOAs nest in boroughs), so a London-wide wards file gives Brent's wards.
 */
export function countsByArea(selection: readonly SourceSelection[], layer: string, features: readonly NamedBoundary[], polygonOfPoint: Int32Array, harmWeights: ArrayLike<number>, within: Polygon | MultiPolygon | null = null): AreaCounts {
  const count = new Float64Array(features.length);
  const harm = new Float64Array(features.length);
  let unassigned = 0;
  let total = 0;
  for (const { source, rows } of selection) {
    const { point, category } = source.columns;
    for (let r = 0; r < rows.length; r++) {
      const row = rows[r];
      const incidents = rowWeight(source, row);
      total += incidents;
      const polygon = polygonOfPoint[point[row]];
      if (polygon < 0) {
        unassigned += incidents;
        continue;
      }
      count[polygon] += incidents;
      harm[polygon] += incidents * (harmWeights[category[row]] ?? 1);
    }
  }
  const study = within ? prepareArea(within) : null;
  const inStudy = (f: NamedBoundary) => {
    if (!study) return true;
    const [lng, lat] = pointOnFeature(f.geometry).geometry.coordinates;
    return insideArea(study, lng, lat);
  };
  const areas: AreaCount[] = [];
  features.forEach((f, i) => {
    if (inStudy(f) || count[i] > 0) areas.push({ index: i, name: f.name, count: count[i], harm: harm[i], areaHa: turfArea(f.geometry) / 10_000 });
  });
  return { layer, areas, unassigned, total };
}

/** The per-area table as CSV: counts, harm, area and rates per hectare; the study area named on each row. */
export function areaCountsCsv(counts: AreaCounts, areaName = ''): string {
  return csvDocument(
    ['area', 'layer', 'count', 'harm', 'area_ha', 'count_per_ha', 'harm_per_ha', 'study_area'],
    counts.areas.map((a) => [a.name, counts.layer, a.count, Number(a.harm.toFixed(3)), Number(a.areaHa.toFixed(2)), Number((a.count / a.areaHa).toFixed(4)), Number((a.harm / a.areaHa).toFixed(4)), areaName]),
  );
}
