import { ComponentType, TextInputStyle, type APIModalInteractionResponseCallbackData } from "discord-api-types/v10";
import { handle, type View } from "../app/handle.js";
import { allowedValues, applySetting, settingText } from "../core/admin/settings-keys.js";
import type { CommunitySettings } from "../core/domain/index.js";
import { isValidZone } from "../core/time/index.js";
import type { Actor, Deps } from "../core/use-cases/index.js";
import { renderFailure } from "../text/index.js";
import { discordStyle } from "./style.js";

/**
 * `/coffee admin settings` with no options opens this form: the five settings admins change
 * most (Discord allows five inputs), prefilled. Every check stays in the core: opening runs the
 * `admin_settings` show command (a non-admin gets its refusal), and a submission is validated
 * with the core's settings helpers, then applied one changed key at a time through `handle`.
 */
export const MODAL_KEYS = [
  "chatMinutes",
  "responseWindowHours",
  "repeatWindowWeeks",
  "volunteerDefaultCapacity",
  "maxOpenRequestsPerSeeker",
] as const;

const PREFIX = "admin-settings|";
const clip = (s: string, n: number): string => (s.length <= n ? s : s.slice(0, n));

/**
 * The form's custom_id carries the values it opened with, so a submission changes only the
 * fields the admin edited (not ones another admin changed meanwhile). Values are short numbers.
 */
export const settingsModalId = (settings: CommunitySettings): string =>
  `${PREFIX}${MODAL_KEYS.map((k) => encodeURIComponent(settingText(settings, k))).join(",")}`;

/** The values the form opened with, by key, or null when the custom_id is not this form's. */
export function settingsModalOf(customId: string): Record<string, string> | null {
  if (!customId.startsWith(PREFIX)) return null;
  const parts = customId.slice(PREFIX.length).split(",");
  if (parts.length !== MODAL_KEYS.length) return null;
  try {
    return Object.fromEntries(MODAL_KEYS.map((k, n) => [k, decodeURIComponent(parts[n] ?? "")]));
  } catch {
    return null;
  }
}

/** The modal, prefilled with the community's current values; each label is the setting's key, as errors name it. */
export function settingsModal(settings: CommunitySettings): APIModalInteractionResponseCallbackData {
  const id = settingsModalId(settings);
  return {
    custom_id: id.length <= 100 ? id : PREFIX,
    title: "Community settings",
    components: MODAL_KEYS.map((k) => ({
      type: ComponentType.ActionRow,
      components: [
        {
          type: ComponentType.TextInput,
          custom_id: k,
          label: clip(k, 45),
          placeholder: clip(allowedValues(k), 100),
          value: settingText(settings, k),
          style: TextInputStyle.Short,
          required: true,
          max_length: 20,
        },
      ],
    })),
  };
}

/**
 * Runs the core's show command for the actor: the current settings when they may change them,
 * else the core's answer (its refusal) to show instead of the form.
 */
export async function settingsForModal(
  deps: Deps,
  actor: Actor,
): Promise<{ ok: true; settings: CommunitySettings } | { ok: false; view: View }> {
  const view = await handle(deps, actor, { kind: "admin_settings" }, discordStyle);
  const r = view.reply;
  return r?.kind === "admin_settings" && r.result.ok ? { ok: true, settings: r.result.value.settings } : { ok: false, view };
}

const said = (text: string): View => ({ text, actions: [], reply: null });

/**
 * Applies a submitted form: the admin check first (the core's show command), then every edited
 * field validated together with the core's helpers — one bad value and nothing is saved, the
 * answer naming the field and its range — then each change through the core's set command.
 * `opened` is what the form showed (a field equal to it was left alone); null compares with now.
 */
export async function submitSettingsModal(
  deps: Deps,
  actor: Actor,
  opened: Record<string, string> | null,
  submitted: Record<string, string | undefined>,
): Promise<View> {
  const current = await settingsForModal(deps, actor);
  if (!current.ok) return current.view;
  const edits: { key: string; value: string }[] = [];
  for (const key of MODAL_KEYS) {
    const value = submitted[key]?.trim();
    if (value === undefined) continue; // a field Discord did not send counts as left alone
    const before = opened?.[key] ?? settingText(current.settings, key);
    if (value !== before) edits.push({ key, value });
  }
  if (edits.length === 0) return said("Nothing changed: every setting is as it was.");
  // Validate all together first, so one bad field means nothing is saved.
  let candidate = current.settings;
  for (const e of edits) {
    const applied = applySetting(candidate, e.key, e.value, isValidZone);
    if (!applied.ok) {
      const { code, ...detail } = applied.problem;
      return said(`${renderFailure(code, detail, discordStyle)}\nNothing was saved.`);
    }
    candidate = applied.settings;
  }
  const saved: string[] = [];
  for (const e of edits) {
    const view = await handle(deps, actor, { kind: "admin_settings", set: e }, discordStyle);
    const r = view.reply;
    if (r?.kind !== "admin_settings" || !r.result.ok) {
      const done = saved.length ? `\nSaved before that:\n${saved.join("\n")}` : "\nNothing was saved.";
      return said(`${view.text}${done}`);
    }
    saved.push(`• ${e.key}: ${opened?.[e.key] ?? settingText(current.settings, e.key)} → ${settingText(r.result.value.settings, e.key)}`);
  }
  return said(`Saved ${saved.length} setting${saved.length === 1 ? "" : "s"}:\n${saved.join("\n")}`);
}
