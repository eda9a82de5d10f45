import type { PeerGroup } from "../../domain/index.js";
import { fail, ok, type Result } from "../../result.js";
import { type Actor, type Deps, loadActor } from "../shared/context.js";
import { groupMeant } from "./member-group.js";
import { enqueueGroupBooking } from "./booking-notices.js";

export interface PickRoundSlot {
  actor: Actor;
  /** 1-based index into the group's proposed times, as people see them. */
  choice: number;
  /** The group (a button carries it); absent, the member's latest group. */
  groupId?: string;
}

export type PickRoundSlotCode =
  | "NO_GROUP"
  | "NOT_IN_GROUP"
  | "ROUND_ANSWERED"
  | "NO_ROUND_TIMES"
  | "BAD_ROUND_CHOICE"
  | "ROUND_SLOT_PASSED";

/**
 * Any member of a peer group books one of its proposed times (`rounds pick <n>`, or a time's
 * button): the group's time is stored and its conversation told who booked which time, with a
 * calendar invite; a reminder and the "did you meet?" follow that time. Picking again replaces
 * the time (its reminder and check-in move with it); picking the time already booked changes
 * nothing (`replay`). Refused once someone answered the group's "did you meet?", for a member
 * outside the group, for a number that names no time, and for a time already past.
 */
export async function pickRoundSlot(
  deps: Deps,
  cmd: PickRoundSlot,
): Promise<Result<{ group: PeerGroup; replay: boolean }, PickRoundSlotCode>> {
  const now = deps.clock.now();
  return deps.store.tx(async (tx) => {
    const { community, member } = await loadActor(tx, cmd.actor, now);
    const group = await groupMeant(tx, community.id, member.id, cmd.groupId);
    if (!group) return fail(cmd.groupId !== undefined ? "NOT_IN_GROUP" : "NO_GROUP");
    if (!group.memberIds.includes(member.id)) return fail("NOT_IN_GROUP");
    if (group.reports.length > 0) return fail("ROUND_ANSWERED", { status: group.status });
    if (group.proposedSlots.length === 0) return fail("NO_ROUND_TIMES");
    const wanted = group.proposedSlots[cmd.choice - 1];
    if (!wanted) return fail("BAD_ROUND_CHOICE", { choices: group.proposedSlots.length });
    if (group.slot && group.slot.start.getTime() === wanted.start.getTime()) return ok({ group, replay: true });
    if (wanted.start.getTime() <= now.getTime()) return fail("ROUND_SLOT_PASSED", { choices: group.proposedSlots.length });

    const members = await tx.getMembers(community.id, group.memberIds);
    const booked: PeerGroup = { ...group, slot: wanted, updatedAt: now };
    await tx.savePeerGroups([booked]);
    const earlier = await tx.listNudges(community.id, { refId: group.id, kinds: ["round_booked"] });
    await enqueueGroupBooking(tx, deps, community, {
      group: booked,
      by: member,
      members: group.memberIds.flatMap((id) => members.filter((m) => m.id === id)),
      previous: group.slot,
      booking: earlier.length + 1,
    });
    return ok({ group: booked, replay: false });
  });
}
