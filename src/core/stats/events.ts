import type { Chat, Intro, Member, Nudge, PersonRef } from "../domain/index.js";

/**
 * When each event happened, the one rule every figure counts by: an event belongs to the
 * period it happened in, whatever became of its record later.
 */

/** The period being reported: from `since` (null = all time) up to `now`. */
export interface Window {
  since: Date | null;
  now: Date;
}

/** Did `d` happen within the window (both ends included)? */
export const within = (w: Window, d: Date | null | undefined): d is Date =>
  d !== null && d !== undefined && (w.since === null || d.getTime() >= w.since.getTime()) && d.getTime() <= w.now.getTime();

/** When the volunteer answered (accepted or declined); an old record without an answer time counts at its offer. */
export const answeredAt = (i: Intro): Date | null =>
  i.status === "accepted" || i.status === "declined" ? (i.respondedAt ?? i.offeredAt) : null;

/** When an intro ran out: when the bot marked it, or its deadline. */
export const expiredAt = (i: Intro): Date | null => (i.status === "expired" ? (i.respondedAt ?? i.deadline) : null);

const BOOKED_STATUSES: readonly Chat["status"][] = ["scheduled", "happened", "no_show", "disputed"];

/** Did the pair ever pick a slot? A cancelled chat did if it still holds one. */
export const everBooked = (c: Chat): boolean => BOOKED_STATUSES.includes(c.status) || (c.status === "cancelled" && c.slot !== null);

/** When the chat was booked; chats from before `bookedAt` was recorded count at their creation. */
export const bookedAt = (c: Chat): Date | null => (everBooked(c) ? (c.bookedAt ?? c.createdAt) : null);

/** When a chat with an outcome was held (its slot), or else when the outcome was recorded. */
export const heldAt = (c: Chat): Date | null =>
  c.status === "happened" || c.status === "no_show" || c.status === "disputed" ? (c.slot?.start ?? c.outcomeAt ?? c.updatedAt) : null;

/** When a chat was called off. */
export const cancelledAt = (c: Chat): Date | null => (c.status === "cancelled" ? c.updatedAt : null);

/**
 * When a seeker wrote a thank-you: a `thanks_received` nudge counts at its creation, delivered
 * or not (the seeker thanked either way), unless it was withdrawn.
 */
export const thankedAt = (n: Nudge): Date | null => (n.kind === "thanks_received" && n.status !== "cancelled" ? n.createdAt : null);

/** The chat a thank-you is about. */
export const thankedChat = (n: Nudge): string | null => (n.notice.kind === "thanks_received" ? n.notice.chatId : null);

export const HOUR = 3600_000;
export const hoursBetween = (from: Date, to: Date): number => (to.getTime() - from.getTime()) / HOUR;

/** Names members by id; someone no longer on record reads as "a member". */
export function people(members: readonly Member[]): (id: string) => PersonRef {
  const byId = new Map(members.map((m) => [m.id, m]));
  return (id) => {
    const m = byId.get(id);
    return m ? { id, name: m.displayName, timeZone: m.timeZone } : { id, name: "a member", timeZone: "UTC" };
  };
}
