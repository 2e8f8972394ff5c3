import { booleanPointInPolygon } from '@turf/boolean-point-in-polygon';
import { polygon } from '@turf/helpers';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { generateSample, POLICE_HEADER, type Seeds } from '../../scripts/sampleData';

const seeds = JSON.parse(readFileSync(join(__dirname, '..', '..', 'seeds', 'brent.json'), 'utf8')) as Seeds;

describe('synthetic sample', () => {
  const first = generateSample(seeds);

  it('is the same byte for byte on every run, and the committed files are current', () => {
    const second = generateSample(seeds);
    expect(second.police).toBe(first.police);
    expect(second.council).toBe(first.council);
    expect(readFileSync(join(__dirname, '..', '..', 'data', 'brent-police-sample-2025.csv'), 'utf8')).toBe(first.police);
    expect(readFileSync(join(__dirname, '..', '..', 'data', 'brent-council-complaints-sample.csv'), 'utf8')).toBe(first.council);
  });

  it('has about 3,000 police.uk rows a month, all 14 crime types, and points inside Brent', () => {
    const rows = Papa.parse<string[]>(first.police, { skipEmptyLines: true }).data;
    expect(rows[0].join(',')).toBe(POLICE_HEADER);
    const perMonth = new Map<string, number>();
    for (const row of rows.slice(1)) perMonth.set(row[1], (perMonth.get(row[1]) ?? 0) + 1);
    expect(perMonth.size).toBe(12);
    for (const count of perMonth.values()) {
      expect(count).toBeGreaterThan(2400);
      expect(count).toBeLessThan(3700);
    }
    expect(new Set(rows.slice(1).map((r) => r[9])).size).toBe(14);
    const outline = polygon([seeds.outline]);
    const located = rows.slice(1).filter((r) => r[4] !== '');
    expect(located.length / (rows.length - 1)).toBeGreaterThan(0.98);
    for (const row of located) expect(booleanPointInPolygon([Number(row[4]), Number(row[5])], outline)).toBe(true);
  });

  it('snaps police points to a fixed set of street points, as police.uk does', () => {
    const rows = Papa.parse<string[]>(first.police, { skipEmptyLines: true }).data.slice(1).filter((r) => r[4] !== '');
    const distinct = new Set(rows.map((r) => `${r[4]},${r[5]}`));
    expect(distinct.size).toBeLessThanOrEqual(1500);
    expect(rows.length / distinct.size).toBeGreaterThan(10);
  });
});
