import type { Chat, Community } from "../../domain/index.js";
import type { StoreTx } from "../../ports/index.js";
import type { Deps } from "./context.js";
import { enqueue } from "./notify.js";
import { offerNext } from "./offer.js";
import { ref } from "./people.js";

/**
 * Cancels an open chat on behalf of `byId`: pending nudges about it go, the other person is
 * told, and the request either closes (the seeker withdrew) or moves on (the volunteer did).
 */
export async function withdrawChat(tx: StoreTx, deps: Deps, community: Community, chat: Chat, byId: string): Promise<Chat> {
  const now = deps.clock.now();
  const cancelled: Chat = { ...chat, status: "cancelled", cancelledBy: byId, updatedAt: now };
  await tx.saveChat(cancelled);
  await tx.cancelNudges(community.id, { refId: chat.id });
  const by = await tx.getMember(community.id, byId);
  const otherId = byId === chat.seekerId ? chat.volunteerId : chat.seekerId;
  const other = await tx.getMember(community.id, otherId);
  if (by && other && other.status !== "opted_out") {
    await enqueue(tx, deps, community.id, [
      { to: [other.id], refId: chat.id, dueAt: now, notice: { kind: "chat_cancelled", chatId: chat.id, by: ref(by) } },
    ]);
  }
  const request = await tx.getRequest(community.id, chat.requestId);
  if (!request) return cancelled;
  if (byId === chat.seekerId) {
    await tx.saveRequest({ ...request, status: "cancelled", updatedAt: now });
  } else {
    await offerNext(tx, deps, community, { ...request, status: "offered", updatedAt: now });
  }
  return cancelled;
}
