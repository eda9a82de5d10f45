import { DateTime } from "luxon";
import type { Availability } from "../domain/member.js";
import type { Slot } from "../domain/chat.js";
import { PercolateError } from "../result.js";
import { CELL_MINUTES, and, andNot, busyMask, freeMask, makeGrid, testBit } from "./availability-mask.js";
import { assertZone, freeIntervals, withDefaultWindows } from "./windows.js";

export { DEFAULT_WINDOWS, withDefaultWindows } from "./windows.js";

const MINUTE_MS = 60 * 1000;
const HOUR_MS = 60 * MINUTE_MS;
const DAY_MS = 24 * HOUR_MS;
/** Slots on the same day are kept at least this far apart when days run short. */
const SAME_DAY_GAP_MS = 2 * HOUR_MS;
/** Local hours [from, to) considered comfortable for both people; preferred, never required. */
const COMFORT_FROM_MIN = 8 * 60;
const COMFORT_TO_MIN = 21 * 60;

/** One side of a pair: their weekly availability and IANA zone. */
export interface Party {
  availability: Availability;
  zone: string;
}

export interface ProposeSlotsInput {
  /** The volunteer: proposed slots are spread over distinct days of a's local calendar. */
  a: Party;
  b: Party;
  /** Intervals that must not be overlapped (existing chats of either person). */
  busy: readonly Slot[];
  now: Date;
  /** Length of the chat. */
  minutes: number;
  /** Starts are UTC instants whose minute-of-hour is a multiple of this; a positive multiple of 15. */
  stepMinutes: number;
  minLeadHours: number;
  horizonDays: number;
  /** How many slots to propose; default 3. */
  count?: number;
}

export interface IsSlotFreeInput {
  a: Party;
  b: Party;
  busy: readonly Slot[];
  now: Date;
  minLeadHours: number;
  slot: Slot;
  /** When true, only require the slot not to have started yet (instead of now + minLeadHours). */
  allowWithinLead?: boolean;
}

function checkInput(input: ProposeSlotsInput): void {
  assertZone(input.a.zone);
  assertZone(input.b.zone);
  const { minutes, stepMinutes } = input;
  if (!Number.isInteger(minutes) || minutes <= 0)
    throw new PercolateError(`chat length must be a positive whole number of minutes, got ${minutes}`);
  if (!Number.isInteger(stepMinutes) || stepMinutes <= 0 || stepMinutes % CELL_MINUTES !== 0) {
    throw new PercolateError(`slot step must be a positive multiple of ${CELL_MINUTES} minutes, got ${stepMinutes}`);
  }
}

/** Minutes since local midnight of `ms` in `zone`. */
function localMinute(ms: number, zone: string): number {
  const dt = DateTime.fromMillis(ms, { zone });
  return dt.hour * 60 + dt.minute;
}

function isComfortable(startMs: number, endMs: number, zones: readonly string[]): boolean {
  return zones.every((zone) => {
    const s = localMinute(startMs, zone);
    const e = localMinute(endMs, zone);
    return s >= COMFORT_FROM_MIN && e <= COMFORT_TO_MIN && e > s;
  });
}

/**
 * Up to `count` (default 3) slots of `minutes` each, sorted by start, such that
 * every slot: starts on the step grid (UTC minute-of-hour a multiple of
 * `stepMinutes`), starts at or after now + minLeadHours, ends by now +
 * horizonDays, lies wholly inside both people's windows (DST-correct, dates off
 * excluded; a person with no windows gets DEFAULT_WINDOWS) and overlaps no busy
 * slot. Slots go on distinct days of a's local calendar, the earliest days
 * first; on each day the earliest start that falls in 08:00–21:00 for both
 * people is preferred, else the day's earliest. If there are fewer distinct days
 * than `count`, further slots are added at least 2 h from every chosen one.
 * Fewer than `count` (possibly none) when time runs out. Deterministic.
 * Windows are honoured at 15-minute resolution: a window edge not on a quarter
 * hour is rounded inwards. Throws PercolateError for an invalid zone, a
 * non-positive length, or a step that is not a positive multiple of 15.
 */
