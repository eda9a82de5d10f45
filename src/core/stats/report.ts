import type { ChatStatus, PersonRef, Slot } from "../domain/index.js";

/**
 * The programme's funnel, step by step. Each step counts events by when they happened: a
 * request when it was made, an intro when it was offered, an acceptance when the volunteer
 * said yes, a booking when the pair picked a slot, a chat that happened (or was missed) when it
 * was held (its slot), a thank-you when the seeker wrote it.
 */
export type FunnelStep = "requests" | "intros" | "accepted" | "booked" | "happened" | "thanked";
export const FUNNEL_STEPS: readonly FunnelStep[] = ["requests", "intros", "accepted", "booked", "happened", "thanked"];

/** One week of the funnel: from Monday 00:00 in the community's default time zone. */
export interface FunnelWeek {
  start: Date;
  counts: Record<FunnelStep, number>;
}

/** How long something took, over the cases measured in the period. */
export interface Waits {
  /** How many were measured. */
  count: number;
  medianHours: number | null;
  /** Nine in ten took at most this long. */
  p90Hours: number | null;
}

/** A chat reported as missed (or disputed), with who said so. */
export interface NoShowRow {
  chatId: string;
  status: "no_show" | "disputed";
  slot: Slot | null;
  seeker: PersonRef;
  volunteer: PersonRef;
  /** Who answered "it didn't happen", first answer first. */
  reportedBy: PersonRef[];
}

/** Ratings people gave each other after their chats, in the period (by when they were given). */
export interface FeedbackSummary {
  count: number;
  /** Mean rating out of 5, one decimal; null with no ratings. */
  average: number | null;
  fromSeekers: { count: number; average: number | null };
  fromVolunteers: { count: number; average: number | null };
}

/** A tag people ask for that the volunteers cannot cover: a recruiting hint. */
export interface TagShortfall {
  tag: string;
  /** Requests naming it in the period. */
  requested: number;
  /** Requests naming it that are waiting now (open or waitlisted). */
  waiting: number;
  /** Volunteers who can take chats now and list it. */
  volunteers: number;
  /** Their combined chats per month. */
  capacity: number;
}

/** One volunteer on the Volunteers page. */
export interface VolunteerRow {
  volunteer: PersonRef;
  expertise: string[];
  capacityPerMonth: number;
  /** Chats booked or held with them this calendar month (cancelled ones left out). */
  chatsThisMonth: number;
  /** chatsThisMonth / capacityPerMonth (0 with no capacity); above 1 when over capacity. */
  load: number;
  /** Intros answered or expired in the period, by when that happened; `offered` by offer time. */
  intros: { offered: number; accepted: number; declined: number; expired: number };
  /** Median hours from an intro being offered to their answer, over answers in the period. */
  medianHoursToAnswer: number | null;
  /**
   * `available`: can take chats; `full`: at capacity this month; `paused`: paused themselves
   * (until `pausedUntil`); `auto_paused`: paused by the bot after ignored intros (no end date);
   * `stopped`: no longer volunteering or left.
   */
  state: "available" | "full" | "paused" | "auto_paused" | "stopped";
  pausedUntil: Date | null;
}

/** The Volunteers page: everyone who volunteers, most loaded first, and the recruiting list. */
export interface VolunteersReport {
  period: string;
  since: Date | null;
  now: Date;
  rows: VolunteerRow[];
  /** Topics asked for without enough volunteers, most pressing first (all of them, not five). */
  recruiting: TagShortfall[];
}

/** One chat on the Chats page. */
export interface ChatRow {
  chatId: string;
  requestId: string;
  seeker: PersonRef;
  volunteer: PersonRef;
  status: ChatStatus;
  slot: Slot | null;
  bookedAt: Date | null;
  outcomeAt: Date | null;
  /** Each person's answer to "did it happen?", first answer first. */
  reports: { by: PersonRef; outcome: "happened" | "no_show"; at: Date }[];
  ratings: { bySeeker: number | null; byVolunteer: number | null };
  /** The free-text feedback notes: null unless the admin asked to see them. */
  notes: { bySeeker: string; byVolunteer: string } | null;
  /** The seeker wrote a thank-you. */
  thanked: boolean;
}

/** The Chats page: chats with activity in the period, newest first, and the feedback averages. */
export interface ChatsReport {
  period: string;
  since: Date | null;
  now: Date;
  includeNotes: boolean;
  rows: ChatRow[];
  noShows: NoShowRow[];
  feedback: FeedbackSummary;
}

/**
 * The programme's figures for one period, the same on the dashboard and in `admin stats`.
 * Every count is of events that happened in the period (see FunnelStep); current-state
 * figures (waiting, load) are as of `now` whatever the period.
 */
export interface ProgramStats {
  period: string;
  since: Date | null;
  now: Date;
  /** The zone weeks start in (the community's default time zone). */
  timeZone: string;
  /** Each funnel step in the period. */
  funnel: Record<FunnelStep, number>;
  /** The funnel week by week, oldest first: every week that overlaps the period (for `all`, from the first event). */
  weeks: FunnelWeek[];
  /** Intros by what happened to them in the period: offered by offer time, the rest by answer or expiry time. */
  intros: { offered: number; accepted: number; declined: number; expired: number };
  /** From a request to its first intro, over requests whose first intro was offered in the period. */
  timeToFirstIntro: Waits;
  /** From a request to its booked chat, over chats booked in the period. */
  timeToBooked: Waits;
  /** Chats by what happened, by when they were held (booked: by when booked; cancelled: by when cancelled). */
  chats: { booked: number; happened: number; noShow: number; disputed: number; cancelled: number };
  /** Missed and disputed chats held in the period, with who reported them. */
  noShows: NoShowRow[];
  /** Requests in the period that came from a volunteer's referral. */
  referrals: number;
  /**
   * Share of monthly capacity used this calendar month, per volunteer who can take chats now.
   * `spread` is the Gini coefficient of those shares: 0 when every volunteer does the same share,
   * towards 1 when a few carry the load.
   */
  volunteerLoad: { volunteers: number; min: number; median: number; max: number; spread: number };
  /** Seekers whose request has no accepted intro yet, and how long they have waited, now. */
  waiting: { seekers: number; requests: number; medianHours: number | null; longestHours: number | null };
  /** Up to five tags with waiting requests or more demand than capacity, most pressing first. */
  shortTags: TagShortfall[];
  feedback: FeedbackSummary;
}

/** The name `admin stats` has always returned: the same figures. */
export type CommunityStats = ProgramStats;
