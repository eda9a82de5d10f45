import { isAvailableForMatching, type Chat, type VolunteerProfile } from "../domain/index.js";
import { HOUR, type Window, within } from "./events.js";
import { gini, median, round } from "./figures.js";
import type { StatsInput } from "./input.js";
import type { ProgramStats, TagShortfall } from "./report.js";

/**
 * The calendar month's first instant, in UTC: the month the matcher counts capacity in
 * (src/core/use-cases/shared/pool.ts), so the load shown is the load it matches by.
 */
const monthStart = (now: Date): number => Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), 1);

/** Chats each volunteer took on this calendar month (started this month, not cancelled), as the matcher counts them. */
export function chatsThisMonth(chats: readonly Chat[], now: Date): Map<string, number> {
  const month = monthStart(now);
  const used = new Map<string, number>();
  for (const c of chats)
    if (c.status !== "cancelled" && c.createdAt.getTime() >= month) used.set(c.volunteerId, (used.get(c.volunteerId) ?? 0) + 1);
  return used;
}

/** Volunteers who can take chats now: active, with capacity, reachable for matching. */
export function availableVolunteers(input: StatsInput): VolunteerProfile[] {
  const members = new Map(input.members.map((m) => [m.id, m]));
  return input.volunteers.filter((v) => {
    const m = members.get(v.memberId);
    return v.active && v.capacityPerMonth > 0 && m !== undefined && isAvailableForMatching(m, input.now);
  });
}

/** Share of monthly capacity each available volunteer uses now, and how evenly it is spread. */
export function volunteerLoad(input: StatsInput): ProgramStats["volunteerLoad"] {
  const used = chatsThisMonth(input.chats, input.now);
  const shares = availableVolunteers(input).map((v) => (used.get(v.memberId) ?? 0) / v.capacityPerMonth);
  return {
    volunteers: shares.length,
    min: round(shares.length ? Math.min(...shares) : 0),
    median: round(median(shares) ?? 0),
    max: round(shares.length ? Math.max(...shares) : 0),
    spread: round(gini(shares)),
  };
}

const isWaiting = (status: string): boolean => status === "open" || status === "waitlisted" || status === "offered";

/** Requests without an accepted intro now, and how long they have waited. */
export function waiting(input: StatsInput): ProgramStats["waiting"] {
  const waitingRequests = input.requests.filter((r) => isWaiting(r.status));
  const waits = waitingRequests.map((r) => (input.now.getTime() - r.createdAt.getTime()) / HOUR);
  const m = median(waits);
  return {
    seekers: new Set(waitingRequests.map((r) => r.seekerId)).size,
    requests: waitingRequests.length,
    medianHours: m === null ? null : round(m, 1),
    longestHours: waits.length ? round(Math.max(...waits), 1) : null,
  };
}

/**
 * Tags with requests waiting now (open or waitlisted) or more requests in the window than the
 * available volunteers' monthly capacity: most waiting first, then the widest gap.
 */
export function shortfalls(input: StatsInput, w: Window): TagShortfall[] {
  const demand = new Map<string, number>();
  for (const r of input.requests) if (within(w, r.createdAt)) for (const t of r.tags) demand.set(t, (demand.get(t) ?? 0) + 1);
  const waitingByTag = new Map<string, number>();
  for (const r of input.requests)
    if (r.status === "open" || r.status === "waitlisted") for (const t of r.tags) waitingByTag.set(t, (waitingByTag.get(t) ?? 0) + 1);
  const available = availableVolunteers(input);
  const out: TagShortfall[] = [];
  for (const tag of new Set([...demand.keys(), ...waitingByTag.keys()])) {
    const who = available.filter((v) => v.expertise.includes(tag));
    const capacity = who.reduce((a, v) => a + v.capacityPerMonth, 0);
    const requested = demand.get(tag) ?? 0;
    const waitingNow = waitingByTag.get(tag) ?? 0;
    if (waitingNow > 0 || requested > capacity) out.push({ tag, requested, waiting: waitingNow, volunteers: who.length, capacity });
  }
  out.sort((a, b) => b.waiting - a.waiting || a.capacity - a.requested - (b.capacity - b.requested) || a.tag.localeCompare(b.tag));
  return out;
}
