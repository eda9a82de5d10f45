import type { CalendarInvite, Chat } from "../../domain/index.js";
import { buildInvite } from "../../time/index.js";

/** The iCalendar UID of a chat: stable for its whole life, so every invite replaces the last. */
export const inviteUid = (chat: Pick<Chat, "id">): string => `${chat.id}@percolate`;

/**
 * What the pair's calendars hold for this chat, if anything. Chats booked before the invite
 * was recorded hold the invite their booking sent: its slot, with SEQUENCE = reschedules.
 */
export function calendarOf(chat: Chat): CalendarInvite | null {
  if (chat.invite) return chat.invite;
  if (chat.slot && chat.status !== "cancelled" && chat.status !== "proposing")
    return { sequence: chat.reschedules, slot: chat.slot, cancelled: false };
  return null;
}

/**
 * The chat as booked at its slot: the invite it sends is the first (SEQUENCE 0) or an update
 * (one higher than the last). Chats first booked before invites were recorded sent SEQUENCE =
 * reschedules, which their rebooking continues.
 */
export function withBookedInvite(chat: Chat): Chat {
  if (!chat.slot) throw new Error(`chat ${chat.id} has no slot to invite to`);
  const sequence = chat.invite ? chat.invite.sequence + 1 : chat.reschedules;
  return { ...chat, invite: { sequence, slot: chat.slot, cancelled: false } };
}

/**
 * The cancellation for a chat whose event is on the pair's calendars: METHOD:CANCEL with the
 * same UID and a higher SEQUENCE, so calendars remove it. Null when no event is held (never
 * booked, or cancelled already). The invite carries no names or goals: it may reach a person
 * after the other has asked to be forgotten.
 */
export function cancellationOf(chat: Chat, now: Date): { chat: Chat; ics: string; invite: CalendarInvite } | null {
  const held = calendarOf(chat);
  if (!held || held.cancelled) return null;
  const invite: CalendarInvite = { sequence: held.sequence + 1, slot: held.slot, cancelled: true };
  const ics = buildInvite({
    uid: inviteUid(chat),
    slot: held.slot,
    title: "Coffee chat (cancelled)",
    description: "This coffee chat was cancelled.",
    attendees: [],
    sequence: invite.sequence,
    method: "CANCEL",
    now,
  });
  return { chat: { ...chat, invite }, ics, invite };
}
