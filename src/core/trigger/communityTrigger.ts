/**
 * Community Trigger radar (ASB case review, Anti-social Behaviour, Crime and Policing Act 2014,
 * s.104): finds complaints about the same place, or from the same person or household, that meet
 * (or are one complaint short of) the local threshold — by default three complaints within six
 * months — so the team can act before a victim has to invoke the review.
 *
 * Rules, as the radar applies them:
 * - A period of `windowDays` counts both its first and its last day: complaints on days a ≤ b fall
 *   in one period when b − a ≤ windowDays − 1 (so 3 complaints spanning 183 days meet a 183-day
 *   window; spanning 184 days they do not).
 * - Same place: the complaints whose locations lie within `distanceM` of a complaint's location
 *   (great-circle distance), one group per such location; a group whose complaints all belong to a
 *   larger reported group is not listed again. Same key: complaints with the same person or
 *   household key (compared trimmed and case-insensitively).
 * - A group has *met* the threshold when some `threshold` of its complaints fall in one period: it
 *   is dated by the complaint that completed the first such period. Otherwise it is *approaching*
 *   when `threshold − 1` complaints fall in a period still open on the reference date: one more
 *   complaint within the days left would meet it.
 */

export interface TriggerComplaint {
  reference: string;
  /** Days since 1970-01-01 (UTC), the complaint's date. */
  day: number;
  category: string;
  lat: number | null;
  lng: number | null;
  /** Person or household key, when the extract has one. */
  key: string | null;
}

export interface TriggerSettings {
  threshold: number;
  windowDays: number;
  distanceM: number;
  /** Days since epoch the radar looks from: usually the last day of the data. */
  referenceDay: number;
}

/** The rule the team sets: how many complaints, within how many days, and how near counts as the same place. */
export type TriggerRule = Omit<TriggerSettings, 'referenceDay'>;

export const DEFAULT_TRIGGER_SETTINGS: TriggerRule = { threshold: 3, windowDays: 183, distanceM: 50 };

/** What the panel accepts and a saved workspace may hold. */
export const TRIGGER_LIMITS = {
  threshold: { min: 1, max: 50, whole: true },
  windowDays: { min: 1, max: 3660, whole: true },
  distanceM: { min: 0, max: 1000, whole: false },
} as const;

const LIMIT_MESSAGES: Record<keyof TriggerRule, string> = {
  threshold: 'The threshold must be a whole number of complaints from 1 to 50.',
  windowDays: 'The period must be a whole number of days from 1 to 3,660 (ten years).',
  distanceM: 'The distance must be from 0 to 1,000 m.',
};

/** Why a value cannot be used for a part of the rule, or null when it can. */
export function triggerRuleProblem(part: keyof TriggerRule, value: number): string | null {
  const { min, max, whole } = TRIGGER_LIMITS[part];
  return Number.isFinite(value) && value >= min && value <= max && (!whole || Number.isInteger(value)) ? null : LIMIT_MESSAGES[part];
}

export interface TriggerGroup {
  basis: 'place' | 'key';
  /** The shared key, or the anchor location of a place group. */
  label: string;
  lat: number | null;
  lng: number | null;
  /** Indices into the complaints, in date order. */
  members: number[];
  status: 'met' | 'approaching';
  /** Met: the day the threshold was first met. Approaching: the last day one more complaint would meet it. */
  day: number;
  /** Met: days from that day to the reference day. Approaching: days left until the period closes. */
  days: number;
}

const EARTH_RADIUS_M = 6_371_008.8;

export function distanceM(latA: number, lngA: number, latB: number, lngB: number): number {
  const rad = Math.PI / 180;
  const dLat = (latB - latA) * rad;
  const dLng = (lngB - lngA) * rad;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(latA * rad) * Math.cos(latB * rad) * Math.sin(dLng / 2) ** 2;
  return 2 * EARTH_RADIUS_M * Math.asin(Math.min(1, Math.sqrt(h)));
}

/** Whether, and when, a group's complaint days (sorted) meet the threshold, or how close they are. */
export function thresholdStatus(days: readonly number[], settings: Pick<TriggerSettings, 'threshold' | 'windowDays' | 'referenceDay'>): Pick<TriggerGroup, 'status' | 'day' | 'days'> | null {
  const { threshold, windowDays, referenceDay } = settings;
  for (let last = threshold - 1; last < days.length; last++) {
    if (days[last] - days[last - threshold + 1] <= windowDays - 1) return { status: 'met', day: days[last], days: referenceDay - days[last] };
  }
  if (threshold < 2 || days.length < threshold - 1) return null;
  // The latest threshold − 1 complaints: is their period still open on the reference day?
  const first = days[days.length - threshold + 1];
  const closes = first + windowDays - 1;
  return closes >= referenceDay ? { status: 'approaching', day: closes, days: closes - referenceDay } : null;
}

