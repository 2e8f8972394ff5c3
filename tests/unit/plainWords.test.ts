import { describe, expect, it } from 'vitest';
import { concentrationFinding, evaluationFinding } from '../../src/core/export/plainWords';
import { monthIndexOf } from '../../src/core/ingest/dates';
import { beforeAfterEffect, compareControl, type WddResult } from '../../src/core/stats/evaluation';
import type { InterventionEvaluation } from '../../src/core/zones/evaluateIntervention';

function evaluation(treated: { before: number; after: number }, control: { before: number; after: number }, wdd: Partial<WddResult>): InterventionEvaluation {
  return {
    name: 'Wembley Park PSPO',
    controlName: 'the rest of Brent',
    beforeFrom: monthIndexOf(2022, 7),
    months: 6,
    startMonth: monthIndexOf(2023, 1),
    series: { treated: [], control: [], buffer: [] },
    treated,
    control,
    buffer: { before: 50, after: 50 },
    effect: beforeAfterEffect(treated, control),
    controlComparison: compareControl(treated, control),
    wdd: { wdd: -20, se: 15, z: -1.33, pOneTailed: 0.092, low95: -49.4, high95: 9.4, bufferZ: 0.2, bufferP: 0.84, verdict: 'neither', ...wdd },
    bufferGeometry: { type: 'Polygon', coordinates: [] },
  };
}

describe('findings in plain words', () => {
  it('says a fall relative to the control in one sentence, and whether chance could explain it', () => {
    // 100 → 80 against a flat control: relative effect 0.8, i.e. 20 % more fall than the control.
    const finding = evaluationFinding(evaluation({ before: 100, after: 80 }, { before: 1000, after: 1000 }, {}));
    expect(finding.plain).toBe('Incidents in Wembley Park PSPO fell 20 % more than in the rest of Brent; not clearly more than chance.');
    expect(finding.technical[0]).toContain('relative effect 0.80; difference in differences -20');
    expect(finding.technical[1]).toContain('one-tailed p 0.092');
    // 100 → 66 while the control fell 1000 → 750: (0.66 / 0.75) = 0.88, 12 % more; p 0.01 is beyond chance; the ring rose.
    const strong = evaluationFinding(evaluation({ before: 100, after: 66 }, { before: 1000, after: 750 }, { pOneTailed: 0.01, verdict: 'displacement' }));
    expect(strong.plain).toBe('Incidents in Wembley Park PSPO fell 12 % more than in the rest of Brent; more than chance alone would explain; incidents rose in the streets around it, so some may have moved there.');
  });
  it('says plainly when the area did not fall, or had too little to compare', () => {
    expect(evaluationFinding(evaluation({ before: 100, after: 110 }, { before: 1000, after: 1000 }, {})).plain).toBe('Incidents in Wembley Park PSPO did not fall relative to the rest of Brent (10 % worse), so there is no sign yet that it worked.');
    expect(evaluationFinding(evaluation({ before: 0, after: 3 }, { before: 1000, after: 1000 }, {})).plain).toBe('Wembley Park PSPO: too few incidents before 2023-01 to say whether it worked.');
  });
  it('says how much the numbered places hold and in how much ground', () => {
    // 20 cells at res 9 of 0.1053 km² on average (H3's published mean area) = 2.1 km².
    const top = Array.from({ length: 20 }, () => ({ count: 34.95 }));
    const finding = concentrationFinding(top, { incidents: 10278, cells: 403, resolution: 9, rankedBy: 'count' });
    expect(finding.plain).toBe('The 20 numbered places, about 2.1 km² in all, hold 699 of the 10,278 incidents (6.8 %).');
    expect(finding.technical[0]).toBe('Places are H3 cells at resolution 9 (edge about 201 m); 403 cells hold incidents; ranked by incident count.');
    expect(concentrationFinding(top.slice(0, 3), { incidents: 1000, cells: 50, resolution: 9, rankedBy: 'harm' }).plain).toMatch(/^The 3 numbered places, about 32 hectares in all/);
    expect(concentrationFinding([], { incidents: 0, cells: 0, resolution: 9, rankedBy: 'count' }).plain).toBe('No incidents match the filter, so there are no places to list.');
  });
});
