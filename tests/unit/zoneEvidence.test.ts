import type { Polygon } from 'geojson';
import Papa from 'papaparse';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { Dataset } from '../../src/core/dataset';
import { evidenceCsv } from '../../src/core/export/evidenceCsv';
import { buildEvidencePdf } from '../../src/core/export/evidencePack';
import { NO_FILTER, selectRows, type IncidentFilter } from '../../src/core/hotspots/filter';
import { monthIndexOf } from '../../src/core/ingest/dates';
import { ingestFile } from '../../src/core/ingest/ingestFile';
import { consultationSchema, keepValid } from '../../src/core/workspace/panelSchemas';
import { consulteeRows, consulteesOutstanding, emptyConsultation, withConsulteeRecord } from '../../src/core/zones/consultation';
import { orderTimeline, renewalReminder, wholeMonthsBetween } from '../../src/core/zones/orderDates';
import { pointMembership } from '../../src/core/zones/pointsInZones';
import type { Zone } from '../../src/core/zones/zone';
import { EVIDENCE_DESIGN, zoneEvidence, type ZoneEvidence } from '../../src/core/zones/zoneEvidence';
import { zoneStatistics } from '../../src/core/zones/zoneStatistics';
import { memorySource, POLICE_HEADER, policeLine } from './memorySource';

const rectangle = (west: number, south: number, east: number, north: number): Polygon => ({ type: 'Polygon', coordinates: [[[west, south], [east, south], [east, north], [west, north], [west, south]]] });
/** A latitude-longitude rectangle's area on a sphere of radius R: R²·Δλ·(sin φ₂ − sin φ₁), in hectares (R as turf's, 6,371,008.8 m). */
const sphereHa = (west: number, south: number, east: number, north: number) => {
  const rad = Math.PI / 180;
  return (6371008.8 ** 2 * (east - west) * rad * (Math.sin(north * rad) - Math.sin(south * rad))) / 10_000;
};

// The study area is a 0.02° square; the zone is its south-west quarter.
const STUDY = [-0.3, 51.5, -0.28, 51.52] as const;
const ZONE = [-0.3, 51.5, -0.29, 51.51] as const;
const zone: Zone = { id: 'z1', name: 'Test Park PSPO', orderRef: 'T/PSPO/1', startDate: '2025-04-01', endDate: '', prohibitions: ['Spitting', '=cmd|calc'], geometry: rectangle(...ZONE) };
const filter: IncidentFilter = { ...NO_FILTER, area: { kind: 'polygon', name: 'Testborough', geometry: rectangle(...STUDY) } };
const months = ['2025-01', '2025-02', '2025-03', '2025-04', '2025-05', '2025-06'];

/**
 * Hand-made incidents: in the zone 1, 2, 3, 4, 5, 6 a month (two of June's are burglaries, harm 10
 * each; the rest anti-social behaviour, harm 1); elsewhere in the study area 10 a month, 650 m from
 * the zone (beyond its 100-300 m ring); outside the study area 5 a month, never counted.
 */
async function handMadeData(): Promise<Dataset> {
  const lines: string[] = [];
  const add = (count: number, month: string, lng: string, lat: string, type = 'Anti-social behaviour') => {
    for (let i = 0; i < count; i++) lines.push(policeLine({ id: `id${lines.length}`, month, lng, lat, type }));
  };
  months.forEach((month, m) => {
    add(m === 5 ? 4 : m + 1, month, '-0.295', '51.505');
    add(10, month, '-0.285', '51.515');
    add(5, month, '-0.2', '51.55');
  });
  add(2, '2025-06', '-0.295', '51.505', 'Burglary');
  const dataset = new Dataset();
  await ingestFile(dataset, memorySource('hand.csv', [POLICE_HEADER, ...lines].join('\n')));
  return dataset;
}

