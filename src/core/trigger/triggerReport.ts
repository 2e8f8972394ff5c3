import type { Dataset } from '../dataset';
import type { AreaFilter } from '../hotspots/areaFilter';
import { NO_FILTER, selectRows } from '../hotspots/filter';
import { communityTriggerRadar, type TriggerComplaint, type TriggerGroup, type TriggerRule } from './communityTrigger';

/** What the radar is asked: its threshold, period and distance, over which sources and study area. */
export interface TriggerQuery extends TriggerRule {
  /** Source ids to read (those shown); null = every source. */
  sources: readonly number[] | null;
  area: AreaFilter | null;
}

/**
 * A complaint that belongs to at least one group. Reference, address and key are personal data:
 * they stay in this browser and leave it only in an export the user asks to include them in.
 */
export interface TriggerCase {
  day: number;
  category: string;
  lat: number;
  lng: number;
  reference: string;
  address: string;
  key: string;
}

export interface TriggerReportGroup extends Omit<TriggerGroup, 'members'> {
  /** `G1`, `G2`…: names the group without naming anyone. */
  id: string;
  /** Indices into `TriggerReport.cases`, in date order. */
  members: number[];
}

export interface TriggerReport {
  /** The rule the groups were found by. */
  rule: TriggerRule;
  /** The day the radar looks from: the latest complaint read; null when none was read. */
  referenceDay: number | null;
  /** Complaints read: rows with a day-level date in the sources and the study area. */
  complaints: number;
  /** Rows of those sources whose date has no day (e.g. `2025-03`), left out. */
  withoutDay: number;
  /** Rows outside the study area, left out. */
  outside: number;
  /** Files read, and files left out because they give months only (police.uk, H3 tables). */
  sourcesRead: string[];
  sourcesWithoutDays: string[];
  cases: TriggerCase[];
  /** As the radar orders them: met first, the most recent first, then the closest to closing. */
  groups: TriggerReportGroup[];
}

/**
 * The Community Trigger radar over the loaded complaint logs: every row with a day-level date in
 * the chosen sources and study area, whatever its category or month (the review counts complaints
 * about a problem, whatever they were filed as), dated from the latest complaint.
 */
export function communityTriggerReport(dataset: Dataset, query: TriggerQuery): TriggerReport {
  const selection = selectRows(dataset, { ...NO_FILTER, sources: query.sources, area: query.area });
  const complaints: TriggerComplaint[] = [];
  const addresses: string[] = [];
  const rule: TriggerRule = { threshold: query.threshold, windowDays: query.windowDays, distanceM: query.distanceM };
  const report: Omit<TriggerReport, 'referenceDay' | 'cases' | 'groups'> = { rule, complaints: 0, withoutDay: 0, outside: 0, sourcesRead: [], sourcesWithoutDays: [] };
  const categories = dataset.categories.list;
  for (const { source, rows, outside } of selection) {
    const { day, key, reference, point, category, location } = source.columns;
    if (!day) {
      report.sourcesWithoutDays.push(source.summary.name);
      continue;
    }
    report.sourcesRead.push(source.summary.name);
    report.outside += outside;
    for (const row of rows) {
      if (day[row] === 0) {
        report.withoutDay++;
        continue;
      }
      const keyText = key ? dataset.keys.values[key[row]] : '';
      complaints.push({
        reference: reference ? dataset.references.values[reference[row]] : '',
        day: day[row],
        category: categories[category[row]].name,
        lat: dataset.points.lat.get(point[row]),
        lng: dataset.points.lng.get(point[row]),
        key: keyText === '' ? null : keyText,
      });
      addresses.push(dataset.locations.values[location[row]]);
    }
  }
  report.complaints = complaints.length;
  if (complaints.length === 0) return { ...report, referenceDay: null, cases: [], groups: [] };
  const referenceDay = complaints.reduce((latest, c) => Math.max(latest, c.day), 0);
  const found = communityTriggerRadar(complaints, { ...rule, referenceDay });
  // Only complaints in some group cross to the page, each once however many groups hold it.
  const caseOf = new Map<number, number>();
  const cases: TriggerCase[] = [];
  const caseIndex = (i: number): number => {
    let index = caseOf.get(i);
    if (index === undefined) {
      const c = complaints[i];
      index = cases.push({ day: c.day, category: c.category, lat: c.lat!, lng: c.lng!, reference: c.reference, address: addresses[i], key: c.key ?? '' }) - 1;
      caseOf.set(i, index);
    }
    return index;
  };
  const groups = found.map((group, n) => {
    // A place is named by the address of the complaint it is centred on, when the extract has one.
    const anchor = group.basis === 'place' ? group.members.find((i) => complaints[i].lat === group.lat && complaints[i].lng === group.lng) : undefined;
    const label = anchor !== undefined && addresses[anchor].trim() !== '' ? addresses[anchor].trim() : group.label;
    return { ...group, id: `G${n + 1}`, label, members: group.members.map(caseIndex) };
  });
  return { ...report, referenceDay, cases, groups };
}
