import { numberRange, SETTABLE_KEYS, type SettingProblem, settingKind, settingText } from "../core/admin/settings-keys.js";
import type { CommunitySettings } from "../core/domain/index.js";
import type { TextStyle } from "./style.js";

/** What each setting means to an admin, and the unit its number counts (none for words and switches); nudges.* share one line. */
export const SETTING_WORDS: Readonly<Record<string, { meaning: string; unit?: string }>> = {
  chatMinutes: { meaning: "length of a chat", unit: "min" },
  volunteerDefaultCapacity: { meaning: "new volunteers' capacity", unit: "chats/month" },
  responseWindowHours: { meaning: "time to answer an intro", unit: "h" },
  introReminderHours: { meaning: "nudge to answer an intro", unit: "h" },
  repeatWindowWeeks: { meaning: "no repeat pairs within", unit: "weeks" },
  maxOpenRequestsPerSeeker: { meaning: "open requests per seeker" },
  maxIntroTries: { meaning: "intros tried, then waitlist" },
  suggestionsShown: { meaning: "volunteers suggested per request" },
  slotStepMinutes: { meaning: "spacing of proposed times", unit: "min" },
  minLeadHours: { meaning: "earliest chat, from now", unit: "h" },
  horizonDays: { meaning: "times proposed up to", unit: "days" },
  prepHoursBefore: { meaning: "prep note, before the chat", unit: "h" },
  reminderMinutesBefore: { meaning: "reminder before a chat", unit: "min" },
  checkInMinutesAfter: { meaning: '"did it happen?", after', unit: "min" },
  thankYouHoursAfter: { meaning: "thank-you nudge, after", unit: "h" },
  keepInTouchDays: { meaning: "keep-in-touch nudge, after", unit: "days" },
  defaultTimeZone: { meaning: "for members who set none" },
  programPaused: { meaning: "pause all intros" },
  matchEveryMinutes: { meaning: "queue matched every", unit: "min" },
  pairChannelId: { meaning: "Discord pair threads" },
  adminRoleIds: { meaning: "Discord admin roles" },
  autoPauseAfterIgnored: { meaning: "pause after N ignored intros" },
  seekerDayStart: { meaning: "seekers' day starts, if not set" },
  seekerDayEnd: { meaning: "seekers' day ends, if not set" },
  waitlistExpiryWeeks: { meaning: "waitlist expires after", unit: "weeks" },
  programChannelId: { meaning: "program channel" },
  roundsEveryWeeks: { meaning: "peer rounds every (0: off)", unit: "weeks" },
  roundsWeekday: { meaning: "peer rounds weekday (1 Mon…7 Sun)" },
  roundsHour: { meaning: "peer rounds hour" },
  roundsCrossGroup: { meaning: "pair peers across groups" },
  programPostEveryWeeks: { meaning: "weekly post every (0: off)", unit: "weeks" },
  programPostWeekday: { meaning: "weekly post weekday (1 Mon…7 Sun)" },
  programPostHour: { meaning: "weekly post hour" },
};

/** A key's allowed values, short enough for one line of the listing: "15–45", "on/off". */
export function shortRange(key: string): string {
  const n = numberRange(key);
  switch (settingKind(key)) {
    case "step":
      return "15, 30 or 60";
    case "int":
      return n ? `${n.min}–${n.max}` : "a whole number";
    case "bool":
      return "on/off";
    case "zone":
      return "an IANA zone";
    case "string?":
      return "channel id";
    case "list":
      return "role ids";
    case "hhmm":
      return "HH:MM";
    default:
      return "";
  }
}

/**
 * Every setting on one line each — key, current value with its unit, the allowed range, what
 * it means — and the nudge switches together on one line, so the listing reads at a glance.
 * (On Discord a listing past 2,000 characters goes out in several messages, cut at lines.)
 */
export function renderSettingList(s: CommunitySettings, u: TextStyle["user"]): string[] {
  const rounds = SETTABLE_KEYS.filter((k) => k.startsWith("rounds"));
  const post = SETTABLE_KEYS.filter((k) => k.startsWith("programPost"));
  const day = ["seekerDayStart", "seekerDayEnd"];
  const plain = SETTABLE_KEYS.filter((k) => !k.startsWith("nudges.") && ![...rounds, ...post, ...day].includes(k));
  const nudges = SETTABLE_KEYS.filter((k) => k.startsWith("nudges."));
  // The peer-round settings share one line, as the nudge switches do, to keep the listing short.
  const short = (k: string): string => `${k} ${u(settingText(s, k))} (${shortRange(k)})`;
  const line = (k: string): string => {
    const words = SETTING_WORDS[k];
    return `  ${k} ${u(settingText(s, k))}${words?.unit ? ` ${words.unit}` : ""} (${shortRange(k)})${words ? `: ${words.meaning}` : ""}`;
  };
  return [
    ...plain.map(line),
    `  ${day.map(short).join(" · ")}: seekers' day, if not set`,
    `  weekly post: ${post.map(short).join(" · ")}`,
    `  peer rounds: ${rounds.map((k) => (settingKind(k) === "bool" ? `${k} ${u(settingText(s, k))}` : short(k))).join(" · ")}`,
    `  nudges.<name> (on/off): follow-ups — ${nudges.map((k) => `${k.slice("nudges.".length)} ${settingText(s, k)}`).join(" · ")}`,
  ];
}

/**
 * A setting problem as a form shows it beside its field (the dashboard): the words `admin
 * settings` answers with in chat, without the hint of what to type. Values are raw: the
 * surface escapes them.
 */
export function settingProblemLine(p: SettingProblem): string {
  if (p.code === "BAD_SETTING") return `"${p.given}" won't work for ${p.key}: use ${p.allowed}.`;
  const guess = p.suggestions.length ? ` Did you mean ${p.suggestions.join(" or ")}?` : "";
  return `There's no setting "${p.key}".${guess}`;
}
