import type { Feedback } from "../domain/index.js";
import { bookedAt, cancelledAt, heldAt, people, thankedAt, thankedChat, within } from "./events.js";
import { feedbackSummary } from "./feedback.js";
import { type StatsInput, windowOf } from "./input.js";
import { noShows } from "./no-shows.js";
import type { ChatRow, ChatsReport } from "./report.js";

/**
 * The chats with any activity in the period (created, booked, held, reported on, rated,
 * thanked or cancelled in it), newest activity first, with ratings; notes only when
 * `includeNotes` (an explicit admin choice, as with `admin export --notes`).
 */
export function computeChats(input: StatsInput, includeNotes: boolean): ChatsReport {
  const w = windowOf(input);
  const person = people(input.members);
  const thanks = new Map<string, Date[]>();
  for (const n of input.nudges) {
    const at = thankedAt(n);
    const chatId = thankedChat(n);
    if (at && chatId) thanks.set(chatId, [...(thanks.get(chatId) ?? []), at]);
  }
  const feedback = new Map<string, Feedback[]>();
  for (const f of input.feedback) feedback.set(f.chatId, [...(feedback.get(f.chatId) ?? []), f]);
  const rows: { last: number; row: ChatRow }[] = [];
  for (const c of input.chats) {
    const fb = feedback.get(c.id) ?? [];
    const events = [
      c.createdAt,
      bookedAt(c),
      heldAt(c),
      c.outcomeAt,
      cancelledAt(c),
      ...c.reports.map((r) => r.at),
      ...fb.map((f) => f.createdAt),
      ...(thanks.get(c.id) ?? []),
    ].filter((d): d is Date => within(w, d));
    if (events.length === 0) continue;
    // The latest answer from each side counts, as `feedback` lets someone rate again.
    const latest = (fromId: string) =>
      fb.filter((f) => f.fromId === fromId).sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime())[0];
    const bySeeker = latest(c.seekerId);
    const byVolunteer = latest(c.volunteerId);
    rows.push({
      last: Math.max(...events.map((d) => d.getTime())),
      row: {
        chatId: c.id,
        requestId: c.requestId,
        seeker: person(c.seekerId),
        volunteer: person(c.volunteerId),
        status: c.status,
        slot: c.slot,
        bookedAt: bookedAt(c),
        outcomeAt: c.outcomeAt,
        reports: [...c.reports]
          .sort((a, b) => a.at.getTime() - b.at.getTime())
          .map((r) => ({ by: person(r.by), outcome: r.outcome, at: r.at })),
        ratings: { bySeeker: bySeeker?.rating ?? null, byVolunteer: byVolunteer?.rating ?? null },
        notes: includeNotes ? { bySeeker: bySeeker?.note ?? "", byVolunteer: byVolunteer?.note ?? "" } : null,
        thanked: (thanks.get(c.id) ?? []).length > 0,
      },
    });
  }
  rows.sort((a, b) => b.last - a.last || a.row.chatId.localeCompare(b.row.chatId));
  return {
    period: input.period.label,
    since: input.period.since,
    now: input.now,
    includeNotes,
    rows: rows.map((r) => r.row),
    noShows: noShows(input, w),
    feedback: feedbackSummary(input, w),
  };
}
