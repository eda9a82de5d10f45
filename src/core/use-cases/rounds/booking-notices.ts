import type { Community, Member, PeerGroup, Slot } from "../../domain/index.js";
import type { StoreTx } from "../../ports/index.js";
import { buildInvite } from "../../time/index.js";
import type { Deps } from "../shared/context.js";
import { enqueue, type NudgeSpec } from "../shared/notify.js";
import { ref } from "../shared/people.js";
import { groupCheckInAt } from "./schedule.js";

const MIN = 60_000;

/** The iCalendar UID of a group's booking: stable, so booking again replaces the event. */
const groupInviteUid = (g: Pick<PeerGroup, "id">): string => `${g.id}@percolate`;

/**
 * The notices a booking writes, in its transaction: the booking (with the calendar invite) to
 * the group's conversation now, its reminder `reminderMinutesBefore` the start (when reminders
 * are on and that is still ahead), and each member's "did you meet?" `checkInMinutesAfter` the
 * end. A group's earlier reminder and pending check-ins are called off first. `booking` counts
 * the group's bookings (1 for the first): it separates each booking's notices and is the
 * invite's SEQUENCE, so calendars replace the old time.
 */
export async function enqueueGroupBooking(
  tx: StoreTx,
  deps: Deps,
  community: Community,
  b: { group: PeerGroup; by: Member; members: readonly Member[]; previous: Slot | null; booking: number },
): Promise<void> {
  const now = deps.clock.now();
  const { group, members } = b;
  const s = community.settings;
  if (!group.slot) throw new Error(`group ${group.id} has no booked time`);
  const slot = group.slot;
  await tx.cancelNudges(community.id, { refId: group.id, kinds: ["round_reminder", "round_check_in"] });
  const refs = members.map(ref);
  const ics = buildInvite({
    uid: groupInviteUid(group),
    slot,
    title: `Peer round: ${members.map((m) => m.displayName).join(" & ")}`,
    description: "Your peer-round chat: say hello and get to know each other.",
    attendees: members.map((m) => ({ name: m.displayName })),
    sequence: b.booking - 1,
    now,
  });
  const specs: NudgeSpec[] = [
    {
      to: group.memberIds,
      refId: group.id,
      dueAt: now,
      round: b.booking,
      notice: { kind: "round_booked", groupId: group.id, by: ref(b.by), members: refs, slot, previous: b.previous, ics },
    },
  ];
  const remindAt = slot.start.getTime() - s.reminderMinutesBefore * MIN;
  if (s.nudges.chatReminder && remindAt >= now.getTime())
    specs.push({
      to: group.memberIds,
      refId: group.id,
      dueAt: new Date(remindAt),
      round: b.booking,
      notice: { kind: "round_reminder", groupId: group.id, members: refs, slot },
    });
  const askAt = new Date(Math.max(groupCheckInAt(s, group, group.createdAt).getTime(), now.getTime()));
  for (const m of members)
    specs.push({
      to: [m.id],
      refId: group.id,
      dueAt: askAt,
      round: b.booking,
      notice: { kind: "round_check_in", groupId: group.id, others: refs.filter((r) => r.id !== m.id) },
    });
  await enqueue(tx, deps, community.id, specs);
}
