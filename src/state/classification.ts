import { useMemo } from 'react';
import { classBreaks, classOf } from '../core/hotspots/classify';
import { rankCells } from '../core/hotspots/rank';
import { sequentialRamp } from '../map/palette';
import { useAppStore } from './store';

export interface LegendClass {
  colour: string;
  label: string;
}

export interface Classification {
  /** The value shown per cell of the current result. */
  values: Float64Array;
  classOfCell: Uint8Array;
  rankOfCell: Uint32Array;
  total: number;
  legend: LegendClass[];
  unit: string;
}

const formatValue = (value: number, integer: boolean): string =>
  integer ? new Intl.NumberFormat('en-GB').format(Math.round(value)) : new Intl.NumberFormat('en-GB', { maximumFractionDigits: 1 }).format(value);

/** Class breaks, colours and ranks of the current hotspot result, shared by the map and the legend. */
export function useClassification(): Classification | null {
  const hotspots = useAppStore((state) => state.hotspots);
  const method = useAppStore((state) => state.view.method);
  const breaks = useAppStore((state) => state.view.classBreaks);
  const classCount = useAppStore((state) => state.view.classCount);
  return useMemo(() => {
    if (!hotspots) return null;
    const { aggregate } = hotspots;
    const values = method === 'harm' ? aggregate.harm : aggregate.counts;
    const integer = method !== 'harm';
    const thresholds = classBreaks(values, breaks, classCount);
    const colours = sequentialRamp(thresholds.length + 1);
    const classOfCell = Uint8Array.from(values, (value) => classOf(value, thresholds));
    const rankOfCell = new Uint32Array(values.length);
    for (const entry of rankCells(values)) rankOfCell[entry.index] = entry.rank;
    let min = Infinity;
    let max = -Infinity;
    for (const value of values) {
      min = Math.min(min, value);
      max = Math.max(max, value);
    }
    const bounds = [min, ...thresholds, max];
    const legend = colours.map((colour, i) => {
      const low = i === 0 ? bounds[0] : bounds[i];
      const lowLabel = i === 0 ? formatValue(low, integer) : integer ? formatValue(Math.floor(low) + 1, true) : `> ${formatValue(low, false)}`;
      const highLabel = formatValue(bounds[i + 1], integer);
      return { colour, label: lowLabel === highLabel ? lowLabel : `${lowLabel} – ${highLabel}` };
    });
    const total = method === 'harm' ? aggregate.totalHarm : aggregate.totalCount;
    return { values, classOfCell, rankOfCell, total, legend, unit: method === 'harm' ? 'harm-weighted incidents per cell' : 'incidents per cell' };
  }, [hotspots, method, breaks, classCount]);
}
