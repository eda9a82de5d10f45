import { fail, ok, type Result } from "../../result.js";
import { type Actor, type Deps, loadActor } from "../shared/context.js";
import { roundsOn, upcomingRound } from "./upcoming.js";

export type SkipRoundCode = "NOT_IN_ROUNDS" | "ROUNDS_OFF";

/**
 * Sits the member out of the next round only: they stay in, and the round after pairs them
 * again. Skipping twice names the same round. `skipped` is when that round is due (the moment
 * of asking when no round is scheduled yet).
 */
export async function skipRound(deps: Deps, cmd: { actor: Actor }): Promise<Result<{ skipped: Date }, SkipRoundCode>> {
  const now = deps.clock.now();
  return deps.store.tx(async (tx) => {
    const { community, member } = await loadActor(tx, cmd.actor, now);
    if (!roundsOn(community)) return fail("ROUNDS_OFF");
    const profile = await tx.getPeerProfile(community.id, member.id);
    if (!profile?.active) return fail("NOT_IN_ROUNDS");
    const skipped = profile.skipRoundAt ?? (await upcomingRound(tx, community)) ?? now;
    await tx.savePeerProfile({ ...profile, skipRoundAt: skipped, updatedAt: now });
    return ok({ skipped });
  });
}
