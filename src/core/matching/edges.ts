/** Candidate edges by request (CSR); `profit` is the pair value without load, in units. */
export interface EdgeSet {
  start: Int32Array;
  col: Int32Array;
  profit: Float64Array;
}

/** A growable list of (request, volunteer, value) triples on typed arrays: no per-edge objects. */
export class EdgeList {
  row = new Int32Array(1024);
  col = new Int32Array(1024);
  profit = new Float64Array(1024);
  length = 0;

  /** Appends one edge. */
  push(r: number, c: number, p: number): void {
    if (this.length === this.row.length) {
      const grow = <A extends Int32Array | Float64Array>(a: A, make: (n: number) => A): A => {
        const b = make(a.length * 2);
        b.set(a);
        return b;
      };
      this.row = grow(this.row, (n) => new Int32Array(n));
      this.col = grow(this.col, (n) => new Int32Array(n));
      this.profit = grow(this.profit, (n) => new Float64Array(n));
    }
    this.row[this.length] = r;
    this.col[this.length] = c;
    this.profit[this.length] = p;
    this.length++;
  }
}

/** `base` plus `extra`, as a new CSR (extra edges after the base ones of their request, in list order). */
export function mergeEdges(base: EdgeSet, extra: EdgeList): EdgeSet {
  const nR = base.start.length - 1;
  const start = new Int32Array(nR + 1);
  for (let r = 0; r < nR; r++) start[r + 1] = (base.start[r + 1] as number) - (base.start[r] as number);
  for (let i = 0; i < extra.length; i++) {
    const at = (extra.row[i] as number) + 1;
    start[at] = (start[at] as number) + 1;
  }
  for (let r = 0; r < nR; r++) start[r + 1] = (start[r + 1] as number) + (start[r] as number);
  const col = new Int32Array(start[nR] as number);
  const profit = new Float64Array(start[nR] as number);
  const fill = start.slice(0, nR);
  for (let r = 0; r < nR; r++) {
    let o = fill[r] as number;
    for (let e = base.start[r] as number; e < (base.start[r + 1] as number); e++, o++) {
      col[o] = base.col[e] as number;
      profit[o] = base.profit[e] as number;
    }
    fill[r] = o;
  }
  for (let i = 0; i < extra.length; i++) {
    const r = extra.row[i] as number;
    const o = fill[r] as number;
    col[o] = extra.col[i] as number;
    profit[o] = extra.profit[i] as number;
    fill[r] = o + 1;
  }
  return { start, col, profit };
}

/** The empty edge set over `rows` requests. */
export function noEdges(rows: number): EdgeSet {
  return { start: new Int32Array(rows + 1), col: new Int32Array(0), profit: new Float64Array(0) };
}
