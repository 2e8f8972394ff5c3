import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Dataset } from '../../src/core/dataset';
import { ingestFile } from '../../src/core/ingest/ingestFile';
import { DEFAULT_TRIGGER_SETTINGS } from '../../src/core/trigger/communityTrigger';
import { communityTriggerReport } from '../../src/core/trigger/triggerReport';
import { sourceEntrySchema } from '../../src/core/workspace/workspaceSchema';
import { triggerRuleSchema } from '../../src/core/workspace/panelSchemas';
import { check } from '../../src/core/workspace/schemaParts';
import { memorySource } from './memorySource';

const SAMPLE_MAPPING = { coordinates: 'bng' as const, x: 'Easting', y: 'Northing', date: 'Date received', category: 'Category', reference: 'Reference', location: 'Location', key: 'Household' };

describe('Community Trigger radar on the synthetic council sample', () => {
  it('finds groups by place and by household, each meeting its rule', async () => {
    const text = readFileSync(join(__dirname, '..', '..', 'data', 'brent-council-complaints-sample.csv'), 'utf8');
    const dataset = new Dataset();
    await ingestFile(dataset, memorySource('council.csv', text), { mapping: SAMPLE_MAPPING });
    const report = communityTriggerReport(dataset, { ...DEFAULT_TRIGGER_SETTINGS, sources: null, area: null });
    const households = report.groups.filter((g) => g.basis === 'key');
    expect(households.some((g) => g.status === 'met')).toBe(true);
    expect(report.groups.some((g) => g.basis === 'place' && g.status === 'met')).toBe(true);
    for (const group of households) expect(new Set(group.members.map((m) => report.cases[m].key)).size, group.id).toBe(1);
    // Checked without the radar: a met group holds 3 complaints whose first and last days are at most 182 days apart.
    for (const group of report.groups.filter((g) => g.status === 'met')) {
      const days = group.members.map((m) => report.cases[m].day).sort((a, b) => a - b);
      expect(days.some((day, i) => i >= 2 && day - days[i - 2] <= 182), group.id).toBe(true);
    }
  });
});

describe('the radar rule in a saved workspace', () => {
  it('keeps a valid rule and names what is wrong with an invalid one', () => {
    expect(check(triggerRuleSchema, { threshold: 2, windowDays: 365, distanceM: 25.5 })).toEqual({ ok: true, value: { threshold: 2, windowDays: 365, distanceM: 25.5 } });
    expect(check(triggerRuleSchema, { threshold: 0, windowDays: 183, distanceM: 50 }, 'trigger')).toEqual({ ok: false, reason: 'trigger.threshold: below 1' });
    expect(check(triggerRuleSchema, { threshold: 3, windowDays: 182.5, distanceM: 50 }, 'trigger')).toEqual({ ok: false, reason: 'trigger.windowDays: expected a whole number' });
    expect(check(triggerRuleSchema, { threshold: 3, windowDays: 183, distanceM: 5000 }, 'trigger')).toEqual({ ok: false, reason: 'trigger.distanceM: above 1000' });
  });

  it('keeps the mapped key column of a source', () => {
    const entry = { name: 'council.csv', fingerprint: 'abc', mapping: SAMPLE_MAPPING, hidden: false };
    expect(check(sourceEntrySchema, entry)).toEqual({ ok: true, value: entry });
  });
});
