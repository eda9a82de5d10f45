import type { types } from "@slack/bolt";
import { allowedValues, applySetting, SETTABLE_KEYS, settingText } from "../core/admin/settings-keys.js";
import type { Command } from "../core/commands/index.js";
import { type CommunitySettings, NudgeTogglesSchema } from "../core/domain/index.js";
import { isValidZone } from "../core/time/index.js";
import { renderFailure } from "../text/index.js";
import type { ViewValues } from "./forms.js";
import { COMMAND, slackStyle } from "./style.js";

/** callback_id of the admin settings modal (`/coffee admin settings` with no arguments). */
export const SETTINGS_CALLBACK = "percolate_settings";

/** The number fields the modal shows; each is an input block whose block_id is the key. */
const NUMBERS: Record<string, string> = {
  chatMinutes: "Chat length (minutes)",
  responseWindowHours: "Hours a volunteer has to answer",
  introReminderHours: "Remind an unanswered volunteer after (hours)",
  repeatWindowWeeks: "Don't re-match a pair for (weeks)",
  volunteerDefaultCapacity: "Default chats per month per volunteer",
  maxOpenRequestsPerSeeker: "Open requests per seeker",
  matchEveryMinutes: "Match the queue every (minutes)",
};
const NUDGE_LABELS: Record<string, string> = {
  introReminder: "Intro reminder",
  prep: "Prep note before a chat",
  chatReminder: "Chat reminder",
  checkIn: "Check-in after a chat",
  thankYou: "Thank-you nudge",
  referralAsk: "Ask for a referral",
  keepInTouch: "Keep in touch",
};
const NUDGES = Object.keys(NudgeTogglesSchema.shape);
const PAUSED = "paused";

/** Block and key of the program channel picker: choosing a channel puts the front door up there. */
const PROGRAM_CHANNEL = "programChannelId";

/** Every key the modal edits: the numbers, the pause switch, the program channel and the nudge toggles. */
const MODAL_KEYS = [...Object.keys(NUMBERS), "programPaused", PROGRAM_CHANNEL, ...NUDGES.map((n) => `nudges.${n}`)];

/** Where a refusal of the whole form (not an admin any more) is shown: the first field. */
export const TOP_BLOCK = "chatMinutes";

/** The input block a key lives in (the nudge toggles share one). */
export const blockOf = (key: string): string => (key.startsWith("nudges.") ? "nudges" : key);

type Option = types.PlainTextOption;
const option = (text: string, value: string): Option => ({ text: { type: "plain_text", text }, value });
const checkboxes = (block: string, label: string, options: Option[], on: Option[]): types.InputBlock => ({
  type: "input",
  block_id: block,
  optional: true,
  label: { type: "plain_text", text: label },
  element: { type: "checkboxes", action_id: "value", options, ...(on.length ? { initial_options: on } : {}) },
});

/**
 * The settings modal, prefilled with the community's current values. Hints name the allowed
 * values in the core's words; the values shown are kept in private_metadata, so a submit only
 * applies what this admin edited (and not stale values over another admin's change).
 */
