import { pairPeers, type PeerMember, peerEdges } from "../../matching/peer/index.js";
import { toUnits } from "../../matching/weights.js";
import type { RoundPool } from "./round-pool.js";

/** Candidate partners kept per member: enough for the exact matching to find the optimum in practice, few enough to stay fast at scale. */
const PER_MEMBER = 40;
/** What pairing members of different groups adds to a pair's score, when the community prefers it. */
const CROSS_GROUP_POINTS = 1;

/** The round's groups (pairs and trios, as indexes into `pool.peers`), the members left out, and the total score. */
export interface Pairing {
  groups: number[][];
  unpaired: number[];
  total: number;
}

/**
 * Pairs the round's pool exactly (maximum total score over a general graph; an odd member joins
 * the pair where they add most): scores from shared topics by rarity and shared free time, as
 * chats are scored, never across an excluded pair.
 */
export function pairRound(pool: RoundPool, crossGroup: boolean): Pairing {
  const members: PeerMember[] = pool.peers.map((p) => ({ tags: p.profile.tags, free: p.free, group: p.profile.group }));
  const ids = pool.peers.map((p) => p.member.id);
  const edges = peerEdges(members, {
    weights: pool.weights,
    excluded: (a, b) => pool.excluded(ids[a] ?? "", ids[b] ?? ""),
    crossGroupBonus: crossGroup ? toUnits(CROSS_GROUP_POINTS) : 0,
    perMember: PER_MEMBER,
  });
  return pairPeers(members.length, edges);
}
