import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { rememberForces, rememberedForces } from '../../src/state/forceMemory';

describe('remembered police forces', () => {
  const stored = new Map<string, string>();
  beforeEach(() => {
    stored.clear();
    vi.stubGlobal('localStorage', { getItem: (key: string) => stored.get(key) ?? null, setItem: (key: string, value: string) => stored.set(key, value) });
  });
  afterEach(() => vi.unstubAllGlobals());

  it('gives back the forces chosen last time, and none before any choice', () => {
    expect(rememberedForces()).toEqual([]);
    rememberForces(['metropolitan', 'city-of-london']);
    expect(rememberedForces()).toEqual(['metropolitan', 'city-of-london']);
  });

  it('ignores a kept value that is not a list of force ids, so the next start is not broken', () => {
    for (const kept of ['not json', '{"metropolitan":true}', '[1,2]', 'null', '"metropolitan"', '["kent",null]']) {
      stored.set('hotspot-planner:forces:v1', kept);
      expect(rememberedForces()).toEqual([]);
    }
  });

  it('keeps working when storage refuses the choice', () => {
    vi.stubGlobal('localStorage', { getItem: () => null, setItem: () => { throw new DOMException('full', 'QuotaExceededError'); } });
    expect(() => rememberForces(['kent'])).not.toThrow();
  });
});
