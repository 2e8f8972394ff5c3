import { describe, expect, it } from 'vitest';
import { HARM_SCHEMES, harmWeight } from '../../src/core/stats/harm';
import { OBJECT_PROPERTY_NAMES } from '../fixtures/badInputs';

const POLICE_CATEGORIES = ['Anti-social behaviour', 'Bicycle theft', 'Burglary', 'Criminal damage and arson', 'Drugs', 'Other crime', 'Other theft', 'Possession of weapons', 'Public order', 'Robbery', 'Shoplifting', 'Theft from the person', 'Vehicle crime', 'Violence and sexual offences'];

describe('harm schemes', () => {
  it('weigh all 14 police.uk categories positively in each published scheme', () => {
    for (const scheme of HARM_SCHEMES.filter((s) => s.id !== 'equal')) {
      expect(Object.keys(scheme.weights).sort()).toEqual([...POLICE_CATEGORIES].sort());
      for (const category of POLICE_CATEGORIES) expect(harmWeight(scheme, category)).toBeGreaterThan(0);
      // Robbery outweighs shoplifting in both schemes.
      expect(harmWeight(scheme, 'Robbery')).toBeGreaterThan(10 * harmWeight(scheme, 'Shoplifting'));
    }
  });
  it('weigh council categories and unknown names 1', () => {
    for (const scheme of HARM_SCHEMES) expect(harmWeight(scheme, 'Noise')).toBe(1);
  });
  it('weigh categories named like object properties 1, not the property', () => {
    for (const scheme of HARM_SCHEMES) for (const name of OBJECT_PROPERTY_NAMES) expect(harmWeight(scheme, name)).toBe(1);
  });
});
