import { DateTime } from "luxon";
import fc from "fast-check";
import type { Availability, WeeklyWindow } from "../../../src/core/domain/member.js";
import type { Slot } from "../../../src/core/domain/chat.js";

export const MIN = 60_000;
export const HOUR = 60 * MIN;
export const DAY = 24 * HOUR;

export const utc = (iso: string): Date => new Date(iso);

/** Runs of set bits as [startIso, endIso) pairs, for readable assertions. */
export function runs(mask: Uint32Array, originMs: number, cells: number): string[] {
  const out: string[] = [];
  let start = -1;
  for (let i = 0; i <= cells; i++) {
    const set = i < cells && ((mask[i >>> 5] ?? 0) >>> (i & 31)) & 1;
    if (set && start < 0) start = i;
    if (!set && start >= 0) {
      out.push(`${new Date(originMs + start * 15 * MIN).toISOString()}/${new Date(originMs + i * 15 * MIN).toISOString()}`);
      start = -1;
    }
  }
  return out;
}

function hhmmToMin(s: string): number {
  const [h, m] = s.split(":");
  return Number(h) * 60 + Number(m);
}

/**
 * Independent oracle: is the instant `ms` inside a window by the wall clock in
 * `zone`? (Local date not off, a window on that weekday with start ≤ local time
 * < end.) Built only from luxon's instant → wall-clock conversion, never from
 * the code under test. Slightly more permissive than the real rule inside DST
 * gaps and repeated hours, which is fine for "must be inside" checks.
 */
export function wallClockFree(av: Availability, zone: string, ms: number): boolean {
  const dt = DateTime.fromMillis(ms, { zone });
  if (av.datesOff.includes(dt.toISODate() ?? "")) return false;
  const m = dt.hour * 60 + dt.minute;
  return av.windows.some((w) => w.day === dt.weekday && hhmmToMin(w.start) <= m && m < hhmmToMin(w.end));
}

/** Every minute of the slot passes wallClockFree. */
export function slotInsideWindows(av: Availability, zone: string, slot: Slot): boolean {
  for (let t = slot.start.getTime(); t < slot.end.getTime(); t += MIN) {
    if (!wallClockFree(av, zone, t)) return false;
  }
  return true;
}

export const overlaps = (a: Slot, b: Slot): boolean => a.start.getTime() < b.end.getTime() && b.start.getTime() < a.end.getTime();

export const ZONES = [
  "Europe/Berlin",
  "America/New_York",
  "Australia/Sydney",
  "Asia/Kolkata",
  "UTC",
  "America/Sao_Paulo",
  "Asia/Kathmandu",
  "Pacific/Chatham",
  "Australia/Lord_Howe",
] as const;

const fmt = (min: number): string => `${String(Math.floor(min / 60)).padStart(2, "0")}:${String(min % 60).padStart(2, "0")}`;

/** Windows with edges on `grain`-minute marks, starting no earlier than `earliest` minutes. */
export function windowArb(grain = 5, earliest = 0): fc.Arbitrary<WeeklyWindow> {
  const slots = (1440 - earliest) / grain;
  return fc
    .record({ day: fc.integer({ min: 1, max: 7 }), a: fc.integer({ min: 0, max: slots - 1 }), len: fc.integer({ min: 1, max: 48 }) })
    .map(({ day, a, len }) => {
      const start = earliest + a * grain;
      const end = Math.min(1440, start + len * grain * 3);
      return { day, start: fmt(start), end: fmt(end) };
    });
}

/** Instants in 2026 at whole minutes, biased to nothing: DST weeks are hit often enough over a 14-day horizon. */
export const nowArb = fc.integer({ min: Date.UTC(2026, 0, 1) / MIN, max: Date.UTC(2026, 11, 15) / MIN }).map((m) => new Date(m * MIN));

export function availabilityArb(now: Date, grain = 5, earliest = 0): fc.Arbitrary<Availability> {
  const dateOff = fc.integer({ min: 0, max: 15 }).map((d) => new Date(now.getTime() + d * DAY).toISOString().slice(0, 10));
  return fc.record({
    windows: fc.array(windowArb(grain, earliest), { minLength: 0, maxLength: 6 }),
    datesOff: fc.array(dateOff, { maxLength: 3 }),
  });
}

export function busyArb(now: Date): fc.Arbitrary<Slot[]> {
  return fc.array(
    fc.record({ off: fc.integer({ min: 0, max: 15 * 24 * 4 }), len: fc.integer({ min: 1, max: 16 }) }).map(({ off, len }) => ({
      start: new Date(now.getTime() + off * 15 * MIN - 7 * MIN),
      end: new Date(now.getTime() + (off + len) * 15 * MIN - 7 * MIN),
    })),
    { maxLength: 6 },
  );
}
