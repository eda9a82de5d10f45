import type { Member } from "../domain/index.js";
import { ok, type Result } from "../result.js";
import { type Actor, type Deps, loadActor } from "./shared/context.js";
import { withdrawIntro } from "./shared/withdraw-intro.js";
import { passPendingIntros } from "./shared/step-back.js";
import { withdrawChat } from "./shared/withdraw.js";

export interface LeaveValue {
  member: Member;
  cancelledRequests: number;
  cancelledChats: number;
  passedIntros: number;
  cancelledNudges: number;
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
    const passedIntros = await passPendingIntros(tx, deps, community, gone);
    let cancelledChats = 0;
    for (const chat of await tx.listChats(community.id, { memberId: member.id, status: ["proposing", "scheduled"] })) {
      await withdrawChat(tx, deps, community, chat, member.id);
      cancelledChats++;
    }
    let cancelledRequests = 0;
    for (const r of await tx.listRequests(community.id, { seekerId: member.id, status: ["open", "offered", "scheduling", "scheduled", "waitlisted"] })) {
      for (const intro of await tx.listIntros(community.id, { requestId: r.id, status: ["pending"] })) await withdrawIntro(tx, deps, community, intro, member);
      await tx.saveRequest({ ...r, status: "cancelled", updatedAt: now });
      cancelledRequests++;
    }
    const cancelledNudges = await tx.cancelNudges(community.id, { to: member.id });
    return ok({ member: gone, cancelledRequests, cancelledChats, passedIntros, cancelledNudges });
  });
}
