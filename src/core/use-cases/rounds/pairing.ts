import { PEER_EDGES_PER_MEMBER, pairPeers, type PeerMember, peerEdges } from "../../matching/peer/index.js";
import { SCALE, toUnits } from "../../matching/weights.js";
import type { RoundPool } from "./round-pool.js";

/** What pairing members of different groups adds to a pair's score, when the community prefers it. */
const CROSS_GROUP_POINTS = 1;

/** The round's groups (pairs and trios, as indexes into `pool.peers`), each group's score in points, the members left out. */
export interface Pairing {
  groups: number[][];
  /** Per group (same order): the summed weight of its members' edges, in score points. */
  scores: number[];
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
  const excluded = (a: number, b: number): boolean => pool.excluded(ids[a] ?? "", ids[b] ?? "");
  const edges = peerEdges(members, {
    weights: pool.weights,
    excluded,
    crossGroupBonus: crossGroup ? toUnits(CROSS_GROUP_POINTS) : 0,
    perMember: PEER_EDGES_PER_MEMBER,
  });
  const plan = pairPeers(members.length, edges, excluded);
  const weight = new Map<string, number>();
  for (let i = 0; i < edges.count; i++) weight.set(`${edges.u[i]}:${edges.v[i]}`, Number(edges.w[i]));
  const scores = plan.groups.map((g) => {
    let units = 0;
    for (const a of g) for (const b of g) if (a < b) units += weight.get(`${a}:${b}`) ?? 0;
    return units / SCALE;
  });
  return { ...plan, scores };
}
