import { bookedAt, hoursBetween, type Window, within } from "./events.js";
import { median, quantile, round } from "./figures.js";
import type { StatsInput } from "./input.js";
import type { Waits } from "./report.js";

/** Median and p90 (nearest rank) of hours, one decimal. */
export function waitsOf(hours: readonly number[]): Waits {
  const m = median(hours);
  const p = quantile(hours, 0.9);
  return { count: hours.length, medianHours: m === null ? null : round(m, 1), p90Hours: p === null ? null : round(p, 1) };
}

/** Hours from each request to its first intro, for requests whose first intro was offered in the window. */
export function timeToFirstIntro(input: StatsInput, w: Window): Waits {
  const first = new Map<string, Date>();
  for (const i of input.intros) {
    const seen = first.get(i.requestId);
    if (!seen || i.offeredAt < seen) first.set(i.requestId, i.offeredAt);
  }
  const requests = new Map(input.requests.map((r) => [r.id, r]));
  const hours: number[] = [];
  for (const [requestId, at] of first) {
    const r = requests.get(requestId);
    if (r && within(w, at)) hours.push(hoursBetween(r.createdAt, at));
  }
  return waitsOf(hours);
}

/** Hours from each request to its booked chat, for chats booked in the window. */
export function timeToBooked(input: StatsInput, w: Window): Waits {
  const requests = new Map(input.requests.map((r) => [r.id, r]));
  const hours: number[] = [];
  for (const c of input.chats) {
    const at = bookedAt(c);
    const r = requests.get(c.requestId);
    if (r && within(w, at)) hours.push(hoursBetween(r.createdAt, at));
  }
  return waitsOf(hours);
}
