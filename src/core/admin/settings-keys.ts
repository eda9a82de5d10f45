import { z } from "zod";
import { type CommunitySettings, CommunitySettingsSchema, closest, NudgeTogglesSchema } from "../domain/index.js";

/**
 * The settings an admin may change by key, with how to read the typed text. Tag aliases and
 * the admin list have their own commands (`admin tags`, `admin add`); `defaultTimeZone`,
 * `programPaused` and the rest are plain keys. Nudge toggles are `nudges.<name>`.
 */
export type SettingKind = "int" | "bool" | "string?" | "list" | "zone" | "step" | "hhmm";
type Kind = SettingKind;

const KINDS: Record<string, Kind> = {
  chatMinutes: "int",
  volunteerDefaultCapacity: "int",
  responseWindowHours: "int",
  introReminderHours: "int",
  repeatWindowWeeks: "int",
  maxOpenRequestsPerSeeker: "int",
  maxIntroTries: "int",
  suggestionsShown: "int",
  slotStepMinutes: "step",
  minLeadHours: "int",
  horizonDays: "int",
  prepHoursBefore: "int",
  reminderMinutesBefore: "int",
  checkInMinutesAfter: "int",
  thankYouHoursAfter: "int",
  keepInTouchDays: "int",
  defaultTimeZone: "zone",
  programPaused: "bool",
  matchEveryMinutes: "int",
  pairChannelId: "string?",
  adminRoleIds: "list",
  autoPauseAfterIgnored: "int",
  seekerDayStart: "hhmm",
  seekerDayEnd: "hhmm",
  waitlistExpiryWeeks: "int",
  programChannelId: "string?",
  roundsEveryWeeks: "int",
  roundsWeekday: "int",
  roundsHour: "int",
  roundsCrossGroup: "bool",
  programPostEveryWeeks: "int",
  programPostWeekday: "int",
  programPostHour: "int",
  ...Object.fromEntries(Object.keys(NudgeTogglesSchema.shape).map((k) => [`nudges.${k}`, "bool" as const])),
};

/** Every key `admin settings <key> <value>` accepts, in display order. */
export const SETTABLE_KEYS: readonly string[] = Object.keys(KINDS);

/** How a key's value is read (its kind); undefined for a key that is not a setting. */
export const settingKind = (key: string): SettingKind | undefined => (Object.hasOwn(KINDS, key) ? KINDS[key] : undefined);

/** The smallest and largest whole number a numeric key allows, from the settings schema; null for other keys. */
export function numberRange(key: string): { min: number; max: number } | null {
  const kind = settingKind(key);
  if (kind === "step") return { min: 15, max: 60 };
  if (kind !== "int") return null;
  const field = (CommunitySettingsSchema.shape as Record<string, z.ZodTypeAny>)[key];
  const inner = field instanceof z.ZodDefault ? field._def.innerType : field;
  return inner instanceof z.ZodNumber && inner.minValue !== null && inner.maxValue !== null
    ? { min: inner.minValue, max: inner.maxValue }
    : null;
}

/**
 * The key a typed name means: keys are matched without regard to case (`chatminutes` is
 * chatMinutes); null when none matches.
 */
export function settingKey(typed: string): string | null {
  const t = typed.trim().toLowerCase();
  return SETTABLE_KEYS.find((k) => k.toLowerCase() === t) ?? null;
}

/** Keys close to a typed name that matches none, for "did you mean …?": typos, or a key containing the word. */
export function similarKeys(typed: string, max = 3): string[] {
  const t = typed.trim().toLowerCase();
  const byLower = new Map(SETTABLE_KEYS.map((k) => [k.toLowerCase(), k]));
  const near = closest(t, byLower.keys(), max).flatMap((k) => byLower.get(k) ?? []);
  const containing = t.length >= 4 ? SETTABLE_KEYS.filter((k) => k.toLowerCase().includes(t)) : [];
  return [...new Set([...near, ...containing])].slice(0, max);
}

