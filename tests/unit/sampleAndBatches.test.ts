import { describe, expect, it } from 'vitest';
import type { SourceSummary } from '../../src/core/dataset';
import { csvDocument } from '../../src/core/export/csv';
import { combinedRejectedRowsCsv, RejectLog } from '../../src/core/ingest/rejects';
import { syntheticNote, withDataNote } from '../../src/core/provenance';
import { refusalNotices } from '../../src/state/fileNames';
import { groupSources, groupTotals } from '../../src/state/sourceGroups';
import { dataMonths, presentCategoryIds, vanishedSelectionFallback } from '../../src/state/selection';

/** Per-category counts as sources carry them: a typed array indexed by category id. */
function counts(byId: Record<number, number>): Uint32Array {
  const array = new Uint32Array(Math.max(0, ...Object.keys(byId).map(Number)) + 1);
  for (const [id, count] of Object.entries(byId)) array[Number(id)] = count;
  return array;
}

function summary(id: number, name: string, change: Partial<SourceSummary> = {}): SourceSummary {
  return {
    id, name, kind: 'police.uk', bytes: 100, fingerprint: `f${id}`, rowsRead: 10, accepted: 8, rejected: 2, rejectCounts: { noCoordinates: 2 }, repeatedIds: 0,
    monthMin: 24276, monthMax: 24276, categoryCounts: counts({ 3: 8 }), hasTimes: false, incidents: 8, h3Resolution: null, mapping: null, ...change,
  };
}

describe('synthetic sample labels', () => {
  it('says nothing when no synthetic data is present', () => {
    expect(syntheticNote({ sources: 0, zones: 0, cameras: 0 })).toBeNull();
    expect(withDataNote([{ h3: 'a' }], null)).toEqual([{ h3: 'a' }]);
  });
  it('names what is synthetic, and labels every record and CSV row', () => {
    const note = syntheticNote({ sources: 2, zones: 0, cameras: 1 });
    expect(note).toBe('SYNTHETIC SAMPLE DATA, invented for illustration, is included (2 sample data sources, 1 sample camera): not real incidents.');
    expect(withDataNote([{ h3: 'a' }, { h3: 'b' }], note).map((r) => r.data_note)).toEqual([note, note]);
    expect(csvDocument(['a'], [[1], [2]], 'synthetic')).toBe('a,data_note\r\n1,synthetic\r\n2,synthetic\r\n');
    expect(csvDocument(['a'], [[1]])).toBe('a\r\n1\r\n');
  });
});

describe('vanished selection', () => {
  const burglary = [summary(5, '2023-01-metropolitan-street.csv', { categoryCounts: counts({ 7: 100 }), monthMin: 24276, monthMax: 24281 })];
  it('knows which categories and months the loaded sources hold', () => {
    expect([...presentCategoryIds([...burglary, summary(6, 'x.csv', { categoryCounts: counts({ 2: 0, 9: 1 }) })])]).toEqual([7, 9]);
    expect(dataMonths(burglary)).toEqual({ first: 24276, last: 24281 });
    expect(dataMonths([summary(1, 'h3.csv', { monthMin: null, monthMax: null })])).toBeNull();
  });
  it('falls back to all categories when none of the chosen ones is loaded any more', () => {
    const fallback = vanishedSelectionFallback({ categories: [0], monthFrom: null, monthTo: null }, burglary);
    expect(fallback?.change).toEqual({ categories: [7] });
    expect(fallback?.message).toMatch(/^The chosen categories are not in the loaded data/);
  });
  it('falls back to all months when the chosen months do not overlap the data', () => {
    // Sample months were 2025 (24300…); the burglary files hold Jan–Jun 2023.
    expect(vanishedSelectionFallback({ categories: null, monthFrom: 24302, monthTo: 24305 }, burglary)?.change).toEqual({ monthFrom: null, monthTo: null });
  });
  it('keeps a selection that still matches, an explicit empty choice, and does nothing without data', () => {
    expect(vanishedSelectionFallback({ categories: [7, 0], monthFrom: 24280, monthTo: 24290 }, burglary)).toBeNull();
    expect(vanishedSelectionFallback({ categories: [], monthFrom: null, monthTo: null }, burglary)).toBeNull();
    expect(vanishedSelectionFallback({ categories: [0], monthFrom: 1, monthTo: 2 }, [])).toBeNull();
  });
});

