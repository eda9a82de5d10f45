import { MinHeap } from "../heap.js";
import { cycleWalk, type MatchGraph } from "./blossom-graph.js";

/** Labels: FREE (unlabelled), S (even, outer), T (odd, inner). */
export const FREE = 0;
export const S = 1;
export const T = 2;

/** The algorithm's state. Vertices are 0 … n−1, blossoms n … 2n−1; "endpoint" p is end[p]. */
export class BlossomForest {
  protected readonly n: number;
  protected readonly end: Int32Array;
  protected readonly weight: Float64Array;
  protected readonly start: Int32Array;
  protected readonly adj: Int32Array;
  /** For a vertex, the remote endpoint of its matched edge, or −1. */
  readonly mate: Int32Array;
  protected readonly label: Int8Array;
  protected readonly labelEnd: Int32Array;
  protected readonly inBlossom: Int32Array;
  protected readonly parent: Int32Array;
  protected readonly childs: (number[] | null)[];
  protected readonly endps: (number[] | null)[];
  protected readonly base: Int32Array;
  protected readonly bestEdge: Int32Array;
  protected readonly bestEdges: (number[] | null)[];
  protected readonly unused: Int32Array;
  protected unusedTop: number;
  protected readonly dual: Float64Array;
  protected readonly allow: Uint8Array;
  protected readonly queue: Int32Array;
  protected qlen = 0;
  /** Sum of the dual steps so far: labelled duals are stored relative to it (see dualOf). */
  protected time = 0;
  /** Deadlines (values of `time`) of three kinds of events: a FREE vertex's best edge, an S-blossom's best edge, a T-blossom's dual. */
  protected readonly toFree = new MinHeap(256);
  protected readonly toS = new MinHeap(256);
  protected readonly toT = new MinHeap(64);
  /** Tree (root vertex) of each labelled top-level blossom, and the vertices that ever joined each tree. */
  protected readonly treeOf: Int32Array;
  protected readonly members: (number[] | null)[];
  protected readonly gone: Int32Array;
  protected goneId = 0;
  protected readonly redo: Int32Array;
  protected redoId = 0;
  protected readonly mark: Uint8Array;
  protected readonly path: Int32Array;
  protected readonly leafBuf: Int32Array;
  protected readonly nodeStack: Int32Array;
  protected readonly pairStack: Int32Array;
  protected readonly bestTo: Int32Array;
  protected readonly bestToList: Int32Array;

  constructor(g: MatchGraph) {
    const n = g.n;
    this.n = n;
    this.end = g.end;
    this.weight = g.weight;
    this.start = g.start;
    this.adj = g.adj;
    this.mate = new Int32Array(n).fill(-1);
    this.label = new Int8Array(2 * n);
    this.labelEnd = new Int32Array(2 * n).fill(-1);
    this.inBlossom = new Int32Array(n);
    for (let v = 0; v < n; v++) this.inBlossom[v] = v;
    this.parent = new Int32Array(2 * n).fill(-1);
    this.childs = new Array<number[] | null>(2 * n).fill(null);
    this.endps = new Array<number[] | null>(2 * n).fill(null);
    this.base = new Int32Array(2 * n).fill(-1);
    for (let v = 0; v < n; v++) this.base[v] = v;
    this.bestEdge = new Int32Array(2 * n).fill(-1);
    this.bestEdges = new Array<number[] | null>(2 * n).fill(null);
    this.unused = new Int32Array(n);
    for (let i = 0; i < n; i++) this.unused[i] = 2 * n - 1 - i;
    this.unusedTop = n;
    this.dual = new Float64Array(2 * n);
    for (let v = 0; v < n; v++) this.dual[v] = g.maxWeight;
    this.allow = new Uint8Array(g.m);
    this.treeOf = new Int32Array(2 * n).fill(-1);
    this.members = new Array<number[] | null>(n).fill(null);
    this.gone = new Int32Array(2 * n);
    this.redo = new Int32Array(2 * n);
    this.queue = new Int32Array(2 * n + 1);
    this.mark = new Uint8Array(2 * n);
    this.path = new Int32Array(2 * n);
    this.leafBuf = new Int32Array(n);
    this.nodeStack = new Int32Array(2 * n);
    this.pairStack = new Int32Array(4 * n);
    this.bestTo = new Int32Array(2 * n).fill(-1);
    this.bestToList = new Int32Array(2 * n);
  }

