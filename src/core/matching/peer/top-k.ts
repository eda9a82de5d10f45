/**
 * The best `k` (partner, weight) offers, ordered by weight descending and then by partner index
 * ascending: of two offers with equal weight the lower partner index is the better one.
 * Reusable across members through {@link TopK.reset}.
 */
export class TopK {
  readonly partner: Int32Array;
  readonly weight: Float64Array;
  size = 0;
  private worstAt = -1;

  constructor(readonly k: number) {
    this.partner = new Int32Array(Math.max(0, k));
    this.weight = new Float64Array(Math.max(0, k));
  }

  reset(): void {
    this.size = 0;
    this.worstAt = -1;
  }

  get full(): boolean {
    return this.size >= this.k;
  }

  /** Weight of the worst kept offer (−Infinity until full). */
  get worst(): number {
    return this.full && this.worstAt >= 0 ? (this.weight[this.worstAt] as number) : -Infinity;
  }

  /** Offers partner j with weight w; keeps it when it beats the worst kept offer. */
  offer(j: number, w: number): void {
    if (this.k <= 0) return;
    if (this.size < this.k) {
      this.partner[this.size] = j;
      this.weight[this.size] = w;
      this.size++;
      if (this.size === this.k) this.findWorst();
      return;
    }
    const ww = this.weight[this.worstAt] as number;
    if (w > ww || (w === ww && j < (this.partner[this.worstAt] as number))) {
      this.partner[this.worstAt] = j;
      this.weight[this.worstAt] = w;
      this.findWorst();
    }
  }

  private findWorst(): void {
    let at = 0;
    for (let q = 1; q < this.size; q++) {
      const w = this.weight[q] as number;
      const aw = this.weight[at] as number;
      if (w < aw || (w === aw && (this.partner[q] as number) > (this.partner[at] as number))) at = q;
    }
    this.worstAt = at;
  }
}
