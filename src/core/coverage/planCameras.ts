import type { Weighting } from '../vocabulary';
import { cellToLatLng } from 'h3-js';
import type { Camera } from '../cameras/importCameras';
import type { Dataset } from '../dataset';
import { CoreError } from '../errors';
import { csvDocument } from '../export/csv';
import { wgs84ToBng } from '../geo/bng';
import { aggregateCells } from '../hotspots/aggregate';
import { topLabelsByCell } from '../hotspots/cellBreakdown';
import type { SourceSelection } from '../hotspots/filter';
import type { FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import { insideArea, prepareArea } from '../zones/pointsInZones';
import { buildCoverageMatrix, buildCoverageMatrixInSteps, coverageOf, localPlane, type CoverageMatrix, type LocalPlane, type Steps } from './coverageMatrix';
import { buildingsEffect, camerasAsSites, lineOfSight, planViewsheds, seenArea, type BuildingsEffect, type Footprint, type Sight, type ViewshedProperties } from '../visibility/planVisibility';
import { exactPlacement, type ExactResult } from './exact';
import { coveredBeyondFixed, greedyPlacement, type PlacementInput } from './greedy';
import { suggestMoves, type Move } from './redeploy';

/** Demand is counted at res 11 (~50 m between centres): coarser cells are wider than a camera's reach. */
export const DEMAND_RESOLUTION = 11;

export interface PlanOptions {
  cameras: number;
  radiusM: number;
  minSpacingM: number;
  /** Coverage at the edge of the radius (1 = no decay). */
  edgeFactor: number;
  basis: Weighting;
  /** Areas new cameras may not go (e.g. private land, a conservation area). */
  excludedAreas?: (Polygon | MultiPolygon)[];
  /** Areas whose incidents are covered first (e.g. a PSPO zone); the rest competes for what is left. */
  mustCoverAreas?: (Polygon | MultiPolygon)[];
  /** Approved mounting points (lamp columns…); without them, every demand cell's centre is a candidate. */
  candidateSites?: CandidateSite[];
  /** Count only what cameras see past the loaded building footprints. */
  useBuildings?: boolean;
  /** The study area: new cameras and moves stay inside it (re-deployable cameras may start outside). */
  withinArea?: Polygon | MultiPolygon | null;
}

/** Demand inside a must-cover area counts this many times over while choosing, so it is served first. */
const MUST_COVER_PRIORITY = 1000;

export interface PlannedCamera {
  rank: number;
  site: number;
  lat: number;
  lng: number;
  easting: number;
  northing: number;
  /** Demand this camera added when it was placed (greedy order). */
  marginalGain: number;
  /** Demand within its own reach. */
  coveredDemand: number;
  topLocation: string;
}

export interface CoverageSummary {
  totalDemand: number;
  coveredByFixed: number;
  coveredByRedeployableNow: number;
  coveredByPlan: number;
  /** Share of all demand covered by fixed cameras plus the plan. */
  shareWithPlan: number;
  shareFixedOnly: number;
  /** Demand seen by two or more cameras (fixed and planned): coverage spent twice. */
  overlapDemand: number;
}

export interface CameraPlan {
  planned: PlannedCamera[];
  summary: CoverageSummary;
  candidates: number;
  demandCells: number;
  method: 'greedy' | 'exact';
  exact?: Omit<ExactResult, 'sites'>;
  /** With building footprints: the same cameras scored without them, and what stood inside one. */
  buildings?: BuildingsEffect;
  /** With building footprints: what each camera (existing and planned) can see, as GeoJSON polygons for the map and the briefing. */
  viewsheds?: FeatureCollection<Polygon, ViewshedProperties>;
  /** With building footprints: those within the cameras' reach, to draw beside the viewsheds. */
  buildingsInReach?: FeatureCollection<Footprint>;
  /** The viewsheds joined into one area (null if they could not be joined), for evaluating the cameras' coverage. */
  seenArea?: Polygon | MultiPolygon | null;
}

function withSeenArea(drawn: ReturnType<typeof planViewsheds>) {
  return { ...drawn, seenArea: seenArea(drawn.viewsheds) };
}

/** The plan's inputs, kept by the worker so "solve exactly" and "suggest moves" reuse them. */
/** An approved mounting point; its name (from the sites file) describes a planned camera there. */
export interface CandidateSite {
  lat: number;
  lng: number;
  name?: string;
}

export interface PlanContext {
  demand: { lat: number[]; lng: number[] };
  plane: LocalPlane;
  fixed: Camera[];
  /** Line of sight through building footprints, when the plan uses them. */
  buildings: { footprints: readonly Footprint[]; sight: Sight; candidatesInside: number; camerasInside: string[] } | null;
  input: PlacementInput;
  cells: string[];
  sites: { lat: number[]; lng: number[] };
  labels: string[];
  weight: Float64Array;
  redeployableSites: number[];
  redeployableIds: string[];
  /** True when candidate sites are the demand cells' centres (so a site has the cell's location text). */
  sitesAreDemandCells: boolean;
  /** Names of loaded candidate sites by site index ('' where none). */
  siteNames: string[];
  options: PlanOptions;
}

function coverageFrom(matrix: CoverageMatrix, count: number): Float32Array {
  return coverageOf(matrix, Array.from({ length: count }, (_, i) => i));
}

/**
 * Builds the placement problem from the filtered incidents: demand = res-11 cells (count or harm),
 * candidate sites = the demand cells' centres (a camera goes where incidents are), fixed cameras'
 * coverage credited up front, and the re-deployable cameras' current positions added as
 * candidates so moves can start from them.
 */
export async function planContext(dataset: Dataset, selection: readonly SourceSelection[], harmWeights: ArrayLike<number>, cameras: readonly Camera[], options: PlanOptions, footprints: readonly Footprint[] = [], steps: Steps = {}): Promise<PlanContext> {
  const aggregate = aggregateCells(dataset, selection, DEMAND_RESOLUTION, harmWeights);
  if (aggregate.cells.length === 0) throw new CoreError('TOO_FEW_CELLS', 'No incidents in the current filter to place cameras against.');
  const weight = options.basis === 'harm' ? aggregate.harm : aggregate.counts;
  const centres = aggregate.cells.map((cell) => cellToLatLng(cell));
  const demand = { lat: centres.map(([lat]) => lat), lng: centres.map(([, lng]) => lng) };
  const plane = localPlane(demand);
  const redeployable = cameras.filter((c) => c.kind === 'redeployable');
  const within = options.withinArea ? prepareArea(options.withinArea) : null;
  const inStudyArea = (lat: number, lng: number) => !within || insideArea(within, lng, lat);
  const imported = options.candidateSites && options.candidateSites.length > 0 ? options.candidateSites.filter((c) => inStudyArea(c.lat, c.lng)) : null;
  if (imported && imported.length === 0) throw new CoreError('BAD_INPUT', `None of the ${options.candidateSites!.length} candidate sites lies in the study area.`);
  const candidates = imported ? { lat: imported.map((c) => c.lat), lng: imported.map((c) => c.lng) } : demand;
  const sites = { lat: [...candidates.lat, ...redeployable.map((c) => c.lat)], lng: [...candidates.lng, ...redeployable.map((c) => c.lng)] };
  const sight = footprints.length > 0 ? lineOfSight(footprints, plane) : undefined;
  const sightFrom = sight?.sightFrom;
  const fixed = cameras.filter((c) => c.kind === 'fixed');
  const fixedMatrix = buildCoverageMatrix(demand, camerasAsSites(fixed), options, plane, sightFrom);
  const matrix = await buildCoverageMatrixInSteps(demand, sites, options, plane, sightFrom, steps);
  const labels = topLabelsByCell(dataset, selection, DEMAND_RESOLUTION, aggregate.cells).topLocation;
  const inAny = (areas: (Polygon | MultiPolygon)[] | undefined) => {
    const prepared = (areas ?? []).map(prepareArea);
    return (lat: number, lng: number) => prepared.some((area) => insideArea(area, lng, lat));
  };
  const inExcluded = inAny(options.excludedAreas);
  // A demand cell's centre can lie just over the study area's edge although its incidents do not.
  const outside = (lat: number, lng: number, s: number) => inExcluded(lat, lng) || (s < candidates.lat.length && !inStudyArea(lat, lng));
  const excluded = new Set([...sites.lat.map((lat, s) => (outside(lat, sites.lng[s], s) ? s : -1)).filter((s) => s >= 0), ...matrix.insideBuildings]);
  const inMustCover = inAny(options.mustCoverAreas);
  const choosingWeight = Float64Array.from(weight, (w, i) => (inMustCover(demand.lat[i], demand.lng[i]) ? w * MUST_COVER_PRIORITY : w));
  const buildings = sight
    ? {
        footprints,
        sight,
        candidatesInside: matrix.insideBuildings.filter((s) => s < candidates.lat.length).length,
        camerasInside: [...fixedMatrix.insideBuildings.map((i) => fixed[i].id), ...matrix.insideBuildings.filter((s) => s >= candidates.lat.length).map((s) => redeployable[s - candidates.lat.length].id)],
      }
    : null;
  return {
    demand,
    plane,
    fixed,
    buildings,
    input: { matrix, weight: choosingWeight, alreadyCovered: coverageFrom(fixedMatrix, fixed.length), p: options.cameras, siteLat: sites.lat, siteLng: sites.lng, plane, minSpacingM: options.minSpacingM, excluded },
    cells: aggregate.cells,
    sites,
    labels,
    weight,
    redeployableSites: redeployable.map((_, i) => candidates.lat.length + i),
    redeployableIds: redeployable.map((c) => c.id),
    sitesAreDemandCells: candidates === demand,
    siteNames: options.candidateSites?.map((c) => c.name ?? '') ?? [],
    options,
  };
}

function describePlan(context: PlanContext, sites: readonly number[], method: CameraPlan['method']): CameraPlan {
  const { weight, labels } = context;
  // Summaries use the real demand, not the must-cover priority used while choosing.
  const input = { ...context.input, weight };
  const gains = sites.map((_, rank) => coveredBeyondFixed(input, sites.slice(0, rank + 1)) - (rank > 0 ? coveredBeyondFixed(input, sites.slice(0, rank)) : 0));
  let total = 0;
  let fixedCovered = 0;
  for (let i = 0; i < weight.length; i++) {
    total += weight[i];
    fixedCovered += weight[i] * input.alreadyCovered[i];
  }
  const planned = sites.map((site, rank) => {
    let own = 0;
    let bestLabel = '';
    let bestWeight = -1;
    for (let e = input.matrix.offsets[site]; e < input.matrix.offsets[site + 1]; e++) {
      const i = input.matrix.demand[e];
      own += weight[i] * input.matrix.factor[e];
      if (weight[i] > bestWeight && labels[i]) {
        bestWeight = weight[i];
        bestLabel = labels[i];
      }
    }
    const lat = context.sites.lat[site];
    const lng = context.sites.lng[site];
    const { easting, northing } = wgs84ToBng(lat, lng);
    return { rank: rank + 1, site, lat, lng, easting: Math.round(easting), northing: Math.round(northing), marginalGain: gains[rank], coveredDemand: own, topLocation: context.siteNames[site] || bestLabel };
  });
  const byPlan = coveredBeyondFixed(input, sites);
  const seenBy = Uint8Array.from(input.alreadyCovered, (c) => (c > 0 ? 1 : 0));
  for (const site of sites) for (let e = input.matrix.offsets[site]; e < input.matrix.offsets[site + 1]; e++) seenBy[input.matrix.demand[e]]++;
  let overlapDemand = 0;
  for (let i = 0; i < seenBy.length; i++) if (seenBy[i] >= 2) overlapDemand += weight[i];
  return {
    planned,
    ...(context.buildings ? { buildings: buildingsEffect(context, sites, total), ...withSeenArea(planViewsheds(context, sites)) } : {}),
    summary: {
      totalDemand: total,
      coveredByFixed: fixedCovered,
      coveredByRedeployableNow: coveredBeyondFixed(input, context.redeployableSites),
      coveredByPlan: byPlan,
      shareWithPlan: total > 0 ? (fixedCovered + byPlan) / total : 0,
      shareFixedOnly: total > 0 ? fixedCovered / total : 0,
      overlapDemand,
    },
    candidates: input.matrix.sites - (input.excluded?.size ?? 0),
    demandCells: weight.length,
    method,
  };
}

export function planGreedy(context: PlanContext): CameraPlan {
  return describePlan(context, greedyPlacement(context.input).sites, 'greedy');
}

export async function planExact(context: PlanContext, locateFile?: (file: string) => string): Promise<CameraPlan> {
  const exact = await exactPlacement(context.input, { locateFile, timeLimitS: 30 });
  // Gains in the order of the greedy rule applied to the exact set, so the table reads the same way.
  const ordered = greedyPlacement({ ...context.input, excluded: new Set(Array.from({ length: context.input.matrix.sites }, (_, s) => s).filter((s) => !exact.sites.includes(s))) });
  return { ...describePlan(context, ordered.sites, 'exact'), exact };
}

export interface MoveSuggestion extends Move {
  cameraId: string;
  toLat: number;
  toLng: number;
  toLocation: string;
}

export function planMoves(context: PlanContext, maxMoves: number): { moves: MoveSuggestion[]; before: number; after: number } {
  const { moves, before, after } = suggestMoves(context.input, context.redeployableSites, maxMoves);
  return {
    before,
    after,
    moves: moves.map((move) => ({
      ...move,
      cameraId: context.redeployableIds[move.camera],
      toLat: context.sites.lat[move.toSite],
      toLng: context.sites.lng[move.toSite],
      toLocation: context.siteNames[move.toSite] || (context.sitesAreDemandCells && move.toSite < context.labels.length ? context.labels[move.toSite] : ''),
    })),
  };
}

/** The plan as CSV; `areaName` names the study area on every row (empty = everywhere). */
export function cameraPlanCsv(plan: CameraPlan, areaName = '', note: string | null = null): string {
  return csvDocument(
    ['rank', 'lat', 'lng', 'easting', 'northing', 'marginal_gain', 'covered_demand', 'top_location', 'method', 'study_area'],
    plan.planned.map((c) => [c.rank, c.lat.toFixed(6), c.lng.toFixed(6), c.easting, c.northing, c.marginalGain.toFixed(2), c.coveredDemand.toFixed(2), c.topLocation, plan.method, areaName]),
    note,
  );
}

export function movesCsv(moves: readonly MoveSuggestion[], areaName = '', note: string | null = null): string {
  return csvDocument(
    ['camera_id', 'to_lat', 'to_lng', 'to_location', 'gain', 'gain_pct', 'study_area'],
    moves.map((m) => [m.cameraId, m.toLat.toFixed(6), m.toLng.toFixed(6), m.toLocation, m.gain.toFixed(2), m.gainPct.toFixed(1), areaName]),
    note,
  );
}
