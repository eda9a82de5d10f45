import { answeredAt, bookedAt, cancelledAt, expiredAt, heldAt, within } from "./events.js";
import { feedbackSummary } from "./feedback.js";
import { funnel, funnelEvents } from "./funnel.js";
import { type StatsInput, windowOf } from "./input.js";
import { shortfalls, volunteerLoad, waiting } from "./load.js";
import { noShows } from "./no-shows.js";
import type { ProgramStats } from "./report.js";
import { timeToBooked, timeToFirstIntro } from "./waits.js";

/**
 * The programme's figures for a period. Pure: the clock and the period are inputs. Every count
 * is of events in the period, each at the time it happened (see events.ts); load and waiting
 * are as of now.
 */
export function computeStats(input: StatsInput): ProgramStats {
  const w = windowOf(input);
  const timeZone = input.community.settings.defaultTimeZone;
  const { total, weeks } = funnel(funnelEvents(input), w, timeZone);
  const intros = input.intros;
  const chats = input.chats;
  const count = <T>(xs: readonly T[], at: (x: T) => Date | null): number => xs.filter((x) => within(w, at(x))).length;
  const held = (status: string) => (c: (typeof chats)[number]) => (c.status === status ? heldAt(c) : null);
  return {
    period: input.period.label,
    since: input.period.since,
    now: input.now,
    timeZone,
    funnel: total,
    weeks,
    intros: {
      offered: count(intros, (i) => i.offeredAt),
      accepted: count(intros, (i) => (i.status === "accepted" ? answeredAt(i) : null)),
      declined: count(intros, (i) => (i.status === "declined" ? answeredAt(i) : null)),
      expired: count(intros, expiredAt),
    },
    timeToFirstIntro: timeToFirstIntro(input, w),
    timeToBooked: timeToBooked(input, w),
    chats: {
      booked: count(chats, bookedAt),
      happened: count(chats, held("happened")),
      noShow: count(chats, held("no_show")),
      disputed: count(chats, held("disputed")),
      cancelled: count(chats, cancelledAt),
    },
    noShows: noShows(input, w),
    referrals: input.requests.filter((r) => r.referredBy !== null && within(w, r.createdAt)).length,
    volunteerLoad: volunteerLoad(input),
    waiting: waiting(input),
    shortTags: shortfalls(input, w).slice(0, 5),
    feedback: feedbackSummary(input, w),
  };
}
