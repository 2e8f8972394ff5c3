import { buildingsFromFile, type BuildingsImport } from '../core/buildings/importBuildings';
import type { Steps } from '../core/coverage/coverageMatrix';
import type { Dataset, IncidentSource } from '../core/dataset';
import { CoreError } from '../core/errors';
import { hotspotsCsv, hotspotsGeoJson } from '../core/export/hotspots';
import highsWasmUrl from 'highs/runtime?url';
import { planContext, planExact, planGreedy, planMoves, type PlanContext } from '../core/coverage/planCameras';
import { accuracyReport } from '../core/hotspots/accuracyReport';
import { coverageDemand } from '../core/cameras/coverageDemand';
import { patrolWindows } from '../core/hotspots/patrolWindows';
import { selectRows } from '../core/hotspots/filter';
import { areaPolygon } from '../core/hotspots/areaFilter';
import { countsByArea, polygonOfPointsCached } from '../core/hotspots/areaCounts';
import { findLocations } from '../core/hotspots/findPlaces';
import { zoneProposals, zoneReport } from '../core/zones/zoneReport';
import { evaluateIntervention } from '../core/zones/evaluateIntervention';
import { cellBreakdown } from '../core/hotspots/cellBreakdown';
import { computeHotspots, harmWeightArray, hotspotExportRecords, type HotspotQuery, type HotspotResult } from '../core/hotspots/computeHotspots';
import type { SourceSelection } from '../core/hotspots/filter';
import { identifyFile } from '../core/ingest/contentHash';
import { blobByteSource } from '../core/ingest/ingestFile';
import { combinedRejectedRowsCsv, rejectedRowsCsv } from '../core/ingest/rejects';
import { withDataNote } from '../core/provenance';
import type { WorkerRequest } from './protocol';

/** The last hotspot query and its selection: breakdowns and exports answer for what is on screen. */
let current: { query: HotspotQuery; selection: SourceSelection[]; result: HotspotResult } | null = null;

function requireCurrent(): NonNullable<typeof current> {
  if (!current) throw new CoreError('BAD_INPUT', 'There is no hotspot map yet: load data first.');
  return current;
}

/** The last camera plan's problem, so an exact solve or moves reuse it. */
let planning: PlanContext | null = null;

function requirePlan(): PlanContext {
  if (!planning) throw new CoreError('BAD_INPUT', 'Plan cameras first.');
  return planning;
}

/** Building footprints, when loaded: camera plans can count only what cameras see past them. */
let buildings: (BuildingsImport & { key: string }) | null = null;

async function planWithBuildings(dataset: Dataset, request: Extract<WorkerRequest, { type: 'plan-cameras' }>, steps: Steps) {
  const selection = selectRows(dataset, request.query.filter);
  const wanted = request.options.useBuildings ? request.buildings : undefined;
  if (wanted && buildings?.key !== wanted) throw new CoreError('BUILDINGS_MISSING', 'The building footprints are not loaded in the data worker.');
  const footprints = wanted && buildings ? buildings.footprints : [];
  const options = { ...request.options, withinArea: areaPolygon(request.query.filter.area) };
  planning = await planContext(dataset, selection, harmWeightArray(dataset, request.query.harmWeights), request.cameras, options, footprints, steps);
  return planGreedy(planning);
}

export function handleQuery(dataset: Dataset, request: Exclude<WorkerRequest, { type: 'load' | 'cancel' | 'prepare-sample' | 'load-prepared' }>, steps: Steps = {}): unknown {
  switch (request.type) {
    case 'hotspots': {
      const { result, selection } = computeHotspots(dataset, request.query);
      current = { query: request.query, selection, result };
      return result;
    }
    case 'cell-breakdown': {
      const { query, selection, result } = requireCurrent();
      const { monthFrom, monthCounts } = result.profile;
      return cellBreakdown(dataset, selection, query.resolution, request.cell, monthFrom, monthFrom + monthCounts.length - 1);
    }
    case 'export-hotspots': {
      const { query, selection, result } = requireCurrent();
      const records = withDataNote(hotspotExportRecords(dataset, selection, query, result), request.note ?? null);
      return request.format === 'csv' ? hotspotsCsv(records) : JSON.stringify(hotspotsGeoJson(records));
    }
    case 'rejected-rows': {
      const sources = request.sourceIds.map((id) => dataset.source(id));
      if (sources.length === 0 || sources.some((source) => !source)) throw new CoreError('BAD_INPUT', 'That source is no longer loaded.');
      const loaded = sources as IncidentSource[];
      return loaded.length === 1 ? rejectedRowsCsv(loaded[0].rejects) : combinedRejectedRowsCsv(loaded.map((source) => ({ file: source.summary.name, log: source.rejects })));
    }
    case 'plan-cameras':
      return planWithBuildings(dataset, request, steps);
    case 'load-buildings':
      return request.file.arrayBuffer().then((bytes) => buildingsFromFile(bytes, request.name)).then((read) => {
        buildings = { ...read, key: request.key };
        return read.summary;
      });
    case 'clear-buildings':
      buildings = null;
      return null;
    case 'plan-exact':
      return planExact(requirePlan(), () => highsWasmUrl);
    case 'plan-moves':
      return planMoves(requirePlan(), request.maxMoves);
    case 'zone-report': {
      const { selection, result } = requireCurrent();
      return zoneReport(dataset, selection, result, request.zones);
    }
    case 'propose-zones': {
      const { query, result } = requireCurrent();
      return zoneProposals(result, request.minBin, { ...request.options, withinArea: areaPolygon(query.filter.area) });
    }
    case 'evaluate': {
      const { selection, result } = requireCurrent();
      return evaluateIntervention(dataset, selection, request.query, result.profile.monthFrom, result.profile.monthCounts.length);
    }
    case 'area-counts': {
      const { query, selection } = requireCurrent();
      return countsByArea(selection, request.layer, request.features, polygonOfPointsCached(dataset, request.key, request.features), harmWeightArray(dataset, query.harmWeights), areaPolygon(query.filter.area));
    }
    case 'find-places':
      return findLocations(dataset, request.query, request.limit);
    case 'briefing-facts': {
      const { query, selection } = requireCurrent();
      return { demand: coverageDemand(dataset, selection, harmWeightArray(dataset, query.harmWeights), request.sites), patrol: patrolWindows(dataset, selection, request.area) };
    }
    case 'accuracy':
      return accuracyReport(dataset, request.query);
    case 'identify':
      return identifyFile(blobByteSource(request.file, 'file'));
    case 'remove-source':
      dataset.removeSource(request.sourceId);
      current = null;
      return null;
  }
}
