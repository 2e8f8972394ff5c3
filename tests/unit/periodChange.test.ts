import { latLngToCell } from 'h3-js';
import { describe, expect, it } from 'vitest';
import { Dataset } from '../../src/core/dataset';
import { NO_FILTER } from '../../src/core/hotspots/filter';
import { biggestChanges, periodChange } from '../../src/core/hotspots/periodChange';
import { ingestFile } from '../../src/core/ingest/ingestFile';
import { memorySource, POLICE_HEADER, policeLine } from './memorySource';

describe('period comparison', () => {
  it('counts both periods per cell and guards the percentage with a minimum count', async () => {
    const dataset = new Dataset();
    const at = (month: string, lat: string, lng: string, n: number) => Array(n).fill(policeLine({ id: '', month, lat, lng, type: 'Anti-social behaviour', outcome: '' }));
    // Cell A: 10 → 15 (+50%); cell B: 1 → 3 (+200%, but below the minimum of 5); cell C: 4 → 0.
    const lines = [POLICE_HEADER, ...at('2025-01', '51.556', '-0.279', 10), ...at('2025-02', '51.556', '-0.279', 15), ...at('2025-01', '51.536', '-0.246', 1), ...at('2025-02', '51.536', '-0.246', 3), ...at('2025-01', '51.539', '-0.193', 4)];
    await ingestFile(dataset, memorySource('p.csv', lines.join('\n')));
    const jan = 2025 * 12;
    const result = periodChange(dataset, NO_FILTER, 9, [jan, jan], [jan + 1, jan + 1], 'count', [1], 5);
    const a = result.cells.indexOf(latLngToCell(51.556, -0.279, 9));
    const b = result.cells.indexOf(latLngToCell(51.536, -0.246, 9));
    const c = result.cells.indexOf(latLngToCell(51.539, -0.193, 9));
    expect([result.earlier[a], result.later[a], result.change[a], result.changePct[a]]).toEqual([10, 15, 5, 50]);
    expect([result.change[b], Number.isNaN(result.changePct[b])]).toEqual([2, true]);
    expect(result.change[c]).toBe(-4);
    expect([result.earlierTotal, result.laterTotal]).toEqual([15, 18]);
    expect(biggestChanges(result, 5)).toEqual({ rises: [a, b], falls: [c] });
  });
});
