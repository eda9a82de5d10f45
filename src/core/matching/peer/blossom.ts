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
  private readonly allowed: Int32Array;
  private allowedCount = 0;
  private readonly queue: Int32Array;
  private qlen = 0;
  private readonly touched: Int32Array;
  private readonly stamp: Int32Array;
  private touchedCount = 0;
  private stage = 0;
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
    this.allowed = new Int32Array(g.m);
    this.queue = new Int32Array(2 * n + 1);
    this.touched = new Int32Array(2 * n);
    this.stamp = new Int32Array(2 * n);
    this.mark = new Uint8Array(2 * n);
    this.path = new Int32Array(2 * n);
    this.leafBuf = new Int32Array(n);
    this.nodeStack = new Int32Array(2 * n);
    this.pairStack = new Int32Array(4 * n);
    this.bestTo = new Int32Array(2 * n).fill(-1);
    this.bestToList = new Int32Array(2 * n);
  }

  private slack(k: number): number {
    return (
      (this.dual[this.end[2 * k] as number] as number) +
      (this.dual[this.end[2 * k + 1] as number] as number) -
      2 * (this.weight[k] as number)
    );
  }

  /** Records x as changed in this stage, so the next stage resets it. */
  private touch(x: number): void {
    if (this.stamp[x] !== this.stage) {
      this.stamp[x] = this.stage;
      this.touched[this.touchedCount++] = x;
    }
  }

  private setLabel(x: number, t: number): void {
    this.label[x] = t;
    this.touch(x);
  }

  private allowEdge(k: number): void {
    if (this.allow[k] === 0) {
      this.allow[k] = 1;
      this.allowed[this.allowedCount++] = k;
    }
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
      this.setLabel(w, t);
      this.setLabel(b, t);
      this.labelEnd[w] = p;
      this.labelEnd[b] = p;
      this.bestEdge[w] = -1;
      this.bestEdge[b] = -1;
      if (t === S) {
        const c = this.leaves(b);
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
    this.setLabel(b, S);
    this.labelEnd[b] = this.labelEnd[bb] as number;
    this.dual[b] = 0;
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
      this.setLabel(x, T);
      this.setLabel(bv, T);
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
  }

  /** Clears what the previous stage labelled. */
  private resetStage(): void {
    for (let i = 0; i < this.touchedCount; i++) {
      const x = this.touched[i] as number;
      this.label[x] = FREE;
      this.bestEdge[x] = -1;
      this.bestEdges[x] = null;
    }
    this.touchedCount = 0;
    for (let i = 0; i < this.allowedCount; i++) this.allow[this.allowed[i] as number] = 0;
    this.allowedCount = 0;
    this.qlen = 0;
    this.stage++;
  }

  /** Scans the queued S-vertices' edges; true when an augmentation was made. */
  private scan(): boolean {
    while (this.qlen > 0) {
      const v = this.queue[--this.qlen] as number;
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
              this.augmentMatching(k);
              return true;
            }
          } else if (this.label[w] === FREE) {
            this.setLabel(w, T);
            this.labelEnd[w] = p ^ 1;
          }
        } else if (this.label[bw] === S) {
          const b = this.inBlossom[v] as number;
          const cur = this.bestEdge[b] as number;
          if (cur === -1 || ks < this.slack(cur)) this.bestEdge[b] = k;
        } else if (this.label[w] === FREE) {
          const cur = this.bestEdge[w] as number;
          if (cur === -1 || ks < this.slack(cur)) {
            this.bestEdge[w] = k;
            this.touch(w);
          }
        }
      }
    }
    return false;
  }

  /** Moves the duals of the labelled forest by delta: S vertices −δ, T vertices +δ, S blossoms +δ, T blossoms −δ. */
  private moveDuals(delta: number): void {
    const n = this.n;
    for (let i = 0; i < this.touchedCount; i++) {
      const x = this.touched[i] as number;
      const l = this.label[x] as number;
      if ((l !== S && l !== T) || this.parent[x] !== -1) continue;
      const sign = l === S ? -1 : 1;
      if (x < n) {
        this.dual[x] = (this.dual[x] as number) + sign * delta;
        continue;
      }
      if ((this.base[x] as number) < 0) continue;
      this.dual[x] = (this.dual[x] as number) - sign * delta;
      const c = this.leaves(x);
      for (let j = 0; j < c; j++) {
        const v = this.leafBuf[j] as number;
        this.dual[v] = (this.dual[v] as number) + sign * delta;
      }
    }
  }

  /** Runs stages until no augmenting path is left. */
  run(): void {
    const n = this.n;
    const single = new Int32Array(n);
    let singles = 0;
    for (let v = 0; v < n; v++) if ((this.start[v + 1] as number) > (this.start[v] as number)) single[singles++] = v;
    for (;;) {
      this.resetStage();
      let kept = 0;
      for (let i = 0; i < singles; i++) {
        const v = single[i] as number;
        if (this.mate[v] === -1) single[kept++] = v;
      }
      singles = kept;
      if (singles < 2) return;
      for (let i = 0; i < singles; i++) {
        const v = single[i] as number;
        if (this.label[this.inBlossom[v] as number] === FREE) this.assignLabel(v, S, -1);
      }
      let augmented = false;
      for (;;) {
        if (this.scan()) {
          augmented = true;
          break;
        }
        // Single vertices all carry the same, smallest, dual: the step that would zero it ends the search.
        let delta = this.dual[single[0] as number] as number;
        let type = 1;
        let edge = -1;
        let blossom = -1;
        for (let i = 0; i < this.touchedCount; i++) {
          const x = this.touched[i] as number;
          if (x < n && this.label[this.inBlossom[x] as number] === FREE && this.bestEdge[x] !== -1) {
            const d = this.slack(this.bestEdge[x] as number);
            if (d < delta) {
              delta = d;
              type = 2;
              edge = this.bestEdge[x] as number;
            }
          }
          if (this.parent[x] !== -1) continue;
          if (this.label[x] === S && this.bestEdge[x] !== -1) {
            const d = this.slack(this.bestEdge[x] as number) / 2;
            if (d < delta) {
              delta = d;
              type = 3;
              edge = this.bestEdge[x] as number;
            }
          } else if (x >= n && this.label[x] === T && (this.base[x] as number) >= 0 && (this.dual[x] as number) < delta) {
            delta = this.dual[x] as number;
            type = 4;
            blossom = x;
          }
        }
        this.moveDuals(delta);
        if (type === 1) break;
        if (type === 2) {
          this.allowEdge(edge);
          let i = this.end[2 * edge] as number;
          if (this.label[this.inBlossom[i] as number] === FREE) i = this.end[2 * edge + 1] as number;
          this.queue[this.qlen++] = i;
        } else if (type === 3) {
          this.allowEdge(edge);
          this.queue[this.qlen++] = this.end[2 * edge] as number;
        } else this.expandInStage(blossom);
      }
      if (!augmented) return;
      for (let i = 0; i < this.touchedCount; i++) {
        const x = this.touched[i] as number;
        if (x >= n && this.parent[x] === -1 && (this.base[x] as number) >= 0 && this.label[x] === S && this.dual[x] === 0)
          this.expandEndStage(x);
      }
    }
  }
}
