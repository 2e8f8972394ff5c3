import type { BuildingsSummary } from '../core/buildings/importBuildings';
import type { PackedCategories, SourceSummary } from '../core/dataset';
import type { AccuracyQuery, AccuracyReport } from '../core/hotspots/accuracyReport';
import type { SiteDemand, SiteSpecification } from '../core/cameras/coverageDemand';
import type { Bounds } from '../core/geo/webMercator';
import type { PatrolWindows } from '../core/hotspots/patrolWindows';
import type { AnsweredMoves, AnsweredPlan, PlanQuery } from '../core/coverage/planQuery';
import type { CellBreakdown } from '../core/hotspots/cellBreakdown';
import type { ProposalOptions, ProposedZone } from '../core/zones/proposeZones';
import type { Zone } from '../core/zones/zone';
import type { InterventionEvaluation, InterventionQuery } from '../core/zones/evaluateIntervention';
import type { ZoneReport } from '../core/zones/zoneReport';
import type { ZoneEvidence, ZoneEvidenceQuery } from '../core/zones/zoneEvidence';
import type { HotspotQuery, HotspotResult } from '../core/hotspots/computeHotspots';
import type { IngestProgress, MappingRequest } from '../core/ingest/ingestFile';
import type { ColumnMapping } from '../core/ingest/schema';
import type { ZipContents } from '../core/ingest/zipArchive';
import type { AreaCounts } from '../core/hotspots/areaCounts';
import type { FoundPlace } from '../core/hotspots/findPlaces';
import type { NamedBoundary } from '../core/geo/boundaries';
import type { TriggerQuery, TriggerReport } from '../core/trigger/triggerReport';


/** How one file of a batch ended: loaded, left for the column-mapping dialog, failed, or not read (the batch was cancelled first). */
export type BatchFileResult =
  | { status: 'loaded'; summary: SourceSummary }
  | { status: 'needs-mapping' }
  | { status: 'failed'; message: string }
  | { status: 'not-read' };

export interface BatchResult {
  /** One per file, in the order given. */
  results: BatchFileResult[];
  categories: PackedCategories;
  cancelled: boolean;
}

export type LoadResult =
  | { status: 'loaded'; summary: SourceSummary; categories: PackedCategories }
  | { status: 'needs-mapping'; request: MappingRequest };

/**
 * Every message the data worker answers: its parameters and its result, declared together so a
 * message cannot be half-declared and calls need no casts. Questions about a map carry the map's
 * query (`map`), and camera questions the plan's query, so the worker answers from the request
 * alone: its caches are keyed by those queries, never by what was asked before.
 */
export interface DataMessages {
  load: { params: { file: Blob; name: string; mapping?: ColumnMapping }; result: LoadResult };
  /** Several files read as one pipeline: progress over the batch, `steps` as files finish in order, one answer at the end. */
  'load-batch': { params: { files: { file: Blob; name: string }[] }; result: BatchResult };
  identify: { params: { file: Blob }; result: string };
  /** The files a ZIP archive lists (path and unpacked size), read from its table of contents alone. */
  'list-archive': { params: { file: Blob; name: string }; result: { path: string; size: number }[] };
  /** A ZIP archive's files (of the chosen police forces, all when null), unpacked in path order; `steps` count its compressed bytes. */
  'unpack-archive': { params: { file: Blob; name: string; forces: string[] | null }; result: ZipContents };
  cancel: { params: { target: number }; result: null };
  'prepare-sample': { params: { files: { url: string; name: string; mapping?: ColumnMapping }[] }; result: null };
  /** The prepared sample files into the dataset, in this order; a file that could not be read is a failure, the rest still load. */
  'load-prepared': { params: { names: string[] }; result: { summaries: SourceSummary[]; failures: string[]; categories: PackedCategories } };
  /** Starts the parse workers, so the user's first big file does not wait for them (sent once the first map is drawn). */
  'warm-parsers': { params: Record<string, never>; result: null };
  'remove-source': { params: { sourceId: number }; result: null };
  hotspots: { params: { query: HotspotQuery }; result: HotspotResult };
  'cell-breakdown': { params: { map: HotspotQuery; cell: string }; result: CellBreakdown };
  'export-hotspots': { params: { map: HotspotQuery; format: 'csv' | 'geojson'; note?: string | null }; result: string };
  'rejected-rows': { params: { sourceIds: number[] }; result: string };
  accuracy: { params: { query: AccuracyQuery }; result: AccuracyReport };
  'plan-cameras': { params: { query: PlanQuery }; result: AnsweredPlan };
  'plan-exact': { params: { query: PlanQuery }; result: AnsweredPlan };
  'plan-moves': { params: { query: PlanQuery; maxMoves: number }; result: AnsweredMoves };
  'zone-report': { params: { map: HotspotQuery; zones: Zone[] }; result: ZoneReport };
  'propose-zones': { params: { map: HotspotQuery; minBin: number; options: ProposalOptions }; result: ProposedZone[] };
  evaluate: { params: { map: HotspotQuery; query: InterventionQuery }; result: InterventionEvaluation };
  'area-counts': { params: { map: HotspotQuery; layer: string; key: string; features: NamedBoundary[] }; result: AreaCounts };
  'find-places': { params: { query: string; limit: number }; result: FoundPlace[] };
  'briefing-facts': { params: { map: HotspotQuery; sites: SiteSpecification[]; area: Bounds | null }; result: { demand: SiteDemand[]; patrol: PatrolWindows } };
  'load-buildings': { params: { file: Blob; name: string; key: string }; result: BuildingsSummary };
  'clear-buildings': { params: Record<string, never>; result: null };
  'community-trigger': { params: { query: TriggerQuery }; result: TriggerReport };
  'zone-evidence': { params: { map: HotspotQuery; query: ZoneEvidenceQuery }; result: ZoneEvidence };
}

export type MessageName = keyof DataMessages;
export type MessageParams<K extends MessageName> = DataMessages[K]['params'];
export type MessageResult<K extends MessageName> = DataMessages[K]['result'];

/** A message as posted: its name, the call's id (the answer echoes it) and its parameters. */
export type RequestOf<K extends MessageName> = { type: K; id: number } & MessageParams<K>;
export type WorkerRequest = { [K in MessageName]: RequestOf<K> }[MessageName];

export type WorkerEvent =
  | { type: 'progress'; id: number; progress: IngestProgress }
  | { type: 'steps'; id: number; done: number; total: number }
  | { type: 'result'; id: number; value: unknown }
  | { type: 'error'; id: number; code: string; message: string }
  /** Cells found for a map being counted (see cellsToOutline), for the page to have outlined meanwhile. */
  | { type: 'cells'; cells: string[] };
