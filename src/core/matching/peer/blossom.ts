import { MinHeap } from "../heap.js";
import { type MatchGraph, matchGraph } from "./blossom-graph.js";
import type { PeerEdges } from "./edge-list.js";

/**
 * An exact maximum-weight matching (not maximum cardinality) of a general undirected graph:
 * `mate[v]` is v's partner, or −1. Loops, edges of weight 0 and parallel edges (all but the
 * heaviest) are ignored.
 *
 * Edmonds' primal-dual blossom algorithm in the O(n³) formulation (Galil, "Efficient
 * algorithms for finding maximum matching in graphs", 1986): each stage grows alternating
 * trees from every single vertex along tight edges (zero slack), shrinks odd cycles into
 * blossoms, and changes the duals by the largest step that keeps them feasible until an
 * augmenting path appears or the single vertices' duals reach zero, which proves optimality.
 * Everything a stage touches is recorded so the next stage resets only that, which keeps a
 * stage's cost near the size of its forest on sparse graphs. Nested blossoms are walked with
 * explicit stacks, never recursion. With integer weights every dual is a multiple of ½, so
 * the float arithmetic is exact.
 */
export function maxWeightMatching(n: number, edges: PeerEdges): Int32Array {
  return matchOnGraph(matchGraph(n, edges));
}

/** {@link maxWeightMatching} on an already cleaned graph. */
export function matchOnGraph(g: MatchGraph): Int32Array {
  const n = g.n;
  const mate = new Int32Array(n).fill(-1);
  if (g.m === 0) return mate;
  const s = new Blossoms(g);
  s.run();
  for (let v = 0; v < n; v++) {
    const p = s.mate[v] as number;
    mate[v] = p >= 0 ? (g.end[p] as number) : -1;
  }
  return mate;
}

const FREE = 0;
const S = 1;
const T = 2;

/** The algorithm's state. Vertices are 0 … n−1, blossoms n … 2n−1; "endpoint" p is end[p]. */
class Blossoms {
  private readonly n: number;
  private readonly end: Int32Array;
  private readonly weight: Float64Array;
  private readonly start: Int32Array;
  private readonly adj: Int32Array;
  /** For a vertex, the remote endpoint of its matched edge, or −1. */
  readonly mate: Int32Array;
  private readonly label: Int8Array;
  private readonly labelEnd: Int32Array;
  private readonly inBlossom: Int32Array;
  private readonly parent: Int32Array;
  private readonly childs: (number[] | null)[];
  private readonly endps: (number[] | null)[];
  private readonly base: Int32Array;
  private readonly bestEdge: Int32Array;
  private readonly bestEdges: (number[] | null)[];
  private readonly unused: Int32Array;
  private unusedTop: number;
  private readonly dual: Float64Array;
  private readonly allow: Uint8Array;
  private readonly queue: Int32Array;
  private qlen = 0;
  /** Sum of the dual steps so far: labelled duals are stored relative to it (see dualOf). */
  private time = 0;
  /** Deadlines (values of `time`) of three kinds of events: a FREE vertex's best edge, an S-blossom's best edge, a T-blossom's dual. */
  private readonly toFree = new MinHeap(256);
  private readonly toS = new MinHeap(256);
  private readonly toT = new MinHeap(64);
  /** Tree (root vertex) of each labelled top-level blossom, and the vertices that ever joined each tree. */
  private readonly treeOf: Int32Array;
  private readonly members: (number[] | null)[];
  private readonly gone: Int32Array;
  private goneId = 0;
  private readonly redo: Int32Array;
  private redoId = 0;
  private readonly mark: Uint8Array;
  private readonly path: Int32Array;
  private readonly leafBuf: Int32Array;
  private readonly nodeStack: Int32Array;
  private readonly pairStack: Int32Array;
  private readonly bestTo: Int32Array;
  private readonly bestToList: Int32Array;

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
  private dualOf(v: number): number {
    const l = this.label[this.inBlossom[v] as number];
    const d = this.dual[v] as number;
    return l === S ? d - this.time : l === T ? d + this.time : d;
  }

