import type { WindowProblem } from "../core/commands/index.js";
import type { Availability, WeeklyWindow } from "../core/domain/index.js";
import { type DayProblem, formatDate, type ZoneReading } from "../core/time/index.js";
import { clip, ECHO_MAX } from "./clip.js";
import type { TextStyle } from "./style.js";

/*
 * Words about times, days and zones: refusals that say exactly what is wrong and what to type,
 * and the replies that say what a change replaced. One wording for every surface.
 */

const DAY_NAMES = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"];

/** "Europe/Berlin", "Europe/Berlin or Europe/Paris", "A, B or C". */
const orList = (items: readonly string[]): string =>
  items.length <= 1 ? (items[0] ?? "") : `${items.slice(0, -1).join(", ")} or ${items[items.length - 1]}`;

/** A typed value echoed back: short, and inert on the surface. */
const echo = (style: TextStyle, text: string): string => style.user(clip(text, ECHO_MAX));

/** Free times that could not be read, saying exactly what is wrong. */
export function renderWindowProblem(p: WindowProblem, style: TextStyle): string {
  const g = `"${echo(style, p.given)}"`;
  switch (p.code) {
    case "NOT_DAYS":
      return `${g} isn't a day or a range of days. Start with days like mon-fri, tue,thu or weekends.`;
    case "NO_TIMES":
      return `Add the hours after the days, e.g. ${style.cmd("availability mon-fri 9-17")}.`;
    case "NOT_TIMES":
      return `${g} isn't a time range. Write the hours from-to on a 24-hour clock, e.g. 9-17 or 09:30-12:00, then your time zone if you like.`;
    case "TWELVE_HOUR":
      return `${g} ends before it starts. Hours are on a 24-hour clock — did you mean ${p.suggestion}?`;
    case "HOUR_RANGE":
      return `${g} has an hour I can't use: hours go from 0 to 24 and minutes from 0 to 59, e.g. 9-17 or 13:30-24.`;
    case "EMPTY":
      return `${g} starts and ends at the same time. Give a range, e.g. 9-12.`;
    case "TWO_RANGES":
      return `${g} has two time ranges. Give each its own days, separated by ";", e.g. ${style.cmd("availability mon 9-12; mon 14-17")}.`;
  }
}

/** Why a day or duration could not be read, for `pause` (`forPause`) or a day off. */
export function renderDayProblem(p: DayProblem, style: TextStyle, forPause: boolean): string {
  const g = `"${echo(style, p.given)}"`;
  const why = ((): string => {
    switch (p.code) {
      case "UNCLEAR_UNIT":
        if (/m$/i.test(p.given)) return `${g} could mean minutes or months.`;
        if (/\d$/.test(p.given)) return `${g} has no unit — days, weeks or months?`;
        return `${g} isn't a length of time I take.`;
      case "NOT_A_DAY":
        return `I couldn't read ${g} as a day.`;
      case "NO_SUCH_DATE":
        return `${g} isn't a real date.`;
      case "PAST_DATE":
        return forPause ? `${g} isn't after today (${p.today}).` : `${g} is in the past (today is ${p.today}).`;
    }
  })();
  return forPause
    ? `${why} Pause with +3d (days), +2w (weeks), +1mo (months), tomorrow, a weekday like friday, or a date like 2027-01-15, e.g. ${style.cmd("pause +2w")}.`
    : `${why} A day off can be tomorrow, a weekday like friday, or a date like 2027-01-15 (today or later).`;
}

/** A day off that could not be read: named as `--off` when it came from the flag. */
export function renderDayOffProblem(p: DayProblem, inOffCommand: boolean, style: TextStyle): string {
  const how = inOffCommand ? style.cmd("availability off tomorrow") : style.cmd("availability mon-fri 9-17 --off 2027-01-15");
  return `${inOffCommand ? "" : "--off: "}${renderDayProblem(p, style, false)} E.g. ${how}. Nothing was saved.`;
}

/** A zone we could not take, with what was probably meant. Plain words: also shown under a form field. */
export function renderZoneProblem(z: Extract<ZoneReading, { ok: false }>, style: TextStyle): string {
  const g = `"${echo(style, z.given)}"`;
  const meant = z.suggestions.length ? ` Did you mean ${orList(z.suggestions)}?` : "";
  if (z.abbreviation) return `${g} is an abbreviation; I need the zone name of your place, which knows its summer time.${meant}`;
  return `${g} isn't a time zone I know.${meant || " Use a zone name like Europe/Berlin or America/New_York, or a city like Berlin."}`;
}

/** "Mon–Fri 09:00–17:00; Sat, Sun 10:00–12:00": windows grouped by their hours, runs of days joined. */
export function describeWindows(windows: readonly WeeklyWindow[]): string {
  if (!windows.length) return "none";
  const byHours = new Map<string, number[]>();
  for (const w of windows) {
    const key = `${w.start}–${w.end}`;
    byHours.set(key, [...(byHours.get(key) ?? []), w.day]);
  }
  const parts = [...byHours.entries()].map(([hours, days]) => {
    const sorted = [...new Set(days)].sort((a, b) => a - b);
    const runs: string[] = [];
    for (let i = 0; i < sorted.length; ) {
      let j = i;
      while (j + 1 < sorted.length && (sorted[j + 1] ?? 0) === (sorted[j] ?? 0) + 1) j++;
      const from = DAY_NAMES[(sorted[i] ?? 1) - 1];
      const to = DAY_NAMES[(sorted[j] ?? 1) - 1];
      runs.push(j === i ? `${from}` : j === i + 1 ? `${from}, ${to}` : `${from}–${to}`);
      i = j + 1;
    }
    return { first: sorted[0] ?? 0, text: `${runs.join(", ")} ${hours}` };
  });
  return parts
    .sort((a, b) => a.first - b.first)
    .map((p) => p.text)
    .join("; ");
}

