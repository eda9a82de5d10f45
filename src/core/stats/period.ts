const DAY = 24 * 3600_000;

/** A reporting period: from `since` (null = all time) to now, and how it was written. */
export interface Period {
  label: string;
  since: Date | null;
}

/**
 * Reads `30d`, `12w`, `6m` (30-day months), `1y` or `all`; empty means `30d`.
 * Returns null for anything else, so the adapter can show the accepted forms.
 */
export function parsePeriod(text: string | undefined, now: Date): Period | null {
  const t = (text ?? "").trim().toLowerCase();
  if (t === "") return { label: "30d", since: new Date(now.getTime() - 30 * DAY) };
  if (t === "all") return { label: "all", since: null };
  const m = /^(\d{1,4})([dwmy])$/.exec(t);
  if (!m) return null;
  const n = Number(m[1]);
  const days = n * (m[2] === "d" ? 1 : m[2] === "w" ? 7 : m[2] === "m" ? 30 : 365);
  if (n < 1 || days > 3660) return null;
  return { label: t, since: new Date(now.getTime() - days * DAY) };
}