export function settingsView(s: CommunitySettings): types.ModalView {
  const shown = Object.fromEntries(MODAL_KEYS.map((k) => [k, settingText(s, k)]));
  const nudgeOptions = NUDGES.map((n) => option(NUDGE_LABELS[n] ?? n, n));
  const others = SETTABLE_KEYS.filter((k) => !MODAL_KEYS.includes(k)).map((k) => `${k} ${settingText(s, k)}`);
  const pause = option("Pause the programme (no new matches or intros)", PAUSED);
  return {
    type: "modal",
    callback_id: SETTINGS_CALLBACK,
    private_metadata: JSON.stringify(shown),
    title: { type: "plain_text", text: "Community settings" },
    submit: { type: "plain_text", text: "Save" },
    close: { type: "plain_text", text: "Cancel" },
    blocks: [
      ...Object.entries(NUMBERS).map(
        ([key, label]): types.InputBlock => ({
          type: "input",
          block_id: key,
          label: { type: "plain_text", text: label },
          hint: { type: "plain_text", text: `${key}: ${allowedValues(key)}.` },
          element: { type: "plain_text_input", action_id: "value", initial_value: shown[key] ?? "" },
        }),
      ),
      checkboxes("programPaused", "Programme", [pause], s.programPaused ? [pause] : []),
      {
        type: "input",
        block_id: PROGRAM_CHANNEL,
        optional: true,
        label: { type: "plain_text", text: "Program channel" },
        hint: {
          type: "plain_text",
          text: "Percolate pins its front door there and welcomes people who join. Invite the app to the channel first.",
        },
        element: {
          type: "conversations_select",
          action_id: "value",
          filter: { include: ["public", "private"], exclude_bot_users: true },
          ...(s.programChannelId ? { initial_conversation: s.programChannelId } : {}),
        },
      },
      checkboxes(
        "nudges",
        "Nudges",
        nudgeOptions,
        nudgeOptions.filter((o) => s.nudges[o.value as keyof typeof s.nudges]),
      ),
      {
        type: "context",
        elements: [
          {
            type: "mrkdwn",
            text: `Other settings: ${others.join(" · ")}. Change them with \`${COMMAND} admin settings <key> <value>\`.`.slice(0, 3000),
          },
        ],
      },
    ],
  };
}

/** One key to set, as the text command would carry it. */
export type SettingChange = { key: string; value: string };

/**
 * The fields the admin changed, as `admin settings <key> <value>` values. A field counts as
 * changed when it differs from what the modal showed (private_metadata), or, without that,
 * from the current settings. A block missing from the submission is left alone.
 */
export function readSettings(v: ViewValues, metadata: string, current: CommunitySettings): SettingChange[] {
  let shown: Record<string, unknown> = {};
  try {
    const parsed: unknown = JSON.parse(metadata || "{}");
    if (parsed && typeof parsed === "object") shown = parsed as Record<string, unknown>;
  } catch {
    // No usable snapshot: compare with the current settings.
  }
  const before = (key: string): string => (typeof shown[key] === "string" ? shown[key] : settingText(current, key));
  const ticked = (block: string): string[] | null => {
    const state = v[block]?.value;
    return state ? (state.selected_options ?? []).map((o) => o.value ?? "") : null;
  };
  const out: SettingChange[] = [];
  for (const key of Object.keys(NUMBERS)) {
    const state = v[key]?.value;
    if (!state) continue;
    const value = (state.value ?? "").trim();
    if (value !== before(key)) out.push({ key, value });
  }
  const paused = ticked("programPaused");
  if (paused) {
    const value = paused.includes(PAUSED) ? "on" : "off";
    if (value !== before("programPaused")) out.push({ key: "programPaused", value });
  }
  const channel = v[PROGRAM_CHANNEL]?.value;
  if (channel) {
    const value = channel.selected_conversation ?? "none";
    if (value !== before(PROGRAM_CHANNEL)) out.push({ key: PROGRAM_CHANNEL, value });
  }
  const nudges = ticked("nudges");
  if (nudges) {
    for (const n of NUDGES) {
      const key = `nudges.${n}`;
      const value = nudges.includes(n) ? "on" : "off";
      if (value !== before(key)) out.push({ key, value });
    }
  }
  return out;
}

/**
 * Checks every change with the core's own settings rules before any is saved, so a modal
 * with one bad field saves nothing. Problems come back per block, in the core's words.
 */
export function checkSettings(current: CommunitySettings, changes: readonly SettingChange[]): Record<string, string> {
  const errors: Record<string, string> = {};
  let candidate = current;
  for (const c of changes) {
    const applied = applySetting(candidate, c.key, c.value, isValidZone);
    if (applied.ok) candidate = applied.settings;
    else {
      const { code, ...detail } = applied.problem;
      errors[blockOf(c.key)] ??= renderFailure(code, detail, slackStyle);
    }
  }
  return errors;
}

/** The command that sets one changed field, through the same path as the text form. */
export const setCommand = (c: SettingChange): Command => ({ kind: "admin_settings", set: { key: c.key, value: c.value } });
