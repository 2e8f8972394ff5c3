import { buffer as turfBuffer } from '@turf/buffer';
import { difference } from '@turf/difference';
import { featureCollection, feature } from '@turf/helpers';
import type { MultiPolygon, Polygon } from 'geojson';
import type { Dataset } from '../dataset';
import { CoreError } from '../errors';
import { csvDocument } from '../export/csv';
import { rowWeight, type SourceSelection } from '../hotspots/filter';
import { monthLabel } from '../ingest/dates';
import { beforeAfterEffect, compareControl, weightedDisplacementDifference, type BeforeAfterEffect, type ControlComparison, type Counts, type WddResult } from '../stats/evaluation';
import { pointMembership } from './pointsInZones';

export interface InterventionQuery {
  name: string;
  area: Polygon | MultiPolygon;
  startMonth: number;
  /** Months either side of the start (trimmed to the data). */
  monthsEachSide: number;
  /** The displacement ring around the area, in metres. */
  bufferInnerM: number;
  bufferOuterM: number;
  /** The control: another area, or null for the rest of the data (outside the area and its ring). */
  control: Polygon | MultiPolygon | null;
  /** The control's name in a sentence ("Harlesden PSPO"); absent: "the control area" or "the rest of the data". */
  controlName?: string;
}

export interface InterventionEvaluation {
  name: string;
  controlName: string;
  beforeFrom: number;
  months: number;
  startMonth: number;
  /** Monthly counts from beforeFrom over 2·months, per area. */
  series: { treated: number[]; control: number[]; buffer: number[] };
  treated: Counts;
  control: Counts;
  buffer: Counts;
  effect: BeforeAfterEffect;
  /** Whether the raw DiD is meaningful, and the factor scaling the control to the area for charts. */
  controlComparison: ControlComparison;
  wdd: WddResult;
  bufferGeometry: Polygon | MultiPolygon;
}

/** The ring between two buffers of an area: where displaced incidents would show, never overlapping it. */
export function displacementRing(area: Polygon | MultiPolygon, innerM: number, outerM: number): Polygon | MultiPolygon {
  const outer = turfBuffer(feature(area), outerM, { units: 'meters' });
  const inner = innerM > 0 ? turfBuffer(feature(area), innerM, { units: 'meters' }) : feature(area);
  const ring = outer && inner ? difference(featureCollection([outer, inner])) : null;
  if (!ring) throw new CoreError('BAD_GEOMETRY', 'The displacement ring is empty: make the outer distance larger than the inner one.');
  return ring.geometry as Polygon | MultiPolygon;
}

/** An area whose effect can be evaluated: a zone, or the cameras' coverage (see camerasCoverage). */
export interface Intervention {
  id: string;
  name: string;
  startDate: string;
  /** Its area, made when asked for. */
  area: () => Polygon | MultiPolygon | null;
}

/**
 * Controlled before/after for one intervention area over the current selection: counts inside
 * the area, its displacement ring and the control, equal-length periods either side of the start,
 * then DiD, the relative effect and the Weighted Displacement Difference. The same control serves
 * the area and its ring.
 */
export function evaluateIntervention(dataset: Dataset, selection: readonly SourceSelection[], query: InterventionQuery, dataFrom: number, dataMonths: number): InterventionEvaluation {
  const months = Math.min(query.monthsEachSide, query.startMonth - dataFrom, dataFrom + dataMonths - query.startMonth);
  if (months < 1) throw new CoreError('TOO_FEW_MONTHS', `The data has no months on both sides of ${monthLabel(query.startMonth)}: choose a start date inside the loaded period.`);
  const ring = displacementRing(query.area, query.bufferInnerM, query.bufferOuterM);
  const inArea = pointMembership(dataset, query.area);
  const inRing = pointMembership(dataset, ring);
  const inControl = query.control ? pointMembership(dataset, query.control) : null;
  const beforeFrom = query.startMonth - months;
  const span = 2 * months;
  const series = { treated: new Array<number>(span).fill(0), control: new Array<number>(span).fill(0), buffer: new Array<number>(span).fill(0) };
  for (const { source, rows } of selection) {
    const { point, monthIndex } = source.columns;
    for (let r = 0; r < rows.length; r++) {
      const row = rows[r];
      const m = monthIndex[row] - beforeFrom;
      if (m < 0 || m >= span) continue;
      const p = point[row];
      const incidents = rowWeight(source, row);
      if (inArea[p]) series.treated[m] += incidents;
      else if (inRing[p]) series.buffer[m] += incidents;
      if (inControl ? inControl[p] && !inArea[p] && !inRing[p] : !inArea[p] && !inRing[p]) series.control[m] += incidents;
    }
  }
  const split = (values: number[]): Counts => ({ before: values.slice(0, months).reduce((a, b) => a + b, 0), after: values.slice(months).reduce((a, b) => a + b, 0) });
  const treated = split(series.treated);
  const control = split(series.control);
  const buffer = split(series.buffer);
  return {
    name: query.name,
    controlName: query.controlName ?? (query.control ? 'the control area' : 'the rest of the data'),
    beforeFrom,
    months,
    startMonth: query.startMonth,
    series,
    treated,
    control,
    buffer,
    effect: beforeAfterEffect(treated, control),
    controlComparison: compareControl(treated, control),
    // The same control serves the area and its ring, scaled to each: it is usually far larger than either.
    wdd: weightedDisplacementDifference(treated, control, buffer, control, { scaleControls: true, sharedControl: true }),
    bufferGeometry: ring,
  };
}

export function evaluationCsv(evaluation: InterventionEvaluation, areaName = '', note: string | null = null): string {
  const { treated, control, buffer, effect, wdd } = evaluation;
  const rows: (string | number)[][] = [
    ['intervention', evaluation.name],
    ['study_area', areaName],
    ['start', monthLabel(evaluation.startMonth)],
    ['months_each_side', evaluation.months],
    ['treated_before', treated.before], ['treated_after', treated.after],
    ['control_before', control.before], ['control_after', control.after],
    ['buffer_before', buffer.before], ['buffer_after', buffer.after],
    ['control_comparable_to_area', evaluation.controlComparison.comparable ? 'yes' : 'no'],
    ['control_scale_to_area', evaluation.controlComparison.scale === null ? '' : evaluation.controlComparison.scale.toFixed(4)],
    ['difference_in_differences_raw', effect.did],
    ['relative_effect', effect.relativeEffect === null ? '' : effect.relativeEffect.toFixed(4)],
    ['expected_after', effect.expectedAfter === null ? '' : effect.expectedAfter.toFixed(2)],
    ['observed_minus_expected', effect.observedMinusExpected === null ? '' : effect.observedMinusExpected.toFixed(2)],
    ['wdd', wdd.wdd], ['wdd_se', wdd.se.toFixed(3)], ['wdd_z', wdd.z.toFixed(3)], ['wdd_p_one_tailed', wdd.pOneTailed.toPrecision(3)],
    ['wdd_low_95', wdd.low95.toFixed(2)], ['wdd_high_95', wdd.high95.toFixed(2)], ['buffer_z', wdd.bufferZ.toFixed(3)], ['verdict', wdd.verdict],
    ...evaluation.series.treated.map((_, m) => [`${monthLabel(evaluation.beforeFrom + m)} treated/control/buffer`, `${evaluation.series.treated[m]}/${evaluation.series.control[m]}/${evaluation.series.buffer[m]}`]),
  ];
  return csvDocument(['measure', 'value'], rows, note);
}