function groupOf(basis: TriggerGroup['basis'], label: string, lat: number | null, lng: number | null, members: number[], complaints: readonly TriggerComplaint[], settings: TriggerSettings): TriggerGroup | null {
  const sorted = [...members].sort((a, b) => complaints[a].day - complaints[b].day || a - b);
  const status = thresholdStatus(
    sorted.map((i) => complaints[i].day),
    settings,
  );
  return status ? { basis, label, lat, lng, members: sorted, ...status } : null;
}

/** Complaints near each distinct location, through a grid of cells `distanceM` wide. */
function placeGroups(complaints: readonly TriggerComplaint[], settings: TriggerSettings): TriggerGroup[] {
  const located = complaints.map((c, i) => ({ c, i })).filter(({ c }) => c.lat !== null && c.lng !== null && Number.isFinite(c.lat) && Number.isFinite(c.lng));
  if (located.length === 0) return [];
  const lat0 = located[0].c.lat! * (Math.PI / 180);
  const metresPerDegreeLat = 111_320;
  const metresPerDegreeLng = 111_320 * Math.cos(lat0);
  const size = Math.max(1, settings.distanceM);
  const grid = new Map<string, number[]>();
  const cellOf = (lat: number, lng: number) => [Math.floor((lng * metresPerDegreeLng) / size), Math.floor((lat * metresPerDegreeLat) / size)];
  for (const { c, i } of located) {
    const [x, y] = cellOf(c.lat!, c.lng!);
    const key = `${x},${y}`;
    const list = grid.get(key);
    if (list) list.push(i);
    else grid.set(key, [i]);
  }
  const anchors = new Map<string, number>();
  for (const { c, i } of located) if (!anchors.has(`${c.lat},${c.lng}`)) anchors.set(`${c.lat},${c.lng}`, i);
  const groups: TriggerGroup[] = [];
  for (const anchor of anchors.values()) {
    const a = complaints[anchor];
    const [x, y] = cellOf(a.lat!, a.lng!);
    const members: number[] = [];
    // The grid's cells are a little narrower than distanceM away from the equator line used: look two cells out.
    for (let dx = -2; dx <= 2; dx++) {
      for (let dy = -2; dy <= 2; dy++) {
        for (const j of grid.get(`${x + dx},${y + dy}`) ?? []) {
          const b = complaints[j];
          if (distanceM(a.lat!, a.lng!, b.lat!, b.lng!) <= settings.distanceM) members.push(j);
        }
      }
    }
    const group = groupOf('place', `${a.lat!.toFixed(5)}, ${a.lng!.toFixed(5)}`, a.lat, a.lng, members, complaints, settings);
    if (group) groups.push(group);
  }
  // Largest first; a group wholly inside one already listed adds nothing. Only listed groups holding
  // the group's first complaint can hold all of it, so those are the only ones compared.
  groups.sort((p, q) => q.members.length - p.members.length || p.day - q.day);
  const listed: TriggerGroup[] = [];
  const listedHolding = new Map<number, Set<number>[]>();
  for (const group of groups) {
    const holders = listedHolding.get(group.members[0]) ?? [];
    if (holders.some((members) => group.members.every((m) => members.has(m)))) continue;
    listed.push(group);
    const members = new Set(group.members);
    for (const m of group.members) {
      const list = listedHolding.get(m);
      if (list) list.push(members);
      else listedHolding.set(m, [members]);
    }
  }
  return listed;
}

function keyGroups(complaints: readonly TriggerComplaint[], settings: TriggerSettings): TriggerGroup[] {
  const byKey = new Map<string, number[]>();
  complaints.forEach((c, i) => {
    const key = c.key?.trim().toLowerCase();
    if (!key) return;
    const list = byKey.get(key);
    if (list) list.push(i);
    else byKey.set(key, [i]);
  });
  const groups: TriggerGroup[] = [];
  for (const members of byKey.values()) {
    const group = groupOf('key', complaints[members[0]].key!.trim(), null, null, members, complaints, settings);
    if (group) groups.push(group);
  }
  return groups;
}

/** Every group that has met the threshold or is one complaint short with its period still open: met first, then by urgency. */
export function communityTriggerRadar(complaints: readonly TriggerComplaint[], settings: TriggerSettings): TriggerGroup[] {
  if (!(settings.threshold >= 1) || !(settings.windowDays >= 1) || !(settings.distanceM >= 0)) throw new RangeError('The threshold and period must be at least 1, the distance at least 0 m.');
  const groups = [...placeGroups(complaints, settings), ...keyGroups(complaints, settings)];
  return groups.sort((p, q) => (p.status === q.status ? (p.status === 'met' ? q.day - p.day : p.days - q.days) : p.status === 'met' ? -1 : 1));
}
