import type { Intro, Member, VolunteerProfile } from "../domain/index.js";
import { answeredAt, expiredAt, hoursBetween, people, within } from "./events.js";
import { median, round } from "./figures.js";
import { type StatsInput, windowOf } from "./input.js";
import { chatsThisMonth, shortfalls } from "./load.js";
import type { VolunteerRow, VolunteersReport } from "./report.js";

/**
 * Where a volunteer stands now. Paused by the bot (after ignored intros) means paused with no
 * end date (see use-cases/shared/auto-pause.ts); a pause whose date has passed is over, as
 * matching reads it. No capacity counts as full.
 */
export function volunteerState(v: VolunteerProfile, m: Member | undefined, load: number, now: Date): VolunteerRow["state"] {
  if (!v.active || !m || m.forgotten || m.status === "opted_out") return "stopped";
  if (m.status === "paused" && m.pausedUntil === null) return "auto_paused";
  if (m.status === "paused" && m.pausedUntil !== null && m.pausedUntil.getTime() > now.getTime()) return "paused";
  return v.capacityPerMonth <= 0 || load >= 1 ? "full" : "available";
}

/** Every volunteer with load, responsiveness in the period and state, most loaded first; and the full recruiting list. */
export function computeVolunteers(input: StatsInput): VolunteersReport {
  const w = windowOf(input);
  const members = new Map(input.members.map((m) => [m.id, m]));
  const person = people(input.members);
  const used = chatsThisMonth(input.chats, input.now);
  const introsOf = new Map<string, Intro[]>();
  for (const i of input.intros) introsOf.set(i.volunteerId, [...(introsOf.get(i.volunteerId) ?? []), i]);
  const rows = input.volunteers.map((v): VolunteerRow => {
    const m = members.get(v.memberId);
    const theirs = introsOf.get(v.memberId) ?? [];
    const chats = used.get(v.memberId) ?? 0;
    const load = v.capacityPerMonth > 0 ? round(chats / v.capacityPerMonth) : 0;
    const answered = theirs.filter((i) => within(w, answeredAt(i)));
    const m2a = median(answered.map((i) => hoursBetween(i.offeredAt, answeredAt(i) ?? i.offeredAt)));
    return {
      volunteer: person(v.memberId),
      expertise: [...v.expertise],
      capacityPerMonth: v.capacityPerMonth,
      chatsThisMonth: chats,
      load,
      intros: {
        offered: theirs.filter((i) => within(w, i.offeredAt)).length,
        accepted: answered.filter((i) => i.status === "accepted").length,
        declined: answered.filter((i) => i.status === "declined").length,
        expired: theirs.filter((i) => within(w, expiredAt(i))).length,
      },
      medianHoursToAnswer: m2a === null ? null : round(m2a, 1),
      state: volunteerState(v, m, load, input.now),
      pausedUntil: m?.pausedUntil ?? null,
    };
  });
  rows.sort((a, b) => b.load - a.load || b.chatsThisMonth - a.chatsThisMonth || a.volunteer.name.localeCompare(b.volunteer.name));
  return { period: input.period.label, since: input.period.since, now: input.now, rows, recruiting: shortfalls(input, w) };
}
