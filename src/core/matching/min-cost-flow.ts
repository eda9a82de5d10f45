import { PercolateError } from "../result.js";
import { MinHeap } from "./heap.js";

/** What `solve` computes. */
export interface FlowOptions {
  /** Stop after this much flow (default: as much as the network carries). */
  maxFlow?: number;
  /**
   * "min-cost": send flow only while it lowers the cost — the cheapest flow of any value
   * (paths of non-negative cost are not used). "max-flow" (default): the cheapest among the
   * largest flows up to `maxFlow`.
   */
  mode?: "max-flow" | "min-cost";
}

/** Result of a solve. */
export interface FlowResult {
  flow: number;
  cost: number;
  /** Number of augmenting paths used. */
  augmentations: number;
}

/**
 * A generic min-cost flow solver: successive shortest paths with node potentials (Johnson).
 * Potentials start from Bellman–Ford, so arcs may have negative costs as long as the
 * network has no negative cycle; every later shortest path is a Dijkstra on reduced costs
 * (all ≥ 0). With integer capacities and costs, results are exact and the flow is integral.
 *
 * Optimality: after each augmentation the residual network has no negative cycle, so the
 * flow is the cheapest of its value; the path costs are non-decreasing, so stopping at the
 * first path of cost ≥ 0 ("min-cost" mode) gives the cheapest flow of any value.
 */
export class MinCostFlow {
  private readonly head: number[];
  private readonly to: number[] = [];
  private readonly cap: number[] = [];
  private readonly cost: number[] = [];
  private readonly next: number[] = [];

  /** A network with nodes 0 … nodes−1 and no arcs. */
  constructor(readonly nodes: number) {
    this.head = new Array<number>(nodes).fill(-1);
  }

  /** Adds an arc and its residual twin; returns the arc's id (use with `flowOn`). */
  addEdge(from: number, to: number, capacity: number, cost: number): number {
    if (from < 0 || from >= this.nodes || to < 0 || to >= this.nodes)
      throw new PercolateError(`arc ${from}→${to} outside 0..${this.nodes - 1}`);
    if (!(capacity >= 0) || !Number.isFinite(cost)) throw new PercolateError(`arc ${from}→${to}: bad capacity or cost`);
    const id = this.to.length;
    this.push(from, to, capacity, cost);
    this.push(to, from, 0, -cost);
    return id;
  }

  /** Flow currently on an arc returned by `addEdge`. */
  flowOn(id: number): number {
    return this.cap[id + 1] ?? 0;
  }

  /** Sends flow from `source` to `sink` as `opts` asks; may be called once per network. */
  solve(source: number, sink: number, opts: FlowOptions = {}): FlowResult {
    const maxFlow = opts.maxFlow ?? Infinity;
    const minCost = opts.mode === "min-cost";
    const n = this.nodes;
    const pot = this.bellmanFord(source);
    const dist = new Float64Array(n);
    const prevArc = new Int32Array(n);
    const done = new Uint8Array(n);
    const heap = new MinHeap(n);
    let flow = 0;
    let cost = 0;
    let augmentations = 0;
    while (flow < maxFlow) {
      dist.fill(Infinity);
      done.fill(0);
      prevArc.fill(-1);
      dist[source] = 0;
      heap.clear();
      heap.push(0, source);
      while (heap.size > 0) {
        const d = heap.peekKey();
        const u = heap.pop();
        if (done[u] === 1 || d > (dist[u] as number)) continue;
        done[u] = 1;
        for (let a = this.head[u] as number; a !== -1; a = this.next[a] as number) {
          if ((this.cap[a] as number) <= 0) continue;
          const v = this.to[a] as number;
          const nd = d + (this.cost[a] as number) + (pot[u] as number) - (pot[v] as number);
          if (nd < (dist[v] as number)) {
            dist[v] = nd;
            prevArc[v] = a;
            heap.push(nd, v);
          }
        }
      }
      if (done[sink] !== 1) break;
      for (let v = 0; v < n; v++) if (done[v] === 1) pot[v] = (pot[v] as number) + (dist[v] as number);
      const pathCost = (pot[sink] as number) - (pot[source] as number);
      if (minCost && pathCost >= 0) break;
      let push = maxFlow - flow;
      for (let v = sink; v !== source; v = this.to[(prevArc[v] as number) ^ 1] as number) {
        push = Math.min(push, this.cap[prevArc[v] as number] as number);
      }
      for (let v = sink; v !== source; v = this.to[(prevArc[v] as number) ^ 1] as number) {
        const a = prevArc[v] as number;
        this.cap[a] = (this.cap[a] as number) - push;
        this.cap[a ^ 1] = (this.cap[a ^ 1] as number) + push;
      }
      flow += push;
      cost += push * pathCost;
      augmentations++;
    }
    return { flow, cost, augmentations };
  }

  private push(from: number, to: number, capacity: number, cost: number): void {
    this.to.push(to);
    this.cap.push(capacity);
    this.cost.push(cost);
    this.next.push(this.head[from] as number);
    this.head[from] = this.to.length - 1;
  }

  /** Shortest distances from `source` over arcs with capacity; unreachable nodes get 0. */
  private bellmanFord(source: number): Float64Array {
    const n = this.nodes;
    const dist = new Float64Array(n).fill(Infinity);
    dist[source] = 0;
    for (let round = 0; round < n; round++) {
      let changed = false;
      for (let u = 0; u < n; u++) {
        const du = dist[u] as number;
        if (du === Infinity) continue;
        for (let a = this.head[u] as number; a !== -1; a = this.next[a] as number) {
          if ((this.cap[a] as number) <= 0) continue;
          const v = this.to[a] as number;
          const nd = du + (this.cost[a] as number);
          if (nd < (dist[v] as number)) {
            dist[v] = nd;
            changed = true;
          }
        }
      }
      if (!changed) break;
      if (round === n - 1) throw new PercolateError("negative cycle in the flow network");
    }
    for (let v = 0; v < n; v++) if (dist[v] === Infinity) dist[v] = 0;
    return dist;
  }
}
