import type { Dataset, IncidentSource, SourceKind, SourceSummary } from '../dataset';
import { GrowableColumn, PointTextCache } from './columns';
import { monthIndexOf } from './dates';
import { DuplicateLines, SeenLinesFilter } from './duplicateLines';
import { RejectLog, type RejectReason } from './rejects';
import { RowReader, type AcceptedRow, type RowLayout } from './rowReader';

/** Kept rows that have an ID: the ID's key and the line's hash (see DuplicateLines), the row's index among the kept rows, and its line number. */
export interface IdRows {
  key: Float64Array;
  lineHash: Uint32Array;
  row: Uint32Array;
  lineNumber: Uint32Array;
}

/** The fewest bytes a police.uk row takes (no Crime ID, short fields); shorter rows only make columns grow as usual. */
const MIN_ROW_BYTES = 128;
/** The fewest a police.uk row with a Crime ID takes. */
const MIN_ID_ROW_BYTES = 200;
/**
 * The most bytes of a whole file whose IDs the duplicate table gets room for at once (a monthly
 * file has a few MB): a bigger whole file, such as a UTF-16 one, grows the table with the IDs it
 * meets rather than filling hundreds of MB it may not need.
 */
const PRESIZED_TABLE_BYTES = 32 << 20;

/**
 * Accepts or rejects each row of one file with a single named reason (see `RowReader` and
 * `DuplicateLines`), writing accepted rows into typed columns.
 */
export class SourceBuilder {
  // Every integer column is built as 32 bits, so the appends a million rows make stay monomorphic;
  // finish() narrows them (-1 wraps in 32 bits and back).
  private readonly point: GrowableColumn<Uint32Array>;
  private readonly monthIndex: GrowableColumn<Uint32Array>;
  private readonly minuteOfDay: GrowableColumn<Uint32Array>;
  private readonly weekday: GrowableColumn<Uint32Array>;
  private readonly category: GrowableColumn<Uint32Array>;
  private readonly location: GrowableColumn<Uint32Array>;
  private readonly lsoa: GrowableColumn<Uint32Array> | null;
  private readonly weight: GrowableColumn<Float32Array> | null;
  /** Mapped extracts only: police.uk and H3 tables give months, and no keys or references. */
  private readonly day: GrowableColumn<Uint32Array> | null;
  private readonly key: GrowableColumn<Uint32Array> | null;
  private readonly reference: GrowableColumn<Uint32Array> | null;
  private readonly rejects: RejectLog;
  readonly reader: RowReader;
  readonly duplicates: DuplicateLines;
  readonly locationIds: PointTextCache;
  readonly lsoaIds: PointTextCache;
  /** Accepted rows per category id (ids are shared by all sources, so indexed, not keyed). */
  private categoryCounts = new Uint32Array(64);
  private rowsRead = 0;
  private incidents = 0;
  private hasTimes = false;
  /** For a part of a cut file: each kept row that has an ID, for the merge's check in file order. */
  private readonly ids: { key: GrowableColumn<Float64Array>; lineHash: GrowableColumn<Uint32Array>; row: GrowableColumn<Uint32Array>; lineNumber: GrowableColumn<Uint32Array> } | null;
  /** Rows dated after this month are rejected (see isFuture). */
  private readonly lastMonth: number;
  /** For a part of a cut file: the lines seen, as a filter (see lineVerdict), and the fields of rows that may repeat one, by line number. */
  private readonly seenLines: SeenLinesFilter | null;
  readonly maybeRepeats = new Map<number, string[]>();

  constructor(
    private readonly dataset: Dataset,
    private readonly layout: RowLayout,
    header: readonly string[],
    today = new Date(),
    /** The bytes this reads, and whether they are a part of a cut file (see readPart); null when not known. */
    part: { bytes: number; cut: boolean } | null = null,
  ) {
    this.lastMonth = monthIndexOf(today.getFullYear(), today.getMonth() + 1);
    this.rejects = new RejectLog(header);
    this.reader = new RowReader(dataset, layout);
    const mapping = layout.kind === 'mapped' ? layout.mapping : null;
    // Columns and the duplicate table get room at once for the rows the bytes can hold: doubling
    // copied a big part's columns about ten times, and regrew the table for each file of a batch,
    // each time into fresh memory that costs page faults here. Column pages never written cost
    // nothing; the table is filled as it is made, so it is sized for at most PRESIZED_TABLE_BYTES.
    const rows = part ? Math.ceil(part.bytes / MIN_ROW_BYTES) : undefined;
    this.point = new GrowableColumn(Uint32Array, rows);
    this.monthIndex = new GrowableColumn(Uint32Array, rows);
    this.minuteOfDay = new GrowableColumn(Uint32Array, rows);
    this.weekday = new GrowableColumn(Uint32Array, rows);
    this.category = new GrowableColumn(Uint32Array, rows);
    this.location = new GrowableColumn(Uint32Array, rows);
    this.weight = layout.kind === 'h3' ? new GrowableColumn(Float32Array) : null;
    this.lsoa = layout.kind === 'police.uk' ? new GrowableColumn(Uint32Array, rows) : null;
    this.day = mapping ? new GrowableColumn(Uint32Array) : null;
    this.key = mapping?.key ? new GrowableColumn(Uint32Array) : null;
    this.reference = mapping?.reference ? new GrowableColumn(Uint32Array) : null;
    this.locationIds = dataset.locationAtPoint;
    this.lsoaIds = dataset.lsoaAtPoint;
    const idColumn = layout.kind === 'police.uk' ? 0 : layout.kind === 'mapped' && layout.mapping.reference ? layout.header.indexOf(layout.mapping.reference) : -1;
    this.duplicates = new DuplicateLines(idColumn, part && !part.cut && idColumn >= 0 ? Math.min(part.bytes, PRESIZED_TABLE_BYTES) / MIN_ID_ROW_BYTES : 0);
    this.ids = part?.cut ? { key: new GrowableColumn(Float64Array, rows), lineHash: new GrowableColumn(Uint32Array, rows), row: new GrowableColumn(Uint32Array, rows), lineNumber: new GrowableColumn(Uint32Array, rows) } : null;
    this.seenLines = this.ids ? new SeenLinesFilter(this.ids, part!.bytes / MIN_ID_ROW_BYTES) : null;
  }

