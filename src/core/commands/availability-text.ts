import type { WeeklyWindow } from "../domain/index.js";

const DAYS: Record<string, number> = { mon: 1, tue: 2, wed: 3, thu: 4, fri: 5, sat: 6, sun: 7 };
const ALIASES: Record<string, number[]> = {
  weekdays: [1, 2, 3, 4, 5],
  weekends: [6, 7],
  daily: [1, 2, 3, 4, 5, 6, 7],
  everyday: [1, 2, 3, 4, 5, 6, 7],
};

const dayNumber = (word: string): number | undefined => DAYS[word.slice(0, 3).toLowerCase()];

/** "mon-fri", "tue,thu", "weekdays", "sat" → ISO weekday numbers; null when unreadable. */
export function parseDays(text: string): number[] | null {
  const alias = ALIASES[text.toLowerCase()];
  if (alias) return alias;
  const out = new Set<number>();
  for (const part of text.toLowerCase().split(",")) {
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

/** "9-12", "09:00-12:30", "9am-5pm", "13:00-24:00" → ["09:00","12:00"]; null when unreadable. */
export function parseTimeRange(text: string): [string, string] | null {
  const m = /^(\d{1,2})(?::(\d{2}))?\s*(am|pm)?\s*-\s*(\d{1,2})(?::(\d{2}))?\s*(am|pm)?$/i.exec(text.trim());
  if (!m) return null;
  const hhmm = (h: string | undefined, mm: string | undefined, ap: string | undefined): string | null => {
    let hour = Number(h);
    const min = Number(mm ?? "0");
    if (ap) {
      if (hour < 1 || hour > 12) return null;
      hour = (hour % 12) + (ap.toLowerCase() === "pm" ? 12 : 0);
    }
    if (hour > 24 || min > 59 || (hour === 24 && min !== 0)) return null;
    return `${String(hour).padStart(2, "0")}:${String(min).padStart(2, "0")}`;
  };
  const start = hhmm(m[1], m[2], m[3]);
  const end = hhmm(m[4], m[5], m[6] ?? undefined);
  if (!start || !end || start >= end || start === "24:00") return null;
  return [start, end];
}

/**
 * Reads availability written the way people say it: one or more "<days> <from>-<to>" groups,
 * separated by ";" — e.g. "mon-fri 09:00-12:00; sat 10-12". Returns the windows or the
 * first group that could not be read.
 */
export function parseAvailabilityText(text: string): { ok: true; windows: WeeklyWindow[] } | { ok: false; bad: string } {
  const windows: WeeklyWindow[] = [];
  for (const group of text
    .split(";")
    .map((g) => g.trim())
    .filter(Boolean)) {
    const m = /^(\S+)\s+(.+)$/.exec(group);
    const days = m?.[1] ? parseDays(m[1]) : null;
    const range = m?.[2] ? parseTimeRange(m[2]) : null;
    if (!days || !range) return { ok: false, bad: group };
    for (const day of days) windows.push({ day, start: range[0], end: range[1] });
  }
  return windows.length ? { ok: true, windows } : { ok: false, bad: text };
}
