import { DateTime } from "luxon";
import { answeredAt, bookedAt, heldAt, thankedAt, type Window, within } from "./events.js";
import type { StatsInput } from "./input.js";
import type { FunnelStep, FunnelWeek } from "./report.js";

/** One funnel event: which step, and when it happened. */
export interface FunnelEvent {
  step: FunnelStep;
  at: Date;
}

/** Every funnel event on record, whatever the period, each at the time it happened. */
export function funnelEvents(input: StatsInput): FunnelEvent[] {
  const events: FunnelEvent[] = [];
  const add = (step: FunnelStep, at: Date | null) => {
    if (at) events.push({ step, at });
  };
  for (const r of input.requests) add("requests", r.createdAt);
  for (const i of input.intros) {
    add("intros", i.offeredAt);
    if (i.status === "accepted") add("accepted", answeredAt(i));
  }
  for (const c of input.chats) {
    add("booked", bookedAt(c));
    if (c.status === "happened") add("happened", heldAt(c));
  }
  for (const n of input.nudges) add("thanked", thankedAt(n));
  return events;
}

const zero = (): Record<FunnelStep, number> => ({ requests: 0, intros: 0, accepted: 0, booked: 0, happened: 0, thanked: 0 });

/** The start of the week holding `d`: Monday 00:00 in `zone`. */
export const weekStart = (d: Date, zone: string): DateTime => DateTime.fromJSDate(d, { zone }).startOf("week");

/**
 * The funnel over the window, in total and week by week: every week overlapping the window
 * (for all time, from the first event's week), empty weeks included, oldest first.
 */
export function funnel(
  events: readonly FunnelEvent[],
  w: Window,
  zone: string,
): { total: Record<FunnelStep, number>; weeks: FunnelWeek[] } {
  const inside = events.filter((e) => within(w, e.at));
  const total = zero();
  for (const e of inside) total[e.step]++;
  let earliest = w.now.getTime();
  for (const e of inside) earliest = Math.min(earliest, e.at.getTime());
  const first = w.since ?? new Date(earliest);
  const weeks: FunnelWeek[] = [];
  const index = new Map<number, FunnelWeek>();
  const last = weekStart(w.now, zone).toMillis();
  for (let d = weekStart(first, zone); d.toMillis() <= last; d = d.plus({ weeks: 1 })) {
    const week = { start: d.toJSDate(), counts: zero() };
    weeks.push(week);
    index.set(d.toMillis(), week);
  }
  for (const e of inside) {
    const week = index.get(weekStart(e.at, zone).toMillis());
    if (week) week.counts[e.step]++;
  }
  return { total, weeks };
}
