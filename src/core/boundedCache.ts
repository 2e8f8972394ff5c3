/**
 * Costly results kept by key while their inputs repeat (filters change far more often than points,
 * areas or study cells). Past `limit` entries it starts afresh, so memory stays bounded.
 */
export class BoundedCache<T> {
  private readonly entries = new Map<string, T>();

  constructor(private readonly limit: number) {}

  get(key: string, build: () => T): T {
    let value = this.entries.get(key);
    if (value === undefined) {
      if (this.entries.size > this.limit) this.entries.clear();
      value = build();
      this.entries.set(key, value);
    }
    return value;
  }
}