/** The allowed values of a key in words: "15 to 45", "on or off", "15, 30 or 60". */
export function allowedValues(key: string): string {
  const kind = Object.hasOwn(KINDS, key) ? KINDS[key] : undefined;
  if (kind === "bool") return "on or off";
  if (kind === "step") return "15, 30 or 60";
  if (kind === "string?") return "a channel id, or none";
  if (kind === "list") return "comma-separated role ids, or none";
  if (kind === "zone") return "an IANA time zone like Europe/Berlin";
  if (key === "seekerDayStart") return "a time like 08:00, before seekerDayEnd";
  if (key === "seekerDayEnd") return "a time like 21:00 (up to 24:00), after seekerDayStart";
  const field = (CommunitySettingsSchema.shape as Record<string, z.ZodTypeAny>)[key];
  const inner = field instanceof z.ZodDefault ? field._def.innerType : field;
  if (inner instanceof z.ZodNumber) return `a whole number from ${inner.minValue ?? "?"} to ${inner.maxValue ?? "?"}`;
  return "a value";
}

/** Reads typed text into the value a key holds; null when it cannot be read at all. */
function coerce(kind: Kind, raw: string): unknown {
  const text = raw.trim();
  switch (kind) {
    case "int":
    case "step":
      return /^-?\d+$/.test(text) ? Number(text) : null;
    case "bool":
      if (/^(on|true|yes|1)$/i.test(text)) return true;
      if (/^(off|false|no|0)$/i.test(text)) return false;
      return null;
    case "string?":
      return /^(none|null|-)$/i.test(text) || text === "" ? null : text.replace(/^<#(\d+)>$/, "$1");
    case "list":
      return /^(none|-)$/i.test(text) || text === ""
        ? []
        : text
            .split(/[,\s]+/)
            .filter(Boolean)
            .map((r) => r.replace(/^<@&(\d+)>$/, "$1"));
    case "zone":
      return text;
    case "hhmm": {
      // "8", "8:30", "08:30" → "08:30"; "24" → "24:00".
      const m = /^(\d{1,2})(?::(\d{2}))?$/.exec(text);
      return m ? `${(m[1] ?? "").padStart(2, "0")}:${m[2] ?? "00"}` : null;
    }
  }
}

export type SettingProblem =
  /** `suggestions`: the keys it may have meant, best first (possibly none). */
  | { code: "UNKNOWN_SETTING"; key: string; known: readonly string[]; suggestions: string[] }
  | { code: "BAD_SETTING"; key: string; given: string; allowed: string };

/**
 * Applies `typedKey = raw` to settings and validates the whole result with the zod schema.
 * The key is matched in any case (settingKey); the result names it as spelled here.
 * Never throws: an unknown key (with the keys it may have meant) or an out-of-range value
 * comes back naming the field and the allowed range. `isZone` checks time zones (the domain
 * schema accepts any string).
 */
export function applySetting(
  settings: CommunitySettings,
  typedKey: string,
  raw: string,
  isZone: (z: string) => boolean,
): { ok: true; settings: CommunitySettings; value: unknown; key: string } | { ok: false; problem: SettingProblem } {
  const key = settingKey(typedKey);
  const kind = key === null ? undefined : settingKind(key);
  if (key === null || kind === undefined)
    return { ok: false, problem: { code: "UNKNOWN_SETTING", key: typedKey, known: SETTABLE_KEYS, suggestions: similarKeys(typedKey) } };
  const bad = { ok: false as const, problem: { code: "BAD_SETTING" as const, key, given: raw, allowed: allowedValues(key) } };
  const value = coerce(kind, raw);
  if (value === null && kind !== "string?") return bad;
  if (kind === "zone" && (typeof value !== "string" || !isZone(value))) return bad;
  const candidate: Record<string, unknown> = { ...settings, nudges: { ...settings.nudges } };
  if (key.startsWith("nudges.")) (candidate.nudges as Record<string, unknown>)[key.slice("nudges.".length)] = value;
  else candidate[key] = value;
  const parsed = CommunitySettingsSchema.safeParse(candidate);
  if (!parsed.success) return bad;
  // Waking hours must be a real span of the day.
  if (kind === "hhmm" && !(parsed.data.seekerDayStart < parsed.data.seekerDayEnd)) return bad;
  return { ok: true, settings: parsed.data, value, key };
}

/** The current value of a key, as text. */
export function settingText(settings: CommunitySettings, key: string): string {
  const v: unknown = key.startsWith("nudges.")
    ? (settings.nudges as Record<string, unknown>)[key.slice(7)]
    : (settings as Record<string, unknown>)[key];
  if (typeof v === "boolean") return v ? "on" : "off";
  if (v === null || v === undefined) return "none";
  if (Array.isArray(v)) return v.length ? v.join(",") : "none";
  return String(v);
}
