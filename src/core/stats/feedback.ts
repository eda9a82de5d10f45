import type { Feedback } from "../domain/index.js";
import { type Window, within } from "./events.js";
import { round } from "./figures.js";
import type { StatsInput } from "./input.js";
import type { FeedbackSummary } from "./report.js";

const mean = (fs: readonly Feedback[]): { count: number; average: number | null } => ({
  count: fs.length,
  average: fs.length ? round(fs.reduce((a, f) => a + f.rating, 0) / fs.length, 1) : null,
});

/** Ratings given in the window (by when they were given), overall and by which side gave them. */
export function feedbackSummary(input: StatsInput, w: Window): FeedbackSummary {
  const chats = new Map(input.chats.map((c) => [c.id, c]));
  const given = input.feedback.filter((f) => within(w, f.createdAt));
  const all = mean(given);
  return {
    count: all.count,
    average: all.average,
    fromSeekers: mean(given.filter((f) => chats.get(f.chatId)?.seekerId === f.fromId)),
    fromVolunteers: mean(given.filter((f) => chats.get(f.chatId)?.volunteerId === f.fromId)),
  };
}
