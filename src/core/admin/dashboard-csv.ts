import { DateTime } from "luxon";
import type { PersonRef } from "../domain/index.js";
import { FUNNEL_STEPS, type ChatsReport, type ProgramStats, type VolunteersReport } from "../stats/report.js";
import type { AdminQueueValue } from "../use-cases/admin/queue.js";
import { type CsvFile, toCsv } from "./csv.js";

/**
 * The dashboard's tables as CSV files, one per table. Every person column has a `_name` column
 * beside its `_id` column, so a spreadsheet reads without a lookup.
 */

const iso = (d: Date | null | undefined): string => (d ? d.toISOString() : "");
const ids = (ps: readonly PersonRef[]): string => ps.map((p) => p.id).join(";");
const names = (ps: readonly PersonRef[]): string => ps.map((p) => p.name).join(";");
const HOUR = 3600_000;

/** The funnel week by week: the week's first day (Monday, in the community's zone) and each step. */
export function funnelCsv(s: ProgramStats): CsvFile {
  return {
    name: "funnel.csv",
    text: toCsv(
      ["week_start", ...FUNNEL_STEPS],
      s.weeks.map((w) => [
        DateTime.fromJSDate(w.start, { zone: s.timeZone }).toISODate() ?? iso(w.start),
        ...FUNNEL_STEPS.map((k) => w.counts[k]),
      ]),
    ),
  };
}

/** Every waiting request: who, how long, and why nobody is matched yet (the blocker's code). */
export function queueCsv(q: AdminQueueValue): CsvFile {
  return {
    name: "queue.csv",
    text: toCsv(
      [
        "request_id",
        "seeker_id",
        "seeker_name",
        "tags",
        "status",
        "asked_at",
        "waitlisted_at",
        "waiting_hours",
        "blocker",
        "offered_to_id",
        "offered_to_name",
        "deadline",
      ],
      q.items.map((i) => [
        i.request.id,
        i.seeker.id,
        i.seeker.name,
        i.request.tags.join(";"),
        i.request.status,
        iso(i.askedAt),
        iso(i.waitlistedAt),
        Math.round(((q.now.getTime() - i.askedAt.getTime()) / HOUR) * 10) / 10,
        i.blocker?.code ?? "",
        i.offeredTo?.volunteer.id ?? "",
        i.offeredTo?.volunteer.name ?? "",
        iso(i.offeredTo?.deadline),
      ]),
    ),
  };
}

/** Each volunteer's state, load this month and answers to intros in the period. */
export function volunteersCsv(r: VolunteersReport): CsvFile {
  return {
    name: "volunteers.csv",
    text: toCsv(
      [
        "volunteer_id",
        "volunteer_name",
        "state",
        "paused_until",
        "expertise",
        "capacity_per_month",
        "chats_this_month",
        "load",
        "intros_offered",
        "accepted",
        "declined",
        "expired",
        "median_hours_to_answer",
      ],
      r.rows.map((v) => [
        v.volunteer.id,
        v.volunteer.name,
        v.state,
        iso(v.pausedUntil),
        v.expertise.join(";"),
        v.capacityPerMonth,
        v.chatsThisMonth,
        v.load,
        v.intros.offered,
        v.intros.accepted,
        v.intros.declined,
        v.intros.expired,
        v.medianHoursToAnswer ?? "",
      ]),
    ),
  };
}

/** Chats with activity in the period; the free-text notes only when the report includes them. */
export function chatsCsv(r: ChatsReport): CsvFile {
  const header = [
    "chat_id",
    "request_id",
    "seeker_id",
    "seeker_name",
    "volunteer_id",
    "volunteer_name",
    "status",
    "slot_start",
    "booked_at",
    "outcome_at",
    "seeker_said",
    "volunteer_said",
    "no_show_reported_by_ids",
    "no_show_reported_by_names",
    "seeker_rating",
    "volunteer_rating",
    "thanked",
  ];
  return {
    name: "chats.csv",
    text: toCsv(
      r.includeNotes ? [...header, "seeker_note", "volunteer_note"] : header,
      r.rows.map((c) => {
        const said = (id: string) => c.reports.find((x) => x.by.id === id)?.outcome ?? "";
        const missed = c.reports.filter((x) => x.outcome === "no_show").map((x) => x.by);
        const row = [
          c.chatId,
          c.requestId,
          c.seeker.id,
          c.seeker.name,
          c.volunteer.id,
          c.volunteer.name,
          c.status,
          iso(c.slot?.start),
          iso(c.bookedAt),
          iso(c.outcomeAt),
          said(c.seeker.id),
          said(c.volunteer.id),
          ids(missed),
          names(missed),
          c.ratings.bySeeker ?? "",
          c.ratings.byVolunteer ?? "",
          c.thanked ? "yes" : "",
        ];
        return r.includeNotes ? [...row, c.notes?.bySeeker ?? "", c.notes?.byVolunteer ?? ""] : row;
      }),
    ),
  };
}

/** Missed and disputed chats in the period, with who reported them. */
export function noShowsCsv(r: ChatsReport): CsvFile {
  return {
    name: "no-shows.csv",
    text: toCsv(
      [
        "chat_id",
        "status",
        "slot_start",
        "seeker_id",
        "seeker_name",
        "volunteer_id",
        "volunteer_name",
        "reported_by_ids",
        "reported_by_names",
      ],
      r.noShows.map((n) => [
        n.chatId,
        n.status,
        iso(n.slot?.start),
        n.seeker.id,
        n.seeker.name,
        n.volunteer.id,
        n.volunteer.name,
        ids(n.reportedBy),
        names(n.reportedBy),
      ]),
    ),
  };
}