  /**
   * A vertex's dual. Duals are stored so that one step moves them all at once: an S-vertex's
   * actual dual is dual − time, a T-vertex's dual + time, a FREE one's dual; whenever a vertex
   * changes rate its stored value is rebased (see `rebase`). Top-level blossoms likewise, with
   * the signs swapped; inner blossoms never move.
   */
  protected dualOf(v: number): number {
    const l = this.label[this.inBlossom[v] as number];
    const d = this.dual[v] as number;
    return l === S ? d - this.time : l === T ? d + this.time : d;
  }

  /** Rebases the stored duals of top-level blossom b and its vertices from vertex rate `from` to `to` (−1 S, +1 T, 0 FREE). */
  protected rebase(b: number, from: number, to: number): void {
    if (from === to) return;
    const shift = (to - from) * this.time;
    const c = this.leaves(b);
    for (let i = 0; i < c; i++) {
      const v = this.leafBuf[i] as number;
      this.dual[v] = (this.dual[v] as number) - shift;
    }
    if (b >= this.n) this.dual[b] = (this.dual[b] as number) + shift;
  }

  /** Pushes the deadline of FREE vertex w's best edge. */
  protected pushFree(w: number): void {
    const k = this.bestEdge[w] as number;
    if (k !== -1 && this.label[this.inBlossom[w] as number] === FREE) this.toFree.push(this.time + this.slack(k), w);
  }

  /** Pushes the deadline of top-level S-blossom b's best edge. */
  protected pushS(b: number): void {
    const k = this.bestEdge[b] as number;
    if (k !== -1) this.toS.push(this.time + this.slack(k) / 2, b);
  }

  protected slack(k: number): number {
    return this.dualOf(this.end[2 * k] as number) + this.dualOf(this.end[2 * k + 1] as number) - 2 * (this.weight[k] as number);
  }

  protected setLabel(x: number, t: number): void {
    this.label[x] = t;
  }

  protected allowEdge(k: number): void {
    this.allow[k] = 1;
  }

  /** The vertices inside blossom b (b itself when it is a vertex), into leafBuf; returns their count. */
  protected leaves(b: number): number {
    const n = this.n;
    if (b < n) {
      this.leafBuf[0] = b;
      return 1;
    }
    let count = 0;
    let top = 0;
    this.nodeStack[top++] = b;
    while (top > 0) {
      const x = this.nodeStack[--top] as number;
      if (x < n) {
        this.leafBuf[count++] = x;
        continue;
      }
      const ch = this.childs[x] as number[];
      for (let i = 0; i < ch.length; i++) this.nodeStack[top++] = ch[i] as number;
    }
    return count;
  }

  /** Labels the top-level blossom of w with t, reached through endpoint p; a T label makes its mate S. */
  protected assignLabel(w0: number, t0: number, p0: number): void {
    let w = w0;
    let t = t0;
    let p = p0;
    for (;;) {
      const b = this.inBlossom[w] as number;
      const tree = p === -1 ? w : (this.treeOf[this.inBlossom[this.end[p] as number] as number] as number);
      this.rebase(b, 0, t === S ? -1 : 1);
      if (t === T && b >= this.n) this.toT.push(this.dual[b] as number, b);
      this.setLabel(w, t);
      this.setLabel(b, t);
      this.labelEnd[w] = p;
      this.labelEnd[b] = p;
      this.bestEdge[w] = -1;
      this.bestEdge[b] = -1;
      this.treeOf[b] = tree;
      let list = this.members[tree];
      if (list === null || list === undefined) {
        list = [];
        this.members[tree] = list;
      }
      const c = this.leaves(b);
      for (let i = 0; i < c; i++) list.push(this.leafBuf[i] as number);
      if (t === S) {
        for (let i = 0; i < c; i++) this.queue[this.qlen++] = this.leafBuf[i] as number;
        return;
      }
      const mp = this.mate[this.base[b] as number] as number;
      w = this.end[mp] as number;
      t = S;
      p = mp ^ 1;
    }
  }

