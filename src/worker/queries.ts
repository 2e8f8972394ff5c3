import { buildingsFromFile, type BuildingsImport } from '../core/buildings/importBuildings';
import type { Steps } from '../core/coverage/coverageMatrix';
import type { Dataset, IncidentSource } from '../core/dataset';
import { MOST_CELLS } from '../core/hotspots/cellMesh';
import { clampResolution } from '../core/vocabulary';
import { CoreError } from '../core/errors';
import { hotspotsCsv, hotspotsGeoJson } from '../core/export/hotspots';
import highsWasmUrl from 'highs/runtime?url';
import { planContext, planExact, planGreedy, planMoves, type PlanContext } from '../core/coverage/planCameras';
import { accuracyReport } from '../core/hotspots/accuracyReport';
import { coverageDemand } from '../core/cameras/coverageDemand';
import { patrolWindows } from '../core/hotspots/patrolWindows';
import { areaPolygon } from '../core/hotspots/areaFilter';
import { countsByArea, polygonOfPointsCached } from '../core/hotspots/areaCounts';
import { findLocations } from '../core/hotspots/findPlaces';
import { zoneProposals, zoneReport } from '../core/zones/zoneReport';
import { evaluateIntervention } from '../core/zones/evaluateIntervention';
import { evidenceContext, zoneEvidence } from '../core/zones/zoneEvidence';
import { cellBreakdown } from '../core/hotspots/cellBreakdown';
import { computeHotspots, harmWeightArray, hotspotExportRecords, type HotspotQuery, type HotspotResult } from '../core/hotspots/computeHotspots';
import type { SourceSelection } from '../core/hotspots/filter';
import { identifyFile } from '../core/ingest/contentHash';
import { blobByteSource } from '../core/ingest/ingestFile';
import { combinedRejectedRowsCsv, rejectedRowsCsv } from '../core/ingest/rejects';
import { archiveFiles } from '../core/ingest/zipArchive';
import { withDataNote } from '../core/provenance';
import { communityTriggerReport } from '../core/trigger/triggerReport';
import type { MessageName, MessageResult, RequestOf } from './protocol';
import type { PlanQuery } from '../core/coverage/planQuery';

/**
 * The newest answer for a query, kept so follow-up questions about the same map (a cell's
 * breakdown, an export, a zone report) do not recompute it. Keyed by the query itself: a request
 * for another map computes that map, so no answer depends on what was asked before.
 */
class QueryCache<Query, Answer> {
  private entry: { key: string; answer: Answer } | null = null;

  async get(query: Query, compute: () => Answer | Promise<Answer>): Promise<Answer> {
    const key = JSON.stringify(query);
    if (this.entry?.key !== key) this.entry = { key, answer: await compute() };
    return this.entry.answer;
  }

  clear(): void {
    this.entry = null;
  }
}

const maps = new QueryCache<HotspotQuery, { selection: SourceSelection[]; result: HotspotResult }>();
const plans = new QueryCache<PlanQuery, PlanContext>();

/** How many of the cells of each cellsAt table have been announced (see cellsToOutline). */
const announced = new WeakMap<readonly string[], number>();

/**
 * The cells at the map's resolution not announced before, found before the map is counted so they
 * can be outlined for its mesh meanwhile; none past the number of cells a mesh keeps outlined.
 */
export function cellsToOutline(dataset: Dataset, query: HotspotQuery): string[] {
  const { cells } = dataset.cellsAt(clampResolution(query.resolution));
  const from = announced.get(cells) ?? 0;
  announced.set(cells, cells.length);
  return cells.length > MOST_CELLS ? [] : cells.slice(from);
}

/** Sources came or went: every kept answer may be out of date. */
export function forgetAnswers(): void {
  maps.clear();
  plans.clear();
}

const mapOf = (dataset: Dataset, query: HotspotQuery) => maps.get(query, () => computeHotspots(dataset, query));

/** Building footprints, when loaded: camera plans can count only what cameras see past them. */
let buildings: (BuildingsImport & { key: string }) | null = null;

function planOf(dataset: Dataset, query: PlanQuery, steps: Steps): Promise<PlanContext> {
  return plans.get(query, async () => {
    const { selection } = await mapOf(dataset, query.map);
    const wanted = query.options.useBuildings ? query.buildings : undefined;
    if (wanted && buildings?.key !== wanted) throw new CoreError('BUILDINGS_MISSING', 'The building footprints are not loaded in the data worker.');
    const footprints = wanted && buildings ? buildings.footprints : [];
    const options = { ...query.options, withinArea: areaPolygon(query.map.filter.area) };
    return planContext(dataset, selection, harmWeightArray(dataset, query.map.harmWeights), query.cameras, options, footprints, steps);
  });
}

