import type { ForgetValue } from "../core/use-cases/index.js";

/** What forget-me removed, confirmed in words. */
export function renderForget(v: ForgetValue): string {
  if (!v.found) return "There's nothing stored about you here, so there was nothing to forget.";
  const removed = [
    v.seekerProfile ? "your seeker profile" : null,
    v.volunteerProfile ? "your volunteer profile" : null,
    v.availabilityWindows > 0 ? `your availability (${v.availabilityWindows} weekly window(s))` : "your availability",
    `${v.feedbackWritten} piece(s) of feedback you wrote`,
    `${v.messagesDeleted} message(s) to you, sent or pending`,
  ].filter((x): x is string => x !== null);
  return [
    `🗑️  Done — you've been forgotten. Removed: ${removed.join(", ")}.`,
    `   Called off: ${v.cancelledRequests} open request(s), ${v.cancelledChats} upcoming chat(s), ${v.passedIntros} intro(s) waiting for you.`,
    `   In ${v.anonymizedRecords} past record(s) you now appear as "a former member", so the people you met keep a consistent history.`,
    "   Nothing more will be sent to you. If you write again later, you start fresh.",
  ].join("\n");
}
