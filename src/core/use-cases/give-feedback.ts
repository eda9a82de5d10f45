import type { Feedback } from "../domain/index.js";
import { fail, ok, type Result } from "../result.js";
import type { Actor, Deps } from "./shared/context.js";
import { chatOfParty } from "./shared/chat-access.js";

export interface GiveFeedback {
  actor: Actor;
  chatId: string;
  rating: number;
  note?: string;
}

/**
 * Private feedback on a chat (1–5 and a note), seen only by admins in aggregate and used to
 * nudge future matching. Giving it again replaces the earlier one.
 */
export async function giveFeedback(
  deps: Deps,
  cmd: GiveFeedback,
): Promise<Result<Feedback, "NOT_FOUND" | "NOT_YOURS" | "TOO_EARLY" | "BAD_RATING" | "TEXT_TOO_LONG">> {
  const now = deps.clock.now();
  if (!Number.isInteger(cmd.rating) || cmd.rating < 1 || cmd.rating > 5) return fail("BAD_RATING", { min: 1, max: 5 });
  const note = (cmd.note ?? "").trim();
  if (note.length > 2000) return fail("TEXT_TOO_LONG", { max: 2000 });
  return deps.store.tx(async (tx) => {
    const access = await chatOfParty(tx, cmd.actor, cmd.chatId, now);
    if (!access.ok) return access;
    const { community, chat } = access.value;
    if (chat.status !== "happened" && chat.status !== "no_show" && chat.status !== "disputed")
      return fail("TOO_EARLY", { status: chat.status });
    const [prev] = await tx.listFeedback(community.id, { chatId: chat.id, fromId: cmd.actor.memberId });
    const f: Feedback = {
      id: prev?.id ?? deps.ids.next("fb"),
      communityId: community.id,
      chatId: chat.id,
      fromId: cmd.actor.memberId,
      aboutId: cmd.actor.memberId === chat.seekerId ? chat.volunteerId : chat.seekerId,
      rating: cmd.rating,
      note,
      createdAt: prev?.createdAt ?? now,
    };
    await tx.saveFeedback(f);
    return ok(f);
  });
}
