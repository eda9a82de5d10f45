import type { Chat } from "../domain/index.js";
import { fail, ok, type Result } from "../result.js";
import type { Actor, Deps } from "./shared/context.js";
import { chatOfParty } from "./shared/chat-access.js";
import { withdrawChat } from "./shared/withdraw.js";

export interface CancelChat {
  actor: Actor;
  chatId: string;
}
export type CancelChatCode = "NOT_FOUND" | "NOT_YOURS" | "ALREADY_CLOSED";

/**
 * Either person calls off a chat that has not happened. The other is told; pending reminders
 * go. If the volunteer cancels, the seeker's request goes on to the next candidate; if the
 * seeker cancels, the request closes. Cancelling twice changes nothing.
 */
export async function cancelChat(deps: Deps, cmd: CancelChat): Promise<Result<{ chat: Chat; replay: boolean }, CancelChatCode>> {
  const now = deps.clock.now();
  return deps.store.tx(async (tx) => {
    const access = await chatOfParty(tx, cmd.actor, cmd.chatId, now);
    if (!access.ok) return access;
    const { community, chat } = access.value;
    if (chat.status === "cancelled") return ok({ chat, replay: true });
    if (chat.status !== "proposing" && chat.status !== "scheduled") return fail("ALREADY_CLOSED", { status: chat.status });
    const cancelled = await withdrawChat(tx, deps, community, chat, cmd.actor.memberId);
    return ok({ chat: cancelled, replay: false });
  });
}
