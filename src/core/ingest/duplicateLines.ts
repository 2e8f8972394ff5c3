import { hashText } from './columns';

/**
 * Finds repeated rows. A row is a duplicate only when its whole line equals an earlier line of
 * this file with the same non-empty Crime ID (or mapped reference); a repeated ID with a different
 * line is kept and counted, because police.uk records one crime at several points or outcomes.
 */
export class DuplicateLines {
  /** Rows kept although their ID appeared before with a different line (over everything checked, across forgetLines). */
  repeatedIds = 0;
  /** The last row checked that had an ID: its ID's key and its line's hash (-1 when it had none). */
  lastIdKey = -1;
  lastLineHash = 0;
  /**
   * Per ID key, the hash of the first line seen with it, in an open-addressing table of pairs (key,
   * hash) in one typed array, so a probe reads one cache line (a Map keyed by 53-bit numbers is
   * several times slower); the other lines of a repeated ID, which are few, in a Map.
   */
  private slots: Float64Array;
  private count = 0;
  private readonly otherLines = new Map<number, number[]>();

  /** `expectedIds`: room made at once for that many IDs. */
  constructor(
    private readonly idColumn: number,
    expectedIds = 0,
  ) {
    let pairs = 1 << 12;
    while (expectedIds * 2 > pairs) pairs *= 2;
    this.slots = new Float64Array(pairs * 2).fill(-1);
  }

  /** Forgets the lines seen (not the repeated IDs counted), keeping the table's room. */
  forgetLines(): void {
    if (this.count === 0) return;
    this.slots.fill(-1);
    this.count = 0;
    this.otherLines.clear();
  }

