import { cellToLatLng, getResolution, isValidCell } from 'h3-js';
import { bngToWgs84 } from '../geo/bng';
import { insideUk } from '../geo/ukBounds';
import type { CategoryFamily, Dataset } from '../dataset';
import { parseUkDate, type ParsedDate } from './dates';
import type { RejectReason } from './rejects';
import type { ColumnMapping, H3Columns } from './schema';
import { POLICE_UK_HEADER } from './schema';

/** How a source's rows are read: fixed for police.uk and H3 tables, from the user's mapping otherwise. */
export type RowLayout =
  | { kind: 'police.uk' }
  | { kind: 'mapped'; mapping: ColumnMapping; header: readonly string[] }
  | { kind: 'h3'; columns: H3Columns; columnCount: number };

export interface AcceptedRow {
  point: number;
  date: ParsedDate;
  category: number;
  location: string;
  /** police.uk's `LSOA name` (e.g. "Brent 012A"), '' elsewhere. */
  lsoa: string;
  weight: number;
  /** The mapped person or household key and case reference, '' when none. */
  key: string;
  reference: string;
}

export type RowOutcome = AcceptedRow | RejectReason;

/**
 * Turns one row's fields into an accepted row (a point id, a parsed date, a category id and texts)
 * or the single reason it is rejected. Dates and categories repeat, so each distinct text is
 * parsed once.
 */
export class RowReader {
  readonly read: (fields: readonly string[]) => RowOutcome;
  /** The resolution of an H3 table's cells, from its first valid cell. */
  h3Resolution: number | null = null;
  private readonly dateCache = new Map<string, ParsedDate | null>();
  private readonly categoryCache = new Map<string, number>();
  private readonly family: CategoryFamily;

  constructor(
    private readonly dataset: Dataset,
    layout: RowLayout,
  ) {
    this.family = layout.kind === 'police.uk' ? 'police.uk' : 'council';
    if (layout.kind === 'police.uk') this.read = (fields) => this.readPoliceRow(fields);
    else if (layout.kind === 'mapped') this.read = this.mappedReader(layout.mapping, layout.header);
    else this.read = (fields) => this.readH3Row(fields, layout.columns, layout.columnCount);
  }

  private readPoliceRow(fields: readonly string[]): RowOutcome {
    if (fields.length !== POLICE_UK_HEADER.length) return 'wrongColumns';
    const point = this.pointOf(fields[5], fields[4]);
    if (typeof point === 'string') return point;
    const date = this.dateOf(fields[1]);
    if (!date) return 'badDate';
    const category = this.categoryOf(fields[9]);
    if (category < 0) return 'noCategory';
    return { point, date, category, location: fields[6], lsoa: fields[8], weight: 1, key: '', reference: '' };
  }

  private mappedReader(mapping: ColumnMapping, header: readonly string[]): (fields: readonly string[]) => RowOutcome {
    const column = (name: string | undefined): number => (name === undefined ? -1 : header.indexOf(name));
    const y = column(mapping.y);
    const x = column(mapping.x);
    const date = column(mapping.date);
    const time = column(mapping.time);
    const category = column(mapping.category);
    const location = column(mapping.location);
    const key = column(mapping.key);
    const reference = column(mapping.reference);
    const bng = mapping.coordinates === 'bng';
    return (fields) => {
      if (fields.length !== header.length) return 'wrongColumns';
      const point = bng ? this.pointOfBng(fields[x], fields[y]) : this.pointOf(fields[y], fields[x]);
      if (typeof point === 'string') return point;
      const parsed = this.dateOf(time >= 0 ? `${fields[date].trim()} ${fields[time].trim()}` : fields[date]);
      if (!parsed) return 'badDate';
      const categoryId = category >= 0 ? this.categoryOf(fields[category]) : this.categoryOf('All records');
      if (categoryId < 0) return 'noCategory';
      return {
        point,
        date: parsed,
        category: categoryId,
        location: location >= 0 ? fields[location] : '',
        lsoa: '',
        weight: 1,
        key: key >= 0 ? fields[key].trim() : '',
        reference: reference >= 0 ? fields[reference].trim() : '',
      };
    };
  }

  private readH3Row(fields: readonly string[], columns: H3Columns, columnCount: number): RowOutcome {
    if (fields.length !== columnCount) return 'wrongColumns';
    const cell = h3IndexText(fields[columns.h3]);
    if (!isValidCell(cell)) return 'badH3';
    const count = Number(fields[columns.count]);
    if (fields[columns.count].trim() === '' || !Number.isFinite(count) || count < 0) return 'badCount';
    let date: ParsedDate = { monthIndex: 0, minuteOfDay: -1, weekday: -1, day: 0 };
    if (columns.month >= 0) {
      const parsed = this.dateOf(fields[columns.month]);
      if (!parsed) return 'badDate';
      date = { monthIndex: parsed.monthIndex, minuteOfDay: -1, weekday: -1, day: 0 };
    }
    const category = columns.category >= 0 ? this.categoryOf(fields[columns.category]) : this.categoryOf('All records');
    if (category < 0) return 'noCategory';
    this.h3Resolution ??= getResolution(cell);
    const [lat, lng] = cellToLatLng(cell);
    if (!insideUk(lat, lng)) return 'outsideUk';
    const point = this.dataset.points.idAt(lat, lng);
    this.dataset.nativeCells.set(point, cell);
    return { point, date, category, location: '', lsoa: '', weight: count, key: '', reference: '' };
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

  /** The point id of a position already parsed and checked to be inside the UK. */
  pointAt(lat: number, lng: number): number {
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

  dateOf(text: string): ParsedDate | null {
    let parsed = this.dateCache.get(text);
    if (parsed === undefined) {
      parsed = parseUkDate(text);
      this.dateCache.set(text, parsed);
    }
    return parsed;
  }

  /** Category id, or -1 for an empty category. */
  categoryOf(name: string): number {
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