export type QueryName = Exclude<MessageName, 'load' | 'load-batch' | 'unpack-archive' | 'cancel' | 'prepare-sample' | 'load-prepared' | 'warm-parsers'>;
type Handlers = { [K in QueryName]: (dataset: Dataset, request: RequestOf<K>, steps: Steps) => MessageResult<K> | Promise<MessageResult<K>> };

/** One handler per question, typed by the protocol: a message without one does not compile. */
const handlers: Handlers = {
  hotspots: async (dataset, { query }) => (await mapOf(dataset, query)).result,
  'cell-breakdown': async (dataset, { map, cell }) => {
    const { selection, result } = await mapOf(dataset, map);
    const { monthFrom, monthCounts } = result.profile;
    return cellBreakdown(dataset, selection, result.query.resolution, cell, monthFrom, monthFrom + monthCounts.length - 1);
  },
  'export-hotspots': async (dataset, { map, format, note }) => {
    const { selection, result } = await mapOf(dataset, map);
    const records = withDataNote(hotspotExportRecords(dataset, selection, result.query, result), note ?? null);
    return format === 'csv' ? hotspotsCsv(records) : JSON.stringify(hotspotsGeoJson(records));
  },
  'rejected-rows': (dataset, { sourceIds }) => {
    const sources = sourceIds.map((id) => dataset.source(id));
    if (sources.length === 0 || sources.some((source) => !source)) throw new CoreError('BAD_INPUT', 'That source is no longer loaded.');
    const loaded = sources as IncidentSource[];
    return loaded.length === 1 ? rejectedRowsCsv(loaded[0].rejects) : combinedRejectedRowsCsv(loaded.map((source) => ({ file: source.summary.name, log: source.rejects })));
  },
  'plan-cameras': async (dataset, { query }, steps) => ({ ...planGreedy(await planOf(dataset, query, steps)), query }),
  'plan-exact': async (dataset, { query }, steps) => ({ ...(await planExact(await planOf(dataset, query, steps), () => highsWasmUrl)), query }),
  'plan-moves': async (dataset, { query, maxMoves }, steps) => ({ ...planMoves(await planOf(dataset, query, steps), maxMoves), query }),
  'load-buildings': async (_dataset, { file, name, key }) => {
    const read = await buildingsFromFile(await file.arrayBuffer(), name);
    buildings = { ...read, key };
    plans.clear();
    return read.summary;
  },
  'clear-buildings': () => {
    buildings = null;
    plans.clear();
    return null;
  },
  'zone-report': async (dataset, { map, zones }) => {
    const { selection, result } = await mapOf(dataset, map);
    return zoneReport(dataset, selection, result, zones);
  },
  'propose-zones': async (dataset, { map, minBin, options }) => {
    const { result } = await mapOf(dataset, map);
    return zoneProposals(result, minBin, { ...options, withinArea: areaPolygon(map.filter.area) });
  },
  evaluate: async (dataset, { map, query }) => {
    const { selection, result } = await mapOf(dataset, map);
    return evaluateIntervention(dataset, selection, query, result.profile.monthFrom, result.profile.monthCounts.length);
  },
  'area-counts': async (dataset, { map, layer, key, features }) => {
    const { selection } = await mapOf(dataset, map);
    return countsByArea(selection, layer, features, polygonOfPointsCached(dataset, key, features), harmWeightArray(dataset, map.harmWeights), areaPolygon(map.filter.area));
  },
  'find-places': (dataset, { query, limit }) => findLocations(dataset, query, limit),
  'briefing-facts': async (dataset, { map, sites, area }) => {
    const { selection } = await mapOf(dataset, map);
    return { demand: coverageDemand(dataset, selection, harmWeightArray(dataset, map.harmWeights), sites), patrol: patrolWindows(dataset, selection, area) };
  },
  'list-archive': async (_dataset, { file, name }) => (await archiveFiles(file, name)).map(({ path, size }) => ({ path, size })),
  accuracy: (dataset, { query }) => accuracyReport(dataset, query),
  'community-trigger': (dataset, { query }) => communityTriggerReport(dataset, query),
  'zone-evidence': async (dataset, { map, query }) => {
    const { selection, result } = await mapOf(dataset, map);
    return zoneEvidence(dataset, selection, evidenceContext(dataset, map, result), query);
  },
  identify: (_dataset, { file }) => identifyFile(blobByteSource(file, 'file')),
  'remove-source': (dataset, { sourceId }) => {
    dataset.removeSource(sourceId);
    forgetAnswers();
    return null;
  },
};

export function handleQuery<K extends QueryName>(dataset: Dataset, request: RequestOf<K>, steps: Steps = {}): MessageResult<K> | Promise<MessageResult<K>> {
  return (handlers[request.type] as Handlers[K])(dataset, request, steps);
}
