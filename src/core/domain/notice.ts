import { z } from "zod";
import { FormatSchema } from "./member.js";
import { MatchReasonsSchema, SlotSchema } from "./chat.js";
import { MatchBlockerSchema } from "./blocker.js";

/** Just enough about a person for a message: their name and the zone to show times in. */
export const PersonRefSchema = z.object({ id: z.string(), name: z.string(), timeZone: z.string() });
export type PersonRef = z.infer<typeof PersonRefSchema>;

const ProfileCardSchema = PersonRefSchema.extend({ tags: z.array(z.string()), bio: z.string() });

/**
 * What the bot tells a person, as data. The core decides *what* and *when*; each adapter
 * decides the words and the widgets (Block Kit, Discord components, plain text).
 */
export const NoticeSchema = z.discriminatedUnion("kind", [
  z.object({
    kind: z.literal("intro_offered"),
    introId: z.string(),
    seeker: ProfileCardSchema,
    goals: z.string(),
    learn: z.string(),
    reasons: MatchReasonsSchema,
    minutes: z.number(),
    deadline: z.date(),
    referredBy: z.string().nullable(),
  }),
  z.object({ kind: z.literal("intro_reminder"), introId: z.string(), seeker: PersonRefSchema, deadline: z.date() }),
  z.object({
    kind: z.literal("intro_expired"),
    introId: z.string(),
    seeker: PersonRefSchema,
    /** What happened to the seeker's request next, so the volunteer is told only what is true. */
    seekerNext: z.enum(["offered", "waitlisted"]).optional(),
  }),
  z.object({
    kind: z.literal("intro_passed"),
    requestId: z.string(),
    volunteer: PersonRefSchema,
    why: z.enum(["declined", "expired", "unavailable"]),
    next: PersonRefSchema.nullable(),
    waitlisted: z.boolean(),
    /** With `waitlisted`: why nobody else fits now, and what would change it. */
    blocker: MatchBlockerSchema.optional(),
  }),
  z.object({
    kind: z.literal("slots_proposed"),
    chatId: z.string(),
    other: PersonRefSchema,
    slots: z.array(SlotSchema),
    minutes: z.number(),
    rescheduled: z.boolean(),
    /** The reader's side of the chat: the volunteer just said yes, the seeker is told they did. */
    role: z.enum(["seeker", "volunteer"]).optional(),
  }),
  z.object({ kind: z.literal("no_common_slot"), chatId: z.string(), other: PersonRefSchema }),
  z.object({
    kind: z.literal("chat_scheduled"),
    chatId: z.string(),
    seeker: PersonRefSchema,
    volunteer: PersonRefSchema,
    slot: SlotSchema,
    minutes: z.number(),
    format: FormatSchema,
    meetingLink: z.string(),
    goals: z.string(),
    /** The iCalendar invite (text/calendar). */
    ics: z.string(),
  }),
  z.object({
    kind: z.literal("prep"),
    chatId: z.string(),
    volunteer: ProfileCardSchema,
    slot: SlotSchema,
    minutes: z.number(),
    goals: z.string(),
    questions: z.array(z.object({ topic: z.string(), question: z.string() })),
  }),
  z.object({
    kind: z.literal("chat_reminder"),
    chatId: z.string(),
    other: PersonRefSchema,
    slot: SlotSchema,
    minutes: z.number(),
    format: FormatSchema,
    meetingLink: z.string(),
  }),
  z.object({
    kind: z.literal("check_in"),
    chatId: z.string(),
    other: PersonRefSchema,
    /** The second asking, a day after the first went unanswered. */
    again: z.boolean().optional(),
  }),
  z.object({ kind: z.literal("thank_you"), chatId: z.string(), volunteer: PersonRefSchema, goals: z.string(), draft: z.string() }),
  z.object({ kind: z.literal("referral_ask"), chatId: z.string(), seeker: PersonRefSchema, tags: z.array(z.string()) }),
  z.object({ kind: z.literal("keep_in_touch"), chatId: z.string(), volunteer: PersonRefSchema }),
  z.object({
    kind: z.literal("referral_suggested"),
    requestId: z.string(),
    referrer: PersonRefSchema,
    volunteer: PersonRefSchema,
    reasons: MatchReasonsSchema,
  }),
  z.object({
    kind: z.literal("chat_cancelled"),
    chatId: z.string(),
    by: PersonRefSchema,
    /** The calendar cancellation (METHOD:CANCEL) when the chat was on the calendars. */
    ics: z.string().optional(),
  }),
  /** To the person who cancelled: the cancellation for their own calendar. */
  z.object({ kind: z.literal("invite_cancelled"), chatId: z.string(), other: PersonRefSchema, slot: SlotSchema, ics: z.string() }),
  /** One person said the chat didn't happen: the other can say it did, find a new time, or give feedback. */
  z.object({
    kind: z.literal("no_show_reported"),
    chatId: z.string(),
    by: PersonRefSchema,
    reader: z.enum(["seeker", "volunteer"]),
    /** The seeker's request went back to the queue. */
    requeued: z.boolean(),
  }),
  /** The other person answered "did it happen?" differently: both answers are kept for the admins. */
  z.object({
    kind: z.literal("outcome_disputed"),
    chatId: z.string(),
    by: PersonRefSchema,
    said: z.enum(["happened", "no_show"]),
    reader: z.enum(["seeker", "volunteer"]),
    requeued: z.boolean(),
  }),
  z.object({ kind: z.literal("intro_withdrawn"), introId: z.string(), seeker: PersonRefSchema }),
  z.object({
    kind: z.literal("outcome_recorded"),
    chatId: z.string(),
    by: PersonRefSchema,
    outcome: z.enum(["happened", "no_show"]),
    /** The reader's side: only the volunteer is thanked for their time. */
    readerRole: z.enum(["seeker", "volunteer"]).optional(),
  }),
  z.object({
    kind: z.literal("waitlisted"),
    requestId: z.string(),
    tags: z.array(z.string()),
    /** Why nobody fits now, and what would change it. */
    blocker: MatchBlockerSchema.optional(),
  }),
  /** To the seeker: an intro went out without their choosing (the batch), with why; `referrer` when it is the referred member. */
  z.object({
    kind: z.literal("intro_sent"),
    requestId: z.string(),
    volunteer: PersonRefSchema,
    referrer: PersonRefSchema.nullable(),
    sharedTags: z.array(z.string()),
    deadline: z.date(),
  }),
  /** The seeker's own thank-you note, passed on to the volunteer word for word. */
  z.object({ kind: z.literal("thanks_received"), chatId: z.string(), seeker: PersonRefSchema, text: z.string() }),
  /** The weekly word to a waitlisted seeker: still looking, what would help, when it expires. */
  z.object({
    kind: z.literal("still_looking"),
    requestId: z.string(),
    tags: z.array(z.string()),
    weeks: z.number().int(),
    blocker: MatchBlockerSchema.nullable(),
    expiresAt: z.date(),
  }),
  /** A waitlisted request reached the community's expiry; the seeker can renew it. */
  z.object({
    kind: z.literal("request_expired"),
    requestId: z.string(),
    tags: z.array(z.string()),
    goals: z.string(),
    weeks: z.number().int(),
  }),
  /** The volunteer let `ignored` intros in a row expire, so new intros stop until they resume. */
  z.object({ kind: z.literal("auto_paused"), ignored: z.number().int() }),
  /** Welcome to a member who joined the program channel: the front door's words and buttons, once. */
  z.object({ kind: z.literal("program_welcome") }),
  /**
   * To a peer group's shared conversation: a round paired these members (`members`, everyone in
   * the group, two or three), with the topics they share and up to three times that suit them all.
   */
  z.object({
    kind: z.literal("round_paired"),
    groupId: z.string(),
    members: z.array(PersonRefSchema).min(2).max(3),
    sharedTags: z.array(z.string()),
    slots: z.array(SlotSchema),
    minutes: z.number(),
    /** When "did you meet?" will be asked. */
    checkInAt: z.date(),
  }),
  /**
   * To a member a round could not pair, with why: nobody shared free time with them (`no_time`),
   * everyone else was met recently or blocked (`recent`), or nobody else was in (`alone`).
   */
  z.object({
    kind: z.literal("round_unpaired"),
    roundId: z.string(),
    why: z.enum(["no_time", "recent", "alone"]),
    nextRoundAt: z.date().nullable(),
  }),
  /**
   * To a peer group's shared conversation: `by` booked one of the group's times (`previous`: the
   * time it replaces, when they picked again), with the calendar file for everyone.
   */
  z.object({
    kind: z.literal("round_booked"),
    groupId: z.string(),
    by: PersonRefSchema,
    members: z.array(PersonRefSchema).min(2).max(3),
    slot: SlotSchema,
    previous: SlotSchema.nullable(),
    /** The iCalendar invite (text/calendar). */
    ics: z.string(),
  }),
  /** To a peer group's shared conversation, shortly before the time they booked. */
  z.object({ kind: z.literal("round_reminder"), groupId: z.string(), members: z.array(PersonRefSchema).min(2).max(3), slot: SlotSchema }),
  /** To each member of a peer group after the time they booked, else at the end of the round's period: did you meet? */
  z.object({ kind: z.literal("round_check_in"), groupId: z.string(), others: z.array(PersonRefSchema).min(1).max(2) }),
  /** The member left `ignored` rounds' check-ins unanswered in a row, so rounds skip them until they join again. */
  z.object({ kind: z.literal("rounds_paused"), ignored: z.number().int() }),
]);
export type Notice = z.infer<typeof NoticeSchema>;
export type NoticeKind = Notice["kind"];

export const NudgeStatusSchema = z.enum(["pending", "sent", "cancelled", "failed"]);
export type NudgeStatus = z.infer<typeof NudgeStatusSchema>;

/**
 * A durable outbox row: one notice due at a time to one member, or to a pair (two ids:
 * seeker first), delivered at most once per `key`.
 */
export const NudgeSchema = z.object({
  id: z.string(),
  communityId: z.string(),
  /** Unique per community: enqueueing the same key twice is a no-op. Also the platform idempotency key. */
  key: z.string(),
  /** One member, a pair (seeker first), or a peer trio. */
  to: z.array(z.string()).min(1).max(3),
  kind: z.string(),
  /** The chat, intro or request this is about; used to cancel or move pending nudges. */
  refId: z.string(),
  dueAt: z.date(),
  notice: NoticeSchema,
  status: NudgeStatusSchema,
  attempts: z.number().int().default(0),
  lastError: z.string().nullable().default(null),
  leaseOwner: z.string().nullable().default(null),
  leaseUntil: z.date().nullable().default(null),
  sentAt: z.date().nullable().default(null),
  createdAt: z.date(),
});
export type Nudge = z.infer<typeof NudgeSchema>;
