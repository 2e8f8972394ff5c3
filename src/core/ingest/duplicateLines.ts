import { hashText } from './columns';

/**
 * Finds repeated rows. A row is a duplicate only when its whole line equals an earlier line of
 * this file with the same non-empty Crime ID (or mapped reference); a repeated ID with a different
 * line is kept and counted, because police.uk records one crime at several points or outcomes.
 */
/** The table of a DuplicateLines: typed arrays and a small Map, so it can move between workers. */
export interface SeenLines {
  keys: Float64Array;
  firstLines: Uint32Array;
  count: number;
  otherLines: Map<number, number[]>;
  repeatedIds: number;
}

export class DuplicateLines {
  /** Rows kept although their ID appeared before with a different line. */
  repeatedIds = 0;
  /** The last row checked that had an ID: its ID's key and its line's hash (-1 when it had none). */
  lastIdKey = -1;
  lastLineHash = 0;
  /**
   * Per ID key, the hash of the first line seen with it, in an open-addressing table over typed
   * arrays (a Map keyed by 53-bit numbers is several times slower); the other lines of a repeated
   * ID, which are few, in a Map.
   */
  private keys: Float64Array = new Float64Array(1 << 12).fill(-1);
  private firstLines: Uint32Array = new Uint32Array(1 << 12);
  private count = 0;
  private otherLines = new Map<number, number[]>();

  constructor(private readonly idColumn: number) {}

  /** What has been seen, to carry on from elsewhere (the first part of a split file hands it to the merge). */
  seenLines(): SeenLines {
    return { keys: this.keys, firstLines: this.firstLines, count: this.count, otherLines: this.otherLines, repeatedIds: this.repeatedIds };
  }

  /** Checks that carry on after the lines another instance has seen. */
  static after(seen: SeenLines): DuplicateLines {
    const lines = new DuplicateLines(-1);
    lines.keys = seen.keys;
    lines.firstLines = seen.firstLines;
    lines.count = seen.count;
    lines.otherLines = seen.otherLines;
    lines.repeatedIds = seen.repeatedIds;
    return lines;
  }

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
    const slot = this.slotOf(idHash);
    if (this.keys[slot] < 0) {
      this.keys[slot] = idHash;
      this.firstLines[slot] = lineHash;
      // Kept at most half full so probes stay short.
      if (++this.count * 2 > this.keys.length) this.grow();
      return false;
    }
    if (this.firstLines[slot] === lineHash) return true;
    const others = this.otherLines.get(idHash);
    if (others?.includes(lineHash)) return true;
    if (others) others.push(lineHash);
    else this.otherLines.set(idHash, [lineHash]);
    this.repeatedIds++;
    return false;
  }

  /** The slot holding `key`, or the empty slot where it goes. Keys are whole numbers below 2^53. */
  private slotOf(key: number): number {
    const mask = this.keys.length - 1;
    let slot = Math.imul((key >>> 0) ^ Math.floor(key / 4294967296), 0x9e3779b1) & mask;
    for (;;) {
      const held = this.keys[slot];
      if (held < 0 || held === key) return slot;
      slot = (slot + 1) & mask;
    }
  }

  private grow(): void {
    const keys = this.keys;
    const lines = this.firstLines;
    this.keys = new Float64Array(keys.length * 2).fill(-1);
    this.firstLines = new Uint32Array(keys.length * 2);
    for (let i = 0; i < keys.length; i++) {
      if (keys[i] < 0) continue;
      const slot = this.slotOf(keys[i]);
      this.keys[slot] = keys[i];
      this.firstLines[slot] = lines[i];
    }
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