const sameWindows = (a: readonly WeeklyWindow[], b: readonly WeeklyWindow[]): boolean => describeWindows(a) === describeWindows(b);

/** What the change to someone's free times did, and what it replaced. */
export function renderAvailabilityChange(
  v: {
    member: { timeZone: string; availability: Availability };
    before: { availability: Availability; timeZone: string; timeZoneConfirmed: boolean };
    edit?: "add" | "remove" | "off" | "clear_off";
    zoneReadFrom?: string;
  },
  style: TextStyle,
): string {
  const now = v.member.availability;
  const old = v.before.availability;
  const zone = v.member.timeZone;
  const lines: string[] = [];
  if (v.edit === "off")
    return `Days off: ${now.datesOff.join(", ")}. I won't propose chats on those days. Clear them with ${style.cmd("availability off clear")}.`;
  if (v.edit === "clear_off")
    return old.datesOff.length ? `Cleared your days off (${old.datesOff.join(", ")}).` : "You had no days off set.";
  const notes = [
    ...(v.zoneReadFrom ? [`I read "${echo(style, v.zoneReadFrom)}" as ${zone}`] : []),
    // A zone the member never chose (a platform's guess or the default) is not worth a "was".
    ...(v.before.timeZoneConfirmed && v.before.timeZone !== zone ? [`was ${v.before.timeZone}`] : []),
  ];
  const heading = `Your free times in ${zone}${notes.length ? ` (${notes.join("; ")})` : ""}`;
  if (v.edit === "add" || v.edit === "remove") {
    lines.push(`${heading}: ${describeWindows(now.windows)}. Before: ${describeWindows(old.windows)}.`);
    if (!now.windows.length)
      lines.push(
        `With no times left, ordinary working hours apply until you add some with ${style.cmd("availability add <days> <from>-<to>")}.`,
      );
  } else {
    lines.push(`${heading}: ${describeWindows(now.windows)}.`);
    if (old.windows.length && !sameWindows(old.windows, now.windows))
      lines.push(
        `This replaces ${describeWindows(old.windows)}. To add times instead, use ${style.cmd("availability add <days> <from>-<to>")}.`,
      );
  }
  const offChanged = now.datesOff.join() !== old.datesOff.join();
  if (offChanged && now.datesOff.length)
    lines.push(`Days off: ${now.datesOff.join(", ")}${old.datesOff.length ? ` (replacing ${old.datesOff.join(", ")})` : ""}.`);
  else if (offChanged) lines.push(`Days off cleared (were ${old.datesOff.join(", ")}).`);
  else if (now.datesOff.length) lines.push(`Your days off stay: ${now.datesOff.join(", ")}.`);
  return lines.join("\n");
}

/*
 * The failure details the core sends for times (see set-availability.ts and dispatch's pause),
 * read back into their types: failures carry details as plain records.
 */
type Detail = Record<string, unknown> | undefined;
const isDayProblem = (v: unknown): v is DayProblem => typeof v === "object" && v !== null && "code" in v && "given" in v;

/** `BAD_DATE` from pause: what is wrong with the date, and the accepted forms. */
export function pauseFailure(x: Detail, style: TextStyle): string {
  const p = x?.problem;
  return isDayProblem(p) ? renderDayProblem(p, style, true) : renderDayProblem({ code: "NOT_A_DAY", given: "" }, style, true);
}

/** `BAD_DAY_OFF`: a day off that isn't a real, coming day. */
export function dayOffFailure(x: Detail, style: TextStyle): string {
  const p = x?.problem;
  const problem: DayProblem = isDayProblem(p) ? p : { code: "NOT_A_DAY", given: "" };
  return renderDayOffProblem(problem, x?.inOffCommand === true, style);
}

/** `BAD_ZONE`: the zone as typed, what was probably meant, and the command's usage. */
export function zoneFailure(x: Detail, style: TextStyle): string {
  const z = x?.zone;
  const reading =
    typeof z === "object" && z !== null && "given" in z && "suggestions" in z
      ? (z as Extract<ZoneReading, { ok: false }>)
      : { ok: false as const, given: String(x?.given ?? ""), suggestions: [] };
  return `${renderZoneProblem(reading, style)} Usage: ${style.usage("availability")} · More: ${style.command("help", { topic: "availability" })}`;
}

/** The pause, and the one it replaced when there was one. */
export function renderPaused(v: { member: { pausedUntil: Date | null }; replaced: Date | null }, zone: string, style: TextStyle): string {
  const until = v.member.pausedUntil ? formatDate(v.member.pausedUntil, zone) : "further notice";
  const replaced = v.replaced ? ` This replaces your pause until ${formatDate(v.replaced, zone)}.` : "";
  return `Paused until ${until}.${replaced} Scheduled chats still go ahead. Type ${style.cmd("resume")} to come back sooner.`;
}
