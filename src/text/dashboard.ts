import { DASHBOARD_LINK_MINUTES, DASHBOARD_SESSION_HOURS } from "../core/domain/dashboard.js";
import type { QueueItem } from "../core/use-cases/index.js";
import { formatDate } from "../core/time/index.js";
import { blockerReason } from "./blockers.js";
import { SETTING_WORDS } from "./setting-words.js";

/**
 * The dashboard's own words: signing in, refusals (each says what happened and what to do),
 * the queue's states and the notices after an action. Templates escape every value, so
 * names pass through as they are.
 */

/** What to type for a new sign-in link, where the community lives. */
export const dashboardCommand = (communityId: string): string =>
  communityId.startsWith("shell:") ? "admin dashboard" : "/coffee admin dashboard";

/** "type `/coffee admin dashboard` in Acme for a new link." */
const newLink = (communityId: string, name: string): string => `Type ${dashboardCommand(communityId)} in ${name} for a new link.`;

/** A page for someone who is not (or no longer) signed in: a title and one or two sentences. */
export interface RefusalWords {
  title: string;
  lines: string[];
}

/** Why a sign-in link did not sign anyone in. */
export type LinkRefusal = "LINK_USED" | "LINK_EXPIRED" | "LINK_UNKNOWN" | "NOT_ADMIN";
/** Why a page asked for a session and got none. */
export type SessionRefusal = "NO_SESSION" | "SESSION_EXPIRED" | "OTHER_COMMUNITY" | "NOT_ADMIN";

export function linkRefusal(code: LinkRefusal, communityId: string, name: string): RefusalWords {
  switch (code) {
    case "LINK_USED":
      return {
        title: "This link was already used",
        lines: ["Each sign-in link works once, and this one has signed someone in already.", newLink(communityId, name)],
      };
    case "LINK_EXPIRED":
      return {
        title: "This link has expired",
        lines: [`Sign-in links work for ${DASHBOARD_LINK_MINUTES} minutes.`, newLink(communityId, name)],
      };
    case "LINK_UNKNOWN":
      return {
        title: "This link doesn't work",
        lines: ["It may have been cut short when it was copied.", newLink(communityId, name)],
      };
    case "NOT_ADMIN":
      return {
        title: `You're not an admin of ${name}`,
        lines: [`Only ${name}'s admins can open its dashboard. If you should be one, ask an admin to add you.`],
      };
  }
}

export function sessionRefusal(code: SessionRefusal, communityId: string, name: string): RefusalWords {
  switch (code) {
    case "NO_SESSION":
      return { title: "Please sign in", lines: [`This dashboard opens with a sign-in link.`, newLink(communityId, name)] };
    case "SESSION_EXPIRED":
      return {
        title: "Your session has ended",
        lines: [`Dashboard sessions last ${DASHBOARD_SESSION_HOURS} hours.`, newLink(communityId, name)],
      };
    case "OTHER_COMMUNITY":
      return {
        title: "You're signed in to another community",
        lines: [`Your session is for another community's dashboard, not ${name}'s.`, newLink(communityId, name)],
      };
    case "NOT_ADMIN":
      return {
        title: `You're no longer an admin of ${name}`,
        lines: [`Only ${name}'s admins can see its dashboard, so this session has closed. If you should be one, ask an admin to add you.`],
      };
  }
}

/** A form sent from another site (or with no Origin at all): refused. */
export const FOREIGN_FORM: RefusalWords = {
  title: "This form didn't come from the dashboard",
  lines: ["For your safety, the dashboard only accepts forms sent from its own pages. Go back, reload the page and try again."],
};

export const NOT_FOUND: RefusalWords = { title: "Page not found", lines: ["There is no dashboard page at this address."] };

