import {
  type Chat,
  type ChatRequest,
  type Intro,
  type Member,
  type Nudge,
  type VolunteerProfile,
  isAvailableForMatching,
} from "../domain/index.js";
import { gini, median } from "./figures.js";
import type { Period } from "./period.js";
import type { TagShortfall } from "./report.js";

const HOUR = 3600_000;

/** What the stats read from one community. */
export interface StatsInput {
  now: Date;
  period: Period;
  members: readonly Member[];
  volunteers: readonly VolunteerProfile[];
  requests: readonly ChatRequest[];
  intros: readonly Intro[];
  chats: readonly Chat[];
  nudges: readonly Nudge[];
}

/** The programme's figures for one period; the same on every adapter. */
export interface CommunityStats {
  period: string;
  since: Date | null;
  requests: number;
  intros: { offered: number; accepted: number; declined: number; expired: number };
  /** Median hours from an intro being offered to its acceptance, over accepted intros. */
  medianHoursToAccept: number | null;
  /** Chats by outcome; `disputed` ones (the two answered differently) count in neither happened nor noShow. */
  chats: { scheduled: number; happened: number; noShow: number; disputed: number };
  /** Thank-you notes seekers sent their volunteers through the bot (`thanks`), delivered in the period. */
  thankYousSent: number;
  /** Requests that came from a volunteer's referral. */
  referrals: number;
  /**
   * Share of monthly capacity used this calendar month, per volunteer who can take chats:
   * the current load, whatever the period (capacity is per month).
   */
  volunteerLoad: { volunteers: number; min: number; median: number; max: number; gini: number };
  /** Seekers whose request has no accepted intro yet, and how long they have waited. */
  waiting: { seekers: number; requests: number; medianHours: number | null; longestHours: number | null };
  /** Up to five tags with waiting requests or more demand than capacity, most pressing first. */
  shortTags: TagShortfall[];
}

const inPeriod = (since: Date | null, d: Date | null | undefined): boolean =>
  d !== null && d !== undefined && (since === null || d.getTime() >= since.getTime());
const round = (x: number, places = 2): number => Math.round(x * 10 ** places) / 10 ** places;

/**
 * Computes the stats from a community's records. Pure: the clock and the period are inputs.
 * Requests count by creation, intros by offer time, chats by creation, thank-yous by delivery.
 */
export function computeStats(input: StatsInput): CommunityStats {
  const { now, period } = input;
  const since = period.since;
  const requests = input.requests.filter((r) => inPeriod(since, r.createdAt));
  const intros = input.intros.filter((i) => inPeriod(since, i.offeredAt));
  const chats = input.chats.filter((c) => inPeriod(since, c.createdAt));
  const accepted = intros.filter((i) => i.status === "accepted");
  const acceptHours = accepted.flatMap((i) => (i.respondedAt ? [(i.respondedAt.getTime() - i.offeredAt.getTime()) / HOUR] : []));
  const hoursToAccept = median(acceptHours);

  const members = new Map(input.members.map((m) => [m.id, m]));
  const month = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), 1);
  const available = input.volunteers.filter((v) => {
    const m = members.get(v.memberId);
    return v.active && v.capacityPerMonth > 0 && m !== undefined && isAvailableForMatching(m, now);
  });
  const shares = available.map((v) => {
    const used = input.chats.filter(
      (c) => c.volunteerId === v.memberId && c.status !== "cancelled" && c.createdAt.getTime() >= month,
    ).length;
    return used / v.capacityPerMonth;
  });

  const waitingRequests = input.requests.filter((r) => r.status === "open" || r.status === "waitlisted" || r.status === "offered");
  const waits = waitingRequests.map((r) => (now.getTime() - r.createdAt.getTime()) / HOUR);
  const medianWait = median(waits);

  const demand = new Map<string, number>();
  for (const r of requests) for (const t of r.tags) demand.set(t, (demand.get(t) ?? 0) + 1);
  const waitingByTag = new Map<string, number>();
  for (const r of waitingRequests) if (r.status !== "offered") for (const t of r.tags) waitingByTag.set(t, (waitingByTag.get(t) ?? 0) + 1);
  const shortTags: TagShortfall[] = [];
  for (const tag of new Set([...demand.keys(), ...waitingByTag.keys()])) {
    const who = available.filter((v) => v.expertise.includes(tag));
    const capacity = who.reduce((a, v) => a + v.capacityPerMonth, 0);
    const requested = demand.get(tag) ?? 0;
    const waiting = waitingByTag.get(tag) ?? 0;
    if (waiting > 0 || requested > capacity) shortTags.push({ tag, requested, waiting, volunteers: who.length, capacity });
  }
  // Most waiting first, then the biggest gap between demand and capacity.
  shortTags.sort((a, b) => b.waiting - a.waiting || a.capacity - a.requested - (b.capacity - b.requested) || a.tag.localeCompare(b.tag));

  return {
    period: period.label,
    since,
    requests: requests.length,
    intros: {
      offered: intros.length,
      accepted: accepted.length,
      declined: intros.filter((i) => i.status === "declined").length,
      expired: intros.filter((i) => i.status === "expired").length,
    },
    medianHoursToAccept: hoursToAccept === null ? null : round(hoursToAccept, 1),
    chats: {
      scheduled: chats.filter((c) => c.slot !== null).length,
      happened: chats.filter((c) => c.status === "happened").length,
      noShow: chats.filter((c) => c.status === "no_show").length,
      disputed: chats.filter((c) => c.status === "disputed").length,
    },
    thankYousSent: input.nudges.filter((n) => n.kind === "thanks_received" && n.status === "sent" && inPeriod(since, n.sentAt)).length,
    referrals: requests.filter((r) => r.referredBy !== null).length,
    volunteerLoad: {
      volunteers: shares.length,
      min: round(shares.length ? Math.min(...shares) : 0),
      median: round(median(shares) ?? 0),
      max: round(shares.length ? Math.max(...shares) : 0),
      gini: round(gini(shares), 3),
    },
    waiting: {
      seekers: new Set(waitingRequests.map((r) => r.seekerId)).size,
      requests: waitingRequests.length,
      medianHours: medianWait === null ? null : round(medianWait, 1),
      longestHours: waits.length ? round(Math.max(...waits), 1) : null,
    },
    shortTags: shortTags.slice(0, 5),
  };
}
