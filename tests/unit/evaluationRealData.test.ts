import { booleanPointInPolygon } from '@turf/boolean-point-in-polygon';
import { readFileSync } from 'node:fs';
import Papa from 'papaparse';
import type { FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import { describe, expect, it } from 'vitest';
import { nodeByteSource } from '../../src/cli/nodeByteSource';
import { Dataset } from '../../src/core/dataset';
import { selectRows, NO_FILTER } from '../../src/core/hotspots/filter';
import { ingestFile } from '../../src/core/ingest/ingestFile';
import { displacementRing, evaluateIntervention } from '../../src/core/zones/evaluateIntervention';
import { BOROUGHS, csvFiles, hasRealData, MET_DIR, SKIP_MESSAGE } from './realData';

if (!hasRealData) console.warn(SKIP_MESSAGE);

describe.skipIf(!hasRealData)('intervention evaluation on Met burglary (real police.uk data)', () => {
  it('counts before and after a zone drawn in Brent, starting 2023-01, with the rest of the borough as control, against an independent count', async () => {
    // A zone around Harlesden and Church End; the control is the rest of Brent outside the zone and its ring.
    const brent = (JSON.parse(readFileSync(BOROUGHS, 'utf8')) as FeatureCollection).features.find((f) => f.properties?.NAME === 'Brent')!.geometry as Polygon | MultiPolygon;
    const zone: Polygon = { type: 'Polygon', coordinates: [[[-0.262, 51.53], [-0.232, 51.53], [-0.232, 51.552], [-0.262, 51.552], [-0.262, 51.53]]] };
    const dataset = new Dataset();
    for (const path of csvFiles(MET_DIR)) await ingestFile(dataset, await nodeByteSource(path));
    const result = evaluateIntervention(dataset, selectRows(dataset, NO_FILTER), { name: 'Harlesden test zone', area: zone, startMonth: 2023 * 12, monthsEachSide: 12, bufferInnerM: 100, bufferOuterM: 300, control: brent }, 2022 * 12, 24);

    // Independent: every Brent-or-not row with coordinates, exact duplicates once, by turf point in polygon.
    const ring = displacementRing(zone, 100, 300);
    const count = { treated: [0, 0], buffer: [0, 0], control: [0, 0] };
    for (const path of csvFiles(MET_DIR)) {
      const seen = new Set<string>();
      for (const row of Papa.parse<string[]>(readFileSync(path, 'utf8'), { skipEmptyLines: true }).data.slice(1)) {
        if (row[4] === '' || row[5] === '') continue;
        if (row[0] !== '') {
          const key = row.join('\u0001');
          if (seen.has(key)) continue;
          seen.add(key);
        }
        const point = [Number(row[4]), Number(row[5])];
        const period = row[1] < '2023-01' ? 0 : 1;
        if (booleanPointInPolygon(point, zone)) count.treated[period]++;
        else if (booleanPointInPolygon(point, ring)) count.buffer[period]++;
        else if (booleanPointInPolygon(point, brent)) count.control[period]++;
      }
    }
    expect([result.treated.before, result.treated.after]).toEqual(count.treated);
    expect([result.buffer.before, result.buffer.after]).toEqual(count.buffer);
    expect([result.control.before, result.control.after]).toEqual(count.control);
    expect(result.months).toBe(12);
    expect(count.treated[0]).toBeGreaterThan(50);
  });
});
