import type { AreaCounts } from '../core/hotspots/areaCounts';
import type { AreaCountsStatus } from './areasSlice';
import { rampClasses, type Classification } from './classification';
import type { ClassBreaks, Weighting } from './viewSlice';

const integer = new Intl.NumberFormat('en-GB');
const twoDecimals = new Intl.NumberFormat('en-GB', { maximumFractionDigits: 2 });

/** The value each polygon is coloured by: incidents or harm, in total or per hectare. */
export function areaValues(counts: AreaCounts, weighting: Weighting, perHectare: boolean): Float64Array {
  return Float64Array.from(counts.areas, (a) => {
    const value = weighting === 'harm' ? a.harm : a.count;
    return perHectare ? (a.areaHa > 0 ? value / a.areaHa : 0) : value;
  });
}

/** Counts by area on the same ramp, class breaks and legend as the cell counts. */
/** Why a map of areas has no counts to show; none while they are being counted (the legend says the map is updating). */
const NO_COUNTS_PROBLEM: Record<AreaCountsStatus, string | null> = {
  shown: null,
  counting: null,
  failed: 'they could not be counted (see the notice).',
  'no-layer': 'choose a loaded boundary file to count by (Map display).',
  'not-areas': null,
};

export function areaClassification(
  counts: AreaCounts | null,
  options: { weighting: Weighting; breaks: ClassBreaks; classCount: number; perHectare: boolean; status: AreaCountsStatus },
): Classification {
  const unit = `${options.weighting === 'harm' ? 'harm-weighted incidents' : 'incidents'} ${options.perHectare ? 'per hectare' : 'per area'}`;
  if (!counts) return { cells: [], colours: [], legend: [], title: 'counts by area', unit, tooltip: () => [], problem: NO_COUNTS_PROBLEM[options.status] };
  const values = areaValues(counts, options.weighting, options.perHectare);
  const wholeNumbers = options.weighting === 'count' && !options.perHectare;
  const format = (value: number) => (wholeNumbers ? integer.format(value) : twoDecimals.format(value));
  const { colours, legend } = rampClasses(values, options.breaks, options.classCount, format, wholeNumbers);
  const outside = counts.unassigned > 0 ? `; ${integer.format(counts.unassigned)} in none of its areas` : '';
  return {
    cells: [],
    colours: [],
    legend,
    title: `counts by area (${counts.layer})`,
    unit: `${unit}, ${integer.format(counts.areas.length)} areas${outside}`,
    tooltip: () => [],
    problem: null,
    areas: { layer: counts.layer, indices: counts.areas.map((a) => a.index), colours },
  };
}
