/**
 * A binary min-heap of (key, item) with numeric keys and int items, on growable typed arrays.
 * No decrease-key: callers push again and skip stale entries. Equal keys pop in an order fixed
 * by the push sequence, so runs are deterministic.
 */
export class MinHeap {
  private keys: Float64Array;
  private items: Int32Array;
  private n = 0;

  constructor(capacity = 64) {
    this.keys = new Float64Array(Math.max(4, capacity));
    this.items = new Int32Array(Math.max(4, capacity));
  }

  /** Number of entries. */
  get size(): number {
    return this.n;
  }

  /** Removes every entry (keeps the storage). */
  clear(): void {
    this.n = 0;
  }

  /** Smallest key; Infinity when empty. */
  peekKey(): number {
    return this.n > 0 ? (this.keys[0] as number) : Infinity;
  }

  /** Item of the entry with the smallest key; -1 when empty. */
  peekItem(): number {
    return this.n > 0 ? (this.items[0] as number) : -1;
  }

  /** Adds an entry. */
  push(key: number, item: number): void {
    if (this.n === this.keys.length) this.grow();
    const keys = this.keys;
    const items = this.items;
    let i = this.n++;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      const pk = keys[parent] as number;
      if (pk <= key) break;
      keys[i] = pk;
      items[i] = items[parent] as number;
      i = parent;
    }
    keys[i] = key;
    items[i] = item;
  }

  /** Removes the entry with the smallest key and returns its item; -1 when empty. */
  pop(): number {
    if (this.n === 0) return -1;
    const keys = this.keys;
    const items = this.items;
    const top = items[0] as number;
    const n = --this.n;
    if (n > 0) {
      const key = keys[n] as number;
      const item = items[n] as number;
      let i = 0;
      for (;;) {
        let c = 2 * i + 1;
        if (c >= n) break;
        const r = c + 1;
        if (r < n && (keys[r] as number) < (keys[c] as number)) c = r;
        const ck = keys[c] as number;
        if (ck >= key) break;
        keys[i] = ck;
        items[i] = items[c] as number;
        i = c;
      }
      keys[i] = key;
      items[i] = item;
    }
    return top;
  }

  private grow(): void {
    const keys = new Float64Array(this.keys.length * 2);
    keys.set(this.keys);
    const items = new Int32Array(this.items.length * 2);
    items.set(this.items);
    this.keys = keys;
    this.items = items;
  }
}
