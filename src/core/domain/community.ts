import { z } from "zod";

/** A local wall-clock time, "08:00"; "24:00" is the end of the day. */
const HHMM = z.string().regex(/^(?:[01]\d|2[0-3]):[0-5]\d$|^24:00$/, "a time like 08:00");

/** Which follow-up nudges a community sends; each can be turned off by an admin. */
/** The shortest batch-matching cadence a community may set: the scheduler looks for due communities this often. */
export const MIN_MATCH_EVERY_MINUTES = 5;

export const NudgeTogglesSchema = z.object({
  introReminder: z.boolean().default(true),
  prep: z.boolean().default(true),
  chatReminder: z.boolean().default(true),
  checkIn: z.boolean().default(true),
  thankYou: z.boolean().default(true),
  referralAsk: z.boolean().default(true),
  keepInTouch: z.boolean().default(true),
});

/**
 * Everything an admin can tune. Defaults follow DESIGN.md §2; ranges are what the
 * product supports and are named in validation errors.
 */
export const CommunitySettingsSchema = z.object({
  chatMinutes: z.number().int().min(15).max(45).default(30),
  volunteerDefaultCapacity: z.number().int().min(1).max(20).default(2),
  /** Hours a volunteer has to answer an intro before it expires. */
  responseWindowHours: z.number().int().min(12).max(336).default(72),
  /** Hours after an intro when an unanswered volunteer gets a gentle reminder. */
  introReminderHours: z.number().int().min(1).max(336).default(48),
  /** Pairs who met within this many weeks are never matched again. */
  repeatWindowWeeks: z.number().int().min(0).max(104).default(12),
  maxOpenRequestsPerSeeker: z.number().int().min(1).max(10).default(1),
  /** Intros tried for one request before it is waitlisted. */
  maxIntroTries: z.number().int().min(1).max(10).default(3),
  suggestionsShown: z.number().int().min(1).max(10).default(3),
  slotStepMinutes: z.union([z.literal(15), z.literal(30), z.literal(60)]).default(30),
  minLeadHours: z.number().int().min(0).max(168).default(24),
  horizonDays: z.number().int().min(2).max(28).default(14),
  prepHoursBefore: z.number().int().min(1).max(72).default(24),
  reminderMinutesBefore: z.number().int().min(5).max(720).default(60),
  checkInMinutesAfter: z.number().int().min(0).max(2880).default(60),
  thankYouHoursAfter: z.number().int().min(0).max(72).default(2),
  keepInTouchDays: z.number().int().min(1).max(365).default(30),
  nudges: NudgeTogglesSchema.default({}),
  /** Extra tag aliases: alias slug → canonical slug. */
  tagAliases: z.record(z.string(), z.string()).default({}),
  defaultTimeZone: z.string().default("UTC"),
  /** Member ids with admin rights besides the platform's own admins. */
  admins: z.array(z.string()).default([]),
  programPaused: z.boolean().default(false),
  /** Minutes between batch matches of the open queue (the scheduler's cadence). */
  matchEveryMinutes: z.number().int().min(MIN_MATCH_EVERY_MINUTES).max(10080).default(60),
  /** Discord: the channel where each pair gets a private thread; null until an admin sets it. */
  pairChannelId: z.string().min(1).max(80).nullable().default(null),
  /** Discord: members holding any of these role ids may run admin commands. */
  adminRoleIds: z.array(z.string().min(1).max(80)).default([]),
  /** A volunteer who lets this many intros in a row expire is paused until they resume; 0 turns it off. */
  autoPauseAfterIgnored: z.number().int().min(0).max(20).default(3),
  /**
   * A seeker who never stated availability is free every day between these local times (their
   * waking hours): the seeker asks for the favour, so they adapt. Volunteers are never widened.
   */
  seekerDayStart: HHMM.default("08:00"),
  seekerDayEnd: HHMM.default("21:00"),
  /** Weeks a request waits on the waitlist before it expires (the seeker can renew it in one click). */
  waitlistExpiryWeeks: z.number().int().min(1).max(52).default(6),
  /** The program channel: the pinned front door, welcomes, the weekly post; null until an admin sets it. */
  programChannelId: z.string().min(1).max(80).nullable().default(null),
  /** Peer rounds every this many weeks for members who opted in; 0 turns rounds off. */
  roundsEveryWeeks: z.number().int().min(0).max(8).default(2),
  /** The weekday rounds run on (1 Monday … 7 Sunday), in the community's default time zone. */
  roundsWeekday: z.number().int().min(1).max(7).default(2),
  /** The hour rounds run at (0–23), in the community's default time zone. */
  roundsHour: z.number().int().min(0).max(23).default(10),
  /** Prefer pairing members of different groups (team, cohort) in rounds. */
  roundsCrossGroup: z.boolean().default(false),
  /** The weekly program post in the program channel every this many weeks (only once a channel is set); 0 turns it off. */
  programPostEveryWeeks: z.number().int().min(0).max(4).default(1),
  /** The weekday of the program post (1 Monday … 7 Sunday), in the community's default time zone. */
  programPostWeekday: z.number().int().min(1).max(7).default(5),
  /** The hour of the program post (0–23), in the community's default time zone. */
  programPostHour: z.number().int().min(0).max(23).default(15),
});
export type CommunitySettings = z.infer<typeof CommunitySettingsSchema>;
export type NudgeToggles = z.infer<typeof NudgeTogglesSchema>;

export const CommunitySchema = z.object({
  /** Platform-prefixed: `slack:T024BE7LD`, `discord:81384788765712384`, `shell:local`. */
  id: z.string().min(1),
  name: z.string(),
  settings: CommunitySettingsSchema,
  createdAt: z.date(),
  /**
   * Since when the platform cannot reach this community (the Slack app was uninstalled or its
   * tokens revoked): nothing is sent to it and its queue is not matched; pending nudges are kept
   * and resume when it is installed again. Absent while it is reachable.
   */
  inactiveSince: z.date().optional(),
});
export type Community = z.infer<typeof CommunitySchema>;

export const defaultSettings = (overrides: Partial<CommunitySettings> = {}): CommunitySettings => CommunitySettingsSchema.parse(overrides);
