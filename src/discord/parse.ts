import { bareCommand, parseAvailabilityText, parseConfirmable, USAGE, type Parsed, type ParseProblem } from "../core/commands/index.js";
import { isValidZone } from "../core/time/index.js";
import { memberIdOf } from "./ids.js";

/** An option's value as Discord delivers it; user options arrive as the user's id. */
export type OptionValue = string | number | boolean;
export type Options = Readonly<Record<string, OptionValue | undefined>>;

/** The forms (modals) that stand in for options a person left out. */
export const FORMS = ["profile", "volunteer", "availability", "request"] as const;
export type FormKind = (typeof FORMS)[number];

/** A slash command read into a core command, a problem to show, or "open the form". */
export type SlashParsed = Parsed | { kind: "form"; form: FormKind };

const text = (v: OptionValue | undefined): string | undefined => {
  if (v === undefined) return undefined;
  const s = String(v).trim();
  return s === "" ? undefined : s;
};

/**
 * Turns `/coffee <sub>` and its options into the same core command the shell's `parseText`
 * produces for the same intent. Never throws: bad input comes back as `unsupported` with the
 * problem (worded later with the slash form of the usage). The four profile-like commands
 * with no options at all ask for their form instead.
 */
export function parseSlash(sub: string, opts: Options, guildId: string, allowForm = true): SlashParsed {
  const o = (name: string) => text(opts[name]);
  const given = Object.values(opts).some((v) => text(v) !== undefined);
  const bad = (problem: ParseProblem): Parsed => ({ kind: "unsupported", input: `/coffee ${sub}`, problem });
  const missing = (what: string, word = sub): Parsed => bad({ code: "MISSING", what, usage: USAGE[word] ?? word });
  const invalid = (what: string, v: string, word = sub): Parsed => bad({ code: "INVALID", what, given: v, usage: USAGE[word] ?? word });
  if (allowForm && !given && (FORMS as readonly string[]).includes(sub)) return { kind: "form", form: sub as FormKind };
  // leave / forget-me / cancel: `confirm:True` is the "yes", `with:` whose chat.
  const confirmable = parseConfirmable(sub, [...(o("with")?.split(/\s+/) ?? []), ...(opts.confirm === true ? ["yes"] : [])]);
  if (confirmable) return confirmable;
  // `/coffee status topics:True` is the shell's `tags` (Discord has no room for a 26th subcommand).
  if ((sub === "status" && opts.topics === true) || sub === "tags") return { kind: "tags" };
  const bare = bareCommand(sub);
  if (bare) return bare;
  switch (sub) {
    case "help": {
      const topic = o("topic");
      return topic ? { kind: "help", topic } : { kind: "help" };
    }
    case "profile": {
      const interests = o("interests");
      const learn = o("learn");
      if (!interests) return missing("interests: the topics you're exploring");
      return learn ? { kind: "profile", interests, learn } : { kind: "profile", interests };
    }
    case "volunteer": {
      const tags = o("tags");
      if (!tags) return missing("tags: the topics you can talk about");
      if (/^off$/i.test(tags)) return { kind: "volunteer_off" };
      const cap = o("capacity");
      if (cap !== undefined && !/^\d+$/.test(cap)) return invalid("capacity (chats per month)", cap);
      const formats = o("formats");
      const bio = o("bio");
      const link = o("link");
      return {
        kind: "volunteer",
        tags,
        ...(cap !== undefined ? { capacity: Number(cap) } : {}),
        ...(bio !== undefined ? { bio } : {}),
        ...(link !== undefined ? { link } : {}),
        ...(formats !== undefined ? { formats: formats.split(/[,\s]+/).filter(Boolean) } : {}),
      };
    }
    case "availability": {
      const times = o("times");
      const zone = o("zone");
      if (!times) return missing("times: your free times, e.g. mon-fri 9-12");
      if (zone !== undefined && !isValidZone(zone)) return invalid("a time zone (pick one from the list, e.g. Europe/Berlin)", zone);
      const parsed = parseAvailabilityText(times);
      if (!parsed.ok) return invalid("a day range and time range", parsed.bad);
      const datesOff = o("off")
        ?.split(/[,\s]+/)
        .filter(Boolean);
      return { kind: "availability", windows: parsed.windows, ...(zone ? { timeZone: zone } : {}), ...(datesOff ? { datesOff } : {}) };
    }
    case "request": {
      const tags = o("tags");
      const goals = o("goals");
      if (!tags && !goals) return missing("the topics and what you want to learn");
      if (!goals) return missing("goals: what you want to learn");
      if (!tags) return missing("tags: the topics");
      return { kind: "request", tags, goals };
    }
    case "choose": {
      const pick = o("pick");
      if (!pick) return missing("which suggestion (a number, or auto)");
      if (/^(auto|any|pick-for-me)$/i.test(pick)) return { kind: "choose", pick: "auto" };
      const n = Number(pick);
      if (Number.isInteger(n) && n >= 1) return { kind: "choose", pick: n };
      return /^[-+\d.,]+$/.test(pick) ? invalid("a suggestion number", pick) : { kind: "choose_named", name: pick };
    }
    case "accept": {
      const name = o("name");
      return name ? { kind: "accept", name } : { kind: "accept" };
    }
    case "decline": {
      const reason = o("reason");
      const name = o("name");
      return { kind: "decline", ...(name ? { name } : {}), ...(reason ? { reason } : {}) };
    }
    case "pick": {
      const slot = o("slot");
      const n = Number(slot);
      const name = o("with");
      return slot && Number.isInteger(n) && n >= 1
        ? { kind: "pick", choice: n, ...(name ? { name } : {}) }
        : slot
          ? invalid("a slot number", slot)
          : missing("which slot (1, 2 or 3)");
    }
    case "pause": {
      const until = o("until");
      return until ? { kind: "pause", until } : missing("until when");
    }
    case "block":
    case "refer":
    case "unblock": {
      const user = o("member");
      if (!user) return missing("which member");
      if (!/^\d{1,22}$/.test(user)) return invalid("a member", user);
      const memberId = memberIdOf(guildId, user);
      return sub === "block" ? { kind: "block", memberId } : sub === "refer" ? { kind: "refer", memberId } : { kind: "unblock", memberId };
    }
    case "feedback": {
      const r = o("rating");
      const rating = Number(r);
      if (!r) return missing("a rating from 1 to 5");
      if (!Number.isInteger(rating) || rating < 1 || rating > 5) return invalid("a rating from 1 to 5", r);
      return { kind: "feedback", rating, note: o("note") ?? "" };
    }
    case "thanks": {
      const note = o("note")?.trim();
      return note ? { kind: "thanks", text: note } : missing("your note");
    }
    default:
      return bad({ code: "UNKNOWN_COMMAND", word: sub });
  }
}

/** A submitted form read like the slash command it stands for; empty fields count as left out. */
export function parseForm(form: FormKind, fields: Options, guildId: string): Parsed {
  const r = parseSlash(form, fields, guildId, false);
  return r.kind === "form"
    ? { kind: "unsupported", input: form, problem: { code: "MISSING", what: "the form's fields", usage: USAGE[form] ?? form } }
    : r;
}
