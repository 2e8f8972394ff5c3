import { area as turfArea } from '@turf/area';
import type { Dataset } from '../dataset';
import { CoreError } from '../errors';
import { harmWeightArray, type HotspotQuery, type HotspotResult } from '../hotspots/computeHotspots';
import { areaPolygon } from '../hotspots/areaFilter';
import { rowWeight, type IncidentFilter, type SourceSelection } from '../hotspots/filter';
import { isoDate } from '../cameras/justification';
import { monthIndexOf, monthLabel } from '../ingest/dates';
import { mannKendall, type MannKendall } from '../stats/mannKendall';
import { evaluateIntervention, type InterventionEvaluation } from './evaluateIntervention';
import { pointMembership } from './pointsInZones';
import type { Zone } from './zone';
import { studyCellsAreaHa } from './zoneReport';

/**
 * The figures behind a PSPO (Anti-social Behaviour, Crime and Policing Act 2014, s.59) for one
 * zone, under the current filter: what happens in it against the study area (the detrimental
 * effect), month by month (persistent or continuing), and the controlled before/after of the
 * order so far. Incidents are counted on their own points, as every zone figure is.
 */
export interface Tally {
  incidents: number;
  harm: number;
}

/** The "Did it work?" design the pack uses: months either side of the start and the displacement ring. */
export interface ZoneEvidenceQuery {
  zone: Zone;
  monthsEachSide: number;
  bufferInnerM: number;
  bufferOuterM: number;
}

export const EVIDENCE_DESIGN = { monthsEachSide: 12, bufferInnerM: 100, bufferOuterM: 300 } as const;

/** Fewer months than this give no trend: below 5 no Mann-Kendall S can reach p < 0.05 at all. */
export const MIN_TREND_MONTHS = 6;
/** The level below which a monthly trend is called rising or falling. */
export const TREND_LEVEL = 0.05;

export interface ZoneEvidence {
  query: ZoneEvidenceQuery;
  studyArea: {
    name: string | null;
    areaHa: number;
    /** The boundary's own area, or the H3 cells of the map when the area has no polygon. */
    measuredBy: 'boundary' | 'cells';
    total: Tally;
    monthly: Tally[];
  };
  /** The months of the series: monthFrom and monthly.length months, the filter's range within the data. */
  monthFrom: number;
  zone: { areaHa: number; total: Tally; byCategory: (Tally & { label: string })[]; monthly: Tally[] };
  ratePerHa: { zone: Tally; studyArea: Tally };
  /** The zone's rate of incidents per hectare over the study area's; null when the study area has none. */
  rateRatio: number | null;
  /** The zone's share of the study area's incidents and harm, and of its area. */
  share: Tally & { area: number };
  /** Mann-Kendall on the zone's monthly incidents; null with fewer than MIN_TREND_MONTHS months. */
  trend: (MannKendall & { direction: 'rising' | 'falling' | 'no clear trend' }) | null;
  monthsWithIncidents: number;
  /** Months whose incidents per hectare in the zone exceed the study area's in the same month. */
  monthsAboveRate: number;
  /** The controlled before/after from the order's start, or why there is none. */
  effect: { evaluation: InterventionEvaluation; unavailable: null } | { evaluation: null; unavailable: string };
}

/** What the evidence is read against: the current filter, harm weights and the data's months. */
export interface EvidenceContext {
  filter: IncidentFilter;
  harmWeights: Float64Array;
  profile: { monthFrom: number; monthCounts: ArrayLike<number> };
  studyAreaName: string | null;
  /** The study area's hectares when it has no polygon of its own (the map's cells). */
  studyCellsHa: number;
}

export function evidenceContext(dataset: Dataset, query: HotspotQuery, result: HotspotResult): EvidenceContext {
  return { filter: query.filter, harmWeights: harmWeightArray(dataset, query.harmWeights), profile: result.profile, studyAreaName: result.area.name, studyCellsHa: studyCellsAreaHa(result) };
}

/** The filter's months within the data's: the span every monthly series covers. */
export function evidenceMonths(filter: IncidentFilter, profile: EvidenceContext['profile']): { monthFrom: number; months: number } {
  const dataTo = profile.monthFrom + profile.monthCounts.length - 1;
  const monthFrom = Math.max(filter.monthFrom ?? profile.monthFrom, profile.monthFrom);
  const monthTo = Math.min(filter.monthTo ?? dataTo, dataTo);
  return { monthFrom, months: Math.max(0, monthTo - monthFrom + 1) };
}

const tallies = (n: number): Tally[] => Array.from({ length: n }, () => ({ incidents: 0, harm: 0 }));
const perHa = (tally: Tally, ha: number): Tally => (ha > 0 ? { incidents: tally.incidents / ha, harm: tally.harm / ha } : { incidents: 0, harm: 0 });
const shareOf = (part: number, whole: number) => (whole > 0 ? part / whole : 0);

