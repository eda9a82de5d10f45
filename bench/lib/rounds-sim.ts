/**
 * Weekly peer rounds in one seeded community: each week 70–90% of members opt in (some lose a
 * day of the week to a day off), the round pairs them with `pairPeers` over `peerEdges` with
 * every pair grouped within the repeat window excluded (and a few blocks), and each group meets
 * with a probability that grows with its shared free hours. Repeats are counted afterwards
 * from the recorded groups, independently of the exclusion the rounds used.
 */
import { seededRandom } from "../../src/core/matching/prng.js";
import { pairPeers, peerEdges, type PeerMember } from "../../src/core/matching/peer/index.js";
import { median } from "./stats.js";
import type { MaskCache } from "./synth.js";
import { HORIZON_HOURS, PEER_OPTS, pairKey, peerCommunity, sharedHours } from "./rounds-community.js";

/** The simulation's shape. */
export interface SimOptions {
  members: number;
  weeks: number;
  /** A pair grouped in week t may not be grouped again before week t + window + 1. */
  window: number;
  seed: number;
}

/** One week. */
export interface SimRound {
  week: number;
  optedIn: number;
  placed: number;
  groups: number;
  trios: number;
  unpaired: number;
  met: number;
  edges: number;
  ms: number;
}

/** The whole run. */
export interface SimFigures extends SimOptions {
  rounds: SimRound[];
  /** Pairs grouped again within the window, counted from the recorded groups (must be 0). */
  repeatsInWindow: number;
  /** Pairs grouped again at all over the run (allowed once the window has passed). */
  repeatsEver: number;
  placedShareMin: number;
  placedShareMedian: number;
  metShare: number;
  metShareMin: number;
  triosMedian: number;
  triosMax: number;
  unpairedTotal: number;
  msMedian: number;
}

/** The probability a group meets: 0.6 with no shared free hour, up to 0.9 from 6 shared hours. */
export const meetProbability = (shared: number): number => 0.6 + 0.3 * Math.min(1, shared / 6);

/** Every unordered pair inside each group, as pair keys. */
function pairsOf(groups: readonly (readonly number[])[]): number[] {
  const out: number[] = [];
  for (const g of groups)
    for (let i = 0; i < g.length; i++) for (let j = i + 1; j < g.length; j++) out.push(pairKey(g[i] as number, g[j] as number));
  return out;
}

/** Pairs grouped again within `window` weeks of an earlier grouping, and at all. */
export function countRepeats(history: readonly (readonly (readonly number[])[])[], window: number): { inWindow: number; ever: number } {
  const last = new Map<number, number>();
  let inWindow = 0;
  let ever = 0;
  history.forEach((groups, week) => {
    for (const k of pairsOf(groups)) {
      const before = last.get(k);
      if (before !== undefined) {
        ever++;
        if (week - before <= window) inWindow++;
      }
      last.set(k, week);
    }
  });
  return { inWindow, ever };
}

/** Runs the weekly rounds; `cache` supplies the hour masks. */
export function simulate(opts: SimOptions, cache: MaskCache): SimFigures {
  const c = peerCommunity(opts.members, opts.seed, cache);
  const rand = seededRandom(opts.seed * 7919 + 17);
  const blocks = new Set<number>();
  for (let i = 0; i < Math.ceil(opts.members / 50); i++) {
    const a = Math.floor(rand() * opts.members);
    const b = Math.floor(rand() * opts.members);
    if (a !== b) blocks.add(pairKey(a, b));
  }
  // The rounds' own memory of who was grouped when: what the exclusion reads.
  const lastGrouped = new Map<number, number>();
  // What the rounds did, kept apart: what the repeat count reads.
  const history: number[][][] = [];
  const rounds: SimRound[] = [];
  for (let week = 0; week < opts.weeks; week++) {
    const rate = 0.7 + 0.2 * rand();
    const ids: number[] = [];
    const members: PeerMember[] = [];
    for (let g = 0; g < opts.members; g++) {
      if (rand() >= rate) continue;
      const p = c.people[g];
      if (!p) continue;
      let free = p.free;
      if (rand() < 0.2) {
        free = free.slice();
        const day = Math.floor(rand() * (HORIZON_HOURS / 24));
        for (let h = day * 24; h < day * 24 + 24; h++) free[h >>> 5] = (free[h >>> 5] as number) & ~(1 << (h & 31));
      }
      ids.push(g);
      members.push({ tags: p.tags, free, group: p.group });
    }
    const global = (i: number): number => ids[i] as number;
    const excluded = (a: number, b: number): boolean => {
      const k = pairKey(global(a), global(b));
      if (blocks.has(k)) return true;
      const last = lastGrouped.get(k);
      return last !== undefined && week - last <= opts.window;
    };
    const t = performance.now();
    const edges = peerEdges(members, { weights: c.weights, excluded, ...PEER_OPTS });
    const result = pairPeers(members.length, edges, excluded);
    const ms = performance.now() - t;
    const groups = result.groups.map((g) => g.map(global));
    history.push(groups);
    for (const k of pairsOf(groups)) lastGrouped.set(k, week);
    let met = 0;
    for (const g of result.groups) {
      const shared = sharedHours(g.map((i) => members[i]?.free ?? new Uint32Array(0)));
      if (rand() < meetProbability(shared)) met++;
    }
    rounds.push({
      week,
      optedIn: members.length,
      placed: result.groups.reduce((s, g) => s + g.length, 0),
      groups: result.groups.length,
      trios: result.groups.filter((g) => g.length === 3).length,
      unpaired: result.unpaired.length,
      met,
      edges: edges.count,
      ms,
    });
  }
  const repeats = countRepeats(history, opts.window);
  const placedShares = rounds.map((r) => (r.optedIn === 0 ? 1 : r.placed / r.optedIn));
  const metShares = rounds.map((r) => (r.groups === 0 ? 1 : r.met / r.groups));
  const totalGroups = rounds.reduce((s, r) => s + r.groups, 0);
  return {
    ...opts,
    rounds,
    repeatsInWindow: repeats.inWindow,
    repeatsEver: repeats.ever,
    placedShareMin: Math.min(...placedShares),
    placedShareMedian: median(placedShares),
    metShare: totalGroups === 0 ? 0 : rounds.reduce((s, r) => s + r.met, 0) / totalGroups,
    metShareMin: Math.min(...metShares),
    triosMedian: median(rounds.map((r) => r.trios)),
    triosMax: Math.max(...rounds.map((r) => r.trios)),
    unpairedTotal: rounds.reduce((s, r) => s + r.unpaired, 0),
    msMedian: median(rounds.map((r) => r.ms)),
  };
}
