import { latLngToCell } from 'h3-js';
import { describe, expect, it } from 'vitest';
import { Dataset } from '../../src/core/dataset';
import { aggregateCells, aggregateExtent, timeProfile } from '../../src/core/hotspots/aggregate';
import { cellBreakdown, topLabelsByCell } from '../../src/core/hotspots/cellBreakdown';
import { computeHotspots } from '../../src/core/hotspots/computeHotspots';
import { NO_FILTER, selectRows } from '../../src/core/hotspots/filter';
import { ingestFile } from '../../src/core/ingest/ingestFile';
import { memorySource } from './memorySource';

// A council-style file with times, written out in full so expectations can be counted by hand.
const ROWS = [
  // ref, date, category, lat, lng, location
  ['1', '06/01/2025 09:00', 'Noise', '51.5560', '-0.2790', 'High Road'], // Monday
  ['2', '06/01/2025 22:30', 'Noise', '51.5560', '-0.2790', 'High Road'], // Monday
  ['3', '07/01/2025 23:10', 'Street drinking', '51.5561', '-0.2791', 'High Road'], // Tuesday
  ['4', '11/01/2025 14:00', 'Noise', '51.5365', '-0.2465', 'Station Road'], // Saturday
  ['5', '03/02/2025 10:00', 'Graffiti', '51.5365', '-0.2465', 'Station Road'], // Monday
  ['6', '15/03/2025 02:00', 'Noise', '51.5390', '-0.1930', 'Kilburn High Road'], // Saturday
];
const TEXT = ['Ref,Date,Category,Lat,Lng,Location', ...ROWS.map((r) => r.join(','))].join('\n');
const MAPPING = { coordinates: 'wgs84' as const, y: 'Lat', x: 'Lng', date: 'Date', category: 'Category', reference: 'Ref', location: 'Location' };

async function dataset(): Promise<Dataset> {
  const ds = new Dataset();
  await ingestFile(ds, memorySource('council.csv', TEXT), { mapping: MAPPING });
  return ds;
}

/** The expected count per cell, straight from the rows above, for the rows `keep` accepts. */
function expectedCells(resolution: number, keep: (row: string[]) => boolean): Map<string, number> {
  const counts = new Map<string, number>();
  for (const row of ROWS.filter(keep)) {
    const cell = latLngToCell(Number(row[3]), Number(row[4]), resolution);
    counts.set(cell, (counts.get(cell) ?? 0) + 1);
  }
  return counts;
}

const asMap = (cells: string[], counts: Float64Array) => new Map(cells.map((c, i) => [c, counts[i]]));

