import type { ChatStatus } from "../core/domain/index.js";
import type { FunnelStep, VolunteerRow, Waits } from "../core/stats/index.js";
import { formatDate } from "../core/time/index.js";
import { FIGURES } from "./figures.js";

/*
 * The words of the dashboard's Overview, Volunteers and Chats pages and their CSV links.
 * Figure names and their explanations come from FIGURES (the same as `admin stats`).
 */

/** The periods the switch offers, in order; any other period `parsePeriod` reads is shown as given. */
export const DASHBOARD_PERIODS: readonly { value: string; label: string }[] = [
  { value: "30d", label: "Last 30 days" },
  { value: "12w", label: "Last 12 weeks" },
  { value: "6m", label: "Last 6 months" },
  { value: "1y", label: "Last year" },
  { value: "all", label: "All time" },
];
/** The period a page shows when none is asked for. */
export const DEFAULT_DASHBOARD_PERIOD = "12w";

/** "last 12 weeks", "all time", "last 2w" (an unlisted period as written). */
export const periodWords = (period: string): string =>
  DASHBOARD_PERIODS.find((p) => p.value === period)?.label.toLowerCase() ?? `last ${period}`;

export const PAGE_WORDS = {
  periodLabel: "Period",
  show: "Show",
  downloadCsv: "Download CSV",
  /** A period the dashboard cannot read, naming the accepted forms; `showingDefault` when the page fell back to 12 weeks. */
  badPeriod: (given: string, showingDefault = true) =>
    `"${given}" isn't a period I can show. Pick one from the list, or write 30d, 12w, 6m, 1y or all (a number of days, weeks, months or years).${showingDefault ? " Showing the last 12 weeks." : ""}`,
  badPeriodTitle: "Period not understood",
  notAdmin: "You are no longer an admin of this community, so the dashboard is closed. Ask an admin to add you again.",
  notAdminTitle: "Not an admin any more",
  notFoundTitle: "No such download",
  notFound: (table: string) =>
    `There is no table called "${table}". The downloads are funnel.csv, queue.csv, volunteers.csv, chats.csv and no-shows.csv.`,
  none: "—",
  yes: "Yes",
  no: "No",
} as const;

export const OVERVIEW_WORDS = {
  title: "Overview",
  funnelHeading: "The funnel",
  funnelIntro: (period: string) => `Each step counted when it happened, ${periodWords(period)}.`,
  weeklyHeading: "Week by week",
  tableCaption: (zone: string) => `The funnel per week (weeks start on Monday, ${zone} time)`,
  weekColumn: "Week starting",
  total: "Total",
  noWeeks: "Nothing happened in this period.",
  axisX: "Week starting",
  axisY: "How many",
  /** The chart's text alternative: the funnel in one sentence; the table below holds every week. */
  chartSummary: (period: string, funnel: Record<FunnelStep, number>, weeks: number) =>
    `Bar chart of the funnel, ${periodWords(period)} (${weeks} week${weeks === 1 ? "" : "s"}): ${funnel.requests} requests, ${funnel.intros} intros, ${funnel.accepted} accepted, ${funnel.booked} booked, ${funnel.happened} happened, ${funnel.thanked} thanked. The table below gives every week.`,
  waitsHeading: "How long people wait",
  waitsCaption: "Time from asking, over the cases measured in the period",
  figureColumn: "Figure",
  median: "Median",
  p90: "9 in 10 within (p90)",
  measured: "Measured",
  nowHeading: "Right now",
  outcomesHeading: "Intros and chats",
  waitingValue: (w: { seekers: number; requests: number; medianHours: number | null }) =>
    w.requests === 0
      ? "Nobody is waiting"
      : `${w.seekers} seeker${w.seekers === 1 ? "" : "s"} (${w.requests} request${w.requests === 1 ? "" : "s"}), median wait ${hoursWords(w.medianHours)}`,
  spreadValue: (l: { volunteers: number; min: number; median: number; max: number; spread: number }) =>
    l.volunteers === 0
      ? "No volunteer can take chats now"
      : `${l.spread} across ${l.volunteers} volunteer${l.volunteers === 1 ? "" : "s"} (load from ${percent(l.min)} to ${percent(l.max)}, median ${percent(l.median)})`,
} as const;

