import type { AdminPostCode } from "../core/use-cases/index.js";
import { formatMoment } from "../core/time/index.js";
import { settingLabel } from "./dashboard.js";
import { helpText, stripControl, type TextStyle } from "./style.js";
import { commandOf, lineOf, type Surface, usageOf } from "./syntax.js";

/**
 * The words of the weekly program post's section on the dashboard's Rounds page: whether it is
 * on, where and when it goes, the last refusal, the preview, and "Post it now" with its notices.
 * Templates escape every value, so the platform's reasons pass through as they are.
 */

/** The surface a community's members read the post on, from its id's prefix. */
const surfaceOf = (communityId: string): Surface =>
  communityId.startsWith("discord:") ? "discord" : communityId.startsWith("slack:") ? "slack" : "shell";

/**
 * The post's words as a community's members read them, as plain text: commands as they type
 * them there (`/coffee rounds join` on Slack and Discord, "rounds join" in the shell), without
 * the platform's formatting marks (code spans, escapes) around them.
 */
export function previewStyle(communityId: string): TextStyle {
  const surface = surfaceOf(communityId);
  const typed = (line: string): string => (surface === "shell" ? `"${line}"` : `/coffee ${line}`);
  return {
    surface,
    cmd: (t) => typed(lineOf(t, surface)),
    command: (key, fields) => typed(commandOf(key, fields, surface)),
    usage: (key) => typed(usageOf(key, surface)),
    help: helpText(surface, typed),
    user: stripControl,
    link: stripControl,
  };
}

const every = (weeks: number): string => (weeks === 1 ? "every week" : `every ${weeks} weeks`);

/** The Settings page's name of a setting, for "set … on the Settings page". */
const setting = (key: string): string => `“${settingLabel(key)}”`;

export const POST_WORDS = {
  heading: "Weekly program post",
  intro:
    "On its schedule, Percolate posts what happened in the program channel: chats held, peer groups that met, topics short of volunteers and the next round. Members are named only when everyone they met said yes.",
  on: "On",
  off: "Off",
  noChannel: "no program channel yet",
  /** The link under "no program channel yet", to the Settings page's field. */
  setChannel: `Set ${setting("programChannelId")} on the Settings page`,
  cadence: (weeks: number): string => (weeks > 0 ? every(weeks) : `never (${setting("programPostEveryWeeks")} is 0)`),
  notScheduled: "not scheduled",
  when: (at: Date, zone: string): string => formatMoment(at, zone),
  /** The last refused post: when, and what the platform said. */
  failure: (at: Date, error: string, zone: string): string => `${formatMoment(at, zone)}: the platform said “${error}”`,
  previewHeading: "What members would read now",
  previewHelp: (weeks: number): string =>
    `The post as it would go out now, covering the last ${weeks > 1 ? `${weeks} weeks` : "week"}, word for word.`,
  buttonsHeading: "Buttons under the post",
  noButtons: "No buttons this time: no topic is short of volunteers and peer rounds are off.",
  postButton: "Post it now",
  postHelp: "Posts this in the program channel now; the weekly schedule stays as it is.",
  postNoChannel: `There's no program channel to post in yet. ${setting("programChannelId")} on the Settings page says where the post goes.`,
  postNoPlatform: "This bot can't post in channels from here: it runs without Slack or Discord.",
  postedNotice: "Posted in the program channel.",
};

/**
 * Why "Post it now" posted nothing, naming the fix; `said` is the platform's reason. Exhaustive
 * over the use case's codes: a new code without words fails the typecheck.
 */
export const POST_REFUSED: { [K in AdminPostCode]: (said: string) => string } = {
  NO_CHANNEL: () =>
    `There's no program channel yet, so nothing was posted. Set ${setting("programChannelId")} on the Settings page, then post again.`,
  NO_PLATFORM: () => "This bot can't post in channels from here (it runs without Slack or Discord), so nothing was posted.",
  POST_FAILED: (said) =>
    `The post couldn't go out: the platform said “${said || "refused"}”. Add Percolate to the program channel and let it post there, then press “${POST_WORDS.postButton}” again.`,
};
