import { FUNNEL_STEPS, type NoShowRow, type ProgramStats, type Waits } from "../core/stats/report.js";
import { formatDate } from "../core/time/format.js";
import { FIGURES } from "./figures.js";
import type { TextStyle } from "./style.js";

const pct = (x: number): string => `${Math.round(x * 100)}%`;
/** Hours as a person reads them: "6 h", or days from two days on. */
export const hoursText = (h: number | null): string => (h === null ? "—" : h >= 48 ? `${Math.round((h / 24) * 10) / 10} days` : `${h} h`);
const row = (label: string, value: string): string => `   ${label.padEnd(22)} ${value}`;
const plural = (n: number, one: string, many = `${one}s`): string => `${n} ${n === 1 ? one : many}`;

/** "median 6 h · p90 1.5 days (8 requests)", or "none in this period". */
export function waitsText(w: Waits, what: string): string {
  if (w.count === 0) return "none in this period";
  return `median ${hoursText(w.medianHours)} · p90 ${hoursText(w.p90Hours)} (${plural(w.count, what)})`;
}

/** One missed chat: who with whom, when, and who said it didn't happen. */
export function noShowText(r: NoShowRow, u: TextStyle["user"], zone: string): string {
  const when = r.slot ? `, ${formatDate(r.slot.start, zone)}` : "";
  const who = r.reportedBy.length ? `reported by ${r.reportedBy.map((p) => u(p.name)).join(" and ")}` : "no report on record";
  return `${u(r.seeker.name)} with ${u(r.volunteer.name)}${when} — ${who}${r.status === "disputed" ? " (disputed: the other said it happened)" : ""}`;
}

const SHOWN_NO_SHOWS = 5;

/**
 * `admin stats`: the programme's figures, the same ones the dashboard shows, each counted in the
 * period it happened. Dates in `zone` (the reader's; the community's by default).
 */
export function renderStats(s: ProgramStats, u: TextStyle["user"] = (t) => t, zone: string = s.timeZone): string {
  const since = s.since ? ` (since ${formatDate(s.since, zone)})` : "";
  const lines = [
    `📊 Coffee chats — ${s.period === "all" ? "all time" : `last ${s.period}`}${since}`,
    `   ${FUNNEL_STEPS.map((k) => `${FIGURES[k].label} ${s.funnel[k]}`).join(" → ")}`,
    row(FIGURES.timeToFirstIntro.label, waitsText(s.timeToFirstIntro, "request")),
    row(FIGURES.timeToBooked.label, waitsText(s.timeToBooked, "chat")),
    row("Intros", `${s.intros.offered} offered · ${s.intros.declined} declined · ${s.intros.expired} expired`),
    row(
      "Outcomes",
      `${s.chats.happened} happened · ${s.chats.noShow} no-show · ${s.chats.disputed} disputed · ${s.chats.cancelled} cancelled`,
    ),
  ];
  for (const r of s.noShows.slice(0, SHOWN_NO_SHOWS)) lines.push(row("", noShowText(r, u, zone)));
  if (s.noShows.length > SHOWN_NO_SHOWS) lines.push(row("", `… and ${s.noShows.length - SHOWN_NO_SHOWS} more on the dashboard`));
  lines.push(
    row(FIGURES.referrals.label, String(s.referrals)),
    row(
      FIGURES.feedback.label,
      s.feedback.average === null ? "no ratings" : `${s.feedback.average} / 5 from ${plural(s.feedback.count, "rating")}`,
    ),
    row(
      "Volunteer load",
      s.volunteerLoad.volunteers === 0
        ? "no volunteers available"
        : `${plural(s.volunteerLoad.volunteers, "volunteer")} · min ${pct(s.volunteerLoad.min)} · median ${pct(s.volunteerLoad.median)} · max ${pct(s.volunteerLoad.max)} of capacity`,
    ),
  );
  if (s.volunteerLoad.volunteers > 1) lines.push(row(FIGURES.loadSpread.label, `${s.volunteerLoad.spread} — ${FIGURES.loadSpread.help}`));
  lines.push(
    row(
      FIGURES.waiting.label,
      s.waiting.seekers === 0
        ? "nobody"
        : `${plural(s.waiting.seekers, "seeker")} (${plural(s.waiting.requests, "request")}) · median ${hoursText(s.waiting.medianHours)} · longest ${hoursText(s.waiting.longestHours)}`,
    ),
  );
  if (s.shortTags.length > 0) {
    lines.push(`   ${FIGURES.recruiting.label} — topics asked for without enough volunteers:`);
    for (const t of s.shortTags)
      lines.push(
        `      ${u(t.tag)}: ${t.requested} requested, ${t.waiting} waiting · ${plural(t.volunteers, "volunteer")}, ${t.capacity} chats/month`,
      );
  }
  return lines.join("\n");
}
