import { cellToParent, getResolution, latLngToCell } from 'h3-js';
import { cellAtPlace } from './geo/h3Index';
import { H3Lattice, LatticeIds } from './geo/h3Lattice';
import { GrowableColumn, PointRecords, PointTextCache, StringInterner } from './ingest/columns';
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

/**
 * The category list as it crosses to the main thread: names and families in flat arrays, which
 * structured cloning copies many times faster than one object per category (70,000 objects take
 * a third of a second to clone).
 */
export interface PackedCategories {
  names: string[];
  /** 1 where the category is a council one. */
  council: Uint8Array;
}

export function packCategories(list: readonly CategoryInfo[]): PackedCategories {
  return { names: list.map((c) => c.name), council: Uint8Array.from(list, (c) => (c.family === 'council' ? 1 : 0)) };
}

/** The list again, keeping the objects of `previous` that are unchanged (the list only grows). */
export function unpackCategories(packed: PackedCategories, previous: readonly CategoryInfo[] = []): CategoryInfo[] {
  return packed.names.map((name, id) => {
    const family: CategoryFamily = packed.council[id] === 1 ? 'council' : 'police.uk';
    const known = previous[id];
    return known?.name === name && known.family === family ? known : { id, family, name };
  });
}

/** A category by id from a registry's list, which is indexed by id (no lookup table to build over thousands). */
export function categoryWithId(list: readonly CategoryInfo[], id: number): CategoryInfo | undefined {
  const category = list[id];
  return category?.id === id ? category : undefined;
}

/** Integers in each of PointTable's slots. */
const SLOT_INTS = 4;

/**
 * Distinct positions, to the micro-degree (~0.1 m), each with an id. Looked up once per row, so
 * the index is an open-addressing hash table over integer micro-degrees in typed arrays rather
 * than a Map keyed by doubles (several times faster, and no garbage).
 */
export class PointTable {
  readonly lat = new GrowableColumn(Float64Array, 4096);
  readonly lng = new GrowableColumn(Float64Array, 4096);
  /** Slots of four integers (id, latE6, lngE6, unused), so a probe reads one cache line; id -1 is empty. */
  private slots = new Int32Array(SLOT_INTS << 12).fill(-1);

  get count(): number {
    return this.lat.length;
  }

  /** The slot (as an index into `slots`) holding this position, or the empty one where it goes. */
  private slotOf(slots: Int32Array, latE6: number, lngE6: number): number {
    const mask = slots.length / SLOT_INTS - 1;
    // Mix both coordinates into the low bits: neighbouring points differ only in their last digits.
    let hash = Math.imul(latE6 ^ Math.imul(lngE6, 0x85ebca77), 0x9e3779b1);
    hash ^= hash >>> 15;
    let slot = hash & mask;
    for (;;) {
      const at = slot * SLOT_INTS;
      if (slots[at] < 0 || (slots[at + 1] === latE6 && slots[at + 2] === lngE6)) return at;
      slot = (slot + 1) & mask;
    }
  }

  /** The id of the point at this position (WGS84 degrees), adding it if new. */
  idAt(lat: number, lng: number): number {
    const latE6 = Math.round(lat * 1e6);
    const lngE6 = Math.round(lng * 1e6);
    const slots = this.slots;
    const at = this.slotOf(slots, latE6, lngE6);
    const known = slots[at];
    if (known >= 0) return known;
    const id = this.lat.length;
    this.lat.push(lat);
    this.lng.push(lng);
    slots[at] = id;
    slots[at + 1] = latE6;
    slots[at + 2] = lngE6;
    // Keep the table at most half full so probes stay short.
    if (id * 2 * SLOT_INTS >= slots.length) this.rehash();
    return id;
  }