/** The confirm page a sign-in link opens (link previews fetch it too, so it signs nobody in). */
export const signInWords = (name: string) => ({
  title: `Sign in to ${name}'s dashboard`,
  intro: `This link signs you in to ${name}'s Percolate dashboard for ${DASHBOARD_SESSION_HOURS} hours. It works once.`,
  button: `Sign in to ${name}'s dashboard`,
});

export const SIGNED_OUT: RefusalWords = {
  title: "You're signed out",
  lines: ["Your dashboard session has ended on this browser. Ask for a new sign-in link when you want to come back."],
};

/** A community name when the community is unknown (a link to a removed community). */
export const SOME_COMMUNITY = "your community";

// ----- Queue -----

const STATUS: Record<QueueItem["request"]["status"], string> = {
  open: "Choosing a volunteer",
  offered: "Intro sent",
  waitlisted: "On the waitlist",
  scheduling: "Picking a time",
  scheduled: "Chat booked",
  completed: "Done",
  cancelled: "Cancelled",
  expired: "Expired",
};
/** A request's status in words. */
export const queueStatus = (s: QueueItem["request"]["status"]): string => STATUS[s];

/** Why a request is still waiting, for the dashboard's queue table (dates in the admin's zone). */
export function queueWhy(i: QueueItem, zone: string): string {
  const same = (t: string) => t;
  if (i.offeredTo) return `Intro with ${i.offeredTo.volunteer.name}, answer due ${formatDate(i.offeredTo.deadline, zone)}`;
  if (i.request.status === "offered") return "Intro sent, waiting for an answer";
  if (i.blocker) {
    const why = blockerReason(i.blocker, zone, same);
    return why.charAt(0).toUpperCase() + why.slice(1);
  }
  if (i.request.status === "open") return `Choosing from ${i.request.suggestions.length} suggested volunteer(s)`;
  return "Someone fits now: the next matching round introduces them";
}

export const QUEUE_WORDS = {
  title: "Queue",
  caption: "Requests waiting for a chat, longest first",
  columns: ["Seeker", "Topics", "Status", "Waiting for", "Why"],
  empty: "Nobody is waiting: every request has a chat or an intro on its way.",
  matchButton: "Match now",
  matchHelp: "Runs the same matching round the bot runs on its schedule, now.",
  csv: "Download the queue as CSV",
} as const;

const plural = (n: number, one: string, many: string): string => `${n} ${n === 1 ? one : many}`;

/** After "Match now": "Matching ran: 2 intros sent; 1 request still waiting." */
export const matchedNotice = (sent: number, waiting: number): string =>
  `Matching ran: ${plural(sent, "intro", "intros")} sent; ${plural(waiting, "request", "requests")} still waiting.`;
export const PAUSED_NOTICE = "The programme is paused, so nothing was matched. Switch pausing off on the Settings page to match again.";

// ----- Settings -----

export const SETTINGS_WORDS = {
  title: "Settings",
  intro: "The same settings as admin settings. Nothing is saved unless every value is valid.",
  save: "Save settings",
  problems: (n: number) => `${plural(n, "setting needs", "settings need")} a fix; nothing was saved:`,
  nothingChanged: "Nothing changed.",
  on: "on",
  off: "off",
  none: "none",
} as const;

/** A setting's label: its meaning, with its unit. */
export function settingLabel(key: string): string {
  if (key.startsWith("nudges.")) return `Follow-up "${key.slice("nudges.".length)}"`;
  const w = SETTING_WORDS[key];
  if (!w) return key;
  const meaning = w.meaning.charAt(0).toUpperCase() + w.meaning.slice(1);
  return w.unit ? `${meaning} (${w.unit})` : meaning;
}

/** "Settings saved: length of a chat (chatMinutes), pause all intros (programPaused)." */
export function savedNotice(keys: readonly string[]): string {
  if (keys.length === 0) return SETTINGS_WORDS.nothingChanged;
  return `Settings saved: ${keys.map((k) => `${settingLabel(k).toLowerCase()} (${k})`).join(", ")}.`;
}
