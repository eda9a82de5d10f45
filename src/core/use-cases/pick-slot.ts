import type { Chat } from "../domain/index.js";
import { fail, ok, type Result } from "../result.js";
import { type Actor, type Deps, mustMember } from "./shared/context.js";
import { chatOfParty } from "./shared/chat-access.js";
import { enqueueScheduled } from "./shared/chat-notices.js";
import { enqueue } from "./shared/notify.js";
import { ref } from "./shared/people.js";
import { slotsFor, stillFree } from "./shared/slots.js";

export interface PickSlot {
  actor: Actor;
  chatId: string;
  /** 1-based index into the proposed slots, as people see them. */
  choice: number;
}
export type PickCode = "NOT_FOUND" | "NOT_YOURS" | "NOT_PROPOSING" | "BAD_CHOICE" | "SLOT_TAKEN";

/**
 * Either person picks one of the proposed slots; the first pick wins. The slot is re-checked
 * against both calendars: if it was taken meanwhile, fresh slots go to both and the pick
 * fails with SLOT_TAKEN. Picking the slot already booked returns the chat unchanged.
 */
export async function pickSlot(deps: Deps, cmd: PickSlot): Promise<Result<{ chat: Chat; replay: boolean }, PickCode>> {
  const now = deps.clock.now();
  return deps.store.tx(async (tx) => {
    const access = await chatOfParty(tx, cmd.actor, cmd.chatId, now);
    if (!access.ok) return access;
    const { community, chat } = access.value;
    const wanted = chat.proposedSlots[cmd.choice - 1];
    if (chat.status === "scheduled" && chat.slot && wanted && wanted.start.getTime() === chat.slot.start.getTime())
      return ok({ chat, replay: true });
    if (chat.status !== "proposing") return fail("NOT_PROPOSING", { status: chat.status });
    if (!wanted) return fail("BAD_CHOICE", { choices: chat.proposedSlots.length });

    const seeker = await mustMember(tx, community.id, chat.seekerId);
    const volunteer = await mustMember(tx, community.id, chat.volunteerId);
    if (!(await stillFree(tx, community, chat, seeker, volunteer, now, wanted))) {
      const fresh = await slotsFor(tx, community, chat, seeker, volunteer, now, [wanted]);
      const round = fresh[0]?.start.getTime() ?? now.getTime();
      await tx.saveChat({ ...chat, proposedSlots: fresh, updatedAt: now });
      await tx.cancelNudges(community.id, { refId: chat.id, kinds: ["slots_proposed", "no_common_slot"] });
      await enqueue(
        tx,
        deps,
        community.id,
        [
          { me: seeker, other: volunteer },
          { me: volunteer, other: seeker },
        ].map(({ me, other }) => ({
          to: [me.id],
          refId: chat.id,
          dueAt: now,
          round,
          notice: {
            kind: "slots_proposed" as const,
            chatId: chat.id,
            other: ref(other),
            slots: fresh,
            minutes: chat.minutes,
            rescheduled: true,
          },
        })),
      );
      return fail("SLOT_TAKEN", { fresh: fresh.length });
    }
    const scheduled: Chat = { ...chat, status: "scheduled", slot: wanted, updatedAt: now };
    await tx.saveChat(scheduled);
    await tx.cancelNudges(community.id, { refId: chat.id, kinds: ["slots_proposed", "no_common_slot"] });
    const request = await tx.getRequest(community.id, chat.requestId);
    if (request) await tx.saveRequest({ ...request, status: "scheduled", updatedAt: now });
    await enqueueScheduled(tx, deps, community, scheduled, seeker, volunteer, request?.goals ?? "");
    return ok({ chat: scheduled, replay: false });
  });
}
