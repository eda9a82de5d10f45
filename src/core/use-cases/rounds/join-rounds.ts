import type { PeerProfile } from "../../domain/index.js";
import type { StoreTx } from "../../ports/index.js";
import { fail, ok, type Result } from "../../result.js";
import { type Actor, type Deps, loadActor } from "../shared/context.js";
import { roundsOn, upcomingRound } from "./upcoming.js";

export interface JoinRounds {
  actor: Actor;
  /** Their team or cohort, for the cross-group preference; kept as it was when absent. */
  group?: string;
}

export type JoinRoundsCode = "ROUNDS_OFF" | "LEFT";

/**
 * Opts the member in to peer rounds (the front door's "Pair me with peers" and `rounds join`).
 * Their topics start as their seeker interests and volunteer expertise; a member already in
 * stays in (`already`), with a new group if one is given; a member who skipped or was set
 * aside for ignored check-ins is back in for the next round. Members who left Percolate
 * (opted out, forgotten) must come back first.
 */
export async function joinRounds(
  deps: Deps,
  cmd: JoinRounds,
): Promise<Result<{ nextRoundAt: Date | null; already: boolean }, JoinRoundsCode>> {
  const now = deps.clock.now();
  return deps.store.tx(async (tx) => {
    const { community, member } = await loadActor(tx, cmd.actor, now);
    if (member.forgotten || member.status === "opted_out") return fail("LEFT");
    if (!roundsOn(community)) return fail("ROUNDS_OFF");
    const found = await tx.getPeerProfile(community.id, member.id);
    const group = cmd.group?.trim() ? cmd.group.trim().slice(0, 80) : (found?.group ?? null);
    const already = found?.active === true && found.skipRoundAt === null;
    const profile: PeerProfile = found
      ? { ...found, active: true, skipRoundAt: null, ignoredInARow: 0, group, updatedAt: now }
      : {
          communityId: community.id,
          memberId: member.id,
          active: true,
          skipRoundAt: null,
          ignoredInARow: 0,
          group,
          tags: await startingTags(tx, community.id, member.id),
          createdAt: now,
          updatedAt: now,
        };
    await tx.savePeerProfile(profile);
    return ok({ nextRoundAt: await upcomingRound(tx, community, profile), already });
  });
}

/** A new peer's topics: what they explore as a seeker and offer as a volunteer, each once. */
async function startingTags(tx: StoreTx, communityId: string, memberId: string): Promise<string[]> {
  const [seeker, volunteer] = [await tx.getSeeker(communityId, memberId), await tx.getVolunteer(communityId, memberId)];
  return [...new Set([...(seeker?.interests ?? []), ...(volunteer?.expertise ?? [])])];
}