  /** One data row; `lineNumber` counts records from 1 (the header) as a spreadsheet would. */
  add(fields: readonly string[], lineNumber: number): void {
    const outcome = this.reader.read(fields);
    if (typeof outcome === 'string') return this.reject(outcome, fields, lineNumber);
    if (this.isFuture(outcome.date.monthIndex)) return this.reject('futureMonth', fields, lineNumber);
    const { duplicates } = this;
    if (duplicates.readKeys(fields)) {
      const verdict = this.lineVerdict(duplicates.lastIdKey, duplicates.lastLineHash);
      if (verdict === 'repeat') return this.reject('duplicate', fields, lineNumber);
      if (verdict === 'maybe') this.maybeRepeats.set(lineNumber, [...fields]);
    }
    this.keep(outcome, this.locationIds.idAt(outcome.point, outcome.location), this.lsoaIds.idAt(outcome.point, outcome.lsoa), duplicates.lastIdKey, duplicates.lastLineHash, lineNumber);
  }

  /**
   * A row with an ID against the lines seen before: 'repeat' (a duplicate, rejected now), or 'new'.
   * A part of a split file rejects none itself, since the merge checks every row in file order
   * (see duplicatesInOrder): it answers 'maybe' for a row that may repeat an earlier line, whose
   * fields it notes (maybeRepeats) for the merge's rejected rows.
   */
  lineVerdict(idKey: number, lineHash: number): 'new' | 'repeat' | 'maybe' {
    if (this.seenLines) return this.seenLines.add(idKey, lineHash) ? 'maybe' : 'new';
    return this.duplicates.seen(idKey, lineHash) ? 'repeat' : 'new';
  }

  /** Months after today cannot be records yet, and would stretch the month range. */
  isFuture(monthIndex: number): boolean {
    return monthIndex > this.lastMonth;
  }

  /**
   * A row that passed every check, with its location and LSOA ids, and its ID's key and line's
   * hash (`idKey` -1 without an ID). police.uk lines read from their bytes (see PoliceLines) come
   * here straight.
   */
  keep(outcome: AcceptedRow, location: number, lsoa: number, idKey: number, lineHash: number, lineNumber: number): void {
    if (this.ids && idKey >= 0) {
      this.ids.key.push(idKey);
      this.ids.lineHash.push(lineHash);
      this.ids.row.push(this.point.length);
      this.ids.lineNumber.push(lineNumber);
    }
    this.rowsRead++;
    this.point.push(outcome.point);
    this.monthIndex.push(outcome.date.monthIndex);
    this.minuteOfDay.push(outcome.date.minuteOfDay);
    this.weekday.push(outcome.date.weekday);
    this.category.push(outcome.category);
    this.location.push(location);
    this.lsoa?.push(lsoa);
    this.weight?.push(outcome.weight);
    this.day?.push(outcome.date.day);
    this.key?.push(this.dataset.keys.intern(outcome.key));
    this.reference?.push(this.dataset.references.intern(outcome.reference));
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
    const months = this.monthIndex.narrowed(Uint16Array);
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
      repeatedIds: this.duplicates.repeatedIds,
      monthMin: Number.isFinite(monthMin) ? monthMin : null,
      monthMax: Number.isFinite(monthMax) ? monthMax : null,
      categoryCounts: this.categoryCounts.slice(0, this.dataset.categories.list.length),
      hasTimes: this.hasTimes,
      incidents: this.incidents,
      h3Resolution: this.reader.h3Resolution,
      mapping: this.layout.kind === 'mapped' ? this.layout.mapping : null,
    };
    return {
      summary,
      rejects: this.rejects,
      columns: {
        point: this.point.trimmed(),
        monthIndex: months,
        minuteOfDay: this.minuteOfDay.narrowed(Int16Array),
        weekday: this.weekday.narrowed(Int8Array),
        category: this.category.trimmed(),
        location: this.location.trimmed(),
        lsoa: this.lsoa?.trimmed() ?? null,
        weight: this.weight?.trimmed() ?? null,
        day: this.day?.narrowed(Uint16Array) ?? null,
        key: this.key?.trimmed() ?? null,
        reference: this.reference?.trimmed() ?? null,
      },
    };
  }

  /** The kept rows with an ID, in file order (empty for a whole file). */
  idRows(): IdRows {
    return {
      key: this.ids?.key.trimmed() ?? new Float64Array(0),
      lineHash: this.ids?.lineHash.trimmed() ?? new Uint32Array(0),
      row: this.ids?.row.trimmed() ?? new Uint32Array(0),
      lineNumber: this.ids?.lineNumber.trimmed() ?? new Uint32Array(0),
    };
  }

  private countCategory(id: number): void {
    if (id >= this.categoryCounts.length) {
      const grown = new Uint32Array(Math.max(id + 1, this.categoryCounts.length * 2));
      grown.set(this.categoryCounts);
      this.categoryCounts = grown;
    }
    this.categoryCounts[id]++;
  }
}
