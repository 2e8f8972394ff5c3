import { cellToLatLng, getResolution, isValidCell } from 'h3-js';
import { bngToWgs84 } from '../geo/bng';
import { insideUk } from '../geo/ukBounds';
import type { CategoryFamily, Dataset, IncidentSource, SourceKind, SourceSummary } from '../dataset';
import { GrowableColumn, hashText, PointTextCache } from './columns';
import { monthIndexOf, parseUkDate, type ParsedDate } from './dates';
import { RejectLog, type RejectReason } from './rejects';
import type { ColumnMapping, H3Columns } from './schema';
import { POLICE_UK_HEADER } from './schema';

/** How a source's rows are read: fixed for police.uk and H3 tables, from the user's mapping otherwise. */
export type RowLayout =
  | { kind: 'police.uk' }
  | { kind: 'mapped'; mapping: ColumnMapping; header: readonly string[] }
  | { kind: 'h3'; columns: H3Columns; columnCount: number };

interface AcceptedRow {
  point: number;
  date: ParsedDate;
  category: number;
  location: string;
  /** police.uk's `LSOA name` (e.g. "Brent 012A"), '' elsewhere. */
  lsoa: string;
  weight: number;
}

type RowOutcome = AcceptedRow | RejectReason;

/**
 * Accepts or rejects each row of one file with a single named reason, writing accepted rows into
 * typed columns. A row is a duplicate only when its whole line equals an earlier line of this
 * file with the same non-empty Crime ID (or mapped reference); a repeated ID with a different line
 * is kept and counted, because police.uk records one crime at several points or outcomes.
 */
export class SourceBuilder {
  private readonly point = new GrowableColumn(Uint32Array);
  private readonly monthIndex = new GrowableColumn(Uint16Array);
  private readonly minuteOfDay = new GrowableColumn(Int16Array);
  private readonly weekday = new GrowableColumn(Int8Array);
  private readonly category = new GrowableColumn(Uint32Array);
  private readonly location = new GrowableColumn(Uint32Array);
  private readonly lsoa: GrowableColumn<Uint32Array> | null;
  private readonly weight: GrowableColumn<Float32Array> | null;
  private readonly rejects: RejectLog;
  /** Per Crime ID hash, the hashes of the distinct lines seen with it (a number, or a list for repeats). */
  private readonly linesById = new Map<number, number | number[]>();
  private readonly locationIds: PointTextCache;
  private readonly lsoaIds: PointTextCache;
  private readonly dateCache = new Map<string, ParsedDate | null>();
  private readonly categoryCache = new Map<string, number>();
  /** Accepted rows per category id (ids are shared by all sources, so indexed, not keyed). */
  private categoryCounts = new Uint32Array(64);
  private rowsRead = 0;
  private repeatedIds = 0;
  private incidents = 0;
  private hasTimes = false;
  private h3Resolution: number | null = null;
  private readonly family: CategoryFamily;
  private readonly readRow: (fields: readonly string[]) => RowOutcome;
  private readonly idColumn: number;
  /** Rows dated after this month are rejected: they cannot be records yet, and would stretch the month range. */
  private readonly lastMonth: number;

  constructor(
    private readonly dataset: Dataset,
    private readonly layout: RowLayout,
    header: readonly string[],
    today = new Date(),
  ) {
    this.lastMonth = monthIndexOf(today.getFullYear(), today.getMonth() + 1);
    this.rejects = new RejectLog(header);
    this.family = layout.kind === 'police.uk' ? 'police.uk' : 'council';
    this.weight = layout.kind === 'h3' ? new GrowableColumn(Float32Array) : null;
    this.lsoa = layout.kind === 'police.uk' ? new GrowableColumn(Uint32Array) : null;
    this.locationIds = new PointTextCache(dataset.locations);
    this.lsoaIds = new PointTextCache(dataset.lsoaNames);
    if (layout.kind === 'police.uk') {
      this.readRow = (fields) => this.readPoliceRow(fields);
      this.idColumn = 0;
    } else if (layout.kind === 'mapped') {
      this.readRow = this.mappedReader(layout.mapping, layout.header);
      this.idColumn = layout.mapping.reference ? layout.header.indexOf(layout.mapping.reference) : -1;
    } else {
      this.readRow = (fields) => this.readH3Row(fields, layout.columns, layout.columnCount);
      this.idColumn = -1;
    }
  }

  /** One data row; `lineNumber` counts records from 1 (the header) as a spreadsheet would. */
  add(fields: readonly string[], lineNumber: number): void {
    const outcome = this.readRow(fields);
    if (typeof outcome === 'string') return this.reject(outcome, fields, lineNumber);
    if (outcome.date.monthIndex > this.lastMonth) return this.reject('futureMonth', fields, lineNumber);
    if (this.idColumn >= 0 && this.isDuplicate(fields)) return this.reject('duplicate', fields, lineNumber);
    this.rowsRead++;
    this.point.push(outcome.point);
    this.monthIndex.push(outcome.date.monthIndex);
    this.minuteOfDay.push(outcome.date.minuteOfDay);
    this.weekday.push(outcome.date.weekday);
    this.category.push(outcome.category);
    this.location.push(this.locationIds.idAt(outcome.point, outcome.location));
    this.lsoa?.push(this.lsoaIds.idAt(outcome.point, outcome.lsoa));
    this.weight?.push(outcome.weight);
    if (outcome.date.minuteOfDay >= 0) this.hasTimes = true;
    this.countCategory(outcome.category);
    this.incidents += outcome.weight;
  }

