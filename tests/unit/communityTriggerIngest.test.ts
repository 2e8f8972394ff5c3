import { describe, expect, it } from 'vitest';
import { Dataset } from '../../src/core/dataset';
import { ingestFile } from '../../src/core/ingest/ingestFile';
import { guessMapping, type ColumnMapping } from '../../src/core/ingest/schema';
import { triggerCsv } from '../../src/core/trigger/triggerExport';
import { communityTriggerReport, type TriggerReport } from '../../src/core/trigger/triggerReport';
import { memorySource } from './memorySource';

/**
 * A hand-made case log through the whole ingest path: CSV with day-level dates and a household
 * column → mapped dataset columns → radar. On the mean sphere 0.0004407° of latitude is 49.00 m
 * and 0.0004587° is 51.01 m (× 111,195.08 m per degree).
 */
const CASE_LOG = [
  'Case ref,Date received,Type,Latitude,Longitude,Address,Household ref',
  // Place A: 3 complaints spanning 183 days (1 Jan to 2 Jul: day 0 to day 182) — met on 2 July.
  'CASE-A1,01/01/2025,Noise,51.5500000,-0.2500000,12 Acacia Avenue,',
  'CASE-A2,15/03/2025 10:30,Noise,51.5500000,-0.2500000,12 Acacia Avenue,',
  'CASE-A3,02/07/2025,Harassment,51.5500000,-0.2500000,12 Acacia Avenue,',
  // Place B, 1 km east: 3 complaints spanning 184 days (1 Jan to 3 Jul) — not met, and its period has closed.
  'CASE-B1,01/01/2025,Noise,51.5500000,-0.2350000,4 Birch Close,',
  'CASE-B2,15/03/2025,Noise,51.5500000,-0.2350000,4 Birch Close,',
  'CASE-B3,03/07/2025,Noise,51.5500000,-0.2350000,4 Birch Close,',
  // Places P and P + 49 m: one place.
  'CASE-P1,10/08/2025,Drug use,51.5600000,-0.2500000,1 Poplar Row,',
  'CASE-P2,20/08/2025,Drug use,51.5600000,-0.2500000,1 Poplar Row,',
  'CASE-P3,30/08/2025,Drug use,51.5604407,-0.2500000,3 Poplar Row,',
  // Places Q and Q + 51 m: two places, neither with enough complaints.
  'CASE-Q1,01/02/2025,Graffiti,51.5700000,-0.2500000,1 Quince Lane,',
  'CASE-Q2,10/02/2025,Graffiti,51.5700000,-0.2500000,1 Quince Lane,',
  'CASE-Q3,20/02/2025,Graffiti,51.5704587,-0.2500000,3 Quince Lane,',
  // One household, three places 350 m apart, within 63 days: met on 7 July by the key alone.
  'CASE-K1,05/05/2025,Harassment,51.5450000,-0.2600000,Rowan Street,HH-7',
  'CASE-K2,06/06/2025,Noise,51.5450000,-0.2550000,Larch Road, hh-7 ',
  'CASE-K3,07/07/2025,Harassment,51.5450000,-0.2650000,"=HYPERLINK(""http://x"")",HH-7',
  // Place R: two complaints in December, one short; the period from 1 December closes on 1 June 2026.
  'CASE-R1,01/12/2025,Noise,51.5400000,-0.2500000,9 Rose Court,',
  'CASE-R2,20/12/2025,Noise,51.5400000,-0.2500000,9 Rose Court,',
  // The latest complaint (31 December 2025) dates the radar; a month-only date is left out.
  'CASE-Z1,31/12/2025,Noise,51.5800000,-0.2800000,Zelkova Way,',
  'CASE-Z2,2025-06,Noise,51.5800000,-0.2800000,Zelkova Way,',
].join('\n');

const SETTINGS = { threshold: 3, windowDays: 183, distanceM: 50 };

async function radarOf(text: string, settings = SETTINGS): Promise<TriggerReport> {
  const dataset = new Dataset();
  const header = text.split('\n')[0].split(',');
  const mapping = guessMapping(header) as ColumnMapping;
  const result = await ingestFile(dataset, memorySource('cases.csv', text), { mapping, chunkBytes: 53 });
  if (result.status !== 'loaded') throw new Error('expected the case log to load');
  expect(result.source.summary.rejected).toBe(0);
  return communityTriggerReport(dataset, { ...settings, sources: null, area: null });
}

const references = (report: TriggerReport, index: number) => report.groups[index].members.map((m) => report.cases[m].reference);