  /**
   * The row's ID key and line hash into lastIdKey and lastLineHash (the key -1 without an ID); true
   * when it has an ID, so its line is to be checked. Lines are compared by hash, and only among
   * rows sharing an ID key, so a false match needs two collisions.
   */
  readKeys(fields: readonly string[]): boolean {
    this.lastIdKey = -1;
    if (this.idColumn < 0) return false;
    const id = fields[this.idColumn];
    if (!id) return false;
    this.lastIdKey = idKey(id);
    // The line without its ID, as police.uk lines read from their bytes hash it (see PoliceLines).
    this.lastLineHash = hashText(fields.filter((_, i) => i !== this.idColumn).join(','));
    return true;
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

/** A key's 32 bits, mixed: tables take their slot from the low bits, and duplicatesInOrder its bucket from the high ones. */
function mixedKey(key: number): number {
  return Math.imul((key >>> 0) ^ Math.floor(key / 4294967296), 0x9e3779b1);
}

/** The index in `slots` of the pair holding `key`, or of the empty pair where it goes. Keys are whole numbers below 2^53. */
function slotOf(slots: Float64Array, key: number): number {
  const mask = slots.length / 2 - 1;
  let slot = mixedKey(key) & mask;
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

/** About this many IDs a bucket in duplicatesInOrder: its table (a few megabytes) stays in the processor's cache. */
const IDS_PER_BUCKET = 1 << 15;

/**
 * The rows with an ID of runs that follow one another in file order (the kept rows of a split
 * file's parts), checked as one reader going through the file checks them: per run, the indexes of
 * its rows that repeat an earlier line, and the repeated IDs counted over all. IDs are checked
 * bucket by bucket of their keys, in file order within each: one table for every ID of a big file
 * (ten million in a decade of London) is hundreds of megabytes probed at random, slower than
 * sorting them into buckets whose tables stay in the cache.
 */
export function duplicatesInOrder(runs: readonly { key: Float64Array; lineHash: Uint32Array }[]): { duplicates: number[][]; repeatedIds: number } {
  const total = runs.reduce((sum, run) => sum + run.key.length, 0);
  // At most 256 buckets, so a byte holds each ID's.
  let bits = 0;
  while (bits < 8 && total >> bits > IDS_PER_BUCKET) bits++;
  // A stable partition by bucket: each ID's key, line hash and place in the file (its index over all runs).
  const bucket = new Uint8Array(total);
  const starts = new Uint32Array((1 << bits) + 1);
  let place = 0;
  for (const run of runs) {
    for (let i = 0; i < run.key.length; i++, place++) {
      bucket[place] = bits === 0 ? 0 : mixedKey(run.key[i]) >>> (32 - bits);
      starts[bucket[place] + 1]++;
    }
  }
  for (let b = 1; b < starts.length; b++) starts[b] += starts[b - 1];
  const next = starts.slice(0, -1);
  const keys = new Float64Array(total);
  const hashes = new Uint32Array(total);
  const places = new Uint32Array(total);
  place = 0;
  for (const run of runs) {
    for (let i = 0; i < run.key.length; i++, place++) {
      const at = next[bucket[place]]++;
      keys[at] = run.key[i];
      hashes[at] = run.lineHash[i];
      places[at] = place;
    }
  }
  const repeats: number[] = [];
  const lines = new DuplicateLines(-1, Math.min(total, 2 * IDS_PER_BUCKET));
  for (let b = 0; b + 1 < starts.length; b++) {
    lines.forgetLines();
    for (let at = starts[b]; at < starts[b + 1]; at++) if (lines.seen(keys[at], hashes[at])) repeats.push(places[at]);
  }
  // Places back to (run, index), in file order.
  repeats.sort((a, b) => a - b);
  const duplicates = runs.map((): number[] => []);
  let run = 0;
  let runStart = 0;
  for (const at of repeats) {
    while (at >= runStart + runs[run].key.length) runStart += runs[run++].key.length;
    duplicates[run].push(at - runStart);
  }
  return { duplicates, repeatedIds: lines.repeatedIds };
}

/**
 * The lines a part of a split file has seen, as a filter that tells "certainly new" from "maybe
 * seen" in one read of memory per row: the part keeps every row, notes the fields of the few that
 * may repeat, and the merge checks every row exactly, in file order (duplicatesInOrder). An exact
 * table of a big part's IDs is hundreds of megabytes probed at random on every row. Three bits of
 * one 32-bit word per line, at most two lines a word: about 1 new line in 140 is "maybe" when the
 * filter is fullest (measured over 5 million), fewer when it was sized for the part.
 */
export class SeenLinesFilter {
  private words: Int32Array;
  private count = 0;

  /** `seen` gives the lines added so far, to fill a bigger filter from when this one is full; room is made at once for `expectedLines`. */
  constructor(
    private readonly seen: { key: { length: number; get(i: number): number }; lineHash: { get(i: number): number } },
    expectedLines = 0,
  ) {
    let words = 1 << 14;
    while (words * 2 < expectedLines) words *= 2;
    this.words = new Int32Array(words);
  }

  /** Adds a line (its ID's key and its hash): true when it may have been added before, false when it certainly was not. */
  add(key: number, lineHash: number): boolean {
    if (++this.count > this.words.length * 2) this.grow();
    return this.set(key, lineHash);
  }

  private set(key: number, lineHash: number): boolean {
    const mixed = Math.imul(mixedKey(key) ^ lineHash, 0x85ebca6b);
    const spread = Math.imul(mixed ^ (mixed >>> 13), 0xc2b2ae35);
    const at = (spread ^ (spread >>> 16)) & (this.words.length - 1);
    const bits = (1 << (mixed & 31)) | (1 << ((mixed >>> 5) & 31)) | (1 << ((mixed >>> 10) & 31));
    const word = this.words[at];
    this.words[at] = word | bits;
    return (word & bits) === bits;
  }

  private grow(): void {
    this.words = new Int32Array(this.words.length * 2);
    const { key, lineHash } = this.seen;
    for (let i = 0; i < key.length; i++) this.set(key.get(i), lineHash.get(i));
  }
}