function effectOfOrder(dataset: Dataset, selection: readonly SourceSelection[], query: ZoneEvidenceQuery, span: { monthFrom: number; months: number }, studyAreaName: string | null): ZoneEvidence['effect'] {
  const start = isoDate(query.zone.startDate);
  if (!start) return { evaluation: null, unavailable: 'The zone has no start date, so there is no before and after to compare.' };
  const startMonth = monthIndexOf(Number(start.slice(0, 4)), Number(start.slice(5, 7)));
  const last = span.monthFrom + span.months - 1;
  if (span.months === 0) return { evaluation: null, unavailable: 'No months of data match the filter.' };
  if (startMonth <= span.monthFrom) return { evaluation: null, unavailable: `The order started in ${monthLabel(startMonth)}, before the data begins (${monthLabel(span.monthFrom)}): with no months before it, its effect cannot be measured from these data. Load data from before the start to measure it.` };
  if (startMonth > last) return { evaluation: null, unavailable: `The order starts in ${monthLabel(startMonth)}, after the last month of data (${monthLabel(last)}): it has no effect to measure yet.` };
  const { zone, monthsEachSide, bufferInnerM, bufferOuterM } = query;
  try {
    // The control is the rest of the study area outside the zone and its ring, as in "Did it work?".
    const evaluation = evaluateIntervention(dataset, selection, { name: zone.name, area: zone.geometry, startMonth, monthsEachSide, bufferInnerM, bufferOuterM, control: null, controlName: `the rest of ${studyAreaName ?? 'the loaded data'}` }, span.monthFrom, span.months);
    return { evaluation, unavailable: null };
  } catch (error) {
    if (error instanceof CoreError) return { evaluation: null, unavailable: error.message };
    throw error;
  }
}

export function zoneEvidence(dataset: Dataset, selection: readonly SourceSelection[], context: EvidenceContext, query: ZoneEvidenceQuery): ZoneEvidence {
  const span = evidenceMonths(context.filter, context.profile);
  const inZone = pointMembership(dataset, query.zone.geometry);
  const study = { total: { incidents: 0, harm: 0 }, monthly: tallies(span.months) };
  const zone = { total: { incidents: 0, harm: 0 }, monthly: tallies(span.months), byCategory: new Map<number, Tally>() };
  const add = (tally: Tally, incidents: number, harm: number) => {
    tally.incidents += incidents;
    tally.harm += harm;
  };
  for (const { source, rows } of selection) {
    const { point, category, monthIndex } = source.columns;
    for (let r = 0; r < rows.length; r++) {
      const row = rows[r];
      const incidents = rowWeight(source, row);
      const harm = incidents * context.harmWeights[category[row]];
      const m = monthIndex[row] - span.monthFrom;
      const dated = m >= 0 && m < span.months;
      add(study.total, incidents, harm);
      if (dated) add(study.monthly[m], incidents, harm);
      if (inZone[point[row]] !== 1) continue;
      add(zone.total, incidents, harm);
      if (dated) add(zone.monthly[m], incidents, harm);
      let byCategory = zone.byCategory.get(category[row]);
      if (!byCategory) zone.byCategory.set(category[row], (byCategory = { incidents: 0, harm: 0 }));
      add(byCategory, incidents, harm);
    }
  }
  const polygon = areaPolygon(context.filter.area);
  const studyHa = polygon ? turfArea(polygon) / 10_000 : context.studyCellsHa;
  const zoneHa = turfArea(query.zone.geometry) / 10_000;
  const ratePerHa = { zone: perHa(zone.total, zoneHa), studyArea: perHa(study.total, studyHa) };
  const series = zone.monthly.map((t) => t.incidents);
  const trend = series.length >= MIN_TREND_MONTHS ? mannKendall(series) : null;
  return {
    query,
    studyArea: { name: context.studyAreaName, areaHa: studyHa, measuredBy: polygon ? 'boundary' : 'cells', total: study.total, monthly: study.monthly },
    monthFrom: span.monthFrom,
    zone: {
      areaHa: zoneHa,
      total: zone.total,
      byCategory: [...zone.byCategory].map(([id, tally]) => ({ label: dataset.categories.list[id].name, ...tally })).sort((a, b) => b.incidents - a.incidents || a.label.localeCompare(b.label)),
      monthly: zone.monthly,
    },
    ratePerHa,
    rateRatio: ratePerHa.studyArea.incidents > 0 ? ratePerHa.zone.incidents / ratePerHa.studyArea.incidents : null,
    share: { incidents: shareOf(zone.total.incidents, study.total.incidents), harm: shareOf(zone.total.harm, study.total.harm), area: shareOf(zoneHa, studyHa) },
    trend: trend && { ...trend, direction: trend.p < TREND_LEVEL ? (trend.s > 0 ? 'rising' : 'falling') : 'no clear trend' },
    monthsWithIncidents: series.filter((n) => n > 0).length,
    monthsAboveRate: zone.monthly.filter((t, m) => zoneHa > 0 && studyHa > 0 && t.incidents / zoneHa > study.monthly[m].incidents / studyHa).length,
    effect: effectOfOrder(dataset, selection, query, span, context.studyAreaName),
  };
}
