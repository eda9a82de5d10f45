import { isMeetingLink } from "../domain/index.js";
import { parseAvailabilityCommand } from "./availability-command.js";
import { roundsFromFields } from "./rounds-fields.js";
import { EXTRA, type Fields, syntax } from "./syntax.js";
import type { Command, Parsed, ParseProblem } from "./types.js";

/** Turns a platform's member reference (`<@U123>`, `alice`, a Discord user id) into a member id, or null. */
export type MemberResolver = (word: string) => string | null;

/**
 * Whom a name argument means: a platform mention (`<@U42|sam>`) becomes the member id the
 * resolver gives; a plain word stays a name, matched later against the people involved
 * (case-insensitive, a unique prefix is enough).
 */
export function nameOrMention(text: string, resolve?: MemberResolver): string {
  const t = text.trim();
  if (!resolve || /^@?[\p{L}\p{N}_.'-]+$/u.test(t)) return t;
  return resolve(t) ?? t;
}

/** Command words that take nothing: every surface reads them the same way. */
const BARE: Readonly<Record<string, Command>> = Object.freeze({
  tags: { kind: "tags" },
  happened: { kind: "outcome", outcome: "happened" },
  noshow: { kind: "outcome", outcome: "no_show" },
  reschedule: { kind: "outcome", outcome: "rescheduled" },
  resume: { kind: "resume" },
  "admin match": { kind: "admin_match" },
  "admin queue": { kind: "admin_queue" },
  "admin dashboard": { kind: "admin_dashboard" },
});

/**
 * The one reading of a command's named fields into a core command, for every surface: the
 * shell and Slack split typed text into fields (`splitFields`), Discord hands over its options
 * and form inputs, Slack its form inputs. Never throws: a field that can't be read comes back
 * as `unsupported` with a problem naming the command and the argument, so each surface words it
 * in its own syntax. Empty fields count as left out.
 */
export function commandFromFields(key: string, raw: Fields, resolve?: MemberResolver, input = key): Parsed {
  const s = syntax(key).key;
  const f = (name: string): string | undefined => {
    const v = raw[name];
    if (typeof v !== "string") return undefined;
    const t = v.trim();
    return t === "" ? undefined : t;
  };
  const yes = raw.confirm === true ? { confirmed: true as const } : {};
  const bad = (problem: ParseProblem): Parsed => ({ kind: "unsupported", input, problem });
  const missing = (what: string, arg?: string): Parsed => bad({ code: "MISSING", what, command: s, ...(arg ? { arg } : {}) });
  const invalid = (what: string, given: string, arg?: string): Parsed =>
    bad({ code: "INVALID", what, given, command: s, ...(arg ? { arg } : {}) });
  const bare = Object.hasOwn(BARE, s) ? BARE[s] : undefined;
  if (bare) return bare;
  switch (s) {
    // `/coffee status topics:True` is Discord's `tags`; `status celebrate:yes` its `celebrate yes`.
    case "status":
      if (f("celebrate") !== undefined) return celebrateFrom(f("celebrate"), bad);
      return raw.topics === true ? { kind: "tags" } : { kind: "status" };
    case "celebrate":
      return celebrateFrom(f("celebrate"), bad);
    case "offer": {
      const tag = f("tags");
      if (!tag || raw[EXTRA]) return missing("one topic you can help with, e.g. ux-research", "tags");
      return { kind: "offer_topic", tag };
    }
    case "help": {
      const topic = f("topic");
      return topic ? { kind: "help", topic } : { kind: "help" };
    }
    case "profile": {
      const interests = f("interests");
      const learn = typeof raw.learn === "string" ? raw.learn.trim() : undefined;
      const intro = f("intro");
      // `profile -- new goals`: the goals (or intro) change and the topics stay.
      if (!interests) return { kind: "profile", ...(learn !== undefined ? { learn } : {}), ...(intro ? { intro } : {}) };
      return { kind: "profile", interests, ...(learn !== undefined ? { learn } : {}), ...(intro ? { intro } : {}) };
    }
    case "volunteer": {
      const tags = f("tags");
      if (!tags) return missing("the topics you can talk about", "tags");
      if (/^off$/i.test(tags)) return { kind: "volunteer_off" };
      const cap = f("capacity") ?? (raw.capacity === true ? "" : undefined);
      // Digits only: Number("") is 0, so a bare "--cap" would silently stop every intro.
      if (cap !== undefined && !/^\d+$/.test(cap)) return invalid("a number of chats per month", cap, "capacity");
      const formats = f("formats");
      const bio = f("bio");
      const link = f("link");
      // The link is shown in every booking as the place to meet: a web address, as the forms always asked.
      if (link !== undefined && !isMeetingLink(link))
        return invalid("a link people can open, like https://meet.example.org/you", link, "link");
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
      const times = f("times");
      const zone = f("zone");
      if (!times) return missing("your free times, e.g. mon-fri 9-12", "times");
      // One reader for typed words, Discord's times: option and the Slack form: `add …`, `remove …`
      // and `off …` edit, a trailing zone or city is read as the zone. A zone given on its own wins;
      // the core reads it (case, cities, suggestions) so every surface words it the same way.
      const parsed = parseAvailabilityCommand(times, f("off"));
      if (parsed.kind === "unsupported") return { ...parsed, input };
      return parsed.kind === "availability" && zone !== undefined ? { ...parsed, timeZone: zone } : parsed;
    }
    // `/coffee request renew:True` is Discord's `renew` (Discord allows 25 subcommands).
    case "request": {
      if (raw.renew === true) return { kind: "renew" };
      const tags = f("tags");
      const goals = f("goals");
      if (!tags && !goals) return missing("the topics and what you want to learn");
      if (!goals) return missing("what you want to learn", "goals");
      if (!tags) return missing("the topics", "tags");
      return { kind: "request", tags, goals };
    }
    case "choose": {
      const what = f("pick");
      if (!what) return missing("which suggestion (a number, a name, or auto)", "pick");
      const forRequest = f("for") ? { forRequest: f("for") as string } : {};
      if (/^(auto|any|pick-for-me)$/i.test(what)) return { kind: "choose", pick: "auto", ...forRequest };
      const n = Number(what);
      if (Number.isInteger(n) && n >= 1) return { kind: "choose", pick: n, ...forRequest };
      if (/^[-+\d.,]+$/.test(what)) return invalid("a suggestion number", what, "pick");
      const id = resolve?.(what);
      return { kind: "choose_named", name: what, ...(id ? { memberId: id } : {}), ...forRequest };
    }
    case "accept": {
      const name = f("name");
      return name ? { kind: "accept", name: nameOrMention(name, resolve) } : { kind: "accept" };
    }
    case "decline": {
      let name = f("name");
      let reason = f("reason");
      // Typed text: a leading mention names the seeker; plain words are matched against names in the core.
      if (!name && reason) {
        const [first = "", ...why] = reason.split(/\s+/);
        const mentioned = nameOrMention(first, resolve);
        if (mentioned !== first) [name, reason] = [mentioned, why.join(" ") || undefined];
      }
      return { kind: "decline", ...(name ? { name } : {}), ...(reason ? { reason } : {}) };
    }
    case "pick": {
      const slot = f("slot");
      const n = Number(slot);
      const name = f("with");
      if (!slot) return missing("which time (1, 2 or 3)", "slot");
      if (!Number.isInteger(n) || n < 1) return invalid("the number of a time (1, 2 or 3)", slot, "slot");
      return { kind: "pick", choice: n, ...(name ? { name: nameOrMention(name, resolve) } : {}) };
    }
    case "cancel": {
      const name = f("with");
      return { kind: "cancel", ...yes, ...(name ? { name: nameOrMention(name, resolve) } : {}) };
    }
    case "leave":
      return { kind: "leave", ...yes };
    case "forget-me":
      return { kind: "forget_me", ...yes };
    case "pause": {
      const until = f("until");
      return until ? { kind: "pause", until } : missing("until when", "until");
    }
    case "unblock": {
      const who = f("member");
      if (!who) return missing("which member", "member");
      const id = resolve?.(who);
      return { kind: "unblock", name: who, ...(id ? { memberId: id } : {}) };
    }
    case "block":
    case "refer": {
      const who = f("member");
      if (!who) return missing("which member", "member");
      const id = resolve?.(who);
      if (!id) return invalid("a member", who, "member");
      return s === "block" ? { kind: "block", memberId: id } : { kind: "refer", memberId: id };
    }
    case "feedback": {
      const r = f("rating");
      const rating = Number(r);
      if (!r) return missing("a rating from 1 to 5", "rating");
      if (!Number.isInteger(rating) || rating < 1 || rating > 5) return invalid("a rating from 1 to 5", r, "rating");
      return { kind: "feedback", rating, note: f("note") ?? "" };
    }
    case "renew":
      return { kind: "renew" };
    case "rounds":
      return roundsFromFields(f, raw, bad);
    case "thanks": {
      const note = f("note");
      return note ? { kind: "thanks", text: note } : missing("your note, e.g. Your advice on portfolios helped a lot", "note");
    }
    default:
      return adminFromFields(s, f, raw, resolve, bad);
  }
}

/** The admin half of `commandFromFields`; whether the person may run it is the core's decision. */
function adminFromFields(
  s: string,
  f: (name: string) => string | undefined,
  raw: Fields,
  resolve: MemberResolver | undefined,
  bad: (p: ParseProblem) => Parsed,
): Parsed {
  const missing = (what: string, arg?: string): Parsed => bad({ code: "MISSING", what, command: s, ...(arg ? { arg } : {}) });
  switch (s) {
    case "admin settings": {
      const key = f("key");
      const value = f("value");
      if (!key) return value ? missing("the setting to change", "key") : { kind: "admin_settings" };
      return value ? { kind: "admin_settings", set: { key, value } } : missing(`a value for ${key}`, "value");
    }
    case "admin tags": {
      const given = f("op");
      const op = given?.toLowerCase() ?? (f("from") === undefined ? "list" : undefined);
      const from = f("from");
      const to = f("to");
      if (op === "list") return { kind: "admin_tags_list" };
      if (op === "unalias")
        return from && !to && !raw[EXTRA] ? { kind: "admin_tags_unalias", from } : missing("the one alias to remove", "from");
      if (op !== "alias" && op !== "rename" && op !== "merge")
        return bad(
          given
            ? { code: "INVALID", what: "list, alias, unalias, rename or merge", given, command: s, arg: "op" }
            : { code: "MISSING", what: "list, alias, unalias, rename or merge", command: s, arg: "op" },
        );
      if (!from || !to || raw[EXTRA])
        return missing("the tag to change and the tag it becomes (use dashes inside a tag: machine-learning)");
      return { kind: "admin_tags", op, from, to };
    }
    case "admin rounds": {
      const op = f("op")?.toLowerCase();
      if (op === undefined || op === "show") return { kind: "admin_rounds" };
      if (op === "run") return { kind: "admin_rounds", run: true };
      return bad({ code: "INVALID", what: "run (or nothing, to see the rounds)", given: op, command: s, arg: "op" });
    }
    case "admin post": {
      const op = f("op")?.toLowerCase();
      if (op === undefined || op === "show") return { kind: "admin_post" };
      if (op === "now") return { kind: "admin_post", now: true };
      return bad({ code: "INVALID", what: "now (or nothing, to preview the post)", given: op, command: s, arg: "op" });
    }
    case "admin stats": {
      const period = f("period");
      return period ? { kind: "admin_stats", period } : { kind: "admin_stats" };
    }
    case "admin export": {
      const path = f("path") ?? "";
      // A folder name holds no control characters (a null byte would reach the filesystem as-is).
      if ([...path].some((ch) => ch < " " || ch === "\u007f"))
        return bad({ code: "INVALID", what: "a folder name (it has a control character in it)", given: path, command: s, arg: "path" });
      return { kind: "admin_export", includeNotes: raw.notes === true, ...(path ? { path } : {}) };
    }
    case "admin add":
    case "admin remove": {
      const who = f("member");
      if (!who) return missing("which member", "member");
      const id = resolve?.(who);
      if (!id) return bad({ code: "INVALID", what: "a member", given: who, command: s, arg: "member" });
      return s === "admin add" ? { kind: "admin_add", memberId: id } : { kind: "admin_remove", memberId: id };
    }
    default:
      return bad({ code: "UNKNOWN_COMMAND", word: s });
  }
}

const YES = new Set(["yes", "y", "on", "true"]);
const NO = new Set(["no", "n", "off", "false"]);

/** `celebrate yes|no` (also on/off). */
function celebrateFrom(given: string | undefined, bad: (p: ParseProblem) => Parsed): Parsed {
  const t = given?.toLowerCase();
  if (t !== undefined && YES.has(t)) return { kind: "celebrate", yes: true };
  if (t !== undefined && NO.has(t)) return { kind: "celebrate", yes: false };
  const what = "yes or no";
  return bad(
    given === undefined
      ? { code: "MISSING", what, command: "celebrate", arg: "celebrate" }
      : { code: "INVALID", what, given, command: "celebrate", arg: "celebrate" },
  );
}
