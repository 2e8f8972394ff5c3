import type { MultiPolygon, Polygon } from 'geojson';
import { BoundedCache } from '../boundedCache';
import type { Dataset } from '../dataset';
import { hashText } from '../ingest/columns';
import { pointMembership } from '../zones/pointsInZones';

/**
 * The study area: the place every analysis is scoped to. A polygon (a borough or ward from a
 * boundary file, or a drawn area) is tested on each incident's own point, never on a cell centre;
 * an LSOA name prefix ("Brent") uses police.uk's own `LSOA name` column, so rows of other sources
 * (which have none) are outside it.
 */
export type AreaFilter = { kind: 'polygon'; name: string; geometry: Polygon | MultiPolygon } | { kind: 'lsoa'; name: string; prefix: string };

/** An incident is inside when its point is in `points` (polygon areas) or its LSOA name id is in `lsoaNames` (prefix areas). */
export interface AreaMasks {
  points: Uint8Array | null;
  lsoaNames: Uint8Array | null;
}

/** `LSOA name` values are "<borough> <code>", e.g. "Brent 012A": a prefix matches whole words only. */
export function lsoaNameMatches(lsoaName: string, prefix: string): boolean {
  const wanted = prefix.trim().toLowerCase();
  const name = lsoaName.toLowerCase();
  return wanted !== '' && name.startsWith(wanted) && (name.length === wanted.length || name[wanted.length] === ' ');
}

/** Point masks by area, kept while the points stay the same: filters change far more often than the area. */
const pointMaskCache = new BoundedCache<Uint8Array>(8);

export function areaMasks(dataset: Dataset, area: AreaFilter): AreaMasks {
  if (area.kind === 'lsoa') {
    const names = dataset.lsoaNames.values;
    return { points: null, lsoaNames: Uint8Array.from(names, (name) => (lsoaNameMatches(name, area.prefix) ? 1 : 0)) };
  }
  const json = JSON.stringify(area.geometry);
  const key = `${dataset.points.count}|${json.length}|${hashText(json)}`;
  return { points: pointMaskCache.get(key, () => pointMembership(dataset, area.geometry)), lsoaNames: null };
}

/** The area's polygon, when it has one (LSOA prefixes have none). */
export function areaPolygon(area: AreaFilter | null | undefined): Polygon | MultiPolygon | null {
  return area?.kind === 'polygon' ? area.geometry : null;
}
