import { describe, expect, it } from 'vitest';
import { Dataset } from '../../src/core/dataset';
import { planContext, planGreedy, cameraPlanCsv } from '../../src/core/coverage/planCameras';
import { NO_FILTER, selectRows } from '../../src/core/hotspots/filter';
import { ingestFile } from '../../src/core/ingest/ingestFile';
import type { Polygon } from 'geojson';
import { memorySource, POLICE_HEADER, policeLine } from './memorySource';

// A busy place (20 incidents) and a quiet one (3), 2 km apart.
const busy = { lat: '51.5560', lng: '-0.2790' };
const quiet = { lat: '51.5400', lng: '-0.2500' };
const box = (lat: number, lng: number): Polygon => ({ type: 'Polygon', coordinates: [[[lng - 0.002, lat - 0.002], [lng + 0.002, lat - 0.002], [lng + 0.002, lat + 0.002], [lng - 0.002, lat + 0.002], [lng - 0.002, lat - 0.002]]] });

async function data(): Promise<Dataset> {
  const dataset = new Dataset();
  const lines = [POLICE_HEADER, ...Array.from({ length: 20 }, () => policeLine({ id: '', ...busy, type: 'Anti-social behaviour', outcome: '' })), ...Array.from({ length: 3 }, () => policeLine({ id: '', ...quiet, type: 'Anti-social behaviour', outcome: '' }))];
  await ingestFile(dataset, memorySource('c.csv', lines.join('\n')));
  return dataset;
}

const options = { cameras: 1, radiusM: 100, minSpacingM: 0, edgeFactor: 1, basis: 'count' as const };

describe('camera plan', () => {
  it('puts one camera at the busy place, and credits fixed cameras first', async () => {
    const dataset = await data();
    const selection = selectRows(dataset, NO_FILTER);
    const plan = planGreedy(await planContext(dataset, selection, [1], [], options));
    expect(plan.summary.coveredByPlan).toBe(20);
    expect(plan.planned[0].marginalGain).toBe(20);
    const fixed = [{ id: 'F', name: '', kind: 'fixed' as const, lat: 51.556, lng: -0.279, radiusM: 100, directionDeg: null, fovDeg: null }];
    const withFixed = planGreedy(await planContext(dataset, selection, [1], fixed, options));
    expect(withFixed.summary.coveredByFixed).toBe(20);
    expect(withFixed.summary.coveredByPlan).toBe(3);
    expect(withFixed.summary.overlapDemand).toBe(0);
    expect(cameraPlanCsv(withFixed).split('\r\n')[0]).toBe('rank,lat,lng,easting,northing,marginal_gain,covered_demand,top_location,method,study_area');
  });
  it('reports demand seen by two cameras', async () => {
    // 20 incidents at a point a fixed camera (30 m reach) watches, 5 more 80 m east: the new camera
    // that takes the 5 also sees the 20 again.
    const dataset = new Dataset();
    const east = { lat: '51.5560', lng: '-0.27785' };
    const lines = [POLICE_HEADER, ...Array.from({ length: 20 }, () => policeLine({ id: '', ...busy, type: 'Anti-social behaviour', outcome: '' })), ...Array.from({ length: 5 }, () => policeLine({ id: '', ...east, type: 'Anti-social behaviour', outcome: '' }))];
    await ingestFile(dataset, memorySource('o.csv', lines.join('\n')));
    const fixed = [{ id: 'F', name: '', kind: 'fixed' as const, lat: 51.556, lng: -0.279, radiusM: 30, directionDeg: null, fovDeg: null }];
    const plan = planGreedy(await planContext(dataset, selectRows(dataset, NO_FILTER), [1], fixed, { ...options, excludedAreas: [box(51.556, -0.2803)] }));
    expect(plan.summary.coveredByPlan).toBe(5);
    expect(plan.summary.overlapDemand).toBe(20);
  });
  it('places cameras only at imported candidate sites when there are some', async () => {
    const dataset = await data();
    const plan = planGreedy(await planContext(dataset, selectRows(dataset, NO_FILTER), [1], [], { ...options, candidateSites: [{ lat: 51.54, lng: -0.25 }] }));
    expect(plan.summary.coveredByPlan).toBe(3);
    expect(plan.candidates).toBe(1);
  });
  it('keeps cameras out of excluded areas and covers must-cover areas first', async () => {
    const dataset = await data();
    const selection = selectRows(dataset, NO_FILTER);
    const excluded = planGreedy(await planContext(dataset, selection, [1], [], { ...options, excludedAreas: [box(51.556, -0.279)] }));
    expect(excluded.summary.coveredByPlan).toBe(3);
    const mustCover = planGreedy(await planContext(dataset, selection, [1], [], { ...options, mustCoverAreas: [box(51.54, -0.25)] }));
    expect(mustCover.summary.coveredByPlan).toBe(3);
    expect(mustCover.planned[0].marginalGain).toBe(3);
  });
});
