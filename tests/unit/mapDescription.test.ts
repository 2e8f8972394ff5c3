import { describe, expect, it } from 'vitest';
import { computeHotspots, type HotspotQuery } from '../../src/core/hotspots/computeHotspots';
import { planChanges, type PlanQuery } from '../../src/core/coverage/planQuery';
import { HOTSPOT_METHODS, type HotspotMethod } from '../../src/core/vocabulary';
import { describeView } from '../../src/state/describe';
import { hotspotQuery, shownMap } from '../../src/state/resultsSlice';
import type { AppState } from '../../src/state/store';
import { DEFAULT_VIEW } from '../../src/state/viewSlice';
import { analysisDataset, queryFor } from './analysisFixture';

const dataset = await analysisDataset();
const categories = dataset.categories.list;
const sources = dataset.sources.map((s) => s.summary);

/** The app state around a map computed for `query`, with view settings that may since have moved on. */
function stateAfter(query: HotspotQuery, view: Partial<AppState['view']> = {}): AppState {
  const { result } = computeHotspots(dataset, query);
  return { hotspots: result, categories, sources, view: { ...DEFAULT_VIEW, ...view }, harmWeights: {}, boundaryLayers: [], zones: [] } as unknown as AppState;
}

describe('the map described from the query it answers', () => {
  it('names each method in titles and file names (emerging and change maps were called "counts")', () => {
    const titles = HOTSPOT_METHODS.map((method) => {
      const description = describeView(stateAfter(queryFor(method)));
      return [description.title, description.fileStem];
    });
    expect(titles).toEqual([
      ['Anti-social behaviour, Burglary: counts', 'counts_2023-01_2023-06_res9'],
      ['Anti-social behaviour, Burglary: Gi* hot and cold spots', 'gi-hot-and-cold-spots_2023-01_2023-06_res9'],
      ['Anti-social behaviour, Burglary: emerging hot spots', 'emerging-hot-spots_2023-01_2023-06_res9'],
      ['Anti-social behaviour, Burglary: change between periods', 'change-between-periods_2023-01_2023-06_res9'],
      ['Anti-social behaviour, Burglary: counts by area', 'counts-by-area_2023-01_2023-06_res9'],
    ]);
  });

  it('describes the map drawn, not the settings being edited (a burglary map stays "Burglary")', () => {
    const burglary = categories.find((c) => c.name === 'Burglary')!.id;
    const state = stateAfter(queryFor('count', { filter: { ...queryFor('count').filter, categories: [burglary], weekdays: [5, 6], hours: [20, 21, 22] }, weighting: 'harm', harmScheme: 'Indicative days, after the Cambridge Crime Harm Index' }), { method: 'gistar', resolution: 11, categories: null });
    const description = describeView(state);
    expect(description.subject).toBe('Burglary');
    expect(description.resolution).toBe(9);
    expect(description.filters).toBe('H3 res 9 · counts · harm-weighted incidents (Indicative days, after the Cambridge Crime Harm Index) · 2 weekdays · 3 hours of the day · 1 of 1 sources');
  });

  it('asks one branch per method, with only that method’s settings', () => {
    const methods = HOTSPOT_METHODS.map((method: HotspotMethod) => hotspotQuery(stateAfter(queryFor('count'), { method, giK: 2, compareFrom: 280, compareTo: 282 })).method);
    expect(methods).toEqual([
      { kind: 'count' },
      { kind: 'gistar', statistics: { k: 2, fdr: true, studyArea: DEFAULT_VIEW.studyArea } },
      { kind: 'emerging', statistics: { k: 2, fdr: true, studyArea: DEFAULT_VIEW.studyArea } },
      { kind: 'change', earlier: [280, 282], later: null, minCount: DEFAULT_VIEW.minChangeCount },
      { kind: 'areas' },
    ]);
  });

  it('questions about the map carry the query of the map drawn, and none is asked without one', () => {
    const query = queryFor('gistar');
    expect(shownMap(stateAfter(query))).toEqual(query);
    expect(() => shownMap({ hotspots: null })).toThrow('There is no hotspot map yet');
  });
});

describe('a camera plan against the settings now', () => {
  const plan: PlanQuery = { map: queryFor('count'), cameras: [], options: { cameras: 8, radiusM: 100, minSpacingM: 0, edgeFactor: 1, basis: 'count' } };
  it('names each setting changed since the plan was made (the radius changed while the figures were the old plan’s)', () => {
    expect(planChanges(plan, { options: plan.options, cameras: [], map: plan.map })).toEqual([]);
    expect(planChanges(plan, { options: { ...plan.options, radiusM: 150, edgeFactor: 0.5 }, cameras: [], map: queryFor('count', { resolution: 10 }) })).toEqual(['reach 100 m → 150 m', 'weaker at the edge', 'the map’s filters']);
  });
});