  /** Rebases the stored duals of top-level blossom b and its vertices from vertex rate `from` to `to` (−1 S, +1 T, 0 FREE). */
  private rebase(b: number, from: number, to: number): void {
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
  private pushFree(w: number): void {
    const k = this.bestEdge[w] as number;
    if (k !== -1 && this.label[this.inBlossom[w] as number] === FREE) this.toFree.push(this.time + this.slack(k), w);
  }

  /** Pushes the deadline of top-level S-blossom b's best edge. */
  private pushS(b: number): void {
    const k = this.bestEdge[b] as number;
    if (k !== -1) this.toS.push(this.time + this.slack(k) / 2, b);
  }

  private slack(k: number): number {
    return this.dualOf(this.end[2 * k] as number) + this.dualOf(this.end[2 * k + 1] as number) - 2 * (this.weight[k] as number);
  }

  private setLabel(x: number, t: number): void {
    this.label[x] = t;
  }

  private allowEdge(k: number): void {
    this.allow[k] = 1;
  }

  /** The vertices inside blossom b (b itself when it is a vertex), into leafBuf; returns their count. */
  private leaves(b: number): number {
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
  private assignLabel(w0: number, t0: number, p0: number): void {
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
  private scanBlossom(v0: number, w0: number): number {
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
  private addBlossom(baseV: number, k: number): void {
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

  private considerBest(b: number, k: number, listed: number): number {
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
  private augmentBlossom(b0: number, v0: number): void {
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
      let j = i;
      let jstep: number;
      let trick: number;
      if (i & 1) {
        j -= L;
        jstep = 1;
        trick = 0;
      } else {
        jstep = -1;
        trick = 1;
      }
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
  private augmentMatching(k: number): void {
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

  private recycle(b: number): void {
    this.label[b] = -1;
    this.labelEnd[b] = -1;
    this.childs[b] = null;
    this.endps[b] = null;
    this.base[b] = -1;
    this.bestEdges[b] = null;
    this.bestEdge[b] = -1;
    this.unused[this.unusedTop++] = b;
  }

  /** Dissolves blossom b into its children; at a stage's end also its children whose dual is zero. */
  private expandEndStage(b0: number): void {
    const n = this.n;
    // leaves() uses nodeStack, so this walk keeps its own stack in pairStack's upper half.
    const stack = this.pairStack;
    const origin = 2 * n;
    let top = origin;
    stack[top++] = b0;
    while (top > origin) {
      const b = stack[--top] as number;
      for (const s of this.childs[b] as number[]) {
        this.parent[s] = -1;
        if (s < n) this.inBlossom[s] = s;
        else if (this.dual[s] === 0) stack[top++] = s;
        else {
          const c = this.leaves(s);
          for (let i = 0; i < c; i++) this.inBlossom[this.leafBuf[i] as number] = s;
        }
      }
      this.recycle(b);
    }
  }

  /** Dissolves the T-blossom b whose dual reached zero in mid-stage, relabelling the children on its even path. */
  private expandInStage(b: number): void {
    const n = this.n;
    const ch = this.childs[b] as number[];
    const ep = this.endps[b] as number[];
    const inside = Array.from(this.leafBuf.subarray(0, this.leaves(b)));
    for (const v of inside) this.dual[v] = (this.dual[v] as number) + this.time; // T → FREE
    for (const s of ch) {
      this.parent[s] = -1;
      if (s < n) this.inBlossom[s] = s;
      else {
        const c = this.leaves(s);
        for (let i = 0; i < c; i++) this.inBlossom[this.leafBuf[i] as number] = s;
      }
    }
    if (this.label[b] === T) {
      const L = ch.length;
      const at = (x: number): number => (x < 0 ? x + L : x);
      const entry = this.inBlossom[this.end[(this.labelEnd[b] as number) ^ 1] as number] as number;
      let j = ch.indexOf(entry);
      let jstep: number;
      let trick: number;
      if (j & 1) {
        j -= L;
        jstep = 1;
        trick = 0;
      } else {
        jstep = -1;
        trick = 1;
      }
      let p = this.labelEnd[b] as number;
      while (j !== 0) {
        this.label[this.end[p ^ 1] as number] = FREE;
        const q = ep[at(j - trick)] as number;
        this.label[this.end[q ^ trick ^ 1] as number] = FREE;
        this.assignLabel(this.end[p ^ 1] as number, T, p);
        this.allowEdge(q >> 1);
        j += jstep;
        p = (ep[at(j - trick)] as number) ^ trick;
        this.allowEdge(p >> 1);
        j += jstep;
      }
      const bv = ch[at(j)] as number;
      const x = this.end[p ^ 1] as number;
      this.rebase(bv, 0, 1);
      if (bv >= n) this.toT.push(this.dual[bv] as number, bv);
      this.setLabel(x, T);
      this.setLabel(bv, T);
      this.treeOf[bv] = this.treeOf[b] as number;
      this.labelEnd[x] = p;
      this.labelEnd[bv] = p;
      this.bestEdge[bv] = -1;
      j += jstep;
      while (ch[at(j)] !== entry) {
        const sub = ch[at(j)] as number;
        if (this.label[sub] === S) {
          j += jstep;
          continue;
        }
        const c = this.leaves(sub);
        let hit = -1;
        for (let i = 0; i < c; i++) {
          const v = this.leafBuf[i] as number;
          if (this.label[v] !== FREE) {
            hit = v;
            break;
          }
        }
        if (hit !== -1) {
          this.label[hit] = FREE;
          this.label[this.end[this.mate[this.base[sub] as number] as number] as number] = FREE;
          this.assignLabel(hit, T, this.labelEnd[hit] as number);
        }
        j += jstep;
      }
    }
    this.recycle(b);
    for (const v of inside) this.pushFree(v);
  }

  /** Scans the queued S-vertices' edges; true when an augmentation was made. */
  private scan(): boolean {
    while (this.qlen > 0) {
      const v = this.queue[--this.qlen] as number;
      if (this.label[this.inBlossom[v] as number] !== S) continue; // its tree was used by an augmentation
      for (let a = this.start[v] as number; a < (this.start[v + 1] as number); a++) {
        const p = this.adj[a] as number;
        const k = p >> 1;
        const w = this.end[p] as number;
        if (this.inBlossom[v] === this.inBlossom[w]) continue;
        let ks = 0;
        if (this.allow[k] === 0) {
          ks = this.slack(k);
          if (ks <= 0) this.allowEdge(k);
        }
        const bw = this.inBlossom[w] as number;
        if (this.allow[k] === 1) {
          if (this.label[bw] === FREE) this.assignLabel(w, T, p ^ 1);
          else if (this.label[bw] === S) {
            const found = this.scanBlossom(v, w);
            if (found >= 0) this.addBlossom(found, k);
            else {
              const ta = this.treeOf[this.inBlossom[v] as number] as number;
              const tb = this.treeOf[bw] as number;
              this.augmentMatching(k);
              this.dissolve(ta, tb);
              return true;
            }
          } else if (this.label[w] === FREE) {
            this.setLabel(w, T);
            this.labelEnd[w] = p ^ 1;
          }
        } else if (this.label[bw] === S) {
          const b = this.inBlossom[v] as number;
          const cur = this.bestEdge[b] as number;
          if (cur === -1 || ks < this.slack(cur)) {
            this.bestEdge[b] = k;
            this.pushS(b);
          }
        } else if (this.label[w] === FREE) {
          const cur = this.bestEdge[w] as number;
          if (cur === -1 || ks < this.slack(cur)) {
            this.bestEdge[w] = k;
            this.pushFree(w);
          }
        }
      }
    }
    return false;
  }

  /**
   * Grows one forest until the single vertices' duals reach zero or fewer than two trees are
   * left. An augmentation only dissolves the two trees it used; the others keep their labels.
   */
  run(): void {
    const n = this.n;
    const single = new Int32Array(n);
    let singles = 0;
    for (let v = 0; v < n; v++) if ((this.start[v + 1] as number) > (this.start[v] as number)) single[singles++] = v;
    let roots = singles;
    for (let i = 0; i < singles; i++) this.assignLabel(single[i] as number, S, -1);
    let first = 0;
    for (;;) {
      if (roots < 2) return;
      if (this.scan()) {
        roots -= 2;
        continue;
      }
      while (this.mate[single[first] as number] !== -1) first++;
      // Single vertices all carry the same, smallest, dual: when it reaches zero the matching is optimal.
      let at = this.dual[single[first] as number] as number;
      let type = 1;
      const free = this.nextFree();
      const bs = this.nextS();
      const bt = this.nextT();
      if (free < at) {
        at = free;
        type = 2;
      }
      if (bs < at) {
        at = bs;
        type = 3;
      }
      if (bt < at) {
        at = bt;
        type = 4;
      }
      this.time = at;
      if (type === 1) return;
      if (type === 2) {
        const edge = this.bestEdge[this.toFree.pop()] as number;
        this.allowEdge(edge);
        let i = this.end[2 * edge] as number;
        if (this.label[this.inBlossom[i] as number] === FREE) i = this.end[2 * edge + 1] as number;
        this.queue[this.qlen++] = i;
      } else if (type === 3) {
        const edge = this.bestEdge[this.toS.pop()] as number;
        this.allowEdge(edge);
        this.queue[this.qlen++] = this.end[2 * edge] as number;
      } else this.expandInStage(this.toT.pop());
    }
  }

  /** The earliest deadline of a FREE vertex's best edge (stale entries dropped or re-filed). */
  private nextFree(): number {
    const h = this.toFree;
    while (h.size > 0) {
      const key = h.peekKey();
      const w = h.peekItem();
      const k = this.bestEdge[w] as number;
      if (k !== -1 && this.label[this.inBlossom[w] as number] === FREE) {
        const due = this.time + this.slack(k);
        if (due === key) return key;
        h.pop();
        h.push(due, w);
      } else h.pop();
    }
    return Infinity;
  }

  /** The earliest deadline of an S-blossom's best edge to another S-blossom. */
  private nextS(): number {
    const h = this.toS;
    while (h.size > 0) {
      const key = h.peekKey();
      const b = h.peekItem();
      const k = this.bestEdge[b] as number;
      if (k !== -1 && this.parent[b] === -1 && this.label[b] === S) {
        const due = this.time + this.slack(k) / 2;
        if (due === key) return key;
        h.pop();
        h.push(due, b);
      } else h.pop();
    }
    return Infinity;
  }

  /** The earliest time a T-blossom's dual reaches zero. */
  private nextT(): number {
    const h = this.toT;
    while (h.size > 0) {
      const key = h.peekKey();
      const b = h.peekItem();
      if (this.parent[b] === -1 && this.label[b] === T && (this.base[b] as number) >= 0) {
        const due = this.dual[b] as number;
        if (due === key) return key;
        h.pop();
        h.push(due, b);
      } else h.pop();
    }
    return Infinity;
  }

  /**
   * Unlabels the trees rooted at a and b after an augmentation, as a new stage would: their
   * S-blossoms with zero dual are dissolved, edges at their vertices lose their "tight" mark,
   * and every best edge that pointed into them is recomputed, so the other trees go on.
   */
  private dissolve(a: number, b: number): void {
    const n = this.n;
    const id = ++this.goneId;
    const tops: number[] = [];
    for (const r of [a, b]) {
      const list = this.members[r] ?? [];
      this.members[r] = null;
      for (const v of list) {
        const top = this.inBlossom[v] as number;
        const l = this.label[top];
        if ((l === S || l === T) && this.treeOf[top] === r && this.gone[top] !== id) {
          this.gone[top] = id;
          tops.push(top);
        }
      }
    }
    const verts: number[] = [];
    for (const top of tops) {
      this.rebase(top, this.label[top] === S ? -1 : 1, 0);
      const expand = top >= n && this.label[top] === S && this.dual[top] === 0;
      let sp = 0;
      this.nodeStack[sp++] = top;
      while (sp > 0) {
        const x = this.nodeStack[--sp] as number;
        this.label[x] = FREE;
        this.bestEdge[x] = -1;
        this.bestEdges[x] = null;
        this.gone[x] = id;
        if (x < n) verts.push(x);
        else for (const c of this.childs[x] as number[]) this.nodeStack[sp++] = c;
      }
      if (expand) this.expandEndStage(top);
    }
    const rid = ++this.redoId;
    const again: number[] = [];
    for (const x of verts) {
      for (let q = this.start[x] as number; q < (this.start[x + 1] as number); q++) {
        const p = this.adj[q] as number;
        const k = p >> 1;
        this.allow[k] = 0;
        const w = this.end[p] as number;
        if (this.gone[w] === id) continue;
        const bw = this.inBlossom[w] as number;
        if (this.label[bw] === S) {
          const e = this.bestEdge[bw] as number;
          if (e !== -1 && (this.gone[this.end[2 * e] as number] === id || this.gone[this.end[2 * e + 1] as number] === id) && this.redo[bw] !== rid) {
            this.redo[bw] = rid;
            again.push(bw);
          }
          continue;
        }
        let stale = this.bestEdge[w] === k;
        if (this.label[w] === T && bw !== w && this.end[this.labelEnd[w] as number] === x) {
          this.label[w] = FREE;
          stale = true;
        }
        if (stale && this.redo[w] !== rid) {
          this.redo[w] = rid;
          again.push(w);
        }
      }
    }
    for (const x of verts) this.bestFromS(x);
    for (const x of again) {
      if (x < n && this.label[this.inBlossom[x] as number] !== S) this.bestFromS(x);
      else this.bestOfS(x);
    }
  }

  /** The least-slack edge from vertex w (not in an S-blossom) to an S-blossom. */
  private bestFromS(w: number): void {
    const bw = this.inBlossom[w] as number;
    let best = -1;
    let least = Infinity;
    for (let q = this.start[w] as number; q < (this.start[w + 1] as number); q++) {
      const p = this.adj[q] as number;
      const by = this.inBlossom[this.end[p] as number] as number;
      if (by === bw || this.label[by] !== S) continue;
      const d = this.slack(p >> 1);
      if (d < least) {
        least = d;
        best = p >> 1;
      }
    }
    this.bestEdge[w] = best;
    this.pushFree(w);
  }

  /** The least-slack edge from top-level S-blossom b to another S-blossom, from all its vertices' edges. */
  private bestOfS(b: number): void {
    let best = -1;
    let least = Infinity;
    const c = this.leaves(b);
    for (let i = 0; i < c; i++) {
      const v = this.leafBuf[i] as number;
      for (let q = this.start[v] as number; q < (this.start[v + 1] as number); q++) {
        const p = this.adj[q] as number;
        const by = this.inBlossom[this.end[p] as number] as number;
        if (by === b || this.label[by] !== S) continue;
        const d = this.slack(p >> 1);
        if (d < least) {
          least = d;
          best = p >> 1;
        }
      }
    }
    this.bestEdge[b] = best;
    this.bestEdges[b] = null;
    this.pushS(b);
  }
}
