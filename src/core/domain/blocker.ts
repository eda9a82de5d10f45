import { z } from "zod";
import { WeekdaySchema } from "./member.js";

const PersonSchema = z.object({ id: z.string(), name: z.string(), timeZone: z.string() });

/** A weekly run of hours in the reader's zone; `end` earlier than `start` runs past midnight. */
export const LocalHoursSchema = z.object({ days: z.array(WeekdaySchema), start: z.string(), end: z.string() });

/**
 * Why nobody can be introduced to a seeker right now, and what would change it: the one
 * reason that holds, as data (words live in src/text).
 *
 * - `NO_TOPIC`: no volunteer offers any of the request's topics; `topics` are the ones that do.
 * - `NO_SHARED_TIME`: volunteers share a topic and have room, but no free hour with the seeker;
 *   `volunteers` carries their hours in the seeker's zone, `widen` an availability the seeker
 *   could type to share time with them (their own hours plus the volunteers' nearest ones).
 * - `NO_CAPACITY`: everyone who fits is at their monthly limit or on a break; room frees up at
 *   `capacityFrees` (the next month) and/or `pauseEnds` (the earliest dated return).
 * - `ALL_ASKED`: everyone who fits was already asked for this request, met the seeker
 *   recently, or is blocked; a new volunteer would change it.
 */
export const MatchBlockerSchema = z.discriminatedUnion("code", [
  z.object({ code: z.literal("NO_TOPIC"), tags: z.array(z.string()), topics: z.array(z.string()) }),
  z.object({
    code: z.literal("NO_SHARED_TIME"),
    tags: z.array(z.string()),
    volunteers: z.array(z.object({ volunteer: PersonSchema, hours: z.array(LocalHoursSchema) })),
    widen: z.string(),
  }),
  z.object({
    code: z.literal("NO_CAPACITY"),
    tags: z.array(z.string()),
    capacityFrees: z.date().nullable(),
    pauseEnds: z.date().nullable(),
    /** Someone who fits is paused with no end date (they come back when they resume). */
    pausedOpenEnded: z.boolean(),
  }),
  z.object({ code: z.literal("ALL_ASKED"), tags: z.array(z.string()) }),
]);
export type MatchBlocker = z.infer<typeof MatchBlockerSchema>;
export type MatchBlockerCode = MatchBlocker["code"];