  /** A record rejected before it is read, with its reason: one the reader could not split into fields, or a GeoJSON feature that is not a point. */
  reject(reason: RejectReason, fields: readonly string[], lineNumber: number): void {
    this.rowsRead++;
    this.rejects.add(reason, fields, lineNumber);
  }

  finish(meta: { name: string; bytes: number; fingerprint: string }): IncidentSource {
    const months = this.monthIndex.trimmed();
    let monthMin = Infinity;
    let monthMax = -Infinity;
    for (const month of months) {
      if (month === 0) continue;
      if (month < monthMin) monthMin = month;
      if (month > monthMax) monthMax = month;
    }
    const kind: SourceKind = this.layout.kind;
    const summary: SourceSummary = {
      id: this.dataset.allocateSourceId(),
      name: meta.name,
      kind,
      bytes: meta.bytes,
      fingerprint: meta.fingerprint,
      rowsRead: this.rowsRead,
      accepted: months.length,
      rejected: this.rejects.total,
      rejectCounts: { ...this.rejects.counts },
      repeatedIds: this.repeatedIds,
      monthMin: Number.isFinite(monthMin) ? monthMin : null,
      monthMax: Number.isFinite(monthMax) ? monthMax : null,
      categoryCounts: this.categoryCounts.slice(0, this.dataset.categories.list.length),
      hasTimes: this.hasTimes,
      incidents: this.incidents,
      h3Resolution: this.h3Resolution,
      mapping: this.layout.kind === 'mapped' ? this.layout.mapping : null,
    };
    return {
      summary,
      rejects: this.rejects,
      columns: {
        point: this.point.trimmed(),
        monthIndex: months,
        minuteOfDay: this.minuteOfDay.trimmed(),
        weekday: this.weekday.trimmed(),
        category: this.category.trimmed(),
        location: this.location.trimmed(),
        lsoa: this.lsoa?.trimmed() ?? null,
        weight: this.weight?.trimmed() ?? null,
      },
    };
  }

  /**
   * A duplicate has the same non-empty ID and the same whole line as an earlier row. Lines are
   * compared by hash, and only among rows sharing an ID hash, so a false match needs two collisions.
   */
  private isDuplicate(fields: readonly string[]): boolean {
    const id = fields[this.idColumn];
    if (!id) return false;
    const idHash = idKey(id);
    let lineHash = 0x9e3779b9;
    for (let i = 0; i < fields.length; i++) if (i !== this.idColumn) lineHash = hashText(fields[i], lineHash);
    const seen = this.linesById.get(idHash);
    if (seen === undefined) {
      this.linesById.set(idHash, lineHash);
      return false;
    }
    const lines = typeof seen === 'number' ? [seen] : seen;
    if (lines.includes(lineHash)) return true;
    lines.push(lineHash);
    this.linesById.set(idHash, lines);
    this.repeatedIds++;
    return false;
  }

  private countCategory(id: number): void {
    if (id >= this.categoryCounts.length) {
      const grown = new Uint32Array(Math.max(id + 1, this.categoryCounts.length * 2));
      grown.set(this.categoryCounts);
      this.categoryCounts = grown;
    }
    this.categoryCounts[id]++;
  }

  private readPoliceRow(fields: readonly string[]): RowOutcome {
    if (fields.length !== POLICE_UK_HEADER.length) return 'wrongColumns';
    const point = this.pointOf(fields[5], fields[4]);
    if (typeof point === 'string') return point;
    const date = this.dateOf(fields[1]);
    if (!date) return 'badDate';
    const category = this.categoryOf(fields[9]);
    if (category < 0) return 'noCategory';
    return { point, date, category, location: fields[6], lsoa: fields[8], weight: 1 };
  }

  private mappedReader(mapping: ColumnMapping, header: readonly string[]): (fields: readonly string[]) => RowOutcome {
    const column = (name: string | undefined): number => (name === undefined ? -1 : header.indexOf(name));
    const y = column(mapping.y);
    const x = column(mapping.x);
    const date = column(mapping.date);
    const time = column(mapping.time);
    const category = column(mapping.category);
    const location = column(mapping.location);
    const bng = mapping.coordinates === 'bng';
    return (fields) => {
      if (fields.length !== header.length) return 'wrongColumns';
      const point = bng ? this.pointOfBng(fields[x], fields[y]) : this.pointOf(fields[y], fields[x]);
      if (typeof point === 'string') return point;
      const parsed = this.dateOf(time >= 0 ? `${fields[date].trim()} ${fields[time].trim()}` : fields[date]);
      if (!parsed) return 'badDate';
      const categoryId = category >= 0 ? this.categoryOf(fields[category]) : this.categoryOf('All records');
      if (categoryId < 0) return 'noCategory';
      return { point, date: parsed, category: categoryId, location: location >= 0 ? fields[location] : '', lsoa: '', weight: 1 };
    };
  }

