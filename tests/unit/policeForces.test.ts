import { zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { forcesOf, isOfChosenForces, policeFileName, policeForceName } from '../../src/core/ingest/policeForces';
import { archiveFiles, unpackZip } from '../../src/core/ingest/zipArchive';

describe('policeFileName', () => {
  it("reads the month, force and kind of police.uk's file names, with or without a folder", () => {
    expect(policeFileName('2023-01/2023-01-metropolitan-street.csv')).toEqual({ month: '2023-01', force: 'metropolitan', kind: 'street' });
    expect(policeFileName('2021-07-avon-and-somerset-stop-and-search.csv')).toEqual({ month: '2021-07', force: 'avon-and-somerset', kind: 'stop-and-search' });
    expect(policeFileName('2022-12-city-of-london-outcomes.csv')).toEqual({ month: '2022-12', force: 'city-of-london', kind: 'outcomes' });
    expect(policeFileName('2023-01-btp-street.csv')?.force).toBe('btp');
    // Other names: a council's extract, a file renamed by hand, another extension.
    for (const name of ['asb-complaints-2023.csv', 'metropolitan-street.csv', '2023-01-metropolitan-street.xlsx', '2023-1-metropolitan-street.csv', '2023-01-street.csv']) expect(policeFileName(name)).toBeNull();
  });

  it("names forces as police.uk does, and an id it adds later as written", () => {
    expect(policeForceName('metropolitan')).toBe('Metropolitan Police Service');
    expect(policeForceName('northern-ireland')).toBe('Police Service of Northern Ireland');
    expect(policeForceName('new-force')).toBe('new-force');
  });
});

describe('forcesOf', () => {
  it('counts each force’s street-level files, their size and months, leaving outcomes, searches and other files out', () => {
    const forces = forcesOf([
      { path: '2023-02/2023-02-metropolitan-street.csv', size: 300 },
      { path: '2023-01/2023-01-metropolitan-street.csv', size: 200 },
      { path: '2023-01/2023-01-metropolitan-outcomes.csv', size: 900 },
      { path: '2022-12/2022-12-city-of-london-street.csv', size: 50 },
      { path: '2023-01/2023-01-kent-stop-and-search.csv', size: 70 },
      { path: 'council-asb.csv', size: 1000 },
    ]);
    expect(forces).toEqual([
      { force: 'city-of-london', name: 'City of London Police', files: 1, bytes: 50, firstMonth: '2022-12', lastMonth: '2022-12' },
      { force: 'metropolitan', name: 'Metropolitan Police Service', files: 2, bytes: 500, firstMonth: '2023-01', lastMonth: '2023-02' },
    ]);
  });

  it('keeps the chosen forces’ files and every file that is not police.uk’s', () => {
    const chosen = new Set(['city-of-london']);
    expect(isOfChosenForces('2023-01/2023-01-city-of-london-street.csv', chosen)).toBe(true);
    expect(isOfChosenForces('2023-01/2023-01-metropolitan-street.csv', chosen)).toBe(false);
    expect(isOfChosenForces('2023-01/2023-01-metropolitan-outcomes.csv', chosen)).toBe(false);
    expect(isOfChosenForces('council-asb.csv', chosen)).toBe(true);
    expect(isOfChosenForces('2023-01/2023-01-metropolitan-street.csv', null)).toBe(true);
  });
});

describe('unpackZip of chosen forces', () => {
  // police.uk's archive of every force: a folder a month, each force's three files in it.
  const bytes = (text: string) => new TextEncoder().encode(text);
  const header = 'Crime ID,Month,Reported by,Falls within,Longitude,Latitude,Location,LSOA code,LSOA name,Crime type,Last outcome category,Context\n';
  const files: Record<string, Uint8Array> = {};
  for (const month of ['2023-01', '2023-02'])
    for (const force of ['city-of-london', 'kent', 'metropolitan']) {
      files[`${month}/${month}-${force}-street.csv`] = bytes(`${header},${month},${force},${force},-0.1,51.5,On or near X,E01000001,Brent 001A,Burglary,,\n`);
      files[`${month}/${month}-${force}-outcomes.csv`] = bytes('Crime ID,Month,Reported by,Falls within,Longitude,Latitude,Location,LSOA code,LSOA name,Outcome type\nab,2023-01,x,x,-0.1,51.5,y,E01000001,Brent 001A,Under investigation\n');
    }
  const archive = new Blob([zipSync(Object.fromEntries(Object.entries(files).map(([path, data]) => [path, [data, { level: 6 }]])))]);

  it('lists every file with its size before anything is unpacked', async () => {
    const listed = await archiveFiles(archive, 'archive.zip');
    expect(listed.length).toBe(12);
    expect(forcesOf(listed).map((force) => `${force.force} ${force.files}`)).toEqual(['city-of-london 2', 'kent 2', 'metropolitan 2']);
  });

  it('unpacks only the chosen forces’ files', async () => {
    const { entries } = await unpackZip(archive, 'archive.zip', { forces: ['metropolitan', 'city-of-london'] });
    expect(entries.flatMap((entry) => ('file' in entry ? [entry.path] : []))).toEqual([
      '2023-01/2023-01-city-of-london-street.csv',
      '2023-01/2023-01-metropolitan-street.csv',
      '2023-02/2023-02-city-of-london-street.csv',
      '2023-02/2023-02-metropolitan-street.csv',
    ]);
    // The chosen forces' outcomes files are refused with the reason, as ever; Kent's files are left in the archive.
    expect(entries.filter((entry) => 'refused' in entry).map((entry) => entry.path)).toEqual([
      '2023-01/2023-01-city-of-london-outcomes.csv',
      '2023-01/2023-01-metropolitan-outcomes.csv',
      '2023-02/2023-02-city-of-london-outcomes.csv',
      '2023-02/2023-02-metropolitan-outcomes.csv',
    ]);
    expect((await unpackZip(archive, 'archive.zip')).entries.length).toBe(12);
  });
});

describe('unpackZip past forces not chosen', () => {
  it('jumps over the bytes of the files left rather than reading them through', async () => {
    // A month of three forces, Kent's file 12 MB of stored bytes that do not compress, between the other two.
    const header = 'Crime ID,Month,Reported by,Falls within,Longitude,Latitude,Location,LSOA code,LSOA name,Crime type,Last outcome category,Context\n';
    const street = (force: string, filler = 0) => {
      let state = 7;
      const noise = Array.from({ length: filler }, () => String.fromCharCode(97 + ((state = (Math.imul(state, 1103515245) + 12345) >>> 0) % 26)));
      return new TextEncoder().encode(`${header},2023-01,${force},${force},-0.1,51.5,On or near ${noise.join('')},E01000001,Brent 001A,Burglary,,\n`);
    };
    const zipped = zipSync({
      '2023-01/2023-01-city-of-london-street.csv': [street('city-of-london'), { level: 0 }],
      '2023-01/2023-01-kent-street.csv': [street('kent', 12 << 20), { level: 0 }],
      '2023-01/2023-01-metropolitan-street.csv': [street('metropolitan'), { level: 0 }],
    });
    let bytesRead = 0;
    const counted = (blob: Blob): Blob =>
      ({
        size: blob.size,
        slice: (start?: number, end?: number) => counted(blob.slice(start, end)),
        arrayBuffer: () => blob.arrayBuffer(),
        stream: () => blob.stream().pipeThrough(new TransformStream<Uint8Array, Uint8Array>({ transform: (chunk, out) => ((bytesRead += chunk.length), out.enqueue(chunk)) })),
      }) as unknown as Blob;
    // In pieces, as a file on disk is streamed (a Blob held in memory in one piece streams as one chunk).
    const pieces = Array.from({ length: Math.ceil(zipped.length / 65536) }, (_, k) => zipped.subarray(k * 65536, (k + 1) * 65536));
    const { entries } = await unpackZip(counted(new Blob(pieces)), 'archive.zip', { forces: ['city-of-london', 'metropolitan'] });
    expect(await Promise.all(entries.map(async (entry) => ('file' in entry ? new TextDecoder().decode(await entry.file.arrayBuffer()).split(',')[13] : entry.refused)))).toEqual(['city-of-london', 'metropolitan']);
    expect(bytesRead).toBeLessThan(4 << 20);
  });
});
