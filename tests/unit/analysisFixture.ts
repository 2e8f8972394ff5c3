import { Dataset } from '../../src/core/dataset';
import { NO_FILTER } from '../../src/core/hotspots/filter';
import type { HotspotQuery, MethodQuery } from '../../src/core/hotspots/computeHotspots';
import { ingestFile } from '../../src/core/ingest/ingestFile';
import { memorySource, POLICE_HEADER, policeLine } from './memorySource';

/**
 * Six months of police.uk rows around three Brent streets: enough cells and months for every
 * method (Gi* needs 30 study cells: the data cells and two rings around them give them).
 */
export async function analysisDataset(): Promise<Dataset> {
  const lines: string[] = [];
  const places = [
    ['-0.2790', '51.5560', 'On or near High Road'],
    ['-0.2465', '51.5365', 'On or near Station Road'],
    ['-0.1930', '51.5390', 'On or near Kilburn High Road'],
  ];
  for (let month = 1; month <= 6; month++) {
    places.forEach(([lng, lat, location], p) => {
      for (let i = 0; i < (p + 1) * month; i++) lines.push(policeLine({ id: `${month}-${p}-${i}`, month: `2023-0${month}`, lng, lat, location, type: i % 2 === 0 ? 'Anti-social behaviour' : 'Burglary' }));
    });
  }
  const dataset = new Dataset();
  await ingestFile(dataset, memorySource('brent.csv', [POLICE_HEADER, ...lines].join('\n')), {});
  return dataset;
}

const STATISTICS = { k: 1, fdr: true, studyArea: { kind: 'ring' as const, ringK: 2 } };

/** One query per method, as the app would ask it. */
export function queryFor(kind: MethodQuery['kind'], overrides: Partial<HotspotQuery> = {}): HotspotQuery {
  const method: MethodQuery = kind === 'gistar' || kind === 'emerging' ? { kind, statistics: STATISTICS } : kind === 'change' ? { kind, earlier: null, later: null, minCount: 1 } : { kind };
  return { filter: { ...NO_FILTER, categories: [0, 1], sources: [1] }, resolution: 9, harmWeights: {}, weighting: 'count', harmScheme: 'Equal', topN: 5, method, ...overrides };
}
