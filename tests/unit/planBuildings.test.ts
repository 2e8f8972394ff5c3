import type { Polygon } from 'geojson';
import { describe, expect, it } from 'vitest';
import { buildingsFromFile, describeBuildings } from '../../src/core/buildings/importBuildings';
import { planContext, planGreedy } from '../../src/core/coverage/planCameras';
import { Dataset } from '../../src/core/dataset';
import { NO_FILTER, selectRows } from '../../src/core/hotspots/filter';
import { ingestFile } from '../../src/core/ingest/ingestFile';
import { memorySource, POLICE_HEADER, policeLine } from './memorySource';

const M = 1 / 111_320;
const COS = Math.cos((51.556 * Math.PI) / 180);
/** A rectangle given in metres east/north of the busy place. */
function block(e0: number, n0: number, e1: number, n1: number): Polygon {
  const at = (e: number, n: number) => [-0.279 + (e * M) / COS, 51.556 + n * M];
  return { type: 'Polygon', coordinates: [[at(e0, n0), at(e1, n0), at(e1, n1), at(e0, n1), at(e0, n0)]] };
}

async function busyPlace(): Promise<Dataset> {
  const dataset = new Dataset();
  const lines = [POLICE_HEADER, ...Array.from({ length: 20 }, () => policeLine({ id: '', lat: '51.5560', lng: '-0.2790', type: 'Anti-social behaviour', outcome: '' }))];
  await ingestFile(dataset, memorySource('b.csv', lines.join('\n')));
  return dataset;
}

const options = { cameras: 1, radiusM: 100, minSpacingM: 0, edgeFactor: 1, basis: 'count' as const };
// A fixed camera 80 m east of the busy place (its res-11 cell's centre is within 25 m of it), a re-deployable one inside a building.
const fixed = { id: 'F', name: '', kind: 'fixed' as const, lat: 51.556, lng: -0.279 + (80 * M) / COS, radiusM: 150, directionDeg: null, fovDeg: null };
const indoors = { id: 'R', name: '', kind: 'redeployable' as const, lat: 51.556 + 300 * M, lng: -0.279, radiusM: null, directionDeg: null, fovDeg: null };

describe('camera plan through building footprints', () => {
  it('a building between camera and incidents takes the coverage away, and says what it was without it', async () => {
    const dataset = await busyPlace();
    const selection = selectRows(dataset, NO_FILTER);
    const wall = block(40, -40, 50, 40);
    const house = block(-10, 290, 10, 310);
    const open = planGreedy(await planContext(dataset, selection, [1], [fixed, indoors], { ...options, cameras: 0 }));
    expect(open.summary.shareFixedOnly).toBe(1);
    expect(open.buildings).toBeUndefined();
    const steps: number[] = [];
    const blocked = planGreedy(await planContext(dataset, selection, [1], [fixed, indoors], { ...options, cameras: 0 }, [wall, house], { onProgress: (done) => steps.push(done) }));
    expect(blocked.summary.shareFixedOnly).toBe(0);
    expect(blocked.buildings).toEqual({ footprints: 2, shareWithBuildings: 0, shareWithoutBuildings: 1, candidateSitesInside: 0, camerasInside: ['R'] });
    expect(steps.at(-1)).toBe(2); // one demand cell as candidate, one re-deployable
    // Viewsheds: the fixed camera's, not the indoor one's.
    expect(blocked.viewsheds?.features.map((f) => f.properties.camera)).toEqual(['F']);
    const area = blocked.viewsheds!.features[0].properties.areaM2;
    expect(area).toBeGreaterThan(0.6 * Math.PI * 150 * 150);
    expect(area).toBeLessThan(Math.PI * 150 * 150);
    // Both buildings are within the cameras' reach, to be drawn beside the viewsheds.
    expect(blocked.buildingsInReach?.features).toHaveLength(2);
    // Joined into one area for the evaluation: the one viewshed itself.
    expect(blocked.seenArea?.type).toBe('Polygon');
  });

  it('a candidate site inside a footprint is reported and not used', async () => {
    const dataset = await busyPlace();
    const plan = planGreedy(await planContext(dataset, selectRows(dataset, NO_FILTER), [1], [], options, [block(-40, -40, 40, 40)]));
    expect(plan.buildings?.candidateSitesInside).toBe(1);
    expect(plan.planned).toEqual([]);
  });

  it('stops when cancelled', async () => {
    const dataset = await busyPlace();
    await expect(planContext(dataset, selectRows(dataset, NO_FILTER), [1], [], options, [block(40, -40, 50, 40)], { signal: { aborted: true } })).rejects.toThrow('Camera planning was cancelled.');
  });
});

describe('building footprints import', () => {
  it('reads an OpenStreetMap-style GeoJSON export, repairing and reporting as for zones', async () => {
    const bowTie: Polygon = { type: 'Polygon', coordinates: [[[-0.279, 51.556], [-0.278, 51.557], [-0.278, 51.556], [-0.279, 51.557], [-0.279, 51.556]]] };
    const json = {
      type: 'FeatureCollection',
      features: [
        { type: 'Feature', properties: { building: 'yes', 'addr:street': 'High Road' }, geometry: block(0, 0, 20, 20) },
        { type: 'Feature', properties: { building: 'yes' }, geometry: bowTie },
        { type: 'Feature', properties: { amenity: 'bench' }, geometry: { type: 'Point', coordinates: [-0.279, 51.556] } },
      ],
    };
    const bytes = new TextEncoder().encode(JSON.stringify(json));
    const { footprints, summary } = await buildingsFromFile(bytes.buffer as ArrayBuffer, 'export.geojson');
    expect(footprints).toHaveLength(2);
    expect(summary.problems).toEqual(['Building 2: boundary crossed itself at 1 point; split there and rejoined', 'Building 3: a Point, not an area; skipped']);
    expect(describeBuildings(summary)).toBe('export.geojson: 2 building footprints; 2 repaired or skipped.');
  });

  it('refuses a file that is neither GeoJSON nor a zipped Shapefile', async () => {
    const bytes = new TextEncoder().encode('id,lat,lng\n1,51.5,-0.2');
    await expect(buildingsFromFile(bytes.buffer as ArrayBuffer, 'b.csv')).rejects.toThrow('b.csv looks like CSV; buildings load from GeoJSON or a zipped Shapefile.');
  });
});