  private rehash(): void {
    const old = this.slots;
    const slots = new Int32Array(old.length * 2).fill(-1);
    for (let at = 0; at < old.length; at += SLOT_INTS) {
      if (old[at] < 0) continue;
      const to = this.slotOf(slots, old[at + 1], old[at + 2]);
      slots[to] = old[at];
      slots[to + 1] = old[at + 1];
      slots[to + 2] = old[at + 2];
    }
    this.slots = slots;
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
  /** 32 bits: a file may hold more than 65,535 distinct categories. */
  category: Uint32Array;
  location: Uint32Array;
  /** police.uk's `LSOA name` per row (ids into `Dataset.lsoaNames`); null for other sources. */
  lsoa: Uint32Array | null;
  /** Incidents a row stands for (pre-aggregated counts); null means one each. */
  weight: Float32Array | null;
  /** Days since 1970-01-01 per row of a mapped source (0 = the row's date has no day); null for police.uk and H3 tables, which give months. */
  day: Uint16Array | null;
  /** Person or household key per row (ids into `Dataset.keys`, 0 = none); null when no key column is mapped. */
  key: Uint32Array | null;
  /** Case reference per row (ids into `Dataset.references`); null when no reference column is mapped. */
  reference: Uint32Array | null;
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
  /** Accepted rows per category id (indexed by id; a typed array, as a file may hold tens of thousands). */
  categoryCounts: Uint32Array;
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
  /** Per cell: the first point found in it, where a map frames the cell (see aggregateExtent). */
  firstPoint: number[];
  /** The cells' ids in H3-index order, sorted once when first asked for (see cellsInIndexOrder). */
  indexOrder: Int32Array | null;
  /** Per lattice place (see H3Lattice): the cell's id, so h3-js is asked once per cell rather than once per point. */
  idsOnLattice: LatticeIds;
}

export class Dataset {
  readonly points = new PointTable();
  readonly categories = new CategoryRegistry();
  readonly locations = new StringInterner();
  readonly lsoaNames = new StringInterner();
  /** The location and LSOA texts last seen at each point, kept with the tables so every file read into them starts warm. */
  private readonly textsAtPoint = new PointRecords();
  readonly locationAtPoint = new PointTextCache(this.locations, this.textsAtPoint, 0);
  readonly lsoaAtPoint = new PointTextCache(this.lsoaNames, this.textsAtPoint, 4);
  /** Person or household keys and case references of council extracts: personal data, kept in this worker and never sent anywhere. */
  readonly keys = new StringInterner();
  readonly references = new StringInterner();
  sources: IncidentSource[] = [];
  /**
   * Points standing for a whole H3 cell of a pre-aggregated table (its centre), with that cell: at a
   * coarser resolution they fall in the cell's H3 parent, which the centre's position may not (H3
   * children are not nested exactly inside their parent's hexagon).
   */
  readonly nativeCells = new Map<number, string>();
  private nextSourceId = 1;
  private readonly pointCells = new Map<number, PointCells>();
  /** The resolution cellsAt was last asked for: the one the next map most likely shows. */
  private latestResolution: number | null = null;

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
    this.latestResolution = resolution;
    let entry = this.pointCells.get(resolution);
    const count = this.points.count;
    if (entry && entry.cellOfPoint.length === count) return entry;
    const previous = entry;
    // Extended in place while its buffer has room, else into one twice as big: a batch extends
    // the cells after every file, and a copy each time would be the whole table per file.
    const room = previous?.cellOfPoint.buffer as ArrayBuffer | undefined;
    const buffer = room && room.byteLength >= count * 4 ? room : new ArrayBuffer(Math.max(count, 2 * (previous?.cellOfPoint.length ?? 0)) * 4);
    const cellOfPoint = new Int32Array(buffer, 0, count);
    const cells = previous?.cells ?? [];
    const cellIds = previous?.cellIds ?? new Map<string, number>();
    const firstPoint = previous?.firstPoint ?? [];
    const idsOnLattice = previous?.idsOnLattice ?? new LatticeIds();
    const lattice = new H3Lattice(resolution);
    const from = previous ? previous.cellOfPoint.length : 0;
    if (previous && buffer !== room) cellOfPoint.set(previous.cellOfPoint);
    const { lat, lng } = this.points;
    const hasNativeCells = this.nativeCells.size > 0;
    for (let point = from; point < count; point++) {
      const native = hasNativeCells ? this.nativeCells.get(point) : undefined;
      const located = native === undefined && lattice.locate(lat.get(point), lng.get(point));
      let id = located ? idsOnLattice.get(lattice.face, lattice.i, lattice.j) : -1;
      if (id < 0) {
        const cell =
          native !== undefined && getResolution(native) >= resolution
            ? cellToParent(native, resolution)
            : ((located ? cellAtPlace(lattice.face, lattice.i, lattice.j, resolution) : null) ?? latLngToCell(lat.get(point), lng.get(point), resolution));
        id = cellIds.get(cell) ?? -1;
        if (id < 0) {
          id = cells.length;
          cells.push(cell);
          cellIds.set(cell, id);
          firstPoint.push(point);
        }
        if (located) idsOnLattice.set(lattice.face, lattice.i, lattice.j, id);
      }
      cellOfPoint[point] = id;
    }
    entry = { cellOfPoint, cells, cellIds, firstPoint, indexOrder: null, idsOnLattice };
    this.pointCells.set(resolution, entry);
    return entry;
  }

  /**
   * Extends the cells at the resolution last asked for to the points added since: a batch does this
   * after each file, while the parse workers still read, rather than for all its points at the end.
   */
  extendCells(): void {
    if (this.latestResolution !== null) this.cellsAt(this.latestResolution);
  }

  /** The ids of cellsAt(resolution) in H3-index order: sorted once per set of points, not on every map. */
  cellsInIndexOrder(resolution: number): Int32Array {
    const entry = this.cellsAt(resolution);
    const { cells } = entry;
    entry.indexOrder ??= Int32Array.from(cells.keys()).sort((a, b) => (cells[a] < cells[b] ? -1 : 1));
    return entry.indexOrder;
  }
}
