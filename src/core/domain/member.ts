import { z } from "zod";

/** ISO weekday, Monday = 1 … Sunday = 7 (luxon's convention). */
export const WeekdaySchema = z.number().int().min(1).max(7);
const HHMM = z.string().regex(/^(?:[01]\d|2[0-3]):[0-5]\d$|^24:00$/, "a time like 09:30");

/** A weekly free window in the member's own time zone; `end` may be "24:00". */
export const WeeklyWindowSchema = z
  .object({ day: WeekdaySchema, start: HHMM, end: HHMM })
  .refine((w) => w.start < w.end, { message: "the window must end after it starts" });
export type WeeklyWindow = z.infer<typeof WeeklyWindowSchema>;

export const AvailabilitySchema = z.object({
  windows: z.array(WeeklyWindowSchema).default([]),
  /** Local dates (YYYY-MM-DD) the member is away. */
  datesOff: z.array(z.string().regex(/^\d{4}-\d{2}-\d{2}$/)).default([]),
});
export type Availability = z.infer<typeof AvailabilitySchema>;

export const MemberStatusSchema = z.enum(["active", "paused", "opted_out"]);
export type MemberStatus = z.infer<typeof MemberStatusSchema>;

export const MemberSchema = z.object({
  /** Platform-prefixed: `slack:T024BE7LD:U0G9QF9C6`. Opaque to the core. */
  id: z.string().min(1),
  communityId: z.string().min(1),
  displayName: z.string(),
  timeZone: z.string(),
  /** False until the member (or their platform) told us their zone: Discord has none. */
  timeZoneConfirmed: z.boolean().default(false),
  status: MemberStatusSchema.default("active"),
  pausedUntil: z.date().nullable().default(null),
  blocked: z.array(z.string()).default([]),
  availability: AvailabilitySchema.default({}),
  /** Set when the member asked to be forgotten; the row stays only as an anonymous placeholder. */
  forgotten: z.boolean().default(false),
  /**
   * The member said yes to being named in the program channel's weekly post. A chat or a peer
   * group is named only when everyone in it said yes; counts never name anyone.
   */
  celebrate: z.boolean().default(false),
  createdAt: z.date(),
});
export type Member = z.infer<typeof MemberSchema>;

export const FormatSchema = z.enum(["video", "in_person", "phone"]);
export type Format = z.infer<typeof FormatSchema>;

export const SeekerProfileSchema = z.object({
  memberId: z.string(),
  communityId: z.string(),
  interests: z.array(z.string()).default([]),
  /** What they want to learn: the heart of an informational interview. */
  learn: z.string().default(""),
  intro: z.string().default(""),
  updatedAt: z.date(),
});
export type SeekerProfile = z.infer<typeof SeekerProfileSchema>;

export const VolunteerProfileSchema = z.object({
  memberId: z.string(),
  communityId: z.string(),
  expertise: z.array(z.string()).min(1),
  bio: z.string().default(""),
  capacityPerMonth: z.number().int().min(0).max(20),
  formats: z.array(FormatSchema).min(1).default(["video"]),
  /** Where a video call happens or where to meet; shown once a chat is confirmed. */
  meetingLink: z.string().default(""),
  active: z.boolean().default(true),
  updatedAt: z.date(),
});
export type VolunteerProfile = z.infer<typeof VolunteerProfileSchema>;

/**
 * A new, active member with no availability, blocks or profile yet: the one place member
 * records are born (first contact, imports, fixtures).
 */
export function newMember(f: {
  id: string;
  communityId: string;
  displayName: string;
  timeZone: string;
  timeZoneConfirmed?: boolean;
  createdAt: Date;
}): Member {
  return {
    id: f.id,
    communityId: f.communityId,
    displayName: f.displayName,
    timeZone: f.timeZone,
    timeZoneConfirmed: f.timeZoneConfirmed ?? false,
    status: "active",
    pausedUntil: null,
    blocked: [],
    availability: { windows: [], datesOff: [] },
    forgotten: false,
    celebrate: false,
    createdAt: f.createdAt,
  };
}

/** Is this member reachable for new matches at `now`? Paused members come back on their date. */
export function isAvailableForMatching(m: Member, now: Date): boolean {
  if (m.forgotten || m.status === "opted_out") return false;
  if (m.status === "paused") return m.pausedUntil !== null && m.pausedUntil.getTime() <= now.getTime();
  return true;
}
