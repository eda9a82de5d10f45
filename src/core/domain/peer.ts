import { z } from "zod";
import { SlotSchema } from "./chat.js";

/**
 * A member who opted in to peer rounds. `skipRoundAt` names the one round they sit out (cleared
 * once that round ran); `ignoredInARow` counts rounds whose "did you meet?" they left unanswered,
 * and two in a row make them inactive until they join again.
 */
export const PeerProfileSchema = z.object({
  communityId: z.string(),
  memberId: z.string(),
  /** In the rounds; false after `rounds leave` or two ignored check-ins. */
  active: z.boolean(),
  /** The round they skip (its due time), or null. */
  skipRoundAt: z.date().nullable(),
  /** Rounds in a row whose check-in they did not answer. */
  ignoredInARow: z.number().int().min(0),
  /** Their team or cohort, for the cross-group preference; null when none. */
  group: z.string().nullable(),
  /** What they like to talk about: their seeker interests and volunteer expertise at join, editable later. */
  tags: z.array(z.string()),
  createdAt: z.date(),
  updatedAt: z.date(),
});
export type PeerProfile = z.infer<typeof PeerProfileSchema>;

/** A round that ran: when, and how many members it paired or could not. */
export const PeerRoundSchema = z.object({
  id: z.string(),
  communityId: z.string(),
  /** The round's due time (or the moment an admin forced it). */
  at: z.date(),
  status: z.enum(["done"]),
  counts: z.object({
    /** Members considered (active, not skipping, reachable). */
    members: z.number().int().min(0),
    /** Pairs and trios formed. */
    groups: z.number().int().min(0),
    /** Members nobody could be paired with. */
    unpaired: z.number().int().min(0),
    /** Members who skipped this round. */
    skipped: z.number().int().min(0),
  }),
});
export type PeerRound = z.infer<typeof PeerRoundSchema>;

export const PeerOutcomeSchema = z.enum(["met", "missed"]);
export type PeerOutcome = z.infer<typeof PeerOutcomeSchema>;

/** A pair or trio of one round, with its proposed times, the one booked, and what each member reported. */
export const PeerGroupSchema = z.object({
  id: z.string(),
  communityId: z.string(),
  roundId: z.string(),
  /** Two members, or three for a trio. */
  memberIds: z.array(z.string()).min(2).max(3),
  /** The matcher's score for the group. */
  score: z.number(),
  proposedSlots: z.array(SlotSchema),
  /** The time a member of the group booked (one of `proposedSlots`), or null before anyone picks. */
  slot: SlotSchema.nullable().default(null),
  /** One report per member, the latest kept. */
  reports: z.array(z.object({ by: z.string(), outcome: PeerOutcomeSchema, at: z.date() })),
  /** "met" once anyone says they met; "missed" when every report says missed. */
  status: z.enum(["open", "met", "missed"]),
  createdAt: z.date(),
  updatedAt: z.date(),
});
export type PeerGroup = z.infer<typeof PeerGroupSchema>;
