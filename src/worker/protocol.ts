import type { BuildingsSummary } from '../core/buildings/importBuildings';
import type { PackedCategories, SourceSummary } from '../core/dataset';
import type { AccuracyQuery, AccuracyReport } from '../core/hotspots/accuracyReport';
import type { Camera } from '../core/cameras/importCameras';
import type { SiteDemand, SiteSpecification } from '../core/cameras/coverageDemand';
import type { Bounds } from '../core/geo/webMercator';
import type { PatrolWindows } from '../core/hotspots/patrolWindows';
import type { CameraPlan, MoveSuggestion, PlanOptions } from '../core/coverage/planCameras';
import type { CellBreakdown } from '../core/hotspots/cellBreakdown';
import type { ProposalOptions, ProposedZone } from '../core/zones/proposeZones';
import type { Zone } from '../core/zones/zone';
import type { InterventionEvaluation, InterventionQuery } from '../core/zones/evaluateIntervention';
import type { ZoneReport } from '../core/zones/zoneReport';
import type { HotspotQuery, HotspotResult } from '../core/hotspots/computeHotspots';
import type { IngestProgress, MappingRequest } from '../core/ingest/ingestFile';
import type { ColumnMapping } from '../core/ingest/schema';
import type { AreaCounts } from '../core/hotspots/areaCounts';
import type { FoundPlace } from '../core/hotspots/findPlaces';
import type { NamedBoundary } from '../core/geo/boundaries';


/** What the main thread may ask the data worker. Each request carries an id; the answer echoes it. */
export type WorkerRequest =
  | { type: 'load'; id: number; file: Blob; name: string; mapping?: ColumnMapping }
  | { type: 'identify'; id: number; file: Blob }
  | { type: 'prepare-sample'; id: number; files: { url: string; name: string; mapping?: ColumnMapping }[] }
  | { type: 'load-prepared'; id: number; name: string }
  | { type: 'cancel'; id: number; target: number }
  | { type: 'remove-source'; id: number; sourceId: number }
  | { type: 'hotspots'; id: number; query: HotspotQuery }
  | { type: 'cell-breakdown'; id: number; cell: string }
  | { type: 'export-hotspots'; id: number; format: 'csv' | 'geojson'; note?: string | null }
  | { type: 'rejected-rows'; id: number; sourceIds: number[] }
  | { type: 'accuracy'; id: number; query: AccuracyQuery }
  | { type: 'plan-cameras'; id: number; query: HotspotQuery; cameras: Camera[]; options: PlanOptions; buildings?: string }
  | { type: 'plan-exact'; id: number }
  | { type: 'plan-moves'; id: number; maxMoves: number }
  | { type: 'zone-report'; id: number; zones: Zone[] }
  | { type: 'propose-zones'; id: number; minBin: number; options: ProposalOptions }
  | { type: 'evaluate'; id: number; query: InterventionQuery }
  | { type: 'area-counts'; id: number; layer: string; key: string; features: NamedBoundary[] }
  | { type: 'find-places'; id: number; query: string; limit: number }
  | { type: 'briefing-facts'; id: number; sites: SiteSpecification[]; area: Bounds | null }
  | { type: 'load-buildings'; id: number; file: Blob; name: string; key: string }
  | { type: 'clear-buildings'; id: number };

export type LoadResult =
  | { status: 'loaded'; summary: SourceSummary; categories: PackedCategories }
  | { status: 'needs-mapping'; request: MappingRequest };

export interface ResultTypes {
  load: LoadResult;
  identify: string;
  cancel: null;
  'prepare-sample': null;
  'load-prepared': LoadResult;
  'remove-source': null;
  hotspots: HotspotResult;
  'cell-breakdown': CellBreakdown;
  'export-hotspots': string;
  'rejected-rows': string;
  accuracy: AccuracyReport;
  'plan-cameras': CameraPlan;
  'plan-exact': CameraPlan;
  'plan-moves': { moves: MoveSuggestion[]; before: number; after: number };
  'zone-report': ZoneReport;
  'propose-zones': ProposedZone[];
  evaluate: InterventionEvaluation;
  'area-counts': AreaCounts;
  'find-places': FoundPlace[];
  'briefing-facts': { demand: SiteDemand[]; patrol: PatrolWindows };
  'load-buildings': BuildingsSummary;
  'clear-buildings': null;
}

export type WorkerEvent =
  | { type: 'progress'; id: number; progress: IngestProgress }
  | { type: 'steps'; id: number; done: number; total: number }
  | { type: 'result'; id: number; value: unknown }
  | { type: 'error'; id: number; code: string; message: string };
