import { cycleWalk, type MatchGraph, matchGraph } from "./blossom-graph.js";
import { BlossomForest, FREE, S, T } from "./blossom-forest.js";
import type { PeerEdges } from "./edge-list.js";

/**
 * An exact maximum-weight matching (not maximum cardinality) of a general undirected graph:
 * `mate[v]` is v's partner, or −1. Loops, edges of weight 0 and parallel edges (all but the
 * heaviest) are ignored.
 *
 * Edmonds' primal-dual blossom algorithm (Galil, "Efficient algorithms for finding maximum
 * matching in graphs", 1986): alternating trees grow from every single vertex along tight
 * edges (zero slack), odd cycles shrink into blossoms, and the duals change by the largest
 * step that keeps them feasible, until the single vertices' duals reach zero, which proves
 * optimality. Two changes keep sparse graphs fast: an augmentation only unlabels the two trees
 * it used (the others keep growing, as in LEMON's MaxWeightedMatching), and a dual step is one
 * addition to a running total with the next event taken from heaps, not a walk over the forest.
 * Nested blossoms are walked with explicit stacks, never recursion. With integer weights every
 * dual is a multiple of ¼, so the float arithmetic is exact.
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

/** The search over a {@link BlossomForest}: scanning, dual steps, expansions and augmentations. */
class Blossoms extends BlossomForest {
  /** Dissolves blossom b (no longer labelled) into its children, and those of its children whose dual is zero. */
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
      const walk = cycleWalk(ch.indexOf(entry), L);
      let j = walk.j;
      const jstep = walk.step;
      const trick = walk.trick;
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
      // x is FREE now: its best edge to the remaining S-blossoms is found in the same pass.
      let best = -1;
      let least = Infinity;
      for (let q = this.start[x] as number; q < (this.start[x + 1] as number); q++) {
        const p = this.adj[q] as number;
        const k = p >> 1;
        this.allow[k] = 0;
        const w = this.end[p] as number;
        if (this.gone[w] === id) continue;
        const bw = this.inBlossom[w] as number;
        if (this.label[bw] === S) {
          const d = this.slack(k);
          if (d < least) {
            least = d;
            best = k;
          }
          const e = this.bestEdge[bw] as number;
          if (
            e !== -1 &&
            (this.gone[this.end[2 * e] as number] === id || this.gone[this.end[2 * e + 1] as number] === id) &&
            this.redo[bw] !== rid
          ) {
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
      this.bestEdge[x] = best;
      this.pushFree(x);
    }
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
