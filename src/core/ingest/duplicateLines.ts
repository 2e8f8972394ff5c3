import { hashText } from './columns';

/**
 * Finds repeated rows. A row is a duplicate only when its whole line equals an earlier line of
 * this file with the same non-empty Crime ID (or mapped reference); a repeated ID with a different
 * line is kept and counted, because police.uk records one crime at several points or outcomes.
 */
export class DuplicateLines {
  /** Rows kept although their ID appeared before with a different line. */
  repeatedIds = 0;
  /** The last row checked that had an ID: its ID's key and its line's hash (-1 when it had none). */
  lastIdKey = -1;
  lastLineHash = 0;
  /** Per ID hash, the hashes of the distinct lines seen with it (a number, or a list for repeats). */
  private readonly linesById = new Map<number, number | number[]>();

  constructor(private readonly idColumn: number) {}

  /** Lines are compared by hash, and only among rows sharing an ID hash, so a false match needs two collisions. */
  isDuplicate(fields: readonly string[]): boolean {
    this.lastIdKey = -1;
    if (this.idColumn < 0) return false;
    const id = fields[this.idColumn];
    if (!id) return false;
    const idHash = idKey(id);
    let lineHash = 0x9e3779b9;
    for (let i = 0; i < fields.length; i++) if (i !== this.idColumn) lineHash = hashText(fields[i], lineHash);
    this.lastIdKey = idHash;
    this.lastLineHash = lineHash;
    return this.seen(idHash, lineHash);
  }

  /**
   * The check on an ID's key and its line's hash: also how the rows of a file read in parts are
   * checked again in file order, since a line may repeat one from an earlier part.
   */
  seen(idHash: number, lineHash: number): boolean {
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
