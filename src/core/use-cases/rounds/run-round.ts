import type { PeerGroup, PeerProfile, PeerRound } from "../../domain/index.js";
import { fail, ok, type Result } from "../../result.js";
import type { Deps } from "../shared/context.js";
import { accountCheckIns } from "./check-ins.js";
import { pairRound } from "./pairing.js";
import { roundNotices, unpairedWhy } from "./round-notices.js";
import { loadRoundPool } from "./round-pool.js";
import { groupSlots } from "./group-slots.js";
import { nextRoundAt } from "./schedule.js";
import { roundsOn, upcomingRound } from "./upcoming.js";

export interface RunRound {
  communityId: string;
  /** Run now whatever the schedule says (`admin rounds run`). */
  force?: boolean;
}

export type RunRoundValue =
  | { ran: false; nextRoundAt: Date | null }
  | { ran: true; round: PeerRound; groups: PeerGroup[]; unpaired: string[]; nextRoundAt: Date | null };

export type RunRoundCode = "ROUNDS_OFF" | "NO_COMMUNITY";

/**
 * Runs the community's peer round when it is due (or now, `force`): accounts the last round's
 * check-ins, pairs everyone in and not skipping exactly, saves the round and its groups, and
 * writes the notices — each group's introduction with three times, its "did you meet?" at the
 * end of the period, and a word to each member nobody could be paired with saying why. Skips
 * are cleared once the round ran. Not due: nothing changes and `nextRoundAt` says when.
 */
export async function runRound(deps: Deps, cmd: RunRound): Promise<Result<RunRoundValue, RunRoundCode>> {
  const now = deps.clock.now();
  return deps.store.tx(async (tx) => {
    const community = await tx.getCommunity(cmd.communityId);
    if (!community) return fail("NO_COMMUNITY");
    if (!roundsOn(community)) return fail("ROUNDS_OFF");
    const due = await upcomingRound(tx, community);
    if (!cmd.force && (due === null || due.getTime() > now.getTime())) return ok({ ran: false as const, nextRoundAt: due });

    const profiles = await accountCheckIns(tx, deps, community, await tx.listPeerProfiles(community.id), now);
    const pool = await loadRoundPool(tx, community, now, profiles);
    const pairing = pairRound(pool, community.settings.roundsCrossGroup);
    const round: PeerRound = {
      id: deps.ids.next("rnd"),
      communityId: community.id,
      at: now,
      status: "done",
      counts: {
        members: pool.peers.length,
        groups: pairing.groups.length,
        unpaired: pairing.unpaired.length,
        skipped: pool.skipping.length,
      },
    };
    const groups: PeerGroup[] = [];
    for (const [n, idx] of pairing.groups.entries()) {
      const peers = idx.flatMap((i) => (pool.peers[i] ? [pool.peers[i]] : []));
      groups.push({
        id: deps.ids.next("grp"),
        communityId: community.id,
        roundId: round.id,
        memberIds: peers.map((p) => p.member.id),
        score: pairing.scores[n] ?? 0,
        proposedSlots: await groupSlots(
          tx,
          community,
          peers.map((p) => p.member),
          now,
        ),
        slot: null,
        reports: [],
        status: "open",
        createdAt: now,
        updatedAt: now,
      });
    }
    await tx.savePeerRound(round);
    await tx.savePeerGroups(groups);
    const cleared: PeerProfile[] = profiles.filter((p) => p.skipRoundAt !== null).map((p) => ({ ...p, skipRoundAt: null, updatedAt: now }));
    for (const p of cleared) await tx.savePeerProfile(p);
    const next = nextRoundAt(community.settings, round.at, null);
    const unpaired = pairing.unpaired.flatMap((i) => (pool.peers[i] ? [pool.peers[i].member.id] : []));
    await roundNotices(tx, deps, community, {
      round,
      groups,
      pool,
      unpaired: unpaired.map((id) => ({ id, why: unpairedWhy(pool, id) })),
      nextRoundAt: next,
    });
    return ok({ ran: true as const, round, groups, unpaired, nextRoundAt: next });
  });
}
