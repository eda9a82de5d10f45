import { commandFromFields, type Fields, type Parsed, syntaxOf } from "../core/commands/index.js";
import { normalizeField } from "../core/commands/normalize.js";
import { type FormKind, formKindOf } from "../text/index.js";
import { memberIdOf } from "./ids.js";

export { FORM_KINDS as FORMS, type FormKind } from "../text/index.js";

/** An option's value as Discord delivers it; user options arrive as the user's id. */
export type OptionValue = string | number | boolean;
export type Options = Readonly<Record<string, OptionValue | undefined>>;

/** A slash command read into a core command, a problem to show, or "open the form". */
export type SlashParsed = Parsed | { kind: "form"; form: FormKind };

/**
 * Options as named fields: numbers as the text a person would type, yes/no as booleans, text
 * as the person meant it (no smart quotes, odd spaces or invisible characters).
 */
const fieldsOf = (opts: Options): Fields =>
  Object.fromEntries(
    Object.entries(opts).map(([k, v]) => [k, typeof v === "number" ? String(v) : typeof v === "string" ? normalizeField(v) : v]),
  );

/** A user option's id as this guild's member id; anything else names nobody. */
const memberOf =
  (guildId: string) =>
  (word: string): string | null =>
    /^\d{1,22}$/.test(word) ? memberIdOf(guildId, word) : null;

/**
 * Turns `/coffee <sub>` (or `/coffee admin <sub>`) and its options into a core command through
 * `commandFromFields`, the same reading the shell, Slack and the forms use: option names are
 * the command's field names. Never throws. The four profile-like commands with no options at
 * all ask for their form instead.
 */
export function parseSlash(sub: string, opts: Options, guildId: string, allowForm = true): SlashParsed {
  const given = Object.values(opts).some((v) => v !== undefined && String(v).trim() !== "");
  const form = formKindOf(sub);
  if (allowForm && !given && form) return { kind: "form", form };
  const s = syntaxOf(sub);
  if (!s || s.key !== sub) return { kind: "unsupported", input: `/coffee ${sub}`, problem: { code: "UNKNOWN_COMMAND", word: sub } };
  return commandFromFields(sub, fieldsOf(opts), memberOf(guildId), `/coffee ${sub}`);
}

/** `/coffee admin <sub>` and its options; whether the person may run it is the core's decision. */
export function parseAdminSlash(sub: string, opts: Options, guildId: string): Parsed {
  const key = `admin ${sub}`;
  if (syntaxOf(key)?.key !== key)
    return {
      kind: "unsupported",
      input: `/coffee ${key}`,
      problem: {
        code: "INVALID",
        what: "an admin command (settings, tags, stats, export, add, remove, match, queue, dashboard)",
        given: sub,
        command: "admin",
      },
    };
  return commandFromFields(key, fieldsOf(opts), memberOf(guildId), `/coffee ${key}`);
}

/** A submitted form read like the slash command it stands for; empty fields count as left out. */
export function parseForm(form: FormKind, fields: Options, guildId: string): Parsed {
  const r = parseSlash(form, fields, guildId, false);
  return r.kind === "form"
    ? { kind: "unsupported", input: form, problem: { code: "MISSING", what: "the form's fields", command: form } }
    : r;
}
