import { getHexagonAreaAvg } from 'h3-js';
import { describe, expect, it } from 'vitest';
import { clampResolution, HOTSPOT_METHODS, MAX_RESOLUTION, METHOD_WORDS, MIN_RESOLUTION, WEIGHTINGS } from '../../src/core/vocabulary';
import { decodeView, encodeView } from '../../src/core/workspace/viewLink';
import { savedViewSchema } from '../../src/core/workspace/workspaceSchema';
import { check } from '../../src/core/workspace/schemaParts';

describe('the analysis vocabulary', () => {
  it('reads the resolution bounds from h3: res 7 (5.16 km² cells) to res 11 (0.0021 km²)', () => {
    expect([MIN_RESOLUTION, MAX_RESOLUTION]).toEqual([7, 11]);
    expect(getHexagonAreaAvg(6, 'km2')).toBeGreaterThan(6);
    expect(getHexagonAreaAvg(12, 'km2')).toBeLessThan(0.002);
    expect([6, 7, 9.4, 11, 12].map(clampResolution)).toEqual([7, 7, 9, 11, 11]);
  });

  it('names every method once, with distinct titles', () => {
    expect(new Set(HOTSPOT_METHODS.map((m) => METHOD_WORDS[m].title)).size).toBe(HOTSPOT_METHODS.length);
  });

  it('every method and weighting round-trips through the view link and the saved workspace view', () => {
    for (const method of HOTSPOT_METHODS) {
      for (const weighting of WEIGHTINGS) {
        const link = decodeView(`#${encodeView({ method, weighting, resolution: MAX_RESOLUTION })}`);
        expect(link).toEqual({ view: { method, weighting, resolution: MAX_RESOLUTION }, ignored: [] });
        const saved = check(savedViewSchema, JSON.parse(JSON.stringify({ method, weighting, resolution: MIN_RESOLUTION })));
        expect(saved).toMatchObject({ ok: true, value: { method, weighting, resolution: MIN_RESOLUTION } });
      }
    }
  });
});
