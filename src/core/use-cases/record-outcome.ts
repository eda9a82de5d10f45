import type { Chat } from "../domain/index.js";
import { CHAT_TIMED_KINDS } from "../nudges/schedule.js";
import { fail, ok, type Result } from "../result.js";
import { type Actor, type Deps, mustMember } from "./shared/context.js";
import { chatOfParty } from "./shared/chat-access.js";
import { enqueueAfterHappened } from "./shared/chat-notices.js";
import { enqueue } from "./shared/notify.js";
import { ref } from "./shared/people.js";
import { slotsFor } from "./shared/slots.js";

export interface RecordOutcome {
  actor: Actor;
  chatId: string;
  outcome: "happened" | "no_show" | "rescheduled";
}
export type OutcomeCode = "NOT_FOUND" | "NOT_YOURS" | "NOT_SCHEDULED" | "TOO_EARLY" | "ALREADY_RECORDED";

/**
 * Answers "did it happen?". `happened` starts the thank-you, referral and keep-in-touch
 * follow-up; `no_show` closes the chat; `rescheduled` (also allowed before the chat) moves it
 * back to proposing with fresh slots and withdraws the old reminders. Recording the same
 * outcome twice changes nothing; the first recorded outcome stands.
 */
export async function recordOutcome(deps: Deps, cmd: RecordOutcome): Promise<Result<{ chat: Chat; replay: boolean }, OutcomeCode>> {
  const now = deps.clock.now();
  return deps.store.tx(async (tx) => {
    const access = await chatOfParty(tx, cmd.actor, cmd.chatId, now);
    if (!access.ok) return access;
    const { community, chat } = access.value;
    if (chat.status === cmd.outcome) return ok({ chat, replay: true });
    if (chat.status === "happened" || chat.status === "no_show") return fail("ALREADY_RECORDED", { outcome: chat.status });
    if (cmd.outcome === "rescheduled" && chat.status === "proposing") return ok({ chat, replay: true });
    if (chat.status !== "scheduled" || !chat.slot) return fail("NOT_SCHEDULED", { status: chat.status });
    const seeker = await mustMember(tx, community.id, chat.seekerId);
    const volunteer = await mustMember(tx, community.id, chat.volunteerId);
    const actor = cmd.actor.memberId === seeker.id ? seeker : volunteer;
    const other = actor === seeker ? volunteer : seeker;
    const request = await tx.getRequest(community.id, chat.requestId);

    if (cmd.outcome === "rescheduled") {
      const moved: Chat = { ...chat, status: "proposing", slot: null, reschedules: chat.reschedules + 1, updatedAt: now };
      const fresh = await slotsFor(tx, community, moved, seeker, volunteer, now, [chat.slot]);
      const saved = { ...moved, proposedSlots: fresh };
      await tx.saveChat(saved);
      if (request) await tx.saveRequest({ ...request, status: "scheduling", updatedAt: now });
      await tx.cancelNudges(community.id, {
        refId: chat.id,
        kinds: [...CHAT_TIMED_KINDS, "chat_scheduled", "slots_proposed", "no_common_slot"],
      });
      await enqueue(
        tx,
        deps,
        community.id,
        [
          { me: seeker, them: volunteer },
          { me: volunteer, them: seeker },
        ].map(({ me, them }) => ({
          to: [me.id],
          refId: chat.id,
          dueAt: now,
          round: saved.reschedules,
          notice:
            fresh.length > 0
              ? {
                  kind: "slots_proposed" as const,
                  chatId: chat.id,
                  other: ref(them),
                  slots: fresh,
                  minutes: chat.minutes,
                  rescheduled: true,
                }
              : { kind: "no_common_slot" as const, chatId: chat.id, other: ref(them) },
        })),
      );
      return ok({ chat: saved, replay: false });
    }

    if (now < chat.slot.start) return fail("TOO_EARLY", { start: chat.slot.start });
    const closed: Chat = { ...chat, status: cmd.outcome, outcomeAt: now, updatedAt: now };
    await tx.saveChat(closed);
    if (request) await tx.saveRequest({ ...request, status: "completed", updatedAt: now });
    await tx.cancelNudges(community.id, { refId: chat.id, kinds: [...CHAT_TIMED_KINDS, "slots_proposed", "no_common_slot"] });
    await enqueue(tx, deps, community.id, [
      {
        to: [other.id],
        refId: chat.id,
        dueAt: now,
        notice: {
          kind: "outcome_recorded",
          chatId: chat.id,
          by: ref(actor),
          outcome: cmd.outcome,
          readerRole: other === seeker ? "seeker" : "volunteer",
        },
      },
    ]);
    if (cmd.outcome === "happened")
      await enqueueAfterHappened(tx, deps, community, closed, seeker, volunteer, request?.goals ?? "", request?.tags ?? []);
    return ok({ chat: closed, replay: false });
  });
}