export function proposeSlots(input: ProposeSlotsInput): Slot[] {
  checkInput(input);
  const count = input.count ?? 3;
  if (count <= 0) return [];
  const nowMs = input.now.getTime();
  const earliestMs = nowMs + input.minLeadHours * HOUR_MS;
  const latestEndMs = nowMs + input.horizonDays * DAY_MS;
  const lengthMs = input.minutes * MINUTE_MS;
  if (earliestMs + lengthMs > latestEndMs) return [];

  const grid = makeGrid(input.now, input.horizonDays + 1);
  const cellMs = CELL_MINUTES * MINUTE_MS;
  const free = andNot(
    and(
      freeMask(withDefaultWindows(input.a.availability), input.a.zone, grid),
      freeMask(withDefaultWindows(input.b.availability), input.b.zone, grid),
    ),
    busyMask(input.busy, grid),
  );
  const cellsPerSlot = Math.ceil(input.minutes / CELL_MINUTES);

  // Good candidates grouped by a's local date, in chronological order.
  const byDay = new Map<string, number[]>();
  const firstCell = Math.ceil((earliestMs - grid.originMs) / cellMs);
  for (let c = Math.max(0, firstCell); c + cellsPerSlot <= grid.cells; c++) {
    const startMs = grid.originMs + c * cellMs;
    if (startMs + lengthMs > latestEndMs) break;
    if (new Date(startMs).getUTCMinutes() % input.stepMinutes !== 0) continue;
    let ok = true;
    for (let k = 0; k < cellsPerSlot && ok; k++) ok = testBit(free, c + k);
    if (!ok) continue;
    const day = DateTime.fromMillis(startMs, { zone: input.a.zone }).toISODate() ?? "";
    const list = byDay.get(day);
    if (list === undefined) byDay.set(day, [startMs]);
    else list.push(startMs);
  }

  const zones = [input.a.zone, input.b.zone];
  const comfy = (s: number): boolean => isComfortable(s, s + lengthMs, zones);
  const chosen: number[] = [];
  for (const starts of byDay.values()) {
    if (chosen.length >= count) break;
    const pick = starts.find(comfy) ?? starts[0];
    if (pick !== undefined) chosen.push(pick);
  }
  if (chosen.length < count) {
    const rest = [...byDay.values()].flat();
    const farEnough = (s: number): boolean => chosen.every((c) => Math.abs(c - s) >= SAME_DAY_GAP_MS);
    for (const pass of [comfy, (_s: number) => true]) {
      for (const s of rest) {
        if (chosen.length >= count) break;
        if (pass(s) && farEnough(s)) chosen.push(s);
      }
    }
  }
  return chosen.sort((x, y) => x - y).map((s) => ({ start: new Date(s), end: new Date(s + lengthMs) }));
}

function containedInFree(party: Party, startMs: number, endMs: number): boolean {
  const av = withDefaultWindows(party.availability);
  return freeIntervals(av, party.zone, startMs, endMs).some((iv) => iv.startMs <= startMs && endMs <= iv.endMs);
}

/**
 * Re-checks a slot picked earlier: true iff it has positive length, lies wholly
 * inside both people's current windows (same rules as proposeSlots, but exact to
 * the minute rather than 15-minute cells), overlaps no `busy` slot, and starts
 * at or after now + minLeadHours — or merely at or after now when
 * `allowWithinLead` is set. The horizon and step grid are not re-checked: a slot
 * proposed earlier stays acceptable as time passes. Throws PercolateError for
 * an invalid zone.
 */
export function isSlotFree(input: IsSlotFreeInput): boolean {
  assertZone(input.a.zone);
  assertZone(input.b.zone);
  const startMs = input.slot.start.getTime();
  const endMs = input.slot.end.getTime();
  if (!(endMs > startMs)) return false;
  const nowMs = input.now.getTime();
  const earliestMs = input.allowWithinLead === true ? nowMs : nowMs + input.minLeadHours * HOUR_MS;
  if (startMs < earliestMs) return false;
  if (input.busy.some((b) => b.start.getTime() < endMs && b.end.getTime() > startMs)) return false;
  return containedInFree(input.a, startMs, endMs) && containedInFree(input.b, startMs, endMs);
}
