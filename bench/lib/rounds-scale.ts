/**
 * The peer pairing at scale, measured in a process that does nothing else (bench/rounds.ts
 * spawns one per size, with --expose-gc): building the edges and pairing them, each timed
 * (median of runs) with its heap growth (typed arrays included) and the process's peak RSS after it.
 */
import { maxWeightMatching, pairPeers, peerEdges, type PeerEdges } from "../../src/core/matching/peer/index.js";
import { median } from "./stats.js";
import { PEER_OPTS, newMaskCache, pairKey, peerCommunity, peerMembers } from "./rounds-community.js";

const MB = 1024 * 1024;
const SLOW_MS = 60_000;

/** One size's figures. */
export interface ScaleFigures {
  members: number;
  seed: number;
  runs: number;
  edges: number;
  /** Whether the heap figures follow a forced collection (node --expose-gc). */
  gc: boolean;
  generateMs: number;
  edgesMs: number;
  /** The edge list's own arrays (u, v, w with their spare capacity). */
  edgesArraysMb: number;
  /** Heap still used once the edges are built (after a collection; noisy, other garbage goes too). */
  edgesHeapMb: number;
  /** Heap growth while building, before any collection: what the build allocated at most. */
  edgesHeapPeakMb: number;
  matchMs: number;
  /** Matching runs actually timed (fewer than `runs` when one took over a minute). */
  matchRuns: number;
  /** Heap growth while matching, before any collection. */
  matchHeapPeakMb: number;
  /** One `pairPeers` run (matching again, then trios). */
  pairMs: number;
  pairs: number;
  trios: number;
  unpaired: number;
  rssAfterGenerateMb: number;
  peakRssAfterEdgesMb: number;
  peakRssMb: number;
}

const collect = (): boolean => {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (gc) gc();
  return gc !== undefined;
};
/** JS heap plus typed-array storage, which lives outside the heap (the edge list is typed arrays). */
const heap = (): number => {
  const m = process.memoryUsage();
  return m.heapUsed + m.arrayBuffers;
};
const peakRss = (): number => (process.resourceUsage().maxRSS * 1024) / MB;

/** Builds the edges `runs` times, matches them `runs` times (fewer if one run is over a minute), pairs them once. */
export function measureScale(members: number, seed: number, runs: number): ScaleFigures {
  const g0 = performance.now();
  const c = peerCommunity(members, seed, newMaskCache());
  const pm = peerMembers(c.people);
  const generateMs = performance.now() - g0;
  const gc = collect();
  const rssAfterGenerateMb = process.memoryUsage().rss / MB;
  const opts = { weights: c.weights, excluded: (a: number, b: number) => c.excluded.has(pairKey(a, b)), ...PEER_OPTS };

  const edgeTimes: number[] = [];
  let edges: PeerEdges | undefined;
  let edgesHeapPeak = 0;
  let edgesHeap = 0;
  for (let i = 0; i < runs; i++) {
    edges = undefined;
    collect();
    const h0 = heap();
    const t = performance.now();
    edges = peerEdges(pm, opts);
    edgeTimes.push(performance.now() - t);
    edgesHeapPeak = Math.max(edgesHeapPeak, heap() - h0);
    collect();
    edgesHeap = heap() - h0;
  }
  if (!edges) throw new Error("no runs");
  const peakRssAfterEdgesMb = peakRss();

  const matchTimes: number[] = [];
  let matchHeapPeak = 0;
  for (let i = 0; i < runs; i++) {
    collect();
    const h0 = heap();
    const t = performance.now();
    maxWeightMatching(members, edges);
    matchTimes.push(performance.now() - t);
    matchHeapPeak = Math.max(matchHeapPeak, heap() - h0);
    // A size that takes minutes is reported from fewer runs rather than stalling the bench.
    if ((matchTimes.at(-1) ?? 0) > SLOW_MS) break;
  }
  collect();
  const t = performance.now();
  const last = pairPeers(members, edges, opts.excluded);
  const pairMs = performance.now() - t;
  return {
    members,
    seed,
    runs,
    edges: edges.count,
    gc,
    generateMs,
    edgesMs: median(edgeTimes),
    edgesArraysMb: (edges.u.byteLength + edges.v.byteLength + edges.w.byteLength) / MB,
    edgesHeapMb: edgesHeap / MB,
    edgesHeapPeakMb: edgesHeapPeak / MB,
    matchMs: median(matchTimes),
    matchHeapPeakMb: matchHeapPeak / MB,
    pairMs,
    matchRuns: matchTimes.length,
    pairs: last.groups.filter((g) => g.length === 2).length,
    trios: last.groups.filter((g) => g.length === 3).length,
    unpaired: last.unpaired.length,
    rssAfterGenerateMb,
    peakRssAfterEdgesMb,
    peakRssMb: peakRss(),
  };
}
