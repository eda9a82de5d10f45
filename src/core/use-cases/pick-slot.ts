import type { Chat } from "../domain/index.js";
import { fail, ok, type Result } from "../result.js";
import { type Actor, type Deps, mustMember } from "./shared/context.js";
import { chatOfParty } from "./shared/chat-access.js";
import { enqueueScheduled } from "./shared/chat-notices.js";
import { withBookedInvite } from "./shared/calendar.js";
import { proposeTimes } from "./shared/propose.js";
import { stillFree } from "./shared/slots.js";

export interface PickSlot {
  actor: Actor;
  chatId: string;
  /** 1-based index into the proposed slots, as people see them. */
  choice: number;
}
export type PickCode = "NOT_FOUND" | "NOT_YOURS" | "NOT_PROPOSING" | "BAD_CHOICE" | "SLOT_TAKEN" | "SLOT_PASSED";

/**
 * Either person picks one of the proposed slots; the first pick wins. The slot is re-checked
 * against the clock and both calendars: if it has passed (SLOT_PASSED) or was taken meanwhile
 * (SLOT_TAKEN), fresh slots — or, with none left, the no-common-time notice — go to both, and
 * the failure's `fresh` says how many. Picking the slot already booked returns the chat unchanged.
 * The first pick records `bookedAt`; picking again after a reschedule keeps it.
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
    const passed = wanted.start.getTime() < now.getTime();
    if (passed || !(await stillFree(tx, community, chat, seeker, volunteer, now, wanted))) {
      const round = now.getTime();
      const offered = await proposeTimes(tx, deps, community, chat, seeker, volunteer, { avoid: [wanted], rescheduled: true, round });
      return fail(passed ? "SLOT_PASSED" : "SLOT_TAKEN", { fresh: offered.proposedSlots.length });
    }
    // The first booking dates the chat's "booked" step in the stats; a reschedule keeps it.
    const bookedAt = chat.bookedAt ?? now;
    const scheduled: Chat = withBookedInvite({ ...chat, status: "scheduled", slot: wanted, bookedAt, updatedAt: now });
    await tx.saveChat(scheduled);
    await tx.cancelNudges(community.id, { refId: chat.id, kinds: ["slots_proposed", "no_common_slot"] });
    const request = await tx.getRequest(community.id, chat.requestId);
    if (request) await tx.saveRequest({ ...request, status: "scheduled", updatedAt: now });
    await enqueueScheduled(tx, deps, community, scheduled, seeker, volunteer, request?.goals ?? "");
    return ok({ chat: scheduled, replay: false });
  });
}
