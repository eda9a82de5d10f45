/**
 * Seeded synthetic peer-round communities for bench:rounds: members with realistic tags (the
 * Zipf vocabulary of vocab.ts), weekly availability in their own zone (synth.ts's windows on
 * four continents) turned into one bit per hour of the round's horizon, a team for the
 * cross-group preference, and excluded pairs (past meetings and blocks).
 */
import { PEER_EDGES_PER_MEMBER, type PeerMember } from "../../src/core/matching/peer/index.js";
import { tagWeights, toUnits, type TagWeights } from "../../src/core/matching/weights.js";
import { makeGrid } from "../../src/core/time/index.js";
import { BENCH_NOW, MaskCache, PersonFactory, type Person } from "./synth.js";
import { Vocabulary } from "./vocab.js";

/** The round's horizon: the week after the round. */
export const HORIZON_DAYS = 7;
export const HORIZON_HOURS = HORIZON_DAYS * 24;

/** Options passed to `peerEdges` by every part of the bench: half a point for different teams, the default edges per member. */
export const PEER_OPTS = { crossGroupBonus: toUnits(0.5), perMember: PEER_EDGES_PER_MEMBER } as const;

/** A member as the simulation knows them: their person and their team. */
export interface PeerPerson extends Person {
  group: string | null;
  /** One bit per hour of the horizon (see {@link hourMask}). */
  free: Uint32Array;
}

/** A community: members, rarity weights over their tags, excluded pairs. */
export interface PeerCommunity {
  people: PeerPerson[];
  weights: TagWeights;
  /** Unordered pairs (see {@link pairKey}) that may not be paired: past meetings and blocks. */
  excluded: Set<number>;
  vocab: number;
  groups: number;
}

/** One number per unordered pair of member indices (members < 2^26). */
export const pairKey = (a: number, b: number): number => (a < b ? a * 67_108_864 + b : b * 67_108_864 + a);

/**
 * Collapses a 15-minute mask (makeGrid/freeMask cells) to one bit per hour: an hour is free when
 * at least half of it is, so a 30-minute chat fits — zones such as Asia/Kolkata sit half an hour
 * off UTC and would otherwise never have a whole free UTC hour.
 */
export function hourMask(quarters: Uint32Array, hours: number): Uint32Array {
  const out = new Uint32Array(Math.ceil(hours / 32));
  for (let h = 0; h < hours; h++) {
    let n = 0;
    for (let q = 4 * h; q < 4 * h + 4; q++) n += ((quarters[q >>> 5] ?? 0) >>> (q & 31)) & 1;
    if (n >= 2) out[h >>> 5] = (out[h >>> 5] ?? 0) | (1 << (h & 31));
  }
  return out;
}

/** Shared free hours of several hour masks. */
export function sharedHours(masks: readonly Uint32Array[]): number {
  const first = masks[0];
  if (!first) return 0;
  let n = 0;
  for (let i = 0; i < first.length; i++) {
    let w = first[i] as number;
    for (const m of masks) w &= m[i] ?? 0;
    w >>>= 0;
    while (w !== 0) {
      w &= w - 1;
      n++;
    }
  }
  return n;
}

/** The weekly hour masks, shared by every community of the run (memoized per window). */
export function newMaskCache(): MaskCache {
  return new MaskCache(makeGrid(BENCH_NOW, HORIZON_DAYS));
}

/**
 * `members` people drawn with `seed`: 1–6 Zipf tags from a vocabulary growing like √members,
 * 2–5 weekly windows, one of ⌈members / 25⌉ teams (10% in none); every member has 0–3 past
 * meetings with random others and 2% block someone — all of them excluded pairs.
 */
export function peerCommunity(members: number, seed: number, cache: MaskCache): PeerCommunity {
  const f = new PersonFactory(seed, 1);
  const vocab = Vocabulary.forMembers(members);
  const groups = Math.max(2, Math.ceil(members / 25));
  const counts = new Map<string, number>();
  const people: PeerPerson[] = [];
  for (let i = 0; i < members; i++) {
    const zone = f.zone();
    const windows = f.windows();
    const u = f.rand();
    const tags = vocab.some(f.rand, u < 0.2 ? 1 : u < 0.45 ? 2 : u < 0.7 ? 3 : u < 0.85 ? 4 : u < 0.95 ? 5 : 6);
    for (const t of tags) counts.set(t, (counts.get(t) ?? 0) + 1);
    const group = f.rand() < 0.1 ? null : `team-${f.int(1, groups)}`;
    const free = hourMask(cache.mask({ zone, windows }), HORIZON_HOURS);
    people.push({ zone, windows, tags, group, free });
  }
  const excluded = new Set<number>();
  for (let i = 0; i < members && members > 1; i++) {
    const past = f.int(0, 3) + (f.rand() < 0.02 ? 1 : 0);
    for (let k = 0; k < past; k++) {
      const j = f.int(0, members - 1);
      if (j !== i) excluded.add(pairKey(i, j));
    }
  }
  return { people, weights: tagWeights(counts, members), excluded, vocab: vocab.tags.length, groups };
}

/** The members as the pairing sees them. */
export function peerMembers(people: readonly PeerPerson[]): PeerMember[] {
  return people.map((p) => ({ tags: p.tags, free: p.free, group: p.group }));
}
