import { useMemo } from 'react';
import { classBreaks, classOf } from '../core/hotspots/classify';
import { changeClasses } from '../core/hotspots/periodChange';
import { CONFIDENCE_LEVELS } from '../core/stats/fdr';
import { rankCells } from '../core/hotspots/rank';
import { DEFAULT_TIME_STEPS, EMERGING_CLASSES } from '../core/stats/emerging';
import { monthLabel } from '../core/ingest/dates';
import { CHANGE_COLOURS, EMERGING_COLOURS, GI_BIN_COLOURS, NOT_SIGNIFICANT_COLOUR, sequentialRamp } from './palette';
import { METHOD_WORDS, WEIGHTING_WORDS, type CellMark } from '../core/vocabulary';
import { areaClassification } from './areaClassification';
import { areaCountsStatus, shownAreaCounts } from './areasSlice';
import { useAppStore } from './store';
import type { ClassBreaks } from './viewSlice';

export interface LegendClass {
  colour: string;
  label: string;
  mark?: CellMark;
  /** Cells in the class, where it helps the reader (Gi* bins). */
  count?: number;
}

/** What the map draws and the legend explains, for whichever method is on. */
export interface Classification {
  cells: string[];
  colours: string[];
  /** Per cell, where hot or cold is meant (Gi* and emerging classes). */
  marks?: (CellMark | null)[];
  legend: LegendClass[];
  title: string;
  unit: string;
  /** Lines of the hover tooltip for cell i. */
  tooltip: (index: number) => string[];
  /** Why the chosen statistic could not be computed, when it could not. */
  problem: string | null;
  /** Counts by area: a colour per polygon of the layer, in the layer's order (cells are then empty). */
  areas?: { layer: string; indices: number[]; colours: string[] };
}

const integer = new Intl.NumberFormat('en-GB');
const oneDecimal = new Intl.NumberFormat('en-GB', { maximumFractionDigits: 1 });

/** A share as a percentage to one decimal; a share too small to show is "< 0.1%", never "0%". */
const shareOfTotal = (value: number, total: number): string => {
  const percent = total > 0 ? (100 * value) / total : 0;
  return percent > 0 && percent < 0.05 ? '< 0.1%' : `${oneDecimal.format(percent)}%`;
};

const markOfBin = (bin: number): CellMark | null => (bin > 0 ? 'hot' : bin < 0 ? 'cold' : null);
const markOfClass = (name: string): CellMark | null => (name.endsWith('hot spot') ? 'hot' : name.endsWith('cold spot') ? 'cold' : null);

function binLabel(bin: number): string {
  if (bin === 0) return 'Not significant';
  const level = CONFIDENCE_LEVELS.find((l) => l.bin === Math.abs(bin));
  return `${bin > 0 ? 'Hot' : 'Cold'} spot, ${level?.label ?? ''}`;
}

/**
 * Sequential classes on the YlOrRd ramp: a colour per value and legend ranges. Whole-number
 * values (counts) label classes "3 – 5"; others "> 2.5 – 5".
 */
export function rampClasses(values: ArrayLike<number>, breaks: ClassBreaks, classCount: number, format: (value: number) => string, wholeNumbers: boolean): { colours: string[]; legend: LegendClass[] } {
  const thresholds = classBreaks(values, breaks, classCount);
  const ramp = sequentialRamp(thresholds.length + 1);
  let min = Infinity;
  let max = -Infinity;
  for (let i = 0; i < values.length; i++) {
    min = Math.min(min, values[i]);
    max = Math.max(max, values[i]);
  }
  const bounds = [min, ...thresholds, max];
  // No cells (nothing matches the filters): no classes, rather than "∞ – -∞".
  const legend = values.length === 0 ? [] : ramp.map((colour, i) => {
    const low = i === 0 ? format(bounds[0]) : wholeNumbers ? format(Math.floor(bounds[i]) + 1) : `> ${format(bounds[i])}`;
    const high = format(bounds[i + 1]);
    return { colour, label: low === high ? low : `${low} – ${high}` };
  });
  return { colours: Array.from(values, (value) => ramp[classOf(value, thresholds)]), legend };
}

