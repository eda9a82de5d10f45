import type { AdminQueueValue } from "../core/use-cases/index.js";
import type { MatchBlocker } from "../core/domain/index.js";
import { formatDate, nextDay, weekOrder, type LocalHours } from "../core/time/index.js";
import type { TextStyle } from "./style.js";

const DAYS = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"];
const list = (xs: readonly string[]): string => xs.join(", ");

/** "Mon–Fri", "Mon, Wed", "Mon–Wed, Sat": weekdays as people read them. */
export function daysWords(days: readonly number[]): string {
  const sorted = weekOrder(days);
  const parts: string[] = [];
  for (let i = 0; i < sorted.length; ) {
    let j = i;
    while (j + 1 < sorted.length && nextDay(sorted[j] ?? 0, sorted[j + 1] ?? 0)) j++;
    const a = DAYS[(sorted[i] ?? 1) - 1] ?? "?";
    const b = DAYS[(sorted[j] ?? 1) - 1] ?? "?";
    parts.push(j - i >= 2 ? `${a}–${b}` : j === i ? a : `${a}, ${b}`);
    i = j + 1;
  }
  return parts.join(", ");
}

/** "Mon–Fri 19:30–03:30 (into the next day)". */
export const hoursWords = (h: LocalHours): string =>
  `${daysWords(h.days)} ${h.start}–${h.end}${h.end <= h.start ? " (into the next day)" : ""}`;

/**
 * Why nobody fits a seeker's request, and what would change it, for the seeker to read:
 * times in their zone, the command to type where typing helps.
 */
export function renderBlocker(b: MatchBlocker, zone: string, style: TextStyle): string {
  const c = style.cmd;
  const u = style.user;
  const topics = list(b.tags.map(u));
  switch (b.code) {
    case "NO_TOPIC":
      return b.topics.length
        ? [
            `Nobody here volunteers for ${topics} yet. Topics with volunteers: ${list(b.topics.map(u))}.`,
            `   To ask about one of those, type ${c("request <tags> -- <what you want to learn>")}; otherwise I'll introduce you as soon as someone volunteers for ${topics}.`,
          ].join("\n")
        : `Nobody here has volunteered yet. I'll introduce you as soon as someone volunteers for ${topics}.`;
    case "NO_SHARED_TIME":
      return [
        `Volunteers for ${topics} are free only when you aren't. Their hours in your time (${zone}):`,
        ...b.volunteers.map((v) => `   • ${u(v.volunteer.name)}: ${v.hours.map(hoursWords).join("; ") || "no free hours set"}`),
        ...(b.widen ? [`   To share some of those hours, widen your free times: ${c(`availability ${b.widen}`)}`] : []),
      ].join("\n");
    case "NO_CAPACITY": {
      const who =
        b.capacityFrees && (b.pauseEnds || b.pausedOpenEnded)
          ? "at their monthly limit or on a break"
          : b.capacityFrees
            ? "at their monthly limit"
            : "on a break";
      const when = [
        ...(b.capacityFrees ? [`monthly limits reset on ${formatDate(b.capacityFrees, zone)}`] : []),
        ...(b.pauseEnds ? [`the first break ends on ${formatDate(b.pauseEnds, zone)}`] : []),
        ...(b.pausedOpenEnded && !b.pauseEnds ? ["a break ends when the volunteer comes back"] : []),
      ];
      return `Everyone who volunteers for ${topics} is ${who}. You'll hear from me as soon as one has room again (${when.join("; ")}).`;
    }
    case "ALL_ASKED":
      return `Everyone who volunteers for ${topics} has been asked for this request already, or met you recently. I'll introduce you as soon as someone new volunteers for it.`;
  }
}

/** Why nobody fits a request, in a few words for an admin (the dashboard's queue, and `admin queue` after the code). */
export function blockerReason(b: MatchBlocker, zone: string, u: TextStyle["user"]): string {
  switch (b.code) {
    case "NO_TOPIC":
      return "nobody volunteers for these topics";
    case "NO_SHARED_TIME":
      return `no free hour in common with ${list(b.volunteers.map((v) => u(v.volunteer.name)))}`;
    case "NO_CAPACITY":
      return `everyone fitting is full or on a break${b.capacityFrees ? ` (limits reset ${formatDate(b.capacityFrees, zone)})` : ""}${b.pauseEnds ? ` (back ${formatDate(b.pauseEnds, zone)})` : ""}`;
    case "ALL_ASKED":
      return "everyone fitting was asked already or met them recently";
  }
}

/** The short reason an admin reads in `admin queue`, with its code. */
export const blockerSummary = (b: MatchBlocker, zone: string, u: TextStyle["user"]): string => `${b.code} — ${blockerReason(b, zone, u)}`;

/** How long someone has waited, in the unit people use: "under an hour", "5 h", "3 days", "2 weeks". */
export const waitedWords = (from: Date, now: Date): string => {
  const days = Math.floor((now.getTime() - from.getTime()) / 86_400_000);
  if (days >= 14) return `${Math.floor(days / 7)} weeks`;
  if (days >= 1) return `${days} day${days === 1 ? "" : "s"}`;
  const hours = Math.floor((now.getTime() - from.getTime()) / 3_600_000);
  return hours >= 1 ? `${hours} h` : "under an hour";
};

/** `admin queue`: every waiting request, longest first, with how long and why, in the admin's zone. */
export function renderQueue(v: AdminQueueValue, zone: string, c: TextStyle["cmd"], u: TextStyle["user"]): string {
  if (v.items.length === 0) return "📋 Nobody is waiting: every request has a chat or an intro on its way.";
  return [
    `📋 Waiting requests (${v.items.length}), longest first:`,
    ...v.items.map((i) => {
      const state =
        i.request.status === "offered"
          ? i.offeredTo
            ? `intro out to ${u(i.offeredTo.volunteer.name)}, answer due ${formatDate(i.offeredTo.deadline, zone)}`
            : "intro out"
          : i.blocker
            ? blockerSummary(i.blocker, zone, u)
            : i.request.status === "open"
              ? `choosing from ${i.request.suggestions.length} suggestion(s)`
              : "someone fits now — the next batch match introduces them";
      return `   ${u(i.seeker.name)} · ${list(i.request.tags.map(u))} · waiting ${waitedWords(i.askedAt, v.now)} · ${i.request.status} · ${state}`;
    }),
    `   Run ${c("admin match")} to match the queue now.`,
  ].join("\n");
}