describe('Community Trigger radar on a case log loaded through the column mapping', () => {
  it('guesses the household column as the key, not as the case reference', () => {
    expect(guessMapping(CASE_LOG.split('\n')[0].split(','))).toMatchObject({ reference: 'Case ref', key: 'Household ref', location: 'Address', date: 'Date received' });
  });

  it('keeps day-level dates, keys and references in typed columns', async () => {
    const dataset = new Dataset();
    const mapping = guessMapping(CASE_LOG.split('\n')[0].split(',')) as ColumnMapping;
    const result = await ingestFile(dataset, memorySource('cases.csv', CASE_LOG), { mapping });
    if (result.status !== 'loaded') throw new Error('expected the case log to load');
    const { day, key, reference } = result.source.columns;
    expect(day).toBeInstanceOf(Uint16Array);
    expect(key).toBeInstanceOf(Uint32Array);
    expect(reference).toBeInstanceOf(Uint32Array);
    // 1 January 2025 is day 20,089 since 1 January 1970 (Python: date(2025, 1, 1) - date(1970, 1, 1)); a month-only date has no day.
    expect(day![0]).toBe(20089);
    expect(day!.at(-1)).toBe(0);
    expect(dataset.keys.values[key![12]]).toBe('HH-7');
    expect(dataset.keys.values[key![13]]).toBe('hh-7');
    expect(key![0]).toBe(0);
    expect(dataset.references.values[reference![2]]).toBe('CASE-A3');
  });

  it('finds exactly the groups worked out by hand, met first and the most recent first', async () => {
    const report = await radarOf(CASE_LOG);
    expect(report.complaints).toBe(18);
    expect(report.withoutDay).toBe(1);
    expect(report.sourcesRead).toEqual(['cases.csv']);
    expect(report.referenceDay).toBe(20453); // 31 December 2025
    expect(report.groups.map((g) => [g.basis, g.status, g.label])).toEqual([
      ['place', 'met', '1 Poplar Row'],
      ['key', 'met', 'HH-7'],
      ['place', 'met', '12 Acacia Avenue'],
      ['place', 'approaching', '9 Rose Court'],
    ]);
    // 49 m apart: one place. 51 m apart: none, so no Q complaint is in any group.
    expect(references(report, 0)).toEqual(['CASE-P1', 'CASE-P2', 'CASE-P3']);
    expect(report.cases.some((c) => c.reference.startsWith('CASE-Q'))).toBe(false);
    // The household's three complaints, each far from the others, with the key compared trimmed and in any case.
    expect(references(report, 1)).toEqual(['CASE-K1', 'CASE-K2', 'CASE-K3']);
    // 3 complaints in 183 days: met on 2 July 2025 (day 20,271), 182 days before 31 December.
    expect(references(report, 2)).toEqual(['CASE-A1', 'CASE-A2', 'CASE-A3']);
    expect(report.groups[2]).toMatchObject({ day: 20271, days: 182 });
    // 3 complaints in 184 days: not met, and closed, so not listed.
    expect(report.cases.some((c) => c.reference.startsWith('CASE-B'))).toBe(false);
    // One short: the period from 1 December closes on 1 June 2026 (day 20,605), 152 days after 31 December.
    expect(report.groups[3]).toMatchObject({ day: 20605, days: 152 });
  });

  it('with the period one day longer, 3 complaints in 184 days meet it', async () => {
    const report = await radarOf(CASE_LOG, { ...SETTINGS, windowDays: 184 });
    expect(report.groups.some((g) => g.status === 'met' && report.cases[g.members[0]].reference === 'CASE-B1')).toBe(true);
  });

  it('with 52 m, the places 51 m apart become one', async () => {
    const report = await radarOf(CASE_LOG, { ...SETTINGS, distanceM: 52 });
    const quince = report.groups.find((g) => report.cases[g.members[0]].reference === 'CASE-Q1');
    expect(quince && references(report, report.groups.indexOf(quince))).toEqual(['CASE-Q1', 'CASE-Q2', 'CASE-Q3']);
  });

  it('exports without personal fields by leaving out every reference, address, key and complaint position', async () => {
    const report = await radarOf(CASE_LOG);
    const csv = triggerCsv(report, { personal: false, note: null });
    const lines = csv.trimEnd().split('\r\n');
    expect(lines[0]).toBe('group,basis,status,rule,trigger_date,days_since_met,days_left,complaints_in_group,place_h3,complaint_date,category');
    expect(lines).toHaveLength(1 + 3 + 3 + 3 + 2);
    expect(lines[1]).toMatch(/^G1,same place,met,"3 complaints within 183 days, within 50 m",2025-08-30,123,,3,89[0-9a-f]{13},2025-08-10,Drug use$/);
    const personal = [...report.cases.flatMap((c) => [c.reference, c.address, c.key, String(c.lat), String(c.lng)]), 'HH-7', 'hh-7', 'Acacia', 'HYPERLINK'].filter((text) => text.trim() !== '');
    for (const text of personal) expect(csv.includes(text), text).toBe(false);
  });

  it('exports personal fields only when asked, with formulas neutralised', async () => {
    const report = await radarOf(CASE_LOG);
    const csv = triggerCsv(report, { personal: true, note: 'SYNTHETIC' });
    expect(csv.split('\r\n')[0]).toBe('group,basis,status,rule,trigger_date,days_since_met,days_left,complaints_in_group,place_h3,complaint_date,category,place_label,place_lat,place_lng,reference,address,person_or_household_key,complaint_lat,complaint_lng,data_note');
    expect(csv).toContain('G2,same person or household,met,"3 complaints within 183 days, same person or household",2025-07-07,177,,3,,2025-07-07,Harassment,HH-7,,,CASE-K3,"\'=HYPERLINK(""http://x"")",HH-7,51.545,-0.265,SYNTHETIC');
    expect(csv).toContain('G4,same place,one complaint short,');
  });
});
