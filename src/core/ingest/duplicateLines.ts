import { hashText } from './columns';

/**
 * Finds repeated rows. A row is a duplicate only when its whole line equals an earlier line of
 * this file with the same non-empty Crime ID (or mapped reference); a repeated ID with a different
 * line is kept and counted, because police.uk records one crime at several points or outcomes.
 */
/** The table of a DuplicateLines: typed arrays and a small Map, so it can move between workers. */
export interface SeenLines {
  /** Pairs (ID key, first line's hash); key -1 is an empty slot. */
  slots: Float64Array;
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
   * Per ID key, the hash of the first line seen with it, in an open-addressing table of pairs (key,
   * hash) in one typed array, so a probe reads one cache line (a Map keyed by 53-bit numbers is
   * several times slower); the other lines of a repeated ID, which are few, in a Map.
   */
  private slots: Float64Array = new Float64Array(2 << 12).fill(-1);
  private count = 0;
  private otherLines = new Map<number, number[]>();

  constructor(private readonly idColumn: number) {}

  /** What has been seen, to carry on from elsewhere (the first part of a split file hands it to the merge). */
  seenLines(): SeenLines {
    return { slots: this.slots, count: this.count, otherLines: this.otherLines, repeatedIds: this.repeatedIds };
  }

  /** Checks that carry on after the lines another instance has seen. */
  static after(seen: SeenLines): DuplicateLines {
    const lines = new DuplicateLines(-1);
    lines.slots = seen.slots;
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
    // The line without its ID, as police.uk lines read from their bytes hash it (see PoliceLines).
    const lineHash = hashText(fields.filter((_, i) => i !== this.idColumn).join(','));
    this.lastIdKey = idHash;
    this.lastLineHash = lineHash;
    return this.seen(idHash, lineHash);
  }

  /**
   * The check on an ID's key and its line's hash: also how the rows of a file read in parts are
   * checked again in file order, since a line may repeat one from an earlier part.
   */
  seen(idHash: number, lineHash: number): boolean {
    const slots = this.slots;
    const at = slotOf(slots, idHash);
    if (slots[at] < 0) {
      slots[at] = idHash;
      slots[at + 1] = lineHash;
      // Kept at most half full so probes stay short.
      if (++this.count * 4 > slots.length) this.grow();
      return false;
    }
    if (slots[at + 1] === lineHash) return true;
    const others = this.otherLines.get(idHash);
    if (others?.includes(lineHash)) return true;
    if (others) others.push(lineHash);
    else this.otherLines.set(idHash, [lineHash]);
    this.repeatedIds++;
    return false;
  }

  private grow(): void {
    const old = this.slots;
    const slots = new Float64Array(old.length * 2).fill(-1);
    for (let at = 0; at < old.length; at += 2) {
      if (old[at] < 0) continue;
      const to = slotOf(slots, old[at]);
      slots[to] = old[at];
      slots[to + 1] = old[at + 1];
    }
    this.slots = slots;
  }
}

/** The index in `slots` of the pair holding `key`, or of the empty pair where it goes. Keys are whole numbers below 2^53. */
function slotOf(slots: Float64Array, key: number): number {
  const mask = slots.length / 2 - 1;
  let slot = Math.imul((key >>> 0) ^ Math.floor(key / 4294967296), 0x9e3779b1) & mask;
  for (;;) {
    const held = slots[slot * 2];
    if (held < 0 || held === key) return slot * 2;
    slot = (slot + 1) & mask;
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
  return hashText(id) + 2 ** 52;
}
