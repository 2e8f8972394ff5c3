import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { rememberedMapping, rememberMapping } from '../../src/state/mappingMemory';
import { MAPPING, OBJECT_PROPERTY_NAMES } from '../fixtures/badInputs';

describe('remembered column mappings', () => {
  beforeEach(() => {
    const stored = new Map<string, string>();
    vi.stubGlobal('localStorage', { getItem: (key: string) => stored.get(key) ?? null, setItem: (key: string, value: string) => stored.set(key, value) });
  });
  afterEach(() => vi.unstubAllGlobals());

  it('finds nothing for a header named like an object property, then keeps it as any other', () => {
    for (const name of OBJECT_PROPERTY_NAMES) expect(rememberedMapping(name)).toBeUndefined();
    for (const name of OBJECT_PROPERTY_NAMES) rememberMapping(name, { ...MAPPING, location: name });
    for (const name of OBJECT_PROPERTY_NAMES) expect(rememberedMapping(name)).toEqual({ ...MAPPING, location: name });
    expect(rememberedMapping('other')).toBeUndefined();
  });
});