describe('a zone\'s evidence against an independent count', () => {
  let dataset: Dataset;
  let evidence: ZoneEvidence;
  beforeAll(async () => {
    dataset = await handMadeData();
    const harmWeights = Float64Array.from(dataset.categories.list, (c) => (c.name === 'Burglary' ? 10 : 1));
    const profile = { monthFrom: monthIndexOf(2025, 1), monthCounts: new Array(6).fill(0) };
    evidence = zoneEvidence(dataset, selectRows(dataset, filter), { filter, harmWeights, profile, studyAreaName: 'Testborough', studyCellsHa: 0 }, { zone, ...EVIDENCE_DESIGN });
  });

  it('counts incidents and harm by category and month inside the zone and the study area', () => {
    expect(evidence.zone.total).toEqual({ incidents: 21, harm: 39 });
    expect(evidence.studyArea.total).toEqual({ incidents: 81, harm: 99 });
    expect(evidence.zone.monthly.map((t) => t.incidents)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(evidence.zone.monthly.map((t) => t.harm)).toEqual([1, 2, 3, 4, 5, 24]);
    expect(evidence.studyArea.monthly.map((t) => t.incidents)).toEqual([11, 12, 13, 14, 15, 16]);
    expect(evidence.zone.byCategory).toEqual([{ label: 'Anti-social behaviour', incidents: 19, harm: 19 }, { label: 'Burglary', incidents: 2, harm: 20 }]);
    // The zone list counts the same incidents.
    const [listed] = zoneStatistics(dataset, selectRows(dataset, filter), [zone], [pointMembership(dataset, zone.geometry)], { areaHa: 1, monthFrom: monthIndexOf(2025, 1), months: 6 });
    expect(listed.incidents).toBe(evidence.zone.total.incidents);
  });

  it('gives rates per hectare from the areas on the sphere, the rate ratio and the shares', () => {
    const zoneHa = sphereHa(...ZONE);
    const studyHa = sphereHa(...STUDY);
    expect(zoneHa).toBeCloseTo(76.96, 1);
    expect(evidence.zone.areaHa / zoneHa).toBeCloseTo(1, 4);
    expect(evidence.studyArea.areaHa / studyHa).toBeCloseTo(1, 4);
    expect(evidence.studyArea.measuredBy).toBe('boundary');
    expect(evidence.ratePerHa.zone.incidents).toBeCloseTo(21 / zoneHa, 4);
    expect(evidence.ratePerHa.studyArea.incidents).toBeCloseTo(81 / studyHa, 5);
    expect(evidence.ratePerHa.zone.harm).toBeCloseTo(39 / zoneHa, 4);
    expect(evidence.rateRatio).toBeCloseTo((21 / zoneHa) / (81 / studyHa), 4);
    expect(evidence.share.incidents).toBeCloseTo(21 / 81, 12);
    expect(evidence.share.harm).toBeCloseTo(39 / 99, 12);
    expect(evidence.share.area).toBeCloseTo(zoneHa / studyHa, 4);
  });

  it('tests the monthly trend with Mann-Kendall and counts the months above the study area\'s rate', () => {
    // 1..6 strictly rising: S = 15, Var(S) = 6·5·17/18 = 28.333, z = (15 − 1)/√28.333 = 2.6301, p = 0.00854.
    expect(evidence.trend).toMatchObject({ s: 15, tau: 1, direction: 'rising' });
    expect(evidence.trend!.varS).toBeCloseTo(28.3333, 3);
    expect(evidence.trend!.z).toBeCloseTo(2.6301, 3);
    expect(evidence.trend!.p).toBeCloseTo(0.00854, 4);
    // Above when c/zoneHa > (c + 10)/studyHa, i.e. c > 10/(studyHa/zoneHa − 1) ≈ 3.34: April, May, June.
    expect(evidence.monthsAboveRate).toBe(3);
    expect(evidence.monthsWithIncidents).toBe(6);
  });

  it('evaluates the order from its start against the rest of the study area', () => {
    const e = evidence.effect.evaluation!;
    expect(e.months).toBe(3);
    expect([e.treated.before, e.treated.after]).toEqual([6, 15]);
    expect([e.buffer.before, e.buffer.after]).toEqual([0, 0]);
    expect([e.control.before, e.control.after]).toEqual([30, 30]);
    expect(e.controlName).toBe('the rest of Testborough');
    expect(e.effect.relativeEffect).toBeCloseTo(2.5, 12);
  });

  it('says why there is no before/after when the order started before the data', async () => {
    const harmWeights = new Float64Array(dataset.categories.list.length).fill(1);
    const early = zoneEvidence(dataset, selectRows(dataset, filter), { filter, harmWeights, profile: { monthFrom: monthIndexOf(2025, 1), monthCounts: new Array(6).fill(0) }, studyAreaName: 'Testborough', studyCellsHa: 0 }, { zone: { ...zone, startDate: '2023-02-01' }, ...EVIDENCE_DESIGN });
    expect(early.effect.evaluation).toBeNull();
    expect(early.effect.unavailable).toContain('The order started in 2023-02, before the data begins (2025-01)');
  });

  it('writes the same figures to a formula-safe CSV and a marked PDF', async () => {
    const consultation = withConsulteeRecord(emptyConsultation('z1'), 'police', { date: '2025-05-02', notes: '@SUM(1) supportive' });
    const facts = { protectiveMarking: 'OFFICIAL-SENSITIVE', dataNote: null, packDate: '2025-06-20', period: 'Jan 2025 – Jun 2025', subject: 'All categories', harmLabel: 'test weights', zone, evidence, consultation };
    const rows = Papa.parse<string[]>(evidenceCsv(facts).trim()).data;
    const value = (section: string, measure: string, item = '') => rows.find((r) => r[0] === section && r[1] === measure && r[2] === item)?.[3];
    expect(value('detrimental_effect', 'zone_incidents')).toBe('21');
    expect(Number(value('detrimental_effect', 'share_of_study_area_incidents'))).toBeCloseTo(21 / 81, 4);
    expect(value('persistence', 'mann_kendall_s')).toBe('15');
    expect(value('persistence', 'months_above_study_area_rate')).toBe('3');
    expect(value('persistence', 'months_since_start')).toBe('2');
    expect(value('order', 'renewal_decision_date')).toBe('2027-12-31');
    expect(value('by_month', 'zone_incidents', '2025-06')).toBe('6');
    expect(value('order', 'prohibition', '2')).toBe("'=cmd|calc");
    expect(value('consultation', 'notes', consulteeRows(consultation)[0].label)).toBe("'@SUM(1) supportive");
    expect(value('pack', 'marking')).toBe('OFFICIAL-SENSITIVE');

    const pages = await pdfPages(await buildEvidencePdf({ ...facts, filters: 'H3 res 9', map: null, shading: null, generatedAt: '20/06/2025' }));
    pages.forEach((text, i) => expect(text.match(/OFFICIAL-SENSITIVE/g)?.length ?? 0, `marking on page ${i + 1}`).toBeGreaterThanOrEqual(2));
    const all = pages.join(' ');
    expect(all).toContain('PSPO evidence pack: Test Park PSPO');
    expect(all).toContain('21 incidents were recorded in Test Park PSPO over Jan 2025 - Jun 2025 (All categories)');
    expect(all).toContain('2 months since the order started on 1 April 2025');
    expect(all).toContain('1 of 4 statutory consultees consulted');

    // On synthetic data the pack is never marked as evidence.
    const synthetic = { ...facts, dataNote: 'SYNTHETIC SAMPLE DATA, invented for illustration, is included (1 sample zone): not real incidents.' };
    const syntheticPages = await pdfPages(await buildEvidencePdf({ ...synthetic, filters: '', map: null, shading: null, generatedAt: '' }));
    expect(syntheticPages.every((text) => (text.match(/SYNTHETIC SAMPLE - NOT EVIDENCE/g)?.length ?? 0) >= 2 && !text.includes('OFFICIAL-SENSITIVE'))).toBe(true);
    expect(syntheticPages[0]).toContain('ILLUSTRATION ONLY');
    expect(Papa.parse<string[]>(evidenceCsv(synthetic).trim()).data.slice(1).every((r) => r[4] === synthetic.dataNote)).toBe(true);
  });
});

const STANDARD_FONTS = join(__dirname, '..', '..', 'node_modules', 'pdfjs-dist', 'standard_fonts') + '/';
async function pdfPages(bytes: Uint8Array): Promise<string[]> {
  const pdf = await getDocument({ data: bytes.slice(), isEvalSupported: false, standardFontDataUrl: STANDARD_FONTS }).promise;
  const pages: string[] = [];
  for (let i = 1; i <= pdf.numPages; i++) pages.push((await (await pdf.getPage(i)).getTextContent()).items.map((item) => ('str' in item ? item.str : '')).join(' ').replace(/\s+/g, ' '));
  return pages;
}

describe('order dates', () => {
  it('counts whole calendar months', () => {
    expect(wholeMonthsBetween('2023-02-01', '2025-11-15')).toBe(33);
    expect(wholeMonthsBetween('2023-02-15', '2025-11-14')).toBe(32);
    expect(wholeMonthsBetween('2026-01-01', '2025-11-15')).toBe(-1);
  });
  it('takes three years less a day as the expiry when no end date is recorded, and the decision three months before', () => {
    const t = orderTimeline({ startDate: '2023-02-01', endDate: '' }, '2025-11-15');
    expect(t).toMatchObject({ start: '2023-02-01', expiry: '2026-01-31', expiryFrom: 'start + 3 years', decisionDate: '2025-10-31', monthsSinceStart: 33, monthsToExpiry: 2, status: 'renewal due', problems: [] });
    expect(renewalReminder(t, '2025-11-15', 'Z')).toBe('Renewal due: Z expires on 31 January 2026 (in 2 months); the renewal decision date (31 October 2025) has passed.');
    expect(renewalReminder(orderTimeline({ startDate: '2023-02-01', endDate: '' }, '2025-09-15'), '2025-09-15')).toBe('Renewal due: expires on 31 January 2026 (in 4 months); decide by 31 October 2025.');
  });
  it('reminds from six months before expiry, and says when the order has expired', () => {
    expect(orderTimeline({ startDate: '2023-02-01', endDate: '2026-01-31' }, '2025-07-30').status).toBe('in force');
    expect(orderTimeline({ startDate: '2023-02-01', endDate: '2026-01-31' }, '2025-07-31').status).toBe('renewal due');
    const expired = orderTimeline({ startDate: '2023-02-01', endDate: '2026-01-31' }, '2026-02-01');
    expect(expired.status).toBe('expired');
    expect(renewalReminder(expired, '2026-02-01', 'Z')).toContain('Z expired on 31 January 2026');
    expect(renewalReminder(expired, '2026-02-01')).toBe('Expired on 31 January 2026: no longer enforceable.');
    expect(renewalReminder(orderTimeline({ startDate: '2023-02-01', endDate: '2026-01-31' }, '2025-07-30'), '2025-07-30', 'Z')).toBeNull();
  });
  it('uses the council\'s decision date, keeps month ends, and names dates the Act does not allow', () => {
    expect(orderTimeline({ startDate: '2023-02-01', endDate: '' }, '2025-11-15', '2025-12-01')).toMatchObject({ decisionDate: '2025-12-01', decisionFrom: 'set by the council' });
    expect(orderTimeline({ startDate: '2021-06-01', endDate: '2024-05-31' }, '2024-01-01').decisionDate).toBe('2024-02-29');
    expect(orderTimeline({ startDate: '2023-02-01', endDate: '2026-03-31' }, '2025-01-01').problems[0]).toContain('longer than the three years the Act allows');
    expect(orderTimeline({ startDate: '', endDate: '' }, '2025-01-01')).toMatchObject({ status: 'no dates', expiry: null, monthsSinceStart: null });
    expect(orderTimeline({ startDate: '2026-01-01', endDate: '' }, '2025-11-15')).toMatchObject({ status: 'not yet in force', monthsSinceStart: -1 });
  });
});

describe('consultation checklist', () => {
  it('lists the four statutory consultees in the Act\'s order and what is outstanding', () => {
    const record = withConsulteeRecord(withConsulteeRecord(emptyConsultation('z'), 'land', { notes: 'letters to 40 owners' }), 'land', { date: '2025-03-01' });
    expect(consulteeRows(record).map((r) => r.consultee)).toEqual(['police', 'policing-body', 'community', 'land']);
    expect(consulteeRows(record)[3]).toMatchObject({ date: '2025-03-01', notes: 'letters to 40 owners' });
    expect(consulteesOutstanding(record)).toHaveLength(3);
  });
  it('keeps the valid records of a saved workspace and names each one it drops', () => {
    const saved = [
      { zoneId: 'z1', decisionDate: '', consultees: [{ consultee: 'police', date: '2026-10-01', notes: 'supportive' }] },
      { zoneId: 'z2', decisionDate: '31/12/2026', consultees: [] },
      { zoneId: 'z3', decisionDate: '', consultees: [{ consultee: 'mayor', date: '', notes: '' }] },
    ];
    const { kept, dropped } = keepValid(saved, 'consultations', consultationSchema);
    expect(kept.map((k) => k.zoneId)).toEqual(['z1']);
    expect(dropped).toEqual(['consultations[1].decisionDate: expected a date YYYY-MM-DD or nothing', 'consultations[2].consultees[0].consultee: expected one of police, policing-body, community, land']);
  });
});
