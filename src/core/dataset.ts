import { latLngToCell } from 'h3-js';
import { GrowableColumn, StringInterner } from './ingest/columns';
import type { RejectLog } from './ingest/rejects';
import type { ColumnMapping } from './ingest/schema';

/**
 * The loaded incidents, held column-wise. Points (distinct coordinates), categories and location
 * texts are shared by all sources and stored once; each source keeps integer ids per row.
 * police.uk snaps incidents to a fixed set of map points, so a million rows use about a hundred
 * thousand points, and each point's H3 cell is computed once per resolution.
 */
export type CategoryFamily = 'police.uk' | 'council';
export type SourceKind = 'police.uk' | 'mapped' | 'h3';

export interface CategoryInfo {
  id: number;
  family: CategoryFamily;
  name: string;
}

export class CategoryRegistry {
  readonly list: CategoryInfo[] = [];
  private readonly ids = new Map<string, number>();

  idOf(family: CategoryFamily, name: string): number {
    const key = `${family}\u0000${name}`;
    let id = this.ids.get(key);
    if (id === undefined) {
      id = this.list.length;
      this.list.push({ id, family, name });
      this.ids.set(key, id);
    }
    return id;
  }
}

export class PointTable {
  readonly lat = new GrowableColumn(Float64Array, 4096);
  readonly lng = new GrowableColumn(Float64Array, 4096);
  private readonly ids = new Map<number, number>();

  get count(): number {
    return this.lat.length;
  }

  idOfKey(key: number): number | undefined {
    return this.ids.get(key);
  }

  add(key: number, lat: number, lng: number): number {
    const id = this.lat.length;
    this.lat.push(lat);
    this.lng.push(lng);
    this.ids.set(key, id);
    return id;
  }
}

/** One row per accepted incident. `monthIndex` 0 means undated (pre-aggregated tables without a month). */
export interface IncidentColumns {
  point: Uint32Array;
  monthIndex: Uint16Array;
  /** Minutes since midnight, -1 when unknown. */
  minuteOfDay: Int16Array;
  /** 0 = Monday, -1 when unknown. */
  weekday: Int8Array;
  category: Uint16Array;
  location: Uint32Array;
  /** Incidents a row stands for (pre-aggregated counts); null means one each. */
  weight: Float32Array | null;
}

export interface SourceSummary {
  id: number;
  name: string;
  kind: SourceKind;
  bytes: number;
  fingerprint: string;
  rowsRead: number;
  accepted: number;
  rejected: number;
  rejectCounts: Record<string, number>;
  /** Rows kept although their Crime ID (or reference) appeared before with a different line. */
  repeatedIds: number;
  monthMin: number | null;
  monthMax: number | null;
  /** Accepted rows per category id. */
  categoryCounts: Record<number, number>;
  hasTimes: boolean;
  /** Incidents represented (sum of weights), equal to `accepted` for row-level sources. */
  incidents: number;
  h3Resolution: number | null;
  mapping: ColumnMapping | null;
}

export interface IncidentSource {
  summary: SourceSummary;
  columns: IncidentColumns;
  rejects: RejectLog;
}

export interface PointCells {
  /** Per point: index into `cells`. */
  cellOfPoint: Int32Array;
  cells: string[];
  cellIds: Map<string, number>;
}

export class Dataset {
  readonly points = new PointTable();
  readonly categories = new CategoryRegistry();
  readonly locations = new StringInterner();
  sources: IncidentSource[] = [];
  private nextSourceId = 1;
  private readonly pointCells = new Map<number, PointCells>();

  allocateSourceId(): number {
    return this.nextSourceId++;
  }

  addSource(source: IncidentSource): void {
    this.sources.push(source);
  }

  removeSource(id: number): boolean {
    const before = this.sources.length;
    this.sources = this.sources.filter((source) => source.summary.id !== id);
    return this.sources.length !== before;
  }

  source(id: number): IncidentSource | undefined {
    return this.sources.find((source) => source.summary.id === id);
  }

  /** Each point's H3 cell at `resolution`, computed once and extended as points are added. */
  cellsAt(resolution: number): PointCells {
    let entry = this.pointCells.get(resolution);
    const count = this.points.count;
    if (entry && entry.cellOfPoint.length === count) return entry;
    const previous = entry;
    const cellOfPoint = new Int32Array(count);
    const cells = previous?.cells ?? [];
    const cellIds = previous?.cellIds ?? new Map<string, number>();
    const from = previous ? previous.cellOfPoint.length : 0;
    if (previous) cellOfPoint.set(previous.cellOfPoint);
    for (let point = from; point < count; point++) {
      const cell = latLngToCell(this.points.lat.get(point), this.points.lng.get(point), resolution);
      let id = cellIds.get(cell);
      if (id === undefined) {
        id = cells.length;
        cells.push(cell);
        cellIds.set(cell, id);
      }
      cellOfPoint[point] = id;
    }
    entry = { cellOfPoint, cells, cellIds };
    this.pointCells.set(resolution, entry);
    return entry;
  }
}
