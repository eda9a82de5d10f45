/**
 * A Map that keeps at most `limit` entries, dropping the least recently used: for caches of
 * platform facts (DM channels, user lookups, tokens) that would otherwise grow with every member
 * of every community a process serves. Reading an entry counts as using it.
 */
export class BoundedMap<K, V> {
  private readonly entries = new Map<K, V>();

  constructor(readonly limit: number) {
    if (!Number.isInteger(limit) || limit < 1) throw new Error(`a bounded map needs a limit of at least 1 (got ${limit})`);
  }

  get size(): number {
    return this.entries.size;
  }

  /** The value for `key`, now the most recently used; undefined when absent. */
  get(key: K): V | undefined {
    if (!this.entries.has(key)) return undefined;
    const v = this.entries.get(key) as V;
    this.entries.delete(key);
    this.entries.set(key, v);
    return v;
  }

  /** Sets `key` as the most recently used, dropping the least recently used beyond the limit. */
  set(key: K, value: V): this {
    this.entries.delete(key);
    this.entries.set(key, value);
    while (this.entries.size > this.limit) this.entries.delete(this.entries.keys().next().value as K);
    return this;
  }

  delete(key: K): boolean {
    return this.entries.delete(key);
  }
}