export const VOLUNTEER_WORDS = {
  title: "Volunteers",
  caption: "Volunteers, most loaded first: load this calendar month, and how they answered intros in the period",
  columns: {
    name: "Volunteer",
    topics: "Topics",
    chats: "Chats this month",
    load: "Load",
    offered: "Offered",
    accepted: "Accepted",
    declined: "Declined",
    expired: "Expired",
    answer: "Median time to answer",
    state: "State",
  },
  responsivenessNote: (period: string) => `${FIGURES.responsiveness.help} Intros counted ${periodWords(period)}.`,
  noVolunteers: "Nobody volunteers yet.",
  noTopics: "none listed",
  chatsOf: (n: number, capacity: number) => `${n} of ${capacity}`,
  recruitingCaption: "Topics asked for without enough volunteers, most pressing first",
  recruitingColumns: {
    topic: "Topic",
    requested: "Asked for",
    waiting: "Waiting now",
    volunteers: "Volunteers",
    capacity: "Chats a month",
  },
  noShortfall: "Every topic asked for has volunteers with room.",
} as const;

/** A volunteer's state in words, for the Volunteers page. */
export function volunteerState(row: Pick<VolunteerRow, "state" | "pausedUntil">, zone: string): string {
  switch (row.state) {
    case "available":
      return "Available";
    case "full":
      return "Full this month";
    case "paused":
      return row.pausedUntil ? `Paused until ${formatDate(row.pausedUntil, zone)}` : "Paused";
    case "auto_paused":
      return "Auto-paused after ignored intros";
    case "stopped":
      return "Stopped volunteering";
  }
}

export const CHAT_WORDS = {
  title: "Chats",
  feedbackHeading: "Feedback",
  overall: "All ratings",
  fromSeekers: "From seekers",
  fromVolunteers: "From volunteers",
  ratingValue: (r: { count: number; average: number | null }) =>
    r.average === null ? "No ratings yet" : `${r.average} out of 5 (${r.count} rating${r.count === 1 ? "" : "s"})`,
  noShowsCaption: (zone: string) => `Chats reported as missed or disputed (times in ${zone})`,
  noShowColumns: { when: "When", seeker: "Seeker", volunteer: "Volunteer", reportedBy: "Reported by", status: "Status" },
  noNoShows: "No chat was reported as missed in this period.",
  chatsCaption: (zone: string) => `Chats with activity in the period, newest first (times in ${zone})`,
  chatColumns: {
    when: "When",
    pair: "Seeker and volunteer",
    status: "Status",
    seekerAnswer: "Seeker's answer",
    volunteerAnswer: "Volunteer's answer",
    seekerRating: "Seeker's rating",
    volunteerRating: "Volunteer's rating",
    thanked: "Thanked",
    seekerNote: "Seeker's note",
    volunteerNote: "Volunteer's note",
  },
  pair: (seeker: string, volunteer: string) => `${seeker} with ${volunteer}`,
  noChats: "No chat had any activity in this period.",
  noTime: "No time picked yet",
  noAnswer: "No answer",
  happenedAnswer: "It happened",
  noShowAnswer: "It didn't happen",
  notesToggle: "Show feedback notes (what people wrote about each other)",
  notesApply: "Apply",
  notesHidden: "Feedback notes are hidden. Tick the box above to show what people wrote.",
  noShowsCsv: "Download no-shows as CSV",
  chatsCsv: "Download chats as CSV",
} as const;

/** A chat's status in words. */
export function chatStatusWords(status: ChatStatus): string {
  switch (status) {
    case "proposing":
      return "Choosing a time";
    case "scheduled":
      return "Booked";
    case "happened":
      return "Happened";
    case "no_show":
      return "Didn't happen";
    case "disputed":
      return "Disputed (they disagree)";
    case "cancelled":
      return "Cancelled";
  }
}

/** 0.5 → "50%". */
export const percent = (x: number): string => `${Math.round(x * 100)}%`;

/** Hours as a person reads them: "—" for none, "40 min", "6 h", "2.5 days". */
export function hoursWords(h: number | null): string {
  if (h === null) return PAGE_WORDS.none;
  if (h < 1) return `${Math.round(h * 60)} min`;
  if (h < 48) return `${Math.round(h * 10) / 10} h`;
  return `${Math.round((h / 24) * 10) / 10} days`;
}

/** The three cells of a wait: median, p90 and how many were measured ("—" when none). */
export const waitCells = (w: Waits): [string, string, string] => [hoursWords(w.medianHours), hoursWords(w.p90Hours), String(w.count)];

/** A week's first day as a reader sees it in `zone`: "16 Nov 2026". */
export const weekLabel = (start: Date, zone: string): string =>
  new Intl.DateTimeFormat("en-GB", { timeZone: zone, day: "numeric", month: "short", year: "numeric" }).format(start);
