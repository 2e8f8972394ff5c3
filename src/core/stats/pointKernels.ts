import KDBush from 'kdbush';
import { localPlane, type Points } from '../coverage/coverageMatrix';

/**
 * Surfaces from weighted incident points, evaluated at cell centres: each point adds
 * weight · kernel(distance) to every centre within `radiusM`. Only the ranking of cells matters
 * here, so kernels are left unnormalised.
 */
export interface WeightedPoints extends Points {
  weight: ArrayLike<number>;
}

export function spreadOnCentres(points: WeightedPoints, centres: Points, radiusM: number, kernel: (distanceM: number) => number): Float64Array {
  const scores = new Float64Array(centres.lat.length);
  if (centres.lat.length === 0) return scores;
  const plane = localPlane(centres);
  const index = new KDBush(centres.lat.length);
  for (let i = 0; i < centres.lat.length; i++) index.add(plane.x(centres.lng[i]), plane.y(centres.lat[i]));
  index.finish();
  for (let p = 0; p < points.lat.length; p++) {
    const w = points.weight[p];
    if (w === 0) continue;
    const x = plane.x(points.lng[p]);
    const y = plane.y(points.lat[p]);
    for (const i of index.within(x, y, radiusM)) {
      const d = Math.hypot(plane.x(centres.lng[i]) - x, plane.y(centres.lat[i]) - y);
      if (d < radiusM) scores[i] += w * kernel(d);
    }
  }
  return scores;
}

/**
 * Quartic (biweight) kernel, K(d) = (1 − (d/h)²)² for d < h, the kernel of most crime-mapping
 * KDE (e.g. CrimeStat, ArcGIS Kernel Density); the constant 3/(πh²) is dropped.
 */
export function quarticKernel(bandwidthM: number): (distanceM: number) => number {
  return (d) => {
    const u = d / bandwidthM;
    return u < 1 ? (1 - u * u) ** 2 : 0;
  };
}

/**
 * Prospective hotspotting after Bowers, Johnson & Pease (2004, Br. J. Criminol. 44(5)): a past
 * incident raises the risk around it for a while. Each incident within `PROSPECTIVE_RADIUS_M`
 * and `PROSPECTIVE_MAX_WEEKS` of the forecast adds
 *   1 / (1 + d / 50 m) × 1 / (1 + age in weeks)
 * (their 50 m grid cells as the distance unit). police.uk dates are months, so an incident's age
 * is taken from the middle of its month to the start of the forecast period.
 */
export const PROSPECTIVE_RADIUS_M = 400;
export const PROSPECTIVE_MAX_WEEKS = 8;
const PROSPECTIVE_DISTANCE_UNIT_M = 50;
const WEEKS_PER_MONTH = 365.25 / 12 / 7;

export function prospectiveDistanceWeight(distanceM: number): number {
  return distanceM <= PROSPECTIVE_RADIUS_M ? 1 / (1 + distanceM / PROSPECTIVE_DISTANCE_UNIT_M) : 0;
}

/** Weight of an incident of month `month` for a forecast starting at month `forecastFrom`; 0 beyond 8 weeks. */
export function prospectiveAgeWeight(month: number, forecastFrom: number): number {
  const ageWeeks = (forecastFrom - month - 0.5) * WEEKS_PER_MONTH;
  return ageWeeks >= 0 && ageWeeks <= PROSPECTIVE_MAX_WEEKS ? 1 / (1 + ageWeeks) : 0;
}
