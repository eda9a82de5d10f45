import type { Chat, Community } from "../../domain/index.js";
import type { StoreTx } from "../../ports/index.js";
import { fail, ok, type Result } from "../../result.js";
import { type Actor, loadActor } from "./context.js";

/**
 * The chat a command acts on, with its community, if the actor is one of its two people:
 * every chat command starts here, so "not found" and "not yours" read the same everywhere.
 */
export async function chatOfParty(
  tx: StoreTx,
  actor: Actor,
  chatId: string,
  now: Date,
): Promise<Result<{ community: Community; chat: Chat }, "NOT_FOUND" | "NOT_YOURS">> {
  const { community } = await loadActor(tx, actor, now);
  const chat = await tx.getChat(community.id, chatId);
  if (!chat) return fail("NOT_FOUND", { chatId });
  if (chat.seekerId !== actor.memberId && chat.volunteerId !== actor.memberId) return fail("NOT_YOURS");
  return ok({ community, chat });
}
