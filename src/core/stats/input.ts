import type { Chat, ChatRequest, Community, Feedback, Intro, Member, Nudge, VolunteerProfile } from "../domain/index.js";
import type { Window } from "./events.js";
import type { Period } from "./period.js";

/** What the stats read from one community. */
export interface StatsInput {
  now: Date;
  period: Period;
  /** For its default time zone (weeks start Monday 00:00 there). */
  community: Community;
  members: readonly Member[];
  volunteers: readonly VolunteerProfile[];
  requests: readonly ChatRequest[];
  intros: readonly Intro[];
  chats: readonly Chat[];
  /** The community's `thanks_received` nudges, whatever their status (others are ignored). */
  nudges: readonly Nudge[];
  feedback: readonly Feedback[];
}

export const windowOf = (input: StatsInput): Window => ({ since: input.period.since, now: input.now });
