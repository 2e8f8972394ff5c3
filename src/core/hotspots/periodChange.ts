import type { Weighting } from '../vocabulary';
import type { Dataset } from '../dataset';
import { changeClass, minimumTotalForSignificance, type ChangeClass } from '../stats/binomial';
import { aggregateCells, type CellAggregate } from './aggregate';
import { classBreaks } from './classify';
import { selectRows, type IncidentFilter } from './filter';

/**
 * Two periods side by side: per cell the count (or harm) in the earlier and the later period, the
 * change, and the percentage change only where the earlier count reaches `minCount`, so that
 * 1 → 3 is not reported as "+200%". Each cell is also tested: an exact conditional binomial test
 * of its incident counts given their total, with the periods' lengths (see stats/binomial), at
 * 5%, so "+1 (+6.7%)" is "no significant change". With harm as the basis the test is still on
 * the incident counts.
 */
export const CHANGE_ALPHA = 0.05;

export interface PeriodChange {
  cells: string[];
  earlier: Float64Array;
  later: Float64Array;
  change: Float64Array;
  /** NaN where the earlier value is below the minimum count. */
  changePct: Float64Array;
  earlierTotal: number;
  laterTotal: number;
  minCount: number;
  earlierPeriod: [number, number];
  laterPeriod: [number, number];
  /** Per cell: the exact test's class and two-sided p. */
  significance: ChangeClass[];
  pValue: Float64Array;
  /** The fewest incidents over both periods that could ever test significant. */
  minTotalForSignificance: number;
}

export function periodChange(dataset: Dataset, filter: IncidentFilter, resolution: number, earlierPeriod: [number, number], laterPeriod: [number, number], basis: Weighting, harmWeights: ArrayLike<number>, minCount: number): PeriodChange {
  const aggregate = ([monthFrom, monthTo]: [number, number]): CellAggregate => aggregateCells(dataset, selectRows(dataset, { ...filter, monthFrom, monthTo }), resolution, harmWeights);
  const before = aggregate(earlierPeriod);
  const after = aggregate(laterPeriod);
  const cells = [...new Set([...before.cells, ...after.cells])].sort();
  const valuesOf = (a: CellAggregate, values: Float64Array) => {
    const position = new Map(a.cells.map((cell, i) => [cell, i]));
    return Float64Array.from(cells, (cell) => values[position.get(cell) ?? -1] ?? 0);
  };
  const earlier = valuesOf(before, basis === 'harm' ? before.harm : before.counts);
  const later = valuesOf(after, basis === 'harm' ? after.harm : after.counts);
  const earlierCounts = valuesOf(before, before.counts);
  const laterCounts = valuesOf(after, after.counts);
  const earlierMonths = earlierPeriod[1] - earlierPeriod[0] + 1;
  const laterMonths = laterPeriod[1] - laterPeriod[0] + 1;
  const tests = cells.map((_, i) => changeClass(earlierCounts[i], laterCounts[i], earlierMonths, laterMonths, CHANGE_ALPHA));
  const change = Float64Array.from(cells, (_, i) => later[i] - earlier[i]);
  const changePct = Float64Array.from(cells, (_, i) => (earlier[i] >= minCount ? (100 * change[i]) / earlier[i] : NaN));
  const total = (values: Float64Array) => values.reduce((a, b) => a + b, 0);
  return {
    cells,
    earlier,
    later,
    change,
    changePct,
    earlierTotal: total(earlier),
    laterTotal: total(later),
    minCount,
    earlierPeriod,
    laterPeriod,
    significance: tests.map((t) => t.className),
    pValue: Float64Array.from(tests, (t) => t.p),
    minTotalForSignificance: minimumTotalForSignificance(earlierMonths, laterMonths, CHANGE_ALPHA),
  };
}

/** The cells with the largest rises and falls, `limit` of each. */
export function biggestChanges(result: PeriodChange, limit: number): { rises: number[]; falls: number[] } {
  const order = Array.from(result.change.keys()).sort((a, b) => result.change[b] - result.change[a] || (result.cells[a] < result.cells[b] ? -1 : 1));
  return { rises: order.filter((i) => result.change[i] > 0).slice(0, limit), falls: order.filter((i) => result.change[i] < 0).reverse().slice(0, limit) };
}

const oneDecimal = new Intl.NumberFormat('en-GB', { maximumFractionDigits: 1 });

/**
 * Seven symmetric classes of change for the map, from the biggest fall (0) to the biggest rise
 * (6): |change| is split into three quantile classes mirrored around "little or no change"
 * (within half an incident); `labels[c]` names class c.
 */
export function changeClasses(change: Pick<PeriodChange, 'change'>): { classOf: Uint8Array; labels: string[] } {
  const magnitude = classBreaks(Float64Array.from(change.change, Math.abs).filter((v) => v > 0), 'quantile', 3);
  const t1 = magnitude[0] ?? 1;
  const t2 = magnitude[1] ?? t1 * 2;
  const classOf = Uint8Array.from(change.change, (v) => (v <= -t2 ? 0 : v <= -t1 ? 1 : v < -0.5 ? 2 : v <= 0.5 ? 3 : v < t1 ? 4 : v < t2 ? 5 : 6));
  const [low, high] = [oneDecimal.format(t1), oneDecimal.format(t2)];
  const labels = [`Fall of ${high} or more`, `Fall of ${low} – ${high}`, 'Small fall', 'Little or no change', 'Small rise', `Rise of ${low} – ${high}`, `Rise of ${high} or more`];
  return { classOf, labels };
}
