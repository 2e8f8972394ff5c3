import { booleanPointInPolygon } from '@turf/boolean-point-in-polygon';
import Papa from 'papaparse';
import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { nodeByteSource } from '../../src/cli/nodeByteSource';
import { Dataset } from '../../src/core/dataset';
import { boundariesFromGeoJson } from '../../src/core/geo/boundaries';
import { incidentsOutside, NO_FILTER, selectRows } from '../../src/core/hotspots/filter';
import { ingestFile } from '../../src/core/ingest/ingestFile';
import { BOROUGHS, csvFiles, hasRealData, MET_DIR, SKIP_MESSAGE } from './realData';

const ready = hasRealData && existsSync(BOROUGHS);
if (!ready) console.warn(SKIP_MESSAGE);

describe.skipIf(!ready)('study area on all-London burglary 2022-2023', () => {
  it('Brent by polygon and by LSOA name: the same rows a separate reader and turf find', async () => {
    const dataset = new Dataset();
    const files = csvFiles(MET_DIR);
    for (const path of files) await ingestFile(dataset, await nodeByteSource(path));
    const brent = boundariesFromGeoJson(JSON.parse(readFileSync(BOROUGHS, 'utf8')), 'boroughs').boundaries.find((b) => b.name === 'Brent')!;

    // Independently: rows with coordinates, a line repeated with its Crime ID in a file once.
    let inside = 0;
    let byLsoa = 0;
    let rawLsoa = 0;
    let all = 0;
    const verdict = new Map<string, boolean>();
    for (const path of files) {
      const rows = Papa.parse<string[]>(readFileSync(path, 'utf8'), { skipEmptyLines: true }).data.slice(1);
      const seen = new Set<string>();
      for (const fields of rows) {
        if (fields[8].startsWith('Brent ')) rawLsoa++;
        if (fields[0]) {
          const line = fields.join('\u0000');
          if (seen.has(line)) continue;
          seen.add(line);
        }
        if (fields[4] === '' || fields[5] === '') continue;
        all++;
        const key = `${fields[4]},${fields[5]}`;
        if (!verdict.has(key)) verdict.set(key, booleanPointInPolygon([Number(fields[4]), Number(fields[5])], brent.geometry));
        if (verdict.get(key)) inside++;
        if (fields[8].startsWith('Brent ')) byLsoa++;
      }
    }
    // The data's README: 3,939 rows in Brent by LSOA name.
    expect(rawLsoa).toBe(3939);

    const polygon = selectRows(dataset, { ...NO_FILTER, area: { kind: 'polygon', name: 'Brent', geometry: brent.geometry } });
    expect(polygon.reduce((sum, s) => sum + s.rows.length, 0)).toBe(inside);
    expect(incidentsOutside(polygon)).toBe(all - inside);
    const lsoa = selectRows(dataset, { ...NO_FILTER, area: { kind: 'lsoa', name: 'Brent', prefix: 'Brent' } });
    expect(lsoa.reduce((sum, s) => sum + s.rows.length, 0)).toBe(byLsoa);
    expect(incidentsOutside(lsoa)).toBe(all - byLsoa);
  }, 60_000);
});
