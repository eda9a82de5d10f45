import type { Chat, CommunitySettings, Intro } from "../domain/index.js";

const MIN = 60_000;
const HOUR = 60 * MIN;
const DAY = 24 * HOUR;

export type Party = "seeker" | "volunteer";
export interface Planned<K extends string> {
  kind: K;
  to: Party;
  dueAt: Date;
  /** A repeat of an earlier nudge of the same kind (the check-in asked once more). */
  again?: boolean;
}

/** An unanswered "did it happen?" is asked once more, this long after the first. */
export const CHECK_IN_AGAIN_MS = DAY;

/**
 * The follow-up an intro needs: a gentle reminder to the volunteer part-way through the
 * response window (DESIGN.md §2: +48 h of 72 h). Expiry itself is a state change run by the
 * scheduler at `intro.deadline`, not a message.
 */
export function introNudges(intro: Intro, s: CommunitySettings): Planned<"intro_reminder">[] {
  if (!s.nudges.introReminder) return [];
  const due = intro.offeredAt.getTime() + s.introReminderHours * HOUR;
  return due < intro.deadline.getTime() ? [{ kind: "intro_reminder", to: "volunteer", dueAt: new Date(due) }] : [];
}

/**
 * The follow-up a scheduled chat needs: prep for the seeker the day before, a reminder to
 * each person an hour before, and "did it happen?" to each an hour after it ends — and once
 * more a day later, which answering (by either person) withdraws. Nudges
 * that would fall before `now` (a chat booked at short notice) are dropped, except the
 * check-in, which is always useful.
 */
export function chatNudges(chat: Chat, s: CommunitySettings, now: Date): Planned<"prep" | "chat_reminder" | "check_in">[] {
  if (!chat.slot) return [];
  const start = chat.slot.start.getTime();
  const end = chat.slot.end.getTime();
  const out: Planned<"prep" | "chat_reminder" | "check_in">[] = [];
  const future = (t: number) => t >= now.getTime();
  if (s.nudges.prep && future(start - s.prepHoursBefore * HOUR))
    out.push({ kind: "prep", to: "seeker", dueAt: new Date(start - s.prepHoursBefore * HOUR) });
  if (s.nudges.chatReminder && future(start - s.reminderMinutesBefore * MIN)) {
    const at = new Date(start - s.reminderMinutesBefore * MIN);
    out.push({ kind: "chat_reminder", to: "seeker", dueAt: at }, { kind: "chat_reminder", to: "volunteer", dueAt: at });
  }
  if (s.nudges.checkIn) {
    const at = new Date(Math.max(end + s.checkInMinutesAfter * MIN, now.getTime()));
    out.push({ kind: "check_in", to: "seeker", dueAt: at }, { kind: "check_in", to: "volunteer", dueAt: at });
    const again = new Date(at.getTime() + CHECK_IN_AGAIN_MS);
    out.push(
      { kind: "check_in", to: "seeker", dueAt: again, again: true },
      { kind: "check_in", to: "volunteer", dueAt: again, again: true },
    );
  }
  return out;
}

/**
 * What follows a chat that happened: the thank-you nudge to the seeker (+2 h, within the
 * 24 hours a thank-you should arrive), the referral ask to the volunteer right away, and the
 * keep-in-touch nudge a month later.
 */
export function afterHappenedNudges(at: Date, s: CommunitySettings): Planned<"thank_you" | "referral_ask" | "keep_in_touch">[] {
  const t = at.getTime();
  const out: Planned<"thank_you" | "referral_ask" | "keep_in_touch">[] = [];
  if (s.nudges.thankYou) out.push({ kind: "thank_you", to: "seeker", dueAt: new Date(t + s.thankYouHoursAfter * HOUR) });
  if (s.nudges.referralAsk) out.push({ kind: "referral_ask", to: "volunteer", dueAt: at });
  if (s.nudges.keepInTouch) out.push({ kind: "keep_in_touch", to: "seeker", dueAt: new Date(t + s.keepInTouchDays * DAY) });
  return out;
}

/** Kinds that belong to a scheduled time and must move or go when the chat does. */
export const CHAT_TIMED_KINDS = ["prep", "chat_reminder", "check_in"] as const;
