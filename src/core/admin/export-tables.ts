import type { Chat, ChatRequest, Feedback, Member, SeekerProfile, VolunteerProfile } from "../domain/index.js";
import { type CsvFile, toCsv } from "./csv.js";

/** What an export reads from one community. */
export interface ExportSource {
  members: readonly Member[];
  seekers: readonly SeekerProfile[];
  volunteers: readonly VolunteerProfile[];
  requests: readonly ChatRequest[];
  chats: readonly Chat[];
  feedback: readonly Feedback[];
}

const iso = (d: Date | null | undefined): string => (d ? d.toISOString() : "");
const tags = (xs: readonly string[]): string => xs.join(";");
/** One person's answer to "did it happen?" (happened / no_show), empty if they gave none. */
const said = (c: Chat, memberId: string): string => c.reports.find((r) => r.by === memberId)?.outcome ?? "";

/**
 * The three export files: members with their profiles, requests, and chats with outcomes and
 * ratings. Free-text feedback notes appear only when `includeNotes` (an explicit admin choice):
 * they are what people wrote about each other, not programme data.
 */
export function exportFiles(src: ExportSource, includeNotes: boolean): CsvFile[] {
  const byId = new Map(src.members.map((m) => [m.id, m.displayName]));
  /** The name beside a member id column; empty when the id is empty or unknown. */
  const name = (id: string | null | undefined): string => (id ? (byId.get(id) ?? "") : "");
  const seekers = new Map(src.seekers.map((p) => [p.memberId, p]));
  const volunteers = new Map(src.volunteers.map((p) => [p.memberId, p]));
  const members = toCsv(
    [
      "member_id",
      "display_name",
      "status",
      "paused_until",
      "time_zone",
      "joined_at",
      "seeker_interests",
      "seeker_learn",
      "volunteer_expertise",
      "volunteer_capacity_per_month",
      "volunteer_formats",
      "volunteer_bio",
    ],
    src.members.map((m) => {
      const s = seekers.get(m.id);
      const v = volunteers.get(m.id);
      return [
        m.id,
        m.displayName,
        m.forgotten ? "forgotten" : m.status,
        iso(m.pausedUntil),
        m.timeZone,
        iso(m.createdAt),
        tags(s?.interests ?? []),
        s?.learn ?? "",
        tags(v?.expertise ?? []),
        v?.capacityPerMonth ?? "",
        tags(v?.formats ?? []),
        v?.bio ?? "",
      ];
    }),
  );
  const requests = toCsv(
    [
      "request_id",
      "seeker_id",
      "seeker_name",
      "tags",
      "goals",
      "status",
      "tried",
      "referred_by",
      "referred_by_name",
      "created_at",
      "updated_at",
    ],
    src.requests.map((r) => [
      r.id,
      r.seekerId,
      name(r.seekerId),
      tags(r.tags),
      r.goals,
      r.status,
      tags(r.tried),
      r.referredBy ?? "",
      name(r.referredBy),
      iso(r.createdAt),
      iso(r.updatedAt),
    ]),
  );
  const fb = (chatId: string, fromId: string) => src.feedback.find((f) => f.chatId === chatId && f.fromId === fromId);
  const chatHeader = [
    "chat_id",
    "request_id",
    "seeker_id",
    "seeker_name",
    "volunteer_id",
    "volunteer_name",
    "status",
    "minutes",
    "format",
    "slot_start",
    "reschedules",
    "cancelled_by",
    "cancelled_by_name",
    "outcome_at",
    "seeker_said",
    "volunteer_said",
    "no_show_reported_by",
    "no_show_reported_by_names",
    "disputed",
    "created_at",
    "seeker_rating",
    "volunteer_rating",
  ];
  const chats = toCsv(
    includeNotes ? [...chatHeader, "seeker_note", "volunteer_note"] : chatHeader,
    src.chats.map((c) => {
      const missed = c.reports.filter((r) => r.outcome === "no_show").map((r) => r.by);
      const bySeeker = fb(c.id, c.seekerId);
      const byVolunteer = fb(c.id, c.volunteerId);
      const row = [
        c.id,
        c.requestId,
        c.seekerId,
        name(c.seekerId),
        c.volunteerId,
        name(c.volunteerId),
        c.status,
        c.minutes,
        c.format,
        iso(c.slot?.start),
        c.reschedules,
        c.cancelledBy ?? "",
        name(c.cancelledBy),
        iso(c.outcomeAt),
        said(c, c.seekerId),
        said(c, c.volunteerId),
        missed.join(";"),
        missed.map(name).join(";"),
        c.status === "disputed" ? "yes" : "",
        iso(c.createdAt),
        bySeeker?.rating ?? "",
        byVolunteer?.rating ?? "",
      ];
      return includeNotes ? [...row, bySeeker?.note ?? "", byVolunteer?.note ?? ""] : row;
    }),
  );
  return [
    { name: "members.csv", text: members },
    { name: "requests.csv", text: requests },
    { name: "chats.csv", text: chats },
  ];
}
