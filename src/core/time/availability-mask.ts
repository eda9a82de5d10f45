import type { Availability } from "../domain/member.js";
import type { Slot } from "../domain/chat.js";
import { PercolateError } from "../result.js";
import type { Interval } from "./windows.js";
import { fastFreeIntervals } from "./fast-intervals.js";

export { isValidZone } from "./windows.js";

/** Width of one mask cell. Every IANA offset is a multiple of 15 minutes, so cells align in every zone. */
export const CELL_MINUTES = 15;
const CELL_MS = CELL_MINUTES * 60 * 1000;
const CELLS_PER_DAY = (24 * 60) / CELL_MINUTES;

/**
 * A run of `cells` consecutive 15-minute UTC cells starting at `originMs`.
 * Cell i is [originMs + 15i min, originMs + 15(i+1) min). Masks built on the
 * same grid can be combined bit by bit.
 */
export interface Grid {
  originMs: number;
  cells: number;
}

/** A grid of `days` × 96 cells whose origin is `from` floored to a UTC quarter hour. */
export function makeGrid(from: Date, days: number): Grid {
  const ms = from.getTime();
  return { originMs: Math.floor(ms / CELL_MS) * CELL_MS, cells: Math.max(0, Math.floor(days * CELLS_PER_DAY)) };
}

function emptyMask(grid: Grid): Uint32Array {
  return new Uint32Array(Math.ceil(grid.cells / 32));
}

/** Sets bits [from, to) of `mask`, clamped to [0, cells), a whole 32-bit word at a time where it can. */
function setRange(mask: Uint32Array, cells: number, from: number, to: number): void {
  let i = Math.max(0, from);
  const hi = Math.min(cells, to);
  while (i < hi && (i & 31) !== 0) {
    mask[i >>> 5] = (mask[i >>> 5] ?? 0) | (1 << (i & 31));
    i++;
  }
  for (; i + 32 <= hi; i += 32) mask[i >>> 5] = 0xffffffff;
  for (; i < hi; i++) mask[i >>> 5] = (mask[i >>> 5] ?? 0) | (1 << (i & 31));
}

/** True iff bit `i` of `mask` is set (false beyond its end). */
export function testBit(mask: Uint32Array, i: number): boolean {
  return (((mask[i >>> 5] ?? 0) >>> (i & 31)) & 1) === 1;
}

/**
 * Bit i is set iff cell i lies fully inside one of the member's weekly windows
 * (touching windows count as one) on a local date in `zone` not in
 * `av.datesOff`. DST-correct: windows are placed on the real calendar exactly as
 * `freeIntervals` places them with luxon (a skipped wall-clock time moves forward
 * as luxon does, and a repeated fall-back hour is one bit per real instant), but
 * computed arithmetically from per-zone, per-date offsets (see fast-intervals.ts).
 * A member with no windows gets an empty mask (apply `withDefaultWindows` first
 * if that is not wanted).
 * Throws PercolateError for an invalid zone (zones are validated at the edge).
 */
export function freeMask(av: Availability, zone: string, grid: Grid): Uint32Array {
  return maskOfIntervals(fastFreeIntervals(av, zone, grid.originMs, grid.originMs + grid.cells * CELL_MS), grid);
}

/** Bit i is set iff cell i lies fully inside one of `intervals` (UTC, half-open). */
export function maskOfIntervals(intervals: readonly Interval[], grid: Grid): Uint32Array {
  const mask = emptyMask(grid);
  for (const iv of intervals) {
    const from = Math.ceil((iv.startMs - grid.originMs) / CELL_MS);
    const to = Math.floor((iv.endMs - grid.originMs) / CELL_MS);
    setRange(mask, grid.cells, from, to);
  }
  return mask;
}

/** Bit i is set iff cell i overlaps (by any positive length) one of the `busy` slots. */
export function busyMask(busy: readonly Slot[], grid: Grid): Uint32Array {
  const mask = emptyMask(grid);
  for (const s of busy) {
    const startMs = s.start.getTime();
    const endMs = s.end.getTime();
    if (!(endMs > startMs)) continue;
    const from = Math.floor((startMs - grid.originMs) / CELL_MS);
    const to = Math.ceil((endMs - grid.originMs) / CELL_MS);
    setRange(mask, grid.cells, from, to);
  }
  return mask;
}

function sameLength(a: Uint32Array, b: Uint32Array): void {
  if (a.length !== b.length) throw new PercolateError(`masks from different grids (${a.length} vs ${b.length} words)`);
}

/** A new mask with the cells set in both `a` and `b`. Throws PercolateError if they come from different-sized grids. */
export function and(a: Uint32Array, b: Uint32Array): Uint32Array {
  sameLength(a, b);
  const out = new Uint32Array(a.length);
  for (let i = 0; i < a.length; i++) out[i] = (a[i] ?? 0) & (b[i] ?? 0);
  return out;
}

/** A new mask with the cells set in `a` but not in `b`. Throws PercolateError if they come from different-sized grids. */
export function andNot(a: Uint32Array, b: Uint32Array): Uint32Array {
  sameLength(a, b);
  const out = new Uint32Array(a.length);
  for (let i = 0; i < a.length; i++) out[i] = (a[i] ?? 0) & ~(b[i] ?? 0);
  return out;
}

/** Number of set bits in one 32-bit word (SWAR, branch-free). */
function popcount32(v: number): number {
  v = v - ((v >>> 1) & 0x55555555);
  v = (v & 0x33333333) + ((v >>> 2) & 0x33333333);
  return Math.imul((v + (v >>> 4)) & 0x0f0f0f0f, 0x01010101) >>> 24;
}

/** Number of set cells in `mask`. Allocation-free; safe to call in hot loops. */
export function popcount(mask: Uint32Array): number {
  let n = 0;
  for (let i = 0; i < mask.length; i++) n += popcount32(mask[i] ?? 0);
  return n;
}

/** Hours both masks are free: popcount(a AND b) × 0.25, without allocating. Throws PercolateError on different grids. */
export function sharedFreeHours(a: Uint32Array, b: Uint32Array): number {
  sameLength(a, b);
  let n = 0;
  for (let i = 0; i < a.length; i++) n += popcount32((a[i] ?? 0) & (b[i] ?? 0));
  return (n * CELL_MINUTES) / 60;
}
