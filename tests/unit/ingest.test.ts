import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Dataset } from '../../src/core/dataset';
import { ingestFile, type IngestResult } from '../../src/core/ingest/ingestFile';
import { rejectedRowsCsv } from '../../src/core/ingest/rejects';
import { memorySource, POLICE_HEADER, policeLine } from './memorySource';

async function load(text: string | Uint8Array, options: Parameters<typeof ingestFile>[2] = {}, dataset = new Dataset()) {
  const result = await ingestFile(dataset, memorySource('test.csv', text), { chunkBytes: 37, ...options });
  return { result, dataset };
}

function loaded(result: IngestResult) {
  if (result.status !== 'loaded') throw new Error('expected the file to load');
  return result.source;
}

describe('ingestFile: police.uk', () => {
  const lines = [
    POLICE_HEADER,
    policeLine({ id: 'id1' }),
    policeLine({ id: 'id1' }), // identical line, same ID: duplicate
    policeLine({ id: 'id1', outcome: 'Court result unavailable' }), // same ID, other outcome: kept, counted
    policeLine({ id: '', type: 'Anti-social behaviour', outcome: '' }),
    policeLine({ id: '', type: 'Anti-social behaviour', outcome: '' }), // identical ASB line: a separate incident
    policeLine({ id: 'id2', lng: '', lat: '' }),
    policeLine({ id: 'id3', month: '2023-13' }),
    policeLine({ id: 'id4', location: 'On or near Park, "The Green"' }),
    policeLine({ id: 'id5', lng: '51.55', lat: '-0.27' }),
    policeLine({ id: 'id6', lng: '2.35', lat: '48.85' }),
    'too,few,columns',
  ];
  const text = lines.join('\r\n') + '\r\n';

  it('accepts or rejects every row with one reason', async () => {
    const source = loaded((await load(text)).result);
    expect(source.summary.rowsRead).toBe(11);
    expect(source.summary.accepted).toBe(5);
    expect(source.summary.rejected).toBe(6);
    expect(source.summary.rejectCounts).toEqual({ duplicate: 1, noCoordinates: 1, badDate: 1, swappedCoordinates: 1, outsideUk: 1, wrongColumns: 1 });
    expect(source.summary.repeatedIds).toBe(1);
    expect(source.summary.monthMin).toBe(2023 * 12);
  });

  it('keeps location text with quotes and commas intact', async () => {
    const { result, dataset } = await load(text);
    const source = loaded(result);
    const locations = [...source.columns.location].map((id) => dataset.locations.values[id]);
    expect(locations).toContain('On or near Park, "The Green"');
  });

  it('writes rejected rows with their line number, original fields and reason', async () => {
    const source = loaded((await load(text)).result);
    const csv = rejectedRowsCsv(source.rejects);
    const rows = csv.trimEnd().split('\r\n');
    expect(rows[0]).toBe(`line,${POLICE_HEADER},reason`);
    expect(rows[1]).toBe(`3,${lines[2]},Duplicate of an earlier row (same Crime ID)`);
    expect(rows).toHaveLength(7);
    expect(rows[6]).toBe('12,too,few,columns,Wrong number of columns');
  });

  it('reads UTF-8 with a BOM and UTF-16 the same as plain UTF-8', async () => {
    const plain = loaded((await load(text)).result).summary;
    const bom = loaded((await load('\uFEFF' + text)).result).summary;
    const utf16 = new Uint8Array(2 + text.length * 2);
    utf16.set([0xff, 0xfe]);
    for (let i = 0; i < text.length; i++) new DataView(utf16.buffer).setUint16(2 + i * 2, text.charCodeAt(i), true);
    const wide = loaded((await load(utf16)).result).summary;
    for (const summary of [bom, wide]) {
      expect(summary.accepted).toBe(plain.accepted);
      expect(summary.rejectCounts).toEqual(plain.rejectCounts);
    }
  });

  it('shares points between rows at the same snapped coordinate', async () => {
    const { dataset } = await load(text);
    expect(dataset.points.count).toBe(1);
  });

  it('stops when cancelled and leaves the dataset without the source', async () => {
    const dataset = new Dataset();
    await expect(ingestFile(dataset, memorySource('x.csv', text), { chunkBytes: 50, signal: { aborted: true } })).rejects.toThrow(/cancelled/);
    expect(dataset.sources).toHaveLength(0);
  });

  it('accounts for every row of random files: accepted + rejected = rows read', async () => {
    const field = fc.oneof(fc.constantFrom('', '-0.2', '51.5', '2023-01', 'Burglary', 'x,y', '"q"', '999'), fc.string({ maxLength: 5 }));
    const row = fc.array(field, { minLength: 1, maxLength: 14 });
    await fc.assert(
      fc.asyncProperty(fc.array(row, { maxLength: 30 }), fc.integer({ min: 8, max: 200 }), async (rows, chunkBytes) => {
        const quote = (v: string) => (/[",\r\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);
        const body = rows.map((r) => r.map(quote).join(',')).filter((line) => line.replace(/,/g, '').trim() !== '');
        const result = await ingestFile(new Dataset(), memorySource('r.csv', [POLICE_HEADER, ...body].join('\n')), { chunkBytes });
        const source = loaded(result);
        expect(source.summary.accepted + source.summary.rejected).toBe(source.summary.rowsRead);
        expect(source.summary.rowsRead).toBe(body.length);
      }),
      { numRuns: 150 },
    );
  });
});

describe("ingestFile: police.uk's other monthly files", () => {
  // Headers as police.uk writes them (data.police.uk downloads, 2023).
  const OUTCOMES = 'Crime ID,Month,Reported by,Falls within,Longitude,Latitude,Location,LSOA code,LSOA name,Outcome type';
  const STOP_AND_SEARCH = 'Type,Date,Part of a policing operation,Policing operation,Latitude,Longitude,Gender,Age range,Self-defined ethnicity,Officer-defined ethnicity,Legislation,Object of search,Outcome,Outcome linked to object of search,Removal of more than just outer clothing';
  const read = (name: string, text: string) => ingestFile(new Dataset(), memorySource(name, text));

  it('refuses an outcomes file, whose rows repeat crimes of the street-level files, with the reason', async () => {
    const file = `${OUTCOMES}\nabc,2023-01,Metropolitan Police Service,Metropolitan Police Service,-0.279,51.556,On or near High Road,E01000001,Brent 001A,Investigation complete; no suspect identified\n`;
    await expect(read('2023-01-metropolitan-outcomes.csv', file)).rejects.toThrow(/^2023-01-metropolitan-outcomes\.csv is a police\.uk outcomes file: .*count those crimes again\. Load the -street\.csv files/);
  });
  it('refuses a stop-and-search file: searches are not reported incidents', async () => {
    const file = `${STOP_AND_SEARCH}\nPerson search,2023-01-01T00:10:00+00:00,False,,51.556,-0.279,Male,18-24,,,Misuse of Drugs Act 1971 (section 23),Controlled drugs,A no further action disposal,False,False\n`;
    await expect(read('2023-01-metropolitan-stop-and-search.csv', file)).rejects.toThrow(/^2023-01-metropolitan-stop-and-search\.csv is a police\.uk stop-and-search file: its rows are searches/);
  });
  it('still asks for a mapping of a council extract that only shares some of those columns', async () => {
    const result = await read('outcomes-export.csv', 'Crime ID,Month,Longitude,Latitude,Location,Outcome type\nC1,2023-01,-0.279,51.556,High Road,Closed\n');
    expect(result.status).toBe('needs-mapping');
  });
});

describe('ingestFile: council extracts and H3 tables', () => {
  const council = [
    'Reference,Date received,Category,Easting,Northing,Location',
    'ASB-1,03/04/2025 22:15,Noise,519500,185000,"1 High Road, Wembley"',
    'ASB-2,31/02/2025 10:00,Noise,519500,185000,x',
    'ASB-3,04/04/2025 09:00,Street drinking,,185000,x',
    'ASB-4,04/04/2025 09:00,,519500,185000,x',
    'ASB-5,05/04/2025,Graffiti,0,185000,x',
  ].join('\n');
  const mapping = { coordinates: 'bng' as const, x: 'Easting', y: 'Northing', date: 'Date received', category: 'Category', reference: 'Reference', location: 'Location' };

  it('asks for a mapping, with guesses and sample rows, without loading anything', async () => {
    const { result, dataset } = await load(council, { chunkBytes: 1 << 20 });
    expect(result.status).toBe('needs-mapping');
    if (result.status !== 'needs-mapping') return;
    expect(result.request.guess).toMatchObject({ coordinates: 'bng', x: 'Easting', y: 'Northing', date: 'Date received' });
    expect(result.request.sampleRows[0][0]).toBe('ASB-1');
    expect(dataset.sources).toHaveLength(0);
  });

  it('loads with a mapping, converting eastings and northings and keeping times', async () => {
    const { result, dataset } = await load(council, { mapping });
    const source = loaded(result);
    expect(source.summary.accepted).toBe(1);
    expect(source.summary.rejectCounts).toEqual({ badDate: 1, noCoordinates: 1, noCategory: 1, outsideUk: 1 });
    expect(source.summary.hasTimes).toBe(true);
    expect(source.columns.minuteOfDay[0]).toBe(22 * 60 + 15);
    expect(source.columns.weekday[0]).toBe(3);
    // 519500 E, 185000 N lies in Wembley, north-west London.
    expect(dataset.points.lat.get(0)).toBeCloseTo(51.55, 1);
    expect(dataset.points.lng.get(0)).toBeCloseTo(-0.28, 1);
    expect(dataset.categories.list.map((c) => `${c.family}:${c.name}`)).toEqual(['council:Noise']);
  });

  it('refuses a mapping that names columns the file does not have', async () => {
    await expect(load(council, { mapping: { ...mapping, category: 'Type' } })).rejects.toThrow(/category not found/);
  });

  it('loads pre-aggregated H3 counts as weighted rows', async () => {
    const text = 'h3,count,month\n89195da49b7ffff,12,2024-05\n89195da49b7ffff,3,2024-06\nnot-a-cell,4,2024-05\n89195da49b7ffff,-1,2024-05\n';
    const source = loaded((await load(text)).result);
    expect(source.summary.kind).toBe('h3');
    expect(source.summary.accepted).toBe(2);
    expect(source.summary.incidents).toBe(15);
    expect(source.summary.h3Resolution).toBe(9);
    expect(source.summary.rejectCounts).toEqual({ badH3: 1, badCount: 1 });
  });

  it('says clearly when a file is not a CSV', async () => {
    const dataset = new Dataset();
    await expect(ingestFile(dataset, memorySource('page.csv', '<html><body>Sign in</body></html>'))).rejects.toThrow(/not a CSV file: it looks like a web page/);
    await expect(ingestFile(dataset, memorySource('empty.csv', ''))).rejects.toThrow(/empty/);
    await expect(ingestFile(dataset, memorySource('header.csv', `${POLICE_HEADER}\n`))).resolves.toMatchObject({ status: 'loaded' });
  });
});

describe('PointTable', () => {
  it('gives distinct UK positions (to the micro-degree) distinct ids, and the same position the same id', async () => {
    const { PointTable } = await import('../../src/core/dataset');
    const microDegrees = (min: number, max: number) => fc.integer({ min: Math.round(min * 1e6), max: Math.round(max * 1e6) });
    fc.assert(
      fc.property(fc.array(fc.tuple(microDegrees(49.8, 60.95), microDegrees(-8.7, 1.8)), { maxLength: 3000 }), (positions) => {
        const table = new PointTable();
        const ids = positions.map(([lat, lng]) => table.idAt(lat / 1e6, lng / 1e6));
        const distinct = new Map<string, number>();
        positions.forEach(([lat, lng], i) => {
          const key = `${lat},${lng}`;
          if (distinct.has(key)) expect(ids[i]).toBe(distinct.get(key));
          else distinct.set(key, ids[i]);
        });
        expect(new Set(ids).size).toBe(distinct.size);
        expect(table.count).toBe(distinct.size);
        positions.forEach(([lat, lng], i) => expect(table.idAt(lat / 1e6, lng / 1e6)).toBe(ids[i]));
      }),
      { numRuns: 50 },
    );
  });
});
