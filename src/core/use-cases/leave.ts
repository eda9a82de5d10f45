import type { Member } from "../domain/index.js";
import { ok, type Result } from "../result.js";
import { type Actor, type Deps, loadActor } from "./shared/context.js";
import { optOut, type OptOutCounts } from "./shared/opt-out.js";

export interface LeaveValue extends OptOutCounts {
  member: Member;
}

/**
 * Opts out: nothing more is sent to the member, their open requests close, chats not yet held
 * are called off (the other person is told), and intros waiting for them move on. Their
 * history stays (see forget-me for erasure). `resume` brings them back. Leaving twice is a no-op.
 */
export async function leave(deps: Deps, cmd: { actor: Actor }): Promise<Result<LeaveValue, never>> {
  const now = deps.clock.now();
  return deps.store.tx(async (tx) => {
    const { community, member } = await loadActor(tx, cmd.actor, now);
    if (member.status === "opted_out") return ok({ member, cancelledRequests: 0, cancelledChats: 0, passedIntros: 0, cancelledNudges: 0 });
    const gone: Member = { ...member, status: "opted_out", pausedUntil: null };
    await tx.saveMember(gone);
    return ok({ member: gone, ...(await optOut(tx, deps, community, gone)) });
  });
}
