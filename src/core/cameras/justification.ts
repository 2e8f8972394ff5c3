import { gridReferenceOf } from '../geo/osGridRef';
import type { CameraSite } from './cameraSites';
import type { SiteDemand } from './coverageDemand';

/**
 * A justification card per camera, after the Surveillance Camera Code of Practice: principle 1
 * (a specified purpose for a pressing need, shown in numbers) and principle 2 (regular review).
 */
export interface JustificationSettings {
  /** Months between reviews; re-deployable cameras are reviewed more often as they are meant to move. */
  reviewMonthsRedeployable: number;
  reviewMonthsFixed: number;
  /** The DPIA the cameras are covered by (free text, e.g. "DPIA-CCTV-2025-04"). */
  dpiaReference: string;
  /** A purpose for every camera; empty = each camera's own, from what its view holds. */
  purpose: string;
}

export const DEFAULT_JUSTIFICATION: JustificationSettings = { reviewMonthsRedeployable: 3, reviewMonthsFixed: 12, dpiaReference: '', purpose: '' };

/** A camera whose view holds under this share of the median camera's incidents is flagged for review. */
export const LOW_DEMAND_SHARE = 0.25;

export interface CameraCard {
  site: CameraSite;
  gridRefNow: string | null;
  gridRefProposed: string;
  demand: SiteDemand;
  /** 1 = the camera whose view holds most incidents, of `of` cameras. */
  rank: number;
  of: number;
  purpose: string;
  deployed: string;
  nextReview: string;
  dpiaReference: string;
  change: string;
  why: string;
  /** Why it should be reviewed now; '' when it need not be. */
  reviewFlag: string;
}

/** yyyy-mm-dd from ISO or day-first (dd/mm/yyyy) text; null when it is neither. */
export function isoDate(text: string): string | null {
  const iso = /^(\d{4})-(\d{2})-(\d{2})/.exec(text.trim());
  const dayFirst = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(text.trim());
  const [y, m, d] = iso ? [iso[1], iso[2], iso[3]] : dayFirst ? [dayFirst[3], dayFirst[2], dayFirst[1]] : [];
  if (!y) return null;
  const date = new Date(Date.UTC(Number(y), Number(m) - 1, Number(d)));
  return date.getUTCMonth() === Number(m) - 1 ? date.toISOString().slice(0, 10) : null;
}

/** The date `months` later, the day kept where the month has it (31 Jan + 1 month = 28/29 Feb). */
export function addMonths(iso: string, months: number): string {
  const [y, m, d] = iso.split('-').map(Number);
  const lastDay = new Date(Date.UTC(y, m - 1 + months + 1, 0)).getUTCDate();
  return new Date(Date.UTC(y, m - 1 + months, Math.min(d, lastDay))).toISOString().slice(0, 10);
}

/** The first review after `today`: every `months` from deployment, or `months` from today when the deployment date is unknown or the camera is changing. */
export function nextReviewDate(deployed: string | null, today: string, months: number): string {
  if (!deployed || months <= 0) return addMonths(today, Math.max(1, months));
  let k = 1;
  while (addMonths(deployed, k * months) <= today) k++;
  return addMonths(deployed, k * months);
}

const round = (value: number) => (Math.abs(value - Math.round(value)) < 1e-9 ? String(Math.round(value)) : value.toFixed(1));

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length === 0 ? 0 : sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

export function cameraCards(sites: readonly CameraSite[], demand: readonly SiteDemand[], settings: JustificationSettings, context: { today: string; period: string; unit: string }): CameraCard[] {
  const order = sites.map((_, i) => i).sort((a, b) => demand[b].incidents - demand[a].incidents);
  const rankOf = new Map(order.map((i, r) => [i, r + 1]));
  const typical = median(demand.map((d) => d.incidents));
  return sites.map((site, i) => {
    const d = demand[i];
    const deployedIso = site.status === 'kept' ? isoDate(site.deployedDate) : null;
    const months = site.kind === 'fixed' ? settings.reviewMonthsFixed : settings.reviewMonthsRedeployable;
    const place = site.toLocation || gridReferenceOf(site.proposed.lat, site.proposed.lng);
    const change = site.status === 'new' ? `New camera at ${place}` : site.status === 'moved' ? `Move to ${place}` : 'No change';
    const why =
      site.status === 'kept' ? '' : `${site.status === 'new' ? 'Adds' : 'Gains'} ${round(site.gain)} ${context.unit} not otherwise covered (${context.period})`;
    const low = d.incidents === 0 || d.incidents < LOW_DEMAND_SHARE * typical;
    return {
      site,
      gridRefNow: site.current ? gridReferenceOf(site.current.lat, site.current.lng) : null,
      gridRefProposed: gridReferenceOf(site.proposed.lat, site.proposed.lng),
      demand: d,
      rank: rankOf.get(i) ?? 0,
      of: sites.length,
      purpose: settings.purpose.trim() || (d.topCategory ? `To prevent and detect ${d.topCategory.toLowerCase()} around ${d.topLocation.replace(/^on or near /i, '')}` : 'No incidents in view: purpose to be stated'),
      deployed: site.status === 'new' ? 'not yet (proposed)' : site.deployedDate || 'not recorded',
      nextReview: nextReviewDate(deployedIso, context.today, months),
      dpiaReference: settings.dpiaReference.trim() || 'not given',
      change,
      why,
      reviewFlag: low ? `Little demand: ${round(d.incidents)} incidents in view over ${context.period}, under a quarter of the median camera's ${round(typical)}` : '',
    };
  });
}
