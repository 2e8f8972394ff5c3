import { cellToLatLng, latLngToCell } from 'h3-js';
import { describe, expect, it } from 'vitest';
import { priorityPlaceRecords, priorityPlacesCsv, priorityPlacesGeoJson, priorityRule, priorityRuleProblem } from '../../src/core/hotspots/priorityPlaces';
import { priorityCells } from '../../src/core/stats/evaluation';

describe('priority place rules', () => {
  it('refuses values that would pick nonsense', () => {
    expect(priorityRuleProblem('areaShare', -5)).toMatch(/above 0 and at most 100/);
    expect(priorityRuleProblem('incidentShare', 120)).toMatch(/at most 100/);
    expect(priorityRuleProblem('topN', 2.5)).toMatch(/whole number/);
    expect(priorityRuleProblem('topN', 0)).toMatch(/at least 1/);
    expect(priorityRuleProblem('cellPai', 0)).toMatch(/above 0/);
    expect(priorityRuleProblem('cellPai', NaN)).toBe('Enter a number.');
    expect(priorityRuleProblem('areaShare', 5)).toBeNull();
    expect(priorityRuleProblem('topN', 25)).toBeNull();
  });
  it('turns percentages into shares', () => {
    expect(priorityRule('areaShare', 5)).toEqual({ kind: 'areaShare', share: 0.05 });
    expect(priorityRule('topN', 3)).toEqual({ kind: 'topN', n: 3 });
  });
});

describe('priority place export', () => {
  const cells = ['a', 'b', 'c', 'd'].map((_, i) => latLngToCell(51.55 + i * 0.01, -0.25, 9));
  const counts = [5, 20, 0, 15];
  it('lists the chosen cells busiest first with shares of the total (40 incidents)', () => {
    const chosen = priorityCells(counts, { kind: 'topN', n: 2 });
    const records = priorityPlaceRecords(cells, counts, chosen, 'count');
    const [lat, lng] = cellToLatLng(cells[1]);
    expect(records[0]).toEqual({ rank: 1, h3: cells[1], lat: Number(lat.toFixed(6)), lng: Number(lng.toFixed(6)), count: 20, share: 0.5, cumulative_share: 0.5 });
    expect(records[1]).toMatchObject({ rank: 2, h3: cells[3], count: 15, share: 0.375, cumulative_share: 0.875 });
    expect(priorityPlacesCsv(records).split('\r\n')[0]).toBe('rank,h3,lat,lng,count,share,cumulative_share');
    const geojson = priorityPlacesGeoJson(records);
    expect(geojson.features.map((f) => f.properties?.h3)).toEqual([cells[1], cells[3]]);
    expect(geojson.features[0].geometry.coordinates[0]).toHaveLength(7);
  });
});
