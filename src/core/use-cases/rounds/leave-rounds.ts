import { ok, type Result } from "../../result.js";
import { type Actor, type Deps, loadActor } from "../shared/context.js";

/**
 * Opts the member out of peer rounds; coffee chats are untouched. `was` says whether they
 * were in. Their groups and reports stay (the repeat window still reads them); a pending
 * "did you meet?" is withdrawn.
 */
export async function leaveRounds(deps: Deps, cmd: { actor: Actor }): Promise<Result<{ was: boolean }, never>> {
  const now = deps.clock.now();
  return deps.store.tx(async (tx) => {
    const { community, member } = await loadActor(tx, cmd.actor, now);
    const profile = await tx.getPeerProfile(community.id, member.id);
    if (!profile?.active) return ok({ was: false });
    await tx.savePeerProfile({ ...profile, active: false, skipRoundAt: null, updatedAt: now });
    await tx.cancelNudges(community.id, { to: member.id, kinds: ["round_check_in"] });
    return ok({ was: true });
  });
}
