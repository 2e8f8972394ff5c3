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
    if (point >= this.idAtPoint.length) {
      const grown = new Int32Array(Math.max(point + 1, this.idAtPoint.length * 2));
      grown.set(this.idAtPoint);
      this.idAtPoint = grown;
    }
    const last = this.idAtPoint[point] - 1;
    if (last >= 0 && this.interner.values[last] === text) return last;
    const id = this.interner.intern(text);
    this.idAtPoint[point] = id + 1;
    return id;
  }
}

/** FNV-1a over a text's UTF-16 code units, continuing from `hash`. */
export function hashText(text: string, hash: number): number {
  let h = hash;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return Math.imul(h ^ 0x1f, 0x01000193) >>> 0;
}
