import { z } from "zod";
import { FormatSchema } from "./member.js";

/** A UTC interval; every person sees it in their own zone. */
export const SlotSchema = z.object({ start: z.date(), end: z.date() });
export type Slot = z.infer<typeof SlotSchema>;

/** Why a volunteer was suggested: shown to the seeker so they can choose well. */
export const MatchReasonsSchema = z.object({
  sharedTags: z.array(z.string()),
  sharedFreeHours: z.number(),
  /** Share of the volunteer's monthly capacity already used, 0..1. */
  load: z.number(),
  score: z.number(),
});
export type MatchReasons = z.infer<typeof MatchReasonsSchema>;

export const RequestStatusSchema = z.enum([
  "open", // waiting for the seeker's choice or the next batch match
  "offered", // an intro is pending with one volunteer
  "scheduling", // accepted; slots proposed
  "scheduled", // slot picked
  "completed", // the chat happened or was closed with an outcome
  "waitlisted", // tries exhausted or nobody matches right now
  "cancelled",
  "expired", // waited on the waitlist for the community's expiry weeks; the seeker may renew it
]);
export type RequestStatus = z.infer<typeof RequestStatusSchema>;
export const ACTIVE_REQUEST_STATUSES: readonly RequestStatus[] = ["open", "offered", "scheduling", "scheduled", "waitlisted"];

export const ChatRequestSchema = z.object({
  id: z.string(),
  communityId: z.string(),
  seekerId: z.string(),
  tags: z.array(z.string()),
  goals: z.string(),
  status: RequestStatusSchema,
  /** Volunteers already offered this request, in order; never offered twice. */
  tried: z.array(z.string()).default([]),
  /** The latest ranked suggestions shown to the seeker. */
  suggestions: z.array(z.object({ volunteerId: z.string(), reasons: MatchReasonsSchema })).default([]),
  /** Set when another member referred the seeker here. */
  referredBy: z.string().nullable().default(null),
  /**
   * When the request last went onto the waitlist; null or absent when it is not waiting there.
   * Weekly "still looking" notes and expiry count from it. Optional so older records read as-is.
   */
  waitlistedAt: z.date().nullable().optional(),
  createdAt: z.date(),
  updatedAt: z.date(),
});
export type ChatRequest = z.infer<typeof ChatRequestSchema>;

export const IntroStatusSchema = z.enum(["pending", "accepted", "declined", "expired", "cancelled"]);
export type IntroStatus = z.infer<typeof IntroStatusSchema>;

export const IntroSchema = z.object({
  id: z.string(),
  communityId: z.string(),
  requestId: z.string(),
  seekerId: z.string(),
  volunteerId: z.string(),
  status: IntroStatusSchema,
  reasons: MatchReasonsSchema,
  offeredAt: z.date(),
  deadline: z.date(),
  respondedAt: z.date().nullable().default(null),
  declineReason: z.string().nullable().default(null),
});
export type Intro = z.infer<typeof IntroSchema>;

export const ChatStatusSchema = z.enum([
  "proposing",
  "scheduled",
  "happened", // reported as held, and nobody said otherwise
  "no_show", // reported as not held, and nobody said otherwise
  "disputed", // one said it happened, the other that it didn't: both reports kept for the admins
  "cancelled",
]);
export type ChatStatus = z.infer<typeof ChatStatusSchema>;

/** One person's answer to "did it happen?": each of the two records their own. */
export const OutcomeReportSchema = z.object({
  by: z.string(),
  outcome: z.enum(["happened", "no_show"]),
  at: z.date(),
});
export type OutcomeReport = z.infer<typeof OutcomeReportSchema>;

/**
 * What the pair's calendars hold for a chat: the slot of the last invite sent and its
 * SEQUENCE. Every later invite (an update after a reschedule, a cancellation) carries the same
 * UID and a higher SEQUENCE, so calendars replace the event instead of adding one.
 */
export const CalendarInviteSchema = z.object({
  sequence: z.number().int().min(0),
  slot: SlotSchema,
  cancelled: z.boolean().default(false),
});
export type CalendarInvite = z.infer<typeof CalendarInviteSchema>;

export const ChatSchema = z.object({
  id: z.string(),
  communityId: z.string(),
  requestId: z.string(),
  introId: z.string(),
  seekerId: z.string(),
  volunteerId: z.string(),
  status: ChatStatusSchema,
  minutes: z.number().int(),
  format: FormatSchema,
  proposedSlots: z.array(SlotSchema).default([]),
  slot: SlotSchema.nullable().default(null),
  /** How many times the pair moved the chat. */
  reschedules: z.number().int().default(0),
  cancelledBy: z.string().nullable().default(null),
  outcomeAt: z.date().nullable().default(null),
  /** Each person's answer to "did it happen?", first answer first; cleared when the pair reschedules. */
  reports: z.array(OutcomeReportSchema).default([]),
  /** The invite on the pair's calendars; null before the first booking (older rows: see calendarOf). */
  invite: CalendarInviteSchema.nullable().default(null),
  /**
   * When the pair first picked a slot (the chat was booked); later reschedules keep it. Null
   * before a booking, and absent on chats booked before this was recorded (stats then use `createdAt`).
   */
  bookedAt: z.date().nullable().optional(),
  createdAt: z.date(),
  updatedAt: z.date(),
});
export type Chat = z.infer<typeof ChatSchema>;

export const FeedbackSchema = z.object({
  id: z.string(),
  communityId: z.string(),
  chatId: z.string(),
  fromId: z.string(),
  aboutId: z.string(),
  rating: z.number().int().min(1).max(5),
  note: z.string().default(""),
  createdAt: z.date(),
});
export type Feedback = z.infer<typeof FeedbackSchema>;