  /** Traces back from v and w: the base of a new blossom, or −1 when the two trees differ (an augmenting path). */
  protected scanBlossom(v0: number, w0: number): number {
    let v = v0;
    let w = w0;
    let len = 0;
    let found = -1;
    while (v !== -1 || w !== -1) {
      let b = this.inBlossom[v] as number;
      if (this.mark[b] === 1) {
        found = this.base[b] as number;
        break;
      }
      this.path[len++] = b;
      this.mark[b] = 1;
      if (this.labelEnd[b] === -1) v = -1;
      else {
        v = this.end[this.labelEnd[b] as number] as number;
        b = this.inBlossom[v] as number;
        v = this.end[this.labelEnd[b] as number] as number;
      }
      if (w !== -1) {
        const x = v;
        v = w;
        w = x;
      }
    }
    for (let i = 0; i < len; i++) this.mark[this.path[i] as number] = 0;
    return found;
  }

  /** Shrinks the odd cycle closed by edge k, with the given base, into a new S-blossom. */
  protected addBlossom(baseV: number, k: number): void {
    const bb = this.inBlossom[baseV] as number;
    let bv = this.inBlossom[this.end[2 * k] as number] as number;
    let bw = this.inBlossom[this.end[2 * k + 1] as number] as number;
    const b = this.unused[--this.unusedTop] as number;
    this.base[b] = baseV;
    this.parent[b] = -1;
    this.parent[bb] = b;
    const ch: number[] = [];
    const ep: number[] = [];
    while (bv !== bb) {
      this.parent[bv] = b;
      ch.push(bv);
      ep.push(this.labelEnd[bv] as number);
      bv = this.inBlossom[this.end[this.labelEnd[bv] as number] as number] as number;
    }
    ch.push(bb);
    ch.reverse();
    ep.reverse();
    ep.push(2 * k);
    while (bw !== bb) {
      this.parent[bw] = b;
      ch.push(bw);
      ep.push((this.labelEnd[bw] as number) ^ 1);
      bw = this.inBlossom[this.end[this.labelEnd[bw] as number] as number] as number;
    }
    this.childs[b] = ch;
    this.endps[b] = ep;
    // The children stop moving and their T vertices turn S.
    for (const c of ch) {
      const l = this.label[c];
      if (c >= this.n) this.dual[c] = (this.dual[c] as number) + (l === S ? this.time : -this.time);
      if (l === T) {
        const cl = this.leaves(c);
        for (let i = 0; i < cl; i++) {
          const v = this.leafBuf[i] as number;
          this.dual[v] = (this.dual[v] as number) + 2 * this.time;
        }
      }
    }
    this.dual[b] = -this.time;
    this.setLabel(b, S);
    this.treeOf[b] = this.treeOf[bb] as number;
    this.labelEnd[b] = this.labelEnd[bb] as number;
    const c = this.leaves(b);
    for (let i = 0; i < c; i++) {
      const v = this.leafBuf[i] as number;
      if (this.label[this.inBlossom[v] as number] === T) this.queue[this.qlen++] = v;
      this.inBlossom[v] = b;
    }
    // The least-slack edge from the new blossom to each neighbouring S-blossom.
    let listed = 0;
    for (const sub of ch) {
      const own = this.bestEdges[sub];
      if (own === null || own === undefined) {
        const cl = this.leaves(sub);
        for (let i = 0; i < cl; i++) {
          const v = this.leafBuf[i] as number;
          for (let a = this.start[v] as number; a < (this.start[v + 1] as number); a++)
            listed = this.considerBest(b, (this.adj[a] as number) >> 1, listed);
        }
      } else for (const e of own) listed = this.considerBest(b, e, listed);
      this.bestEdges[sub] = null;
      this.bestEdge[sub] = -1;
    }
    const list: number[] = [];
    let best = -1;
    for (let i = 0; i < listed; i++) {
      const x = this.bestToList[i] as number;
      const e = this.bestTo[x] as number;
      this.bestTo[x] = -1;
      list.push(e);
      if (best === -1 || this.slack(e) < this.slack(best)) best = e;
    }
    this.bestEdges[b] = list;
    this.bestEdge[b] = best;
    this.pushS(b);
  }

