import type { SourceSummary } from '../core/dataset';

/**
 * Months of a chart's range that no loaded file covers (police.uk comes as one file a month, so a
 * file not loaded or not restored leaves a hole): such a month has no data, which is not a zero.
 * A source without months (an H3 table without a month column) says nothing, so nothing is flagged.
 */
export function uncoveredMonths(sources: readonly Pick<SourceSummary, 'monthMin' | 'monthMax'>[], monthFrom: number, count: number): boolean[] {
  if (sources.some((s) => s.monthMin === null || s.monthMax === null)) return new Array<boolean>(count).fill(false);
  return Array.from({ length: count }, (_, i) => !sources.some((s) => s.monthMin! <= monthFrom + i && monthFrom + i <= s.monthMax!));
}
