/**
 * Growable typed-array columns: one incident per row, no row objects.
 * Doubling growth keeps appends amortised O(1); `trimmed()` returns exact-length views.
 */
type TypedArray = Float64Array | Float32Array | Uint32Array | Uint16Array | Int16Array | Int8Array;
type TypedArrayConstructor<T extends TypedArray> = { new (length: number): T };

export class GrowableColumn<T extends TypedArray> {
  private data: T;
  length = 0;
  private readonly make: TypedArrayConstructor<T>;

  constructor(make: TypedArrayConstructor<T>, initialCapacity = 1024) {
    this.make = make;
    this.data = new make(initialCapacity);
  }

  push(value: number): void {
    if (this.length === this.data.length) {
      const grown = new this.make(this.data.length * 2);
      grown.set(this.data);
      this.data = grown;
    }
    this.data[this.length++] = value;
  }

  get(index: number): number {
    return this.data[index];
  }

  /** A copy of the filled part, exactly `length` long. */
  trimmed(): T {
    return this.slice(0, this.length);
  }

  /** A copy of values [from, to) of the filled part. */
  slice(from: number, to: number): T {
    return this.data.slice(from, Math.min(to, this.length)) as T;
  }

  /** The filled part as a narrower array (values wrap as typed arrays convert). */
  narrowed<N extends TypedArray>(make: { new (values: ArrayLike<number>): N }): N {
    return new make(this.data.subarray(0, this.length));
  }
}

/** Strings stored once; rows keep the small integer id. Id 0 is always the empty string. */
export class StringInterner {
  readonly values: string[] = [''];
  private readonly ids = new Map<string, number>([['', 0]]);

  intern(value: string): number {
    let id = this.ids.get(value);
    if (id === undefined) {
      id = this.values.length;
      // A copy, so the stored text does not keep the whole parsed chunk it was sliced from alive.
      const own = (' ' + value).slice(1);
      this.values.push(own);
      this.ids.set(own, id);
    }
    return id;
  }

  /**
   * The id of the ASCII bytes [from, to) with their two hashes (LineIndexer.hash with FIRST_HASH and
   * SECOND_HASH): found by the hashes, so a text seen before is not decoded again.
   */
  internAscii(bytes: Uint8Array, from: number, to: number, first: number, second: number): number {
    const known = this.byHashes.idOf(first, second, to - from);
    if (known >= 0) return known;
    const id = this.intern(asciiText(bytes, from, to));
    this.byHashes.add(first, second, to - from, id);
    return id;
  }

  private readonly byHashes = new IdsByHashes();
}

/**
 * Ids of texts by their two hashes and length (see FIRST_HASH), in an open-addressing table of four
 * integers a slot (first hash, second hash, length, id + 1; 0 marks an empty slot) in one typed
 * array: a probe reads one cache line, where a Map of entry objects took several.
 */
export class IdsByHashes {
  private slots = new Int32Array(SLOT_INTS * 1024);
  private count = 0;

  /** The id of the text with these hashes and length, or -1. */
  idOf(first: number, second: number, length: number): number {
    const at = this.slotOf(first | 0, second | 0, length);
    return this.slots[at + 3] - 1;
  }

  add(first: number, second: number, length: number, id: number): void {
    const at = this.slotOf(first | 0, second | 0, length);
    const slots = this.slots;
    if (slots[at + 3] !== 0) return;
    slots[at] = first;
    slots[at + 1] = second;
    slots[at + 2] = length;
    slots[at + 3] = id + 1;
    // Kept at most half full so probes stay short.
    if (++this.count * 2 * SLOT_INTS > this.slots.length) this.grow();
  }

  /** Where the text's slot is, or the empty one where it goes. The hashes come as signed 32-bit integers, as stored. */
  private slotOf(first: number, second: number, length: number): number {
    const slots = this.slots;
    const mask = slots.length / SLOT_INTS - 1;
    for (let slot = first & mask; ; slot = (slot + 1) & mask) {
      const at = slot * SLOT_INTS;
      if (slots[at + 3] === 0 || (slots[at] === first && slots[at + 1] === second && slots[at + 2] === length)) return at;
    }
  }

  private grow(): void {
    const old = this.slots;
    this.slots = new Int32Array(old.length * 2);
    for (let at = 0; at < old.length; at += SLOT_INTS) if (old[at + 3] !== 0) this.slots.set(old.subarray(at, at + SLOT_INTS), this.slotOf(old[at], old[at + 1], old[at + 2]));
  }
}

/** Integers a slot of IdsByHashes. */
const SLOT_INTS = 4;

/**
 * Integers per point, in one array: the PointTextCaches of a dataset keep their entries side by
 * side, so the texts of one row are found in one cache line (a row's point is anywhere in memory).
 */
export class PointRecords {
  entries = new Int32Array(1024 * POINT_RECORD_INTS);