  protected considerBest(b: number, k: number, listed: number): number {
    let j = this.end[2 * k + 1] as number;
    if (this.inBlossom[j] === b) j = this.end[2 * k] as number;
    const bj = this.inBlossom[j] as number;
    if (bj === b || this.label[bj] !== S) return listed;
    const cur = this.bestTo[bj] as number;
    if (cur === -1) {
      this.bestTo[bj] = k;
      this.bestToList[listed] = bj;
      return listed + 1;
    }
    if (this.slack(k) < this.slack(cur)) this.bestTo[bj] = k;
    return listed;
  }

  /** Makes v the base of blossom b by swapping matched and unmatched edges along the even path inside it. */
  protected augmentBlossom(b0: number, v0: number): void {
    const n = this.n;
    const st = this.pairStack;
    let top = 0;
    st[top++] = b0;
    st[top++] = v0;
    while (top > 0) {
      const v = st[--top] as number;
      const b = st[--top] as number;
      let t = v;
      while (this.parent[t] !== b) t = this.parent[t] as number;
      if (t >= n) {
        st[top++] = t;
        st[top++] = v;
      }
      const ch = this.childs[b] as number[];
      const ep = this.endps[b] as number[];
      const L = ch.length;
      const i = ch.indexOf(t);
      const walk = cycleWalk(i, L);
      let j = walk.j;
      const jstep = walk.step;
      const trick = walk.trick;
      while (j !== 0) {
        j += jstep;
        t = ch[j < 0 ? j + L : j] as number;
        const q = j - trick;
        const p = (ep[q < 0 ? q + L : q] as number) ^ trick;
        if (t >= n) {
          st[top++] = t;
          st[top++] = this.end[p] as number;
        }
        j += jstep;
        t = ch[j < 0 ? j + L : j] as number;
        if (t >= n) {
          st[top++] = t;
          st[top++] = this.end[p ^ 1] as number;
        }
        this.mate[this.end[p] as number] = p ^ 1;
        this.mate[this.end[p ^ 1] as number] = p;
      }
      this.childs[b] = ch.slice(i).concat(ch.slice(0, i));
      this.endps[b] = ep.slice(i).concat(ep.slice(0, i));
      // The sub-blossom holding v is made to start at v (now or later on the stack), so b's base is v.
      this.base[b] = v;
    }
  }

  /** Flips the augmenting path through edge k, from both its ends back to their trees' roots. */
  protected augmentMatching(k: number): void {
    for (let side = 0; side < 2; side++) {
      let s = this.end[2 * k + side] as number;
      let p = 2 * k + 1 - side;
      for (;;) {
        const bs = this.inBlossom[s] as number;
        if (bs >= this.n) this.augmentBlossom(bs, s);
        this.mate[s] = p;
        if (this.labelEnd[bs] === -1) break;
        const t = this.end[this.labelEnd[bs] as number] as number;
        const bt = this.inBlossom[t] as number;
        const le = this.labelEnd[bt] as number;
        s = this.end[le] as number;
        const j = this.end[le ^ 1] as number;
        if (bt >= this.n) this.augmentBlossom(bt, j);
        this.mate[j] = le;
        p = le ^ 1;
      }
    }
  }

  protected recycle(b: number): void {
    this.label[b] = -1;
    this.labelEnd[b] = -1;
    this.childs[b] = null;
    this.endps[b] = null;
    this.base[b] = -1;
    this.bestEdges[b] = null;
    this.bestEdge[b] = -1;
    this.unused[this.unusedTop++] = b;
  }
}