describe('monthly files grouped', () => {
  it('groups one force and layout, keeps other files apart, and sums their figures', () => {
    const sources = [
      summary(1, '2023-02-metropolitan-street.csv', { monthMin: 24277, monthMax: 24277 }),
      summary(2, 'council.csv', { kind: 'mapped' }),
      summary(3, '2023-01-metropolitan-street.csv'),
      summary(4, '2023-01-city-of-london-street.csv'),
    ];
    const groups = groupSources(sources);
    expect(groups.map((g) => [g.label, g.sources.map((s) => s.id)])).toEqual([
      ['metropolitan-street.csv', [3, 1]],
      ['council.csv', [2]],
      ['city-of-london-street.csv', [4]],
    ]);
    const totals = groupTotals(groups[0].sources);
    expect(totals).toMatchObject({ rowsRead: 20, accepted: 16, rejected: 4, bytes: 200, rejectCounts: { noCoordinates: 4 }, monthMin: 24276, monthMax: 24277 });
  });
  it('does not group files of the same series read with different column mappings', () => {
    const a = summary(1, '2023-01-complaints.csv', { kind: 'mapped', mapping: { coordinates: 'wgs84', x: 'lng', y: 'lat', date: 'd' } });
    const b = summary(2, '2023-02-complaints.csv', { kind: 'mapped', mapping: { coordinates: 'bng', x: 'E', y: 'N', date: 'd' } });
    expect(groupSources([a, b])).toHaveLength(2);
  });
  it('writes the rejected rows of several files as one CSV with a file column', () => {
    const first = new RejectLog(['Crime ID', 'Longitude']);
    first.add('noCoordinates', ['a1', ''], 2);
    const second = new RejectLog(['Crime ID', 'Longitude']);
    second.add('noCoordinates', ['b1', ''], 5);
    second.add('badCoordinates', ['b2', 'x,y'], 7);
    expect(combinedRejectedRowsCsv([{ file: 'jan.csv', log: first }, { file: 'feb.csv', log: second }])).toBe(
      'file,line,Crime ID,Longitude,reason\r\njan.csv,2,a1,,No coordinates\r\nfeb.csv,5,b1,,No coordinates\r\nfeb.csv,7,b2,"x,y",Coordinates are not numbers\r\n',
    );
    expect(() => combinedRejectedRowsCsv([{ file: 'a', log: first }, { file: 'b', log: new RejectLog(['Other']) }])).toThrow(/different columns/);
  });
});

describe('files a batch refused', () => {
  const outcomes = (month: string) => ({ name: `2023-${month}-metropolitan-outcomes.csv`, message: `2023-${month}-metropolitan-outcomes.csv is a police.uk outcomes file: its rows are outcomes.` });
  it('says a reason shared by several files once, naming the first and last and the count', () => {
    const refused = [outcomes('01'), { name: 'empty.csv', message: 'empty.csv is empty.' }, outcomes('02'), outcomes('03')];
    expect(refusalNotices(refused)).toEqual([
      'Not loaded: 2023-01-metropolitan-outcomes.csv … 2023-03-metropolitan-outcomes.csv (3 files). Each is a police.uk outcomes file: its rows are outcomes.',
      'empty.csv is empty.',
    ]);
  });
  it("keeps a lone file's words, and a reason that does not start with the file's name, as they are", () => {
    const refused = [outcomes('01'), { name: 'a.csv', message: 'The workspace is full.' }, { name: 'b.csv', message: 'The workspace is full.' }];
    expect(refusalNotices(refused)).toEqual([outcomes('01').message, 'The workspace is full.', 'The workspace is full.']);
  });
});
