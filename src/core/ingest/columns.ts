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
    return this.data.slice(0, this.length) as T;
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
}

/**
 * Interns a text that usually repeats at the same point (police.uk gives each map point one
 * location and one LSOA): the id last seen at each point is tried first, so most rows skip the
 * interner's hash lookup.
 */
export class PointTextCache {
  /** The id last seen at each point, plus one (0 = none yet). */
  private idAtPoint = new Int32Array(1024);

  constructor(private readonly interner: StringInterner) {}

  idAt(point: number, text: string): number {
    const last = this.lastAt(point);
    if (last >= 0 && this.interner.values[last] === text) return last;
    return this.internAt(point, text);
  }

  /** The same for a text given as ASCII bytes [from, to), decoded only when it is not the one last seen at the point. */
  idAtBytes(point: number, bytes: Uint8Array, from: number, to: number): number {
    const last = this.lastAt(point);
    if (last >= 0 && sameAscii(this.interner.values[last], bytes, from, to)) return last;
    return this.internAt(point, asciiText(bytes, from, to));
  }

  private lastAt(point: number): number {
    if (point >= this.idAtPoint.length) {
      const grown = new Int32Array(Math.max(point + 1, this.idAtPoint.length * 2));
      grown.set(this.idAtPoint);
      this.idAtPoint = grown;
    }
    return this.idAtPoint[point] - 1;
  }

  private internAt(point: number, text: string): number {
    const id = this.interner.intern(text);
    this.idAtPoint[point] = id + 1;
    return id;
  }
}

/** Whether `text` is the ASCII bytes [from, to). */
export function sameAscii(text: string, bytes: Uint8Array, from: number, to: number): boolean {
  if (text.length !== to - from) return false;
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) !== bytes[from + i]) return false;
  return true;
}

/** ASCII bytes [from, to) as text. */
export function asciiText(bytes: Uint8Array, from: number, to: number): string {
  let text = '';
  for (let i = from; i < to; i += 4096) text += String.fromCharCode.apply(null, bytes.subarray(i, Math.min(to, i + 4096)) as unknown as number[]);
  return text;
}

/** FNV-1a over a text's UTF-16 code units, continuing from `hash`. */
export function hashText(text: string, hash: number): number {
  let h = hash;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return Math.imul(h ^ 0x1f, 0x01000193) >>> 0;
}
