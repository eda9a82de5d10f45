import type { Chat, PersonRef } from "../domain/index.js";
import { fail, ok, type Result } from "../result.js";
import { chatOfParty } from "./shared/chat-access.js";
import type { Actor, Deps } from "./shared/context.js";
import { enqueue } from "./shared/notify.js";
import { ref } from "./shared/people.js";

export interface SendThanks {
  actor: Actor;
  chatId: string;
  /** The seeker's own note, passed on word for word. */
  text: string;
}
export type ThanksCode =
  | "NOT_FOUND"
  | "NOT_YOURS"
  | "NOT_THE_SEEKER"
  | "NOT_HAPPENED"
  | "EMPTY_NOTE"
  | "TEXT_TOO_LONG"
  | "ALREADY_THANKED"
  | "VOLUNTEER_GONE";

/** Longest thank-you note passed on: a few short paragraphs. */
export const MAX_THANKS = 1500;

/**
 * The seeker thanks the volunteer after a chat that happened: their note goes to the
 * volunteer through the bot (a `thanks_received` notice), and the pending "write a thank-you"
 * nudge is withdrawn since it has done its job. One note per chat; sending the same note
 * again changes nothing, a different one is refused (`ALREADY_THANKED`).
 */
export async function sendThanks(
  deps: Deps,
  cmd: SendThanks,
): Promise<Result<{ chat: Chat; volunteer: PersonRef; replay: boolean }, ThanksCode>> {
  const now = deps.clock.now();
  const text = cmd.text.trim();
  return deps.store.tx(async (tx) => {
    const access = await chatOfParty(tx, cmd.actor, cmd.chatId, now);
    if (!access.ok) return access;
    const { community, chat } = access.value;
    if (chat.seekerId !== cmd.actor.memberId) return fail("NOT_THE_SEEKER");
    if (chat.status !== "happened") return fail("NOT_HAPPENED", { status: chat.status });
    if (!text) return fail("EMPTY_NOTE");
    if (text.length > MAX_THANKS) return fail("TEXT_TOO_LONG", { max: MAX_THANKS });
    const volunteer = await tx.getMember(community.id, chat.volunteerId);
    const seeker = await tx.getMember(community.id, chat.seekerId);
    if (!volunteer || volunteer.forgotten || volunteer.status === "opted_out" || !seeker) return fail("VOLUNTEER_GONE");
    const [earlier] = await tx.listNudges(community.id, { refId: chat.id, kinds: ["thanks_received"] });
    if (earlier) {
      const same = earlier.notice.kind === "thanks_received" && earlier.notice.text === text;
      return same ? ok({ chat, volunteer: ref(volunteer), replay: true }) : fail("ALREADY_THANKED", { volunteer: volunteer.displayName });
    }
    await enqueue(tx, deps, community.id, [
      {
        to: [volunteer.id],
        refId: chat.id,
        dueAt: now,
        notice: { kind: "thanks_received", chatId: chat.id, seeker: ref(seeker), text },
      },
    ]);
    await tx.cancelNudges(community.id, { refId: chat.id, kinds: ["thank_you"] });
    return ok({ chat, volunteer: ref(volunteer), replay: false });
  });
}
