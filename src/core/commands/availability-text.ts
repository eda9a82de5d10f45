import type { WeeklyWindow } from "../domain/index.js";

const DAYS: Record<string, number> = { mon: 1, tue: 2, wed: 3, thu: 4, fri: 5, sat: 6, sun: 7 };
const ALIASES: Record<string, number[]> = {
  weekdays: [1, 2, 3, 4, 5],
  weekends: [6, 7],
  daily: [1, 2, 3, 4, 5, 6, 7],
  everyday: [1, 2, 3, 4, 5, 6, 7],
};

/** En and em dashes (and the minus sign) that phones put where people typed "-". */
const DASHES = /[‐‑‒–—―−]/g;

const dayNumber = (word: string): number | undefined => {
  const key = word.slice(0, 3).toLowerCase();
  return Object.hasOwn(DAYS, key) ? DAYS[key] : undefined;
};

/** "mon-fri", "tue,thu", "weekdays", "sat", "Mon–Fri" → ISO weekday numbers; null when unreadable. */
export function parseDays(text: string): number[] | null {
  const t = text.replace(DASHES, "-").toLowerCase();
  if (Object.hasOwn(ALIASES, t)) return ALIASES[t] ?? null;
  const out = new Set<number>();
  for (const part of t.split(",")) {
    const [from, to, extra] = part.split("-");
    if (extra !== undefined || from === undefined) return null;
    const a = dayNumber(from);
    const b = to === undefined ? a : dayNumber(to);
    if (a === undefined || b === undefined) return null;
    for (let d = a; ; d = (d % 7) + 1) {
      out.add(d);
      if (d === b) break;
    }
  }
  return [...out].sort((x, y) => x - y);
}

/** What exactly is wrong with typed free times; worded in src/text/time-words.ts. */
export type WindowProblem =
  /** The first word of a group is not days (`given`). */
  | { code: "NOT_DAYS"; given: string }
  /** Days with no time range after them. */
  | { code: "NO_TIMES"; given: string }
  /** Words where the time range should be. */
  | { code: "NOT_TIMES"; given: string }
  /** `9-5`: read on a 24-hour clock that ends before it starts; `suggestion` is "9-17". */
  | { code: "TWELVE_HOUR"; given: string; suggestion: string }
  /** An hour past 24 (or past 12 with am/pm), or minutes past 59. */
  | { code: "HOUR_RANGE"; given: string }
  /** Starts when it ends (`9-9`). */
  | { code: "EMPTY"; given: string }
  /** Two time ranges in one group (`mon 9-12 14-17`): each needs its own days. */
  | { code: "TWO_RANGES"; given: string };

export type AvailabilityText = { ok: true; windows: WeeklyWindow[]; zone?: string } | { ok: false; bad: string; problem: WindowProblem };

const TIME = String.raw`(\d{1,2})(?:[:.h](\d{2}))?\s*(am|pm)?`;
const RANGE = new RegExp(String.raw`^${TIME}\s*-\s*${TIME}$`, "i");
const GROUP = /^(\S+)\s+(\d{1,2}(?:[:.h]\d{2})?\s*(?:am|pm)?\s*-\s*\d{1,2}(?:[:.h]\d{2})?\s*(?:am|pm)?)(?:\s+(.*))?$/i;

const hhmm = (minutes: number): string => `${String(Math.floor(minutes / 60)).padStart(2, "0")}:${String(minutes % 60).padStart(2, "0")}`;

/**
 * "9-12", "09:00-12:30", "9am-5pm", "13:00-24:00", "22-2" → one window, or two when it runs
 * past midnight (then `overnightEnd` is where it ends on the next day), or the problem.
 */
export function readTimeRange(
  text: string,
): { ok: true; start: string; end: string; overnightEnd?: string } | { ok: false; problem: WindowProblem } {
  const given = text.trim();
  const m = RANGE.exec(given.replace(DASHES, "-"));
  if (!m) return { ok: false, problem: { code: "NOT_TIMES", given } };
  const side = (h: string | undefined, mm: string | undefined, ap: string | undefined): number | null => {
    let hour = Number(h);
    const min = Number(mm ?? "0");
    if (ap) {
      if (hour < 1 || hour > 12) return null;
      hour = (hour % 12) + (ap.toLowerCase() === "pm" ? 12 : 0);
    }
    if (hour > 24 || min > 59 || (hour === 24 && min !== 0)) return null;
    return hour * 60 + min;
  };
  const start = side(m[1], m[2], m[3]);
  const end = side(m[4], m[5], m[6]);
  if (start === null || end === null || start === 24 * 60) return { ok: false, problem: { code: "HOUR_RANGE", given } };
  if (start === end || (end === 0 && start === 0)) return { ok: false, problem: { code: "EMPTY", given } };
  if (end > start) return { ok: true, start: hhmm(start), end: hhmm(end) };
  // Ends before it starts. From a morning hour (or noon) to a small one with no am/pm, it is almost
  // surely a 12-hour afternoon ("9-5"): ask. Otherwise it runs past midnight ("22-2"): split.
  const endHour = Number(m[4]);
  if (!m[6] && start <= 12 * 60 && endHour >= 1 && endHour <= 12 && (endHour + 12) * 60 > start) {
    const suggestion = `${m[1]}${m[2] ? `:${m[2]}` : ""}-${endHour + 12}${m[5] ? `:${m[5]}` : ""}`;
    return { ok: false, problem: { code: "TWELVE_HOUR", given, suggestion } };
  }
  return { ok: true, start: hhmm(start), end: "24:00", ...(end > 0 ? { overnightEnd: hhmm(end) } : {}) };
}

/**
 * Reads availability written the way people say it: one or more "<days> <from>-<to>" groups,
 * separated by ";" — e.g. "mon-fri 09:00-12:00; sat 10-12" — optionally followed by a zone
 * ("… Berlin", "… America/New York"), returned unread as `zone` for the zone reader. A window
 * past midnight is split into its two days. Returns the windows or exactly what is wrong.
 */
export function parseAvailabilityText(text: string): AvailabilityText {
  const windows: WeeklyWindow[] = [];
  let zone: string | undefined;
  const groups = text
    .replace(DASHES, "-")
    .split(";")
    .map((g) => g.trim())
    .filter(Boolean);
  for (const group of groups) {
    const bad = (problem: WindowProblem): AvailabilityText => ({ ok: false, bad: group, problem });
    const [first = "", ...after] = group.split(/\s+/);
    const days = parseDays(first);
    if (!days) return bad({ code: "NOT_DAYS", given: first });
    if (after.length === 0) return bad({ code: "NO_TIMES", given: first });
    const m = GROUP.exec(group);
    if (!m?.[2]) return bad({ code: "NOT_TIMES", given: after.join(" ") });
    const range = readTimeRange(m[2]);
    if (!range.ok) return bad(range.problem);
    const rest = m[3]?.trim();
    if (rest && /\d\s*-\s*\d|^\d/.test(rest)) return bad({ code: "TWO_RANGES", given: group });
    if (rest) zone = rest;
    for (const day of days) {
      windows.push({ day, start: range.start, end: range.end });
      if (range.overnightEnd) windows.push({ day: (day % 7) + 1, start: "00:00", end: range.overnightEnd });
    }
  }
  if (!windows.length) return { ok: false, bad: text, problem: { code: "NO_TIMES", given: text.trim() } };
  return { ok: true, windows, ...(zone ? { zone } : {}) };
}
