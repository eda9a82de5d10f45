import { DateTime } from "luxon";
import type { Slot } from "../domain/chat.js";
import { assertZone } from "./windows.js";

const DATE_SHORT = { weekday: "short", day: "numeric", month: "short" } as const;
const DATE_WITH_YEAR = { weekday: "short", day: "numeric", month: "short", year: "numeric" } as const;

/** "GMT", "GMT+1", "GMT-3:30", "GMT+5:45" for an offset in minutes. */
function gmtOffset(offsetMinutes: number): string {
  if (offsetMinutes === 0) return "GMT";
  const sign = offsetMinutes > 0 ? "+" : "-";
  const abs = Math.abs(offsetMinutes);
  const h = Math.floor(abs / 60);
  const m = abs % 60;
  return `GMT${sign}${h}${m === 0 ? "" : `:${String(m).padStart(2, "0")}`}`;
}

/**
 * A readable name for a zone at a moment: "Berlin time, GMT+1",
 * "New York time, GMT-4"; just the offset for UTC and Etc/* zones, whose last
 * part is not a place.
 */
export function zoneLabel(zone: string, at: Date): string {
  assertZone(zone);
  const offset = gmtOffset(DateTime.fromJSDate(at, { zone }).offset);
  const city = zone.split("/").pop() ?? zone;
  if (!zone.includes("/") || zone.startsWith("Etc/")) return offset;
  return `${city.replace(/_/g, " ")} time, ${offset}`;
}

/**
 * The slot as its viewer in `zone` sees it, e.g. "Tue 24 Nov, 10:00–10:30
 * (Berlin time, GMT+1)". Dates and times follow `locale` (en-US gives 12-hour
 * times); a slot ending on a later local date names both dates. The offset
 * shown is the one in force at the slot's start. Throws PercolateError for an
 * invalid zone.
 */
export function formatSlot(slot: Slot, zone: string, locale = "en-GB"): string {
  assertZone(zone);
  const s = DateTime.fromJSDate(slot.start, { zone }).setLocale(locale);
  const e = DateTime.fromJSDate(slot.end, { zone }).setLocale(locale);
  const sTime = s.toLocaleString(DateTime.TIME_SIMPLE);
  const eTime = e.toLocaleString(DateTime.TIME_SIMPLE);
  const sameDay = s.toISODate() === e.toISODate();
  const range = sameDay
    ? `${s.toLocaleString(DATE_SHORT)}, ${sTime}–${eTime}`
    : `${s.toLocaleString(DATE_SHORT)}, ${sTime} – ${e.toLocaleString(DATE_SHORT)}, ${eTime}`;
  return `${range} (${zoneLabel(zone, slot.start)})`;
}

/** The local date of `d` in `zone`, e.g. "Wed, 25 Nov 2026" (en-GB, as ICU words it). Throws PercolateError for an invalid zone. */
export function formatDate(d: Date, zone: string, locale = "en-GB"): string {
  assertZone(zone);
  return DateTime.fromJSDate(d, { zone }).setLocale(locale).toLocaleString(DATE_WITH_YEAR);
}

/**
 * A moment as its reader in `zone` sees it, e.g. "Thu 26 Nov, 09:00 (Berlin time, GMT+1)":
 * for deadlines, which need a time and a zone, not just a date. Throws PercolateError for an
 * invalid zone.
 */
export function formatMoment(d: Date, zone: string, locale = "en-GB"): string {
  assertZone(zone);
  const t = DateTime.fromJSDate(d, { zone }).setLocale(locale);
  return `${t.toLocaleString(DATE_SHORT)}, ${t.toLocaleString(DateTime.TIME_SIMPLE)} (${zoneLabel(zone, d)})`;
}

const UNIT_MS = { m: 60_000, h: 3_600_000, d: 86_400_000, w: 604_800_000 } as const;
/** Longest duration parseDuration accepts: ten years. */
const MAX_DURATION_MS = 3650 * UNIT_MS.d;

/**
 * Milliseconds in a relative duration like "+30m", "+2h", "+3d", "+1w" (the
 * "+" optional, case-insensitive, spaces allowed around the number), or null if
 * malformed, zero, or longer than ten years. Days and weeks are fixed multiples
 * of 24 h, not calendar days.
 */
export function parseDuration(text: string): number | null {
  const m = /^\+?\s*(\d{1,7})\s*([mhdw])$/i.exec(text.trim());
  if (m === null) return null;
  const n = Number(m[1]);
  const unit = (m[2] ?? "").toLowerCase() as keyof typeof UNIT_MS;
  const ms = n * UNIT_MS[unit];
  return ms > 0 && ms <= MAX_DURATION_MS ? ms : null;
}
