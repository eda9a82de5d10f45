import type { Community, Member } from "../../domain/index.js";
import type { StoreTx } from "../../ports/index.js";
import type { Deps } from "./context.js";
import { passPendingIntros } from "./step-back.js";
import { withdrawChat } from "./withdraw.js";
import { withdrawIntro } from "./withdraw-intro.js";

/** What stepping out of the programme closed. */
export interface OptOutCounts {
  cancelledRequests: number;
  cancelledChats: number;
  passedIntros: number;
  cancelledNudges: number;
}

/**
 * Takes a member out of everything in flight, in the caller's transaction: intros waiting for
 * them move on, chats not yet held are called off (the other person is told), their open
 * requests close, and every pending message to them is cancelled. Shared by leave, member-left
 * and forget-me. `gone` is the member as already saved (opted out).
 */
export async function optOut(tx: StoreTx, deps: Deps, community: Community, gone: Member): Promise<OptOutCounts> {
  const now = deps.clock.now();
  const passedIntros = await passPendingIntros(tx, deps, community, gone);
  let cancelledChats = 0;
  for (const chat of await tx.listChats(community.id, { memberId: gone.id, status: ["proposing", "scheduled"] })) {
    await withdrawChat(tx, deps, community, chat, gone.id);
    cancelledChats++;
  }
  let cancelledRequests = 0;
  for (const r of await tx.listRequests(community.id, {
    seekerId: gone.id,
    status: ["open", "offered", "scheduling", "scheduled", "waitlisted"],
  })) {
    for (const intro of await tx.listIntros(community.id, { requestId: r.id, status: ["pending"] }))
      await withdrawIntro(tx, deps, community, intro, gone);
    await tx.saveRequest({ ...r, status: "cancelled", updatedAt: now });
    cancelledRequests++;
  }
  const cancelledNudges = await tx.cancelNudges(community.id, { to: gone.id });
  return { cancelledRequests, cancelledChats, passedIntros, cancelledNudges };
}
