import { type Community, isAvailableForMatching, type Member, type PeerProfile, type Slot } from "../../domain/index.js";
import { type TagWeights, tagWeights } from "../../matching/score.js";
import type { StoreTx } from "../../ports/index.js";
import { andNot, busyMask, freeMask, type Grid, makeGrid } from "../../time/index.js";
import { seekerFreeTime } from "../shared/pool.js";

const WEEK_MS = 7 * 24 * 3600_000;

/** One member a round may pair: their profile, record and free time on the round's grid. */
export interface RoundPeer {
  profile: PeerProfile;
  member: Member;
  /** Free hours over the round's horizon, one bit per whole free hour of the grid (as the peer pairing reads them). */
  free: Uint32Array;
}

/** A quarter-hour mask as whole hours: hour h is free when its four quarter-hour cells all are. */
export function hourlyMask(quarters: Uint32Array, cells: number): Uint32Array {
  const hours = Math.floor(cells / 4);
  const out = new Uint32Array(Math.ceil(hours / 32));
  for (let h = 0; h < hours; h++) {
    // Four aligned cells share one word: a nibble.
    const nibble = ((quarters[(4 * h) >>> 5] ?? 0) >>> ((4 * h) & 31)) & 0xf;
    if (nibble === 0xf) out[h >>> 5] = (out[h >>> 5] ?? 0) | (1 << (h & 31));
  }
  return out;
}

/** Everything a round pairs from, read once at the round's instant. */
export interface RoundPool {
  grid: Grid;
  weights: TagWeights;
  /** Members the round pairs: in, not skipping, not paused, opted out or forgotten. */
  peers: RoundPeer[];
  /** Members in who asked to skip this round. */
  skipping: PeerProfile[];
  /** Whether two members may not be paired: met inside the repeat window (a chat or a round), or blocked either way. */
  excluded(a: string, b: string): boolean;
}

const pairKey = (a: string, b: string): string => (a < b ? `${a}\u0000${b}` : `${b}\u0000${a}`);

/**
 * Reads the round's pool: active profiles whose members can be matched now, each member's free
 * time over the community's horizon (stated availability, else their waking hours, minus chats
 * already booked), tag rarity from the community's counts, and the pairs the repeat window or a
 * block forbids. `profiles` are the community's profiles as the round sees them (check-ins
 * already accounted for).
 */
export async function loadRoundPool(tx: StoreTx, community: Community, now: Date, profiles: readonly PeerProfile[]): Promise<RoundPool> {
  const s = community.settings;
  const active = profiles.filter((p) => p.active);
  const members = new Map(
    (
      await tx.getMembers(
        community.id,
        active.map((p) => p.memberId),
      )
    ).map((m) => [m.id, m]),
  );
  const skipping = active.filter((p) => p.skipRoundAt !== null);
  const inRound = active.filter((p) => {
    const m = members.get(p.memberId);
    return p.skipRoundAt === null && m !== undefined && isAvailableForMatching(m, now);
  });
  const ids = inRound.map((p) => p.memberId);
  const windowStart = new Date(now.getTime() - s.repeatWindowWeeks * WEEK_MS);
  const [chats, groups, counts] = [
    await tx.listChats(community.id, { memberIds: ids }),
    await tx.listPeerGroups(community.id, { createdSince: windowStart }),
    await tx.tagCounts(community.id),
  ];
  const met = new Set<string>();
  const busy = new Map<string, Slot[]>();
  for (const c of chats) {
    if (c.status === "cancelled") continue;
    if (c.slot && c.status === "scheduled") for (const id of [c.seekerId, c.volunteerId]) busy.set(id, [...(busy.get(id) ?? []), c.slot]);
    if ((c.slot?.start ?? c.createdAt).getTime() >= windowStart.getTime()) met.add(pairKey(c.seekerId, c.volunteerId));
  }
  for (const g of groups) for (const a of g.memberIds) for (const b of g.memberIds) if (a < b) met.add(pairKey(a, b));

  const grid = makeGrid(now, s.horizonDays);
  const peers = inRound.flatMap((profile) => {
    const member = members.get(profile.memberId);
    if (!member) return [];
    const quarters = andNot(freeMask(seekerFreeTime(member, community), member.timeZone, grid), busyMask(busy.get(member.id) ?? [], grid));
    return [{ profile, member, free: hourlyMask(quarters, grid.cells) }];
  });
  const tagCounts = new Map<string, number>();
  for (const [tag, use] of counts.tags) if (use.volunteers + use.seekers > 0) tagCounts.set(tag, use.volunteers + use.seekers);
  const blocks = new Set<string>();
  for (const p of peers) for (const b of p.member.blocked) blocks.add(pairKey(p.member.id, b));
  return {
    grid,
    weights: tagWeights(tagCounts, Math.max(counts.profiles, 1), s.tagAliases),
    peers,
    skipping,
    excluded: (a, b) => a === b || met.has(pairKey(a, b)) || blocks.has(pairKey(a, b)),
  };
}
