import { heldAt, people, type Window, within } from "./events.js";
import type { StatsInput } from "./input.js";
import type { NoShowRow } from "./report.js";

/** Missed and disputed chats held in the window, newest first, each with who said it didn't happen. */
export function noShows(input: StatsInput, w: Window): NoShowRow[] {
  const person = people(input.members);
  const rows: { at: Date; row: NoShowRow }[] = [];
  for (const c of input.chats) {
    if (c.status !== "no_show" && c.status !== "disputed") continue;
    const at = heldAt(c);
    if (!within(w, at)) continue;
    const reporters = [...c.reports].sort((a, b) => a.at.getTime() - b.at.getTime()).filter((r) => r.outcome === "no_show");
    rows.push({
      at,
      row: {
        chatId: c.id,
        status: c.status,
        slot: c.slot,
        seeker: person(c.seekerId),
        volunteer: person(c.volunteerId),
        reportedBy: reporters.map((r) => person(r.by)),
      },
    });
  }
  return rows.sort((a, b) => b.at.getTime() - a.at.getTime() || a.row.chatId.localeCompare(b.row.chatId)).map((r) => r.row);
}