  private readH3Row(fields: readonly string[], columns: H3Columns, columnCount: number): RowOutcome {
    if (fields.length !== columnCount) return 'wrongColumns';
    const cell = h3IndexText(fields[columns.h3]);
    if (!isValidCell(cell)) return 'badH3';
    const count = Number(fields[columns.count]);
    if (fields[columns.count].trim() === '' || !Number.isFinite(count) || count < 0) return 'badCount';
    let date: ParsedDate = { monthIndex: 0, minuteOfDay: -1, weekday: -1 };
    if (columns.month >= 0) {
      const parsed = this.dateOf(fields[columns.month]);
      if (!parsed) return 'badDate';
      date = { monthIndex: parsed.monthIndex, minuteOfDay: -1, weekday: -1 };
    }
    const category = columns.category >= 0 ? this.categoryOf(fields[columns.category]) : this.categoryOf('All records');
    if (category < 0) return 'noCategory';
    this.h3Resolution ??= getResolution(cell);
    const [lat, lng] = cellToLatLng(cell);
    if (!insideUk(lat, lng)) return 'outsideUk';
    const point = this.dataset.points.idAt(lat, lng);
    this.dataset.nativeCells.set(point, cell);
    return { point, date, category, location: '', lsoa: '', weight: count };
  }

  /** Point id for WGS84 text; points are keyed by their micro-degree position. */
  private pointOf(latText: string, lngText: string): number | RejectReason {
    if (!latText || !lngText || latText.trim() === '' || lngText.trim() === '') return 'noCoordinates';
    const lat = parseNumber(latText);
    const lng = parseNumber(lngText);
    if (!Number.isFinite(lat) || !Number.isFinite(lng)) return 'badCoordinates';
    if (!insideUk(lat, lng)) return insideUk(lng, lat) ? 'swappedCoordinates' : 'outsideUk';
    return this.dataset.points.idAt(lat, lng);
  }

  private pointOfBng(eastingText: string, northingText: string): number | RejectReason {
    if (!eastingText || !northingText || eastingText.trim() === '' || northingText.trim() === '') return 'noCoordinates';
    const easting = parseNumber(eastingText);
    const northing = parseNumber(northingText);
    if (!Number.isFinite(easting) || !Number.isFinite(northing)) return 'badCoordinates';
    if (easting <= 0 || northing <= 0 || easting > 700_000 || northing > 1_300_000) return 'outsideUk';
    const { lat, lng } = bngToWgs84(easting, northing);
    if (!insideUk(lat, lng)) return 'outsideUk';
    return this.dataset.points.idAt(lat, lng);
  }

  private dateOf(text: string): ParsedDate | null {
    let parsed = this.dateCache.get(text);
    if (parsed === undefined) {
      parsed = parseUkDate(text);
      this.dateCache.set(text, parsed);
    }
    return parsed;
  }

  /** Category id, or -1 for an empty category. */
  private categoryOf(name: string): number {
    let id = this.categoryCache.get(name);
    if (id === undefined) {
      const trimmed = name.trim();
      id = trimmed === '' ? -1 : this.dataset.categories.idOf(this.family, trimmed);
      this.categoryCache.set(name, id);
    }
    return id;
  }
}

/**
 * An H3 index as hex text. Warehouses that keep indexes as 64-bit integers (DuckDB's H3 extension,
 * Sedona's `ST_H3CellIDs`) write them in decimal; those become hex, everything else is lower-cased.
 */
function h3IndexText(text: string): string {
  const trimmed = text.trim();
  return /^\d{15,20}$/.test(trimmed) ? BigInt(trimmed).toString(16) : trimmed.toLowerCase();
}

/** Numbers as spreadsheets write them; rejects empty text, hex and `Infinity`, which `Number()` would take. */
function parseNumber(text: string): number {
  const first = text.charCodeAt(0);
  // Digits, sign, decimal point or a leading space; anything else (x, I, N) is not a plain number.
  if (!((first >= 48 && first <= 57) || first === 45 || first === 43 || first === 46 || first === 32)) return NaN;
  if (text.includes('x') || text.includes('X')) return NaN;
  return Number(text);
}

/**
 * A number standing for an ID. police.uk Crime IDs are 64 hex digits (a SHA-256), so their first 13
 * digits (52 bits) are unique in practice and parse faster than hashing; other IDs are hashed.
 */
function idKey(id: string): number {
  if (id.length === 64) {
    const prefix = parseInt(id.slice(0, 13), 16);
    if (Number.isFinite(prefix)) return prefix;
  }
  return hashText(id, 0x811c9dc5) + 2 ** 52;
}
