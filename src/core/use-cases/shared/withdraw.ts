import type { Chat, Community } from "../../domain/index.js";
import type { StoreTx } from "../../ports/index.js";
import type { Deps } from "./context.js";
import { enqueue } from "./notify.js";
import { offerNext } from "./offer.js";
import { ref } from "./people.js";
import { cancellationOf } from "./calendar.js";

/**
 * Cancels an open chat on behalf of `byId`: pending nudges about it go, the other person is
 * told, and the request either closes (the seeker withdrew) or moves on (the volunteer did).
 * A chat on the pair's calendars gets a cancellation (METHOD:CANCEL, same UID, higher
 * SEQUENCE): attached to the other person's notice, and sent to the canceller unless they left.
 */
export async function withdrawChat(tx: StoreTx, deps: Deps, community: Community, chat: Chat, byId: string): Promise<Chat> {
  const now = deps.clock.now();
  const calendar = cancellationOf(chat, now);
  const cancelled: Chat = { ...(calendar?.chat ?? chat), status: "cancelled", cancelledBy: byId, updatedAt: now };
  await tx.saveChat(cancelled);
  await tx.cancelNudges(community.id, { refId: chat.id });
  const by = await tx.getMember(community.id, byId);
  const otherId = byId === chat.seekerId ? chat.volunteerId : chat.seekerId;
  const other = await tx.getMember(community.id, otherId);
  const ics = calendar ? { ics: calendar.ics } : {};
  if (by && other && other.status !== "opted_out") {
    await enqueue(tx, deps, community.id, [
      { to: [other.id], refId: chat.id, dueAt: now, notice: { kind: "chat_cancelled", chatId: chat.id, by: ref(by), ...ics } },
    ]);
  }
  // The person who cancelled gets the cancellation for their own calendar too, unless they are leaving.
  if (calendar && by && other && by.status !== "opted_out") {
    await enqueue(tx, deps, community.id, [
      {
        to: [by.id],
        refId: chat.id,
        dueAt: now,
        notice: { kind: "invite_cancelled", chatId: chat.id, other: ref(other), slot: calendar.invite.slot, ics: calendar.ics },
      },
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