  /** Where the point's record starts, the array grown to hold it. */
  recordOf(point: number): number {
    const at = point * POINT_RECORD_INTS;
    if (at >= this.entries.length) {
      const grown = new Int32Array(Math.max(at + POINT_RECORD_INTS, this.entries.length * 2));
      grown.set(this.entries);
      this.entries = grown;
    }
    return at;
  }
}

/** Two texts (location and LSOA name) of four integers each; see PointTextCache. */
const POINT_RECORD_INTS = 8;

/**
 * Interns a text that usually repeats at the same point (police.uk gives each map point one
 * location and one LSOA): the id last seen at each point is tried first, so most rows skip the
 * interner's hash lookup.
 */
export class PointTextCache {
  /**
   * Each point's record holds, from `offset`, four integers: the id last seen there plus one (0 =
   * none yet), and that text's two hashes and length when it came as bytes (length -1 when it came
   * as text), so a line read from its bytes is matched by hashes rather than by its text.
   */
  constructor(
    private readonly interner: StringInterner,
    private readonly records: PointRecords,
    private readonly offset: 0 | 4,
  ) {}

  idAt(point: number, text: string): number {
    const at = this.records.recordOf(point) + this.offset;
    const last = this.records.entries[at] - 1;
    if (last >= 0 && this.interner.values[last] === text) return last;
    const id = this.interner.intern(text);
    const entries = this.records.entries;
    entries[at] = id + 1;
    entries[at + 3] = -1;
    return id;
  }

  /**
   * The same for a text given as ASCII bytes [from, to) with its two hashes (LineIndexer.hash with FIRST_HASH and SECOND_HASH):
   * taken as the text last seen at the point when both hashes and the length agree.
   */
  idAtBytes(point: number, bytes: Uint8Array, from: number, to: number, first: number, second: number): number {
    const at = this.records.recordOf(point) + this.offset;
    const entries = this.records.entries;
    // The hashes are stored as signed 32-bit integers.
    if (entries[at] > 0 && entries[at + 3] === to - from && entries[at + 1] === (first | 0) && entries[at + 2] === (second | 0)) return entries[at] - 1;
    const id = this.interner.internAscii(bytes, from, to, first, second);
    entries[at] = id + 1;
    entries[at + 1] = first;
    entries[at + 2] = second;
    entries[at + 3] = to - from;
    return id;
  }
}

/** ASCII bytes [from, to) as text. */
export function asciiText(bytes: Uint8Array, from: number, to: number): string {
  let text = '';
  for (let i = from; i < to; i += 4096) text += String.fromCharCode.apply(null, bytes.subarray(i, Math.min(to, i + 4096)) as unknown as number[]);
  return text;
}

/**
 * Two 32-bit hashes of a text (MurmurHash3's x86_32 steps with two sets of constants), for telling
 * texts apart without comparing them: with the length, two different texts share both about once
 * in 2^64 pairs. Code units are taken four at a time from the text's start, so ASCII bytes (see
 * LineIndexer.hash) give the text's own numbers wherever they lie in a chunk.
 */
export interface TextHash {
  seed: number;
  c1: number;
  c2: number;
}

export const FIRST_HASH: TextHash = { seed: 0x811c9dc5, c1: 0xcc9e2d51, c2: 0x1b873593 };
export const SECOND_HASH: TextHash = { seed: 0x9747b28c, c1: 0x239b961b, c2: 0xab0e9789 };

/** A text's hash (see FIRST_HASH); the first unless told otherwise. */
export function hashText(text: string, { seed, c1, c2 }: TextHash = FIRST_HASH): number {
  let h = seed;
  const length = text.length;
  let i = 0;
  for (; i + 4 <= length; i += 4) h = step(h, text.charCodeAt(i) | (text.charCodeAt(i + 1) << 8) | (text.charCodeAt(i + 2) << 16) | (text.charCodeAt(i + 3) << 24), c1, c2);
  let rest = 0;
  for (let shift = 0; i < length; i++, shift += 8) rest |= text.charCodeAt(i) << shift;
  return finished(length % 4 > 0 ? h ^ unitMixed(rest, c1, c2) : h, length);
}

/** Four code units (or the last one to three) scrambled on their own. */
function unitMixed(unit: number, c1: number, c2: number): number {
  const k = Math.imul(unit, c1);
  return Math.imul((k << 15) | (k >>> 17), c2);
}

/** The hash state after four more code units. */
function step(state: number, unit: number, c1: number, c2: number): number {
  const h = state ^ unitMixed(unit, c1, c2);
  return (Math.imul((h << 13) | (h >>> 19), 5) + 0xe6546b64) | 0;
}

/** The last mixing, with the length, so every unit of the text moves every bit of the hash (MurmurHash3's fmix32 of the state and length). */
export function finished(state: number, length: number): number {
  let h = state ^ length;
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}
