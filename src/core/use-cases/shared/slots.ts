import type { Chat, Community, Member, Slot } from "../../domain/index.js";
import type { StoreTx } from "../../ports/index.js";
import { isSlotFree, proposeSlots } from "../../time/index.js";
import { seekerFreeTime } from "./pool.js";

/** Scheduled chats of either person, other than `exceptChatId`: the times they are already taken. */
export async function busySlots(tx: StoreTx, communityId: string, memberIds: readonly string[], exceptChatId: string): Promise<Slot[]> {
  const out: Slot[] = [];
  for (const id of memberIds) {
    for (const c of await tx.listChats(communityId, { memberId: id, status: ["scheduled"] })) {
      if (c.id !== exceptChatId && c.slot) out.push(c.slot);
    }
  }
  return out;
}

const slotInput = (community: Community, volunteer: Member, seeker: Member, busy: Slot[], now: Date) => ({
  a: { availability: volunteer.availability, zone: volunteer.timeZone },
  // The seeker who never stated availability is free in their waking hours; the volunteer as stated.
  b: { availability: seekerFreeTime(seeker, community), zone: seeker.timeZone },
  busy,
  now,
  minutes: community.settings.chatMinutes,
  stepMinutes: community.settings.slotStepMinutes,
  minLeadHours: community.settings.minLeadHours,
  horizonDays: community.settings.horizonDays,
});

/** Three slots that suit both people, on different days when possible; none that are taken. */
export async function slotsFor(
  tx: StoreTx,
  community: Community,
  chat: Chat,
  seeker: Member,
  volunteer: Member,
  now: Date,
  avoid: readonly Slot[] = [],
): Promise<Slot[]> {
  const busy = [...(await busySlots(tx, community.id, [seeker.id, volunteer.id], chat.id)), ...avoid];
  return proposeSlots({ ...slotInput(community, volunteer, seeker, busy, now), count: 3 });
}

/** Is `slot` still free for both (their windows, their other chats, not in the past)? */
export async function stillFree(
  tx: StoreTx,
  community: Community,
  chat: Chat,
  seeker: Member,
  volunteer: Member,
  now: Date,
  slot: Slot,
): Promise<boolean> {
  const busy = await busySlots(tx, community.id, [seeker.id, volunteer.id], chat.id);
  return isSlotFree({ ...slotInput(community, volunteer, seeker, busy, now), slot, allowWithinLead: true });
}