describe('aggregateCells', () => {
  it('lists cells in H3-index order whatever order their points were loaded in, and again after more points arrive', async () => {
    const reversed = ['Ref,Date,Category,Lat,Lng,Location', ...[...ROWS].reverse().map((r) => r.join(','))].join('\n');
    const backwards = new Dataset();
    await ingestFile(backwards, memorySource('council.csv', reversed), { mapping: MAPPING });
    const forwards = await dataset();
    const cellsOf = (ds: Dataset) => aggregateCells(ds, selectRows(ds, NO_FILTER), 9).cells;
    const expected = [...expectedCells(9, () => true).keys()].sort();
    expect(cellsOf(forwards)).toEqual(expected);
    expect(cellsOf(backwards)).toEqual(expected);
    // A point far west, loaded after the order was taken, takes its place in it.
    await ingestFile(forwards, memorySource('more.csv', ['Ref,Date,Category,Lat,Lng,Location', '7,16/03/2025 02:00,Noise,51.5000,-0.4000,Far Road'].join('\n')), { mapping: MAPPING });
    expect(cellsOf(forwards)).toEqual([...expected, latLngToCell(51.5, -0.4, 9)].sort());
  });

  it('extends the cells of the resolution last asked for as points arrive, to what one pass over all of them gives', async () => {
    const header = 'Ref,Date,Category,Lat,Lng,Location';
    const files = [
      // A new point in a new cell, and a repeated point.
      [header, '7,16/03/2025 02:00,Noise,51.5000,-0.4000,Far Road', '8,16/03/2025 03:00,Noise,51.5561,-0.2791,High Road'].join('\n'),
      // Two new points, one of them in a cell already held: written into the room the first extension made.
      [header, '9,17/03/2025 02:00,Noise,51.5001,-0.4001,Far Road', '10,17/03/2025 03:00,Noise,51.6000,-0.1000,North Road'].join('\n'),
    ];
    const stepwise = await dataset();
    stepwise.cellsAt(7);
    stepwise.cellsAt(9);
    const atOnce = await dataset();
    for (const [k, text] of files.entries()) {
      await ingestFile(stepwise, memorySource(`more-${k}.csv`, text), { mapping: MAPPING });
      stepwise.extendCells();
      await ingestFile(atOnce, memorySource(`more-${k}.csv`, text), { mapping: MAPPING });
    }
    const cellsAt = (ds: Dataset, resolution: number) => {
      const { cells, cellOfPoint, firstPoint } = ds.cellsAt(resolution);
      return { cells: [...cells], cellOfPoint: [...cellOfPoint], firstPoint: [...firstPoint] };
    };
    expect(stepwise.points.count).toBe(7);
    expect(cellsAt(stepwise, 9).cells).toEqual([...new Set([51.556, 51.5365, 51.539, 51.5, 51.6].map((lat, i) => latLngToCell(lat, [-0.279, -0.2465, -0.193, -0.4, -0.1][i], 9)))]);
    expect(cellsAt(stepwise, 9)).toEqual(cellsAt(atOnce, 9));
    expect(cellsAt(stepwise, 7)).toEqual(cellsAt(atOnce, 7));
  });

  it('counts every row in its cell at each resolution', async () => {
    const ds = await dataset();
    for (const resolution of [7, 9, 10, 11]) {
      const aggregate = aggregateCells(ds, selectRows(ds, NO_FILTER), resolution);
      expect(asMap(aggregate.cells, aggregate.counts)).toEqual(expectedCells(resolution, () => true));
      expect(aggregate.totalCount).toBe(6);
      expect([...aggregate.cells]).toEqual([...aggregate.cells].sort());
    }
  });

  it('frames the cells at one point of each (the first point read in it), only the cells of the aggregate', async () => {
    const ds = await dataset();
    // Rows 1 and 3 share a res-9 cell, whose first point is row 1's: the frame is rows 1, 4 and 6 exactly.
    expect(latLngToCell(51.556, -0.279, 9)).toBe(latLngToCell(51.5561, -0.2791, 9));
    expect(aggregateExtent(ds, aggregateCells(ds, selectRows(ds, NO_FILTER), 9))).toEqual({ west: -0.279, south: 51.5365, east: -0.193, north: 51.556 });
    // Noise alone in January: rows 1, 2 and 4.
    const noise = ds.categories.list.find((c) => c.name === 'Noise')!.id;
    const january = aggregateCells(ds, selectRows(ds, { ...NO_FILTER, monthFrom: 2025 * 12, monthTo: 2025 * 12, categories: [noise] }), 9);
    expect(aggregateExtent(ds, january)).toEqual({ west: -0.279, south: 51.5365, east: -0.2465, north: 51.556 });
    expect(aggregateExtent(ds, aggregateCells(ds, [], 9))).toBeNull();
  });

  it('applies month, category, weekday and hour filters', async () => {
    const ds = await dataset();
    const noise = ds.categories.list.find((c) => c.name === 'Noise')!.id;
    const january = 2025 * 12;
    const filtered = selectRows(ds, { ...NO_FILTER, monthFrom: january, monthTo: january, categories: [noise], weekdays: [0], hours: [20, 21, 22, 23] });
    const aggregate = aggregateCells(ds, filtered, 10);
    expect(asMap(aggregate.cells, aggregate.counts)).toEqual(expectedCells(10, (r) => r[0] === '2'));
  });

  it('weights harm by category', async () => {
    const ds = await dataset();
    const weights = Float64Array.from(ds.categories.list, (c) => (c.name === 'Noise' ? 2 : c.name === 'Graffiti' ? 0.5 : 1));
    const aggregate = aggregateCells(ds, selectRows(ds, NO_FILTER), 7, weights);
    // 4 noise × 2 + 1 drinking × 1 + 1 graffiti × 0.5.
    expect(aggregate.totalHarm).toBe(9.5);
    const weightOf: Record<string, number> = { Noise: 2, Graffiti: 0.5, 'Street drinking': 1 };
    const expected = new Map<string, number>();
    for (const row of ROWS) {
      const cell = latLngToCell(Number(row[3]), Number(row[4]), 7);
      expected.set(cell, (expected.get(cell) ?? 0) + weightOf[row[2]]);
    }
    expect(asMap(aggregate.cells, aggregate.harm)).toEqual(expected);
  });

  it('profiles months, hours and weekdays', async () => {
    const ds = await dataset();
    const profile = timeProfile(selectRows(ds, NO_FILTER));
    expect(profile.monthFrom).toBe(2025 * 12);
    expect(profile.monthCounts).toEqual([4, 1, 1]);
    expect(profile.weekdayCounts).toEqual([3, 1, 0, 0, 0, 2, 0]);
    expect(profile.hourCounts[22]).toBe(1);
    expect(profile.hourCounts[23]).toBe(1);
    expect(profile.timedIncidents).toBe(6);
  });

  it('breaks a cell down by category, location and month', async () => {
    const ds = await dataset();
    const selection = selectRows(ds, NO_FILTER);
    const cell = latLngToCell(51.556, -0.279, 9);
    const breakdown = cellBreakdown(ds, selection, 9, cell, 2025 * 12, 2025 * 12 + 2);
    expect(breakdown.total).toBe(3);
    expect(breakdown.byCategory).toEqual([{ label: 'Noise', count: 2 }, { label: 'Street drinking', count: 1 }]);
    expect(breakdown.topLocations).toEqual([{ label: 'High Road', count: 3 }]);
    expect(breakdown.monthCounts).toEqual([3, 0, 0]);
    const labels = topLabelsByCell(ds, selection, 9, [cell]);
    expect(labels).toEqual({ topCategory: ['Noise'], topLocation: ['High Road'] });
  });

  it('ranks the top cells with shares in computeHotspots', async () => {
    const ds = await dataset();
    const { result } = computeHotspots(ds, { filter: NO_FILTER, resolution: 9, harmWeights: {}, weighting: 'count', harmScheme: '', topN: 2, method: { kind: 'count' } });
    expect(result.top.map((t) => [t.value, t.topLocation])).toEqual([
      [3, 'High Road'],
      [2, 'Station Road'],
    ]);
    expect(result.top[1].cumulativeShare).toBeCloseTo(5 / 6, 10);
  });
});