/** Class breaks, colours and tooltips of the current result, shared by the map and the legend. */
export function useClassification(): Classification | null {
  const hotspots = useAppStore((state) => state.hotspots);
  const breaks = useAppStore((state) => state.view.classBreaks);
  const classCount = useAppStore((state) => state.view.classCount);
  // Area counts and their per-hectare setting matter only to a map of areas: other maps ignore them.
  const areaCounts = useAppStore(shownAreaCounts);
  const areaStatus = useAppStore(areaCountsStatus);
  const perHectare = useAppStore((state) => state.hotspots?.query.method.kind === 'areas' && state.view.perHectare);
  return useMemo(() => {
    if (!hotspots) return null;
    // The method and weighting of the result drawn, not of the settings being edited.
    const { method: methodQuery, weighting } = hotspots.query;
    const method = methodQuery.kind;
    const statistics = methodQuery.kind === 'gistar' || methodQuery.kind === 'emerging' ? methodQuery.statistics : null;
    if (method === 'areas') return areaClassification(areaCounts, { weighting, breaks, classCount, perHectare, status: areaStatus });
    const { aggregate } = hotspots;
    const harm = weighting === 'harm';
    const values = harm ? aggregate.harm : aggregate.counts;
    const format = (value: number) => (harm ? oneDecimal.format(value) : integer.format(value));
    const valueUnit = WEIGHTING_WORDS[weighting].unit;
    const gi = hotspots.giStar;
    if (method === 'gistar' && gi && 'z' in gi) {
      const bins = [3, 2, 1, 0, -1, -2, -3];
      return {
        cells: gi.cells,
        colours: Array.from(gi.bin, (b) => (b === 0 ? NOT_SIGNIFICANT_COLOUR : GI_BIN_COLOURS[b])),
        marks: Array.from(gi.bin, markOfBin),
        legend: bins.map((b) => ({ colour: GI_BIN_COLOURS[b], label: binLabel(b), count: gi.binCounts[b + 3], mark: markOfBin(b) ?? undefined })),
        title: METHOD_WORDS.gistar.title,
        unit: `Getis-Ord Gi*, k = ${gi.k}, ${gi.fdr ? 'FDR-corrected' : 'no FDR correction'}, on ${valueUnit}`,
        tooltip: (i) => [`${format(gi.values[i])} ${valueUnit}`, `z = ${gi.z[i].toFixed(2)}, p = ${gi.p[i] < 0.001 ? gi.p[i].toExponential(1) : gi.p[i].toFixed(3)}`, binLabel(gi.bin[i])],
        problem: null,
      };
    }
    const emerging = hotspots.emerging;
    if (method === 'emerging' && emerging && 'classIndex' in emerging) {
      const shown = EMERGING_CLASSES.map((name, i) => ({ name, count: emerging.classCounts[i] })).filter((c) => c.count > 0 || c.name === 'no pattern');
      return {
        cells: emerging.cells,
        colours: Array.from(emerging.classIndex, (i) => EMERGING_COLOURS[EMERGING_CLASSES[i]]),
        marks: Array.from(emerging.classIndex, (i) => markOfClass(EMERGING_CLASSES[i])),
        legend: shown.map((c) => ({ colour: EMERGING_COLOURS[c.name], label: c.name[0].toUpperCase() + c.name.slice(1), count: c.count, mark: markOfClass(c.name) ?? undefined })),
        title: METHOD_WORDS.emerging.title,
        unit: `space-time Gi* over ${emerging.months} months (ring k = ${statistics?.k} in the same and the previous ${DEFAULT_TIME_STEPS} month, FDR-corrected over all cell-months) with a Mann-Kendall trend; classes as ArcGIS defines them`,
        tooltip: (i) => [EMERGING_CLASSES[emerging.classIndex[i]]],
        problem: null,
      };
    }
    const change = hotspots.change;
    if (method === 'change' && change) {
      const { classOf, labels } = changeClasses(change);
      const fmt = (v: number) => oneDecimal.format(v);
      const period = ([from, to]: [number, number]) => `${monthLabel(from)}…${monthLabel(to)}`;
      return {
        cells: change.cells,
        colours: Array.from(classOf, (c) => CHANGE_COLOURS[c]),
        legend: labels.map((label, i) => ({ colour: CHANGE_COLOURS[i], label })).reverse(),
        title: METHOD_WORDS.change.title,
        unit: `${valueUnit} per cell, ${period(change.earlierPeriod)} → ${period(change.laterPeriod)} (${fmt(change.earlierTotal)} → ${fmt(change.laterTotal)}); % only where the earlier period has ${change.minCount}+`,
        tooltip: (i) => [`${fmt(change.earlier[i])} → ${fmt(change.later[i])} ${valueUnit}`, `change ${change.change[i] > 0 ? '+' : ''}${fmt(change.change[i])}${Number.isNaN(change.changePct[i]) ? ` (too few before for a %)` : ` (${change.changePct[i] > 0 ? '+' : ''}${fmt(change.changePct[i])}%)`}`],
        problem: null,
      };
    }
    const { colours, legend } = rampClasses(values, breaks, classCount, format, !harm);
    // Ranks only once a tooltip asks: sorting every cell would hold up each new map.
    let rankOf: Uint32Array | null = null;
    const rank = (index: number): number => {
      if (!rankOf) {
        rankOf = new Uint32Array(values.length);
        for (const entry of rankCells(values)) rankOf[entry.index] = entry.rank;
      }
      return rankOf[index];
    };
    const total = harm ? aggregate.totalHarm : aggregate.totalCount;
    return {
      cells: aggregate.cells,
      colours,
      legend,
      title: '',
      unit: `${valueUnit} per cell`,
      tooltip: (i) => [`${format(values[i])} ${valueUnit}`, `${shareOfTotal(values[i], total)} of total · rank ${rank(i)}`],
      problem: method === 'gistar' && gi && 'error' in gi ? gi.error : method === 'emerging' && emerging && 'error' in emerging ? emerging.error : null,
    };
  }, [hotspots, breaks, classCount, areaCounts, areaStatus, perHectare]);
}
