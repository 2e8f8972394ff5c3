import { useMemo } from 'react';
import type { StateCreator } from 'zustand';
import { priorityRule, priorityRuleProblem, type PriorityRuleKind } from '../core/hotspots/priorityPlaces';
import { priorityCells } from '../core/stats/evaluation';
import { shownWeighting } from './resultsSlice';
import { useAppStore, type AppState } from './store';

export interface PrioritySettings {
  kind: PriorityRuleKind;
  /** As the user typed it: cells, percent, or × average. */
  value: number;
}

/** Priority places: the rule choosing the cells to work in (drawn on the map and exported). */
export interface PrioritySlice {
  priority: PrioritySettings;
  setPriority: (priority: PrioritySettings) => void;
}

export const DEFAULT_PRIORITY: PrioritySettings = { kind: 'topN', value: 25 };

export const createPrioritySlice: StateCreator<AppState, [], [], PrioritySlice> = (set) => ({
  priority: DEFAULT_PRIORITY,
  setPriority: (priority) => set({ priority }),
});

export interface PriorityPlaces {
  /** Indices into the result's cells, busiest first. */
  chosen: number[];
  cells: string[];
  values: ArrayLike<number>;
  total: number;
}

/** The cells the rule picks from the current result; null with no result or an invalid rule. */
export function usePriorityPlaces(): PriorityPlaces | null {
  const hotspots = useAppStore((state) => state.hotspots);
  const weighting = useAppStore(shownWeighting);
  const { kind, value } = useAppStore((state) => state.priority);
  return useMemo(() => {
    if (!hotspots || priorityRuleProblem(kind, value) !== null) return null;
    const { aggregate } = hotspots;
    const values = weighting === 'harm' ? aggregate.harm : aggregate.counts;
    const chosen = priorityCells(values, priorityRule(kind, value));
    return { chosen, cells: chosen.map((i) => aggregate.cells[i]), values, total: weighting === 'harm' ? aggregate.totalHarm : aggregate.totalCount };
  }, [hotspots, weighting, kind, value]);
}
