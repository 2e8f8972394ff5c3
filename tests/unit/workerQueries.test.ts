import { getResolution } from 'h3-js';
import { beforeEach, describe, expect, it } from 'vitest';
import type { Dataset } from '../../src/core/dataset';
import { cellsToOutline, forgetAnswers, handleQuery, type QueryName } from '../../src/worker/queries';
import type { MessageParams } from '../../src/worker/protocol';
import { analysisDataset, queryFor } from './analysisFixture';

let dataset: Dataset;
const ask = <K extends QueryName>(type: K, params: MessageParams<K>) => handleQuery(dataset, { type, id: 1, ...params });

/** The H3 resolutions of the cells in an exported hotspots CSV. */
const resolutionsOf = (csv: string) => new Set(csv.trim().split('\n').slice(1).map((line) => getResolution(line.split(',')[0])));

describe('data worker questions', () => {
  beforeEach(async () => {
    forgetAnswers();
    dataset = await analysisDataset();
  });

  it('answers each question from its own query, whatever was asked before', async () => {
    await ask('hotspots', { query: queryFor('count', { resolution: 9 }) });
    // An export of another map (res 8) is that map, not the last one computed.
    expect(resolutionsOf(await ask('export-hotspots', { map: queryFor('count', { resolution: 8 }), format: 'csv' }))).toEqual(new Set([8]));
    expect(resolutionsOf(await ask('export-hotspots', { map: queryFor('count', { resolution: 9 }), format: 'csv' }))).toEqual(new Set([9]));
  });

  it('a follow-up question needs no earlier request (a fresh worker after a crash answers it)', async () => {
    const map = queryFor('count');
    const result = await ask('hotspots', { query: map });
    forgetAnswers();
    const breakdown = await ask('cell-breakdown', { map, cell: result.top[0].cell });
    expect(breakdown.total).toBe(result.top[0].value);
  });

  it('announces the cells of a map’s resolution before it is counted, each once, at the resolution used', async () => {
    const query = queryFor('count', { resolution: 9 });
    const cells = cellsToOutline(dataset, query);
    expect(cells.length).toBeGreaterThan(0);
    expect(new Set(cells.map(getResolution))).toEqual(new Set([9]));
    const result = await ask('hotspots', { query });
    expect(new Set(cells)).toEqual(new Set(result.aggregate.cells));
    expect(cellsToOutline(dataset, query)).toEqual([]);
    expect(new Set(cellsToOutline(dataset, queryFor('count', { resolution: 14 })).map(getResolution))).toEqual(new Set([11]));
  });

  it('echoes the query with the resolution actually used', async () => {
    const result = await ask('hotspots', { query: queryFor('gistar', { resolution: 14 }) });
    expect(result.query.resolution).toBe(11);
    expect(result.query.method).toEqual(queryFor('gistar').method);
  });

  it('camera moves and exact solves answer the plan they are given, without a plan made first', async () => {
    const query = { map: queryFor('count'), cameras: [{ id: 'RD-1', name: 'Mobile 1', kind: 'redeployable' as const, lat: 51.5365, lng: -0.2465, radiusM: null, directionDeg: null, fovDeg: null }], options: { cameras: 1, radiusM: 100, minSpacingM: 0, edgeFactor: 1, basis: 'count' as const } };
    const moves = await ask('plan-moves', { query, maxMoves: 1 });
    expect(moves.query).toEqual(query);
    // 3 × (1 + … + 6) = 63 incidents on Kilburn High Road against 2 × 21 = 42 where the camera stands (Station Road).
    expect(moves.moves.map((m) => m.toLocation)).toEqual(['On or near Kilburn High Road']);
    expect([moves.before, moves.after]).toEqual([42, 63]);
    const plan = await ask('plan-cameras', { query });
    expect(plan.query.options.radiusM).toBe(100);
    expect(plan.planned.map((c) => c.topLocation)).toEqual(['On or near Kilburn High Road']);
  });

  it('forgets its answers when a source goes', async () => {
    const map = queryFor('count');
    await ask('hotspots', { query: map });
    await ask('remove-source', { sourceId: 1 });
    expect((await ask('hotspots', { query: map })).aggregate.totalCount).toBe(0);
  });
});
