import type { Command, Parsed, ParseProblem } from "./types.js";
import { parseAvailabilityText } from "./availability-text.js";
import { parseAdmin } from "./parse-admin.js";

/** Turns a platform's member reference (`<@U123>`, `alice`) into a member id, or null. */
export type MemberResolver = (word: string) => string | null;

export const USAGE: Record<string, string> = {
  help: "help",
  status: "status",
  tags: "tags",
  profile: "profile <interests> -- <what you want to learn>",
  volunteer: "volunteer <tags> [--cap 2] [--formats video,phone] [--link <url>] [--bio <text>]",
  availability: "availability <days> <from>-<to>[; …] [<Area/City>]",
  request: "request <tags> -- <what you want to learn>",
  choose: "choose <number>|<name>|auto",
  accept: "accept [<name>]",
  decline: "decline [<name>] [reason]",
  pick: "pick <number> [with <name>]",
  happened: "happened",
  noshow: "noshow",
  reschedule: "reschedule",
  cancel: "cancel",
  pause: "pause <YYYY-MM-DD>|+2w",
  resume: "resume",
  leave: "leave",
  block: "block <member>",
  unblock: "unblock <member>",
  refer: "refer <member>",
  feedback: "feedback <1-5> [note]",
  thanks: "thanks <your note>",
  "forget-me": "forget-me",
  renew: "renew",
  admin: "admin settings|tags|stats|export|add|remove|match|queue",
  "admin settings": "admin settings [<key> <value>]",
  "admin tags": "admin tags alias|rename|merge <from> <to>",
  "admin tags list": "admin tags list",
  "admin tags unalias": "admin tags unalias <from>",
  "admin stats": "admin stats [30d|12w|6m|1y|all]",
  "admin export": "admin export [--notes] [<folder>]",
  "admin add": "admin add <member>",
  "admin remove": "admin remove <member>",
  "admin match": "admin match",
  "admin queue": "admin queue",
};

const missing = (what: string, word: string): ParseProblem => ({ code: "MISSING", what, usage: USAGE[word] ?? word });
const invalid = (what: string, given: string, word: string): ParseProblem => ({ code: "INVALID", what, given, usage: USAGE[word] ?? word });

/** Splits "--flag value" options out of free text; the text before the first flag is `rest`. */
export function splitFlags(text: string): { rest: string; flags: Record<string, string> } {
  const parts = text.split(/\s--(?=[a-z])/i);
  const flags: Record<string, string> = {};
  for (const p of parts.slice(1)) {
    const m = /^([a-z]+)\s*(.*)$/is.exec(p);
    if (m?.[1]) flags[m[1].toLowerCase()] = (m[2] ?? "").trim();
  }
  return { rest: (parts[0] ?? "").trim(), flags };
}

/** The closest known command word, for "did you mean …?". */
function suggest(word: string): string | undefined {
  const known = Object.keys(USAGE).filter((k) => !k.includes(" "));
  const dist = (a: string, b: string): number => {
    const d = Array.from({ length: a.length + 1 }, (_, i) => [i, ...Array<number>(b.length).fill(0)]);
    for (let j = 1; j <= b.length; j++) (d[0] as number[])[j] = j;
    for (let i = 1; i <= a.length; i++)
      for (let j = 1; j <= b.length; j++) {
        const row = d[i] as number[];
        const prev = d[i - 1] as number[];
        row[j] = Math.min((prev[j] ?? 0) + 1, (row[j - 1] ?? 0) + 1, (prev[j - 1] ?? 0) + (a[i - 1] === b[j - 1] ? 0 : 1));
      }
    return (d[a.length] as number[])[b.length] ?? 99;
  };
  const best = known.map((k) => [k, dist(word, k)] as const).sort((x, y) => x[1] - y[1])[0];
  return best && best[1] <= 2 ? best[0] : undefined;
}

/** Command words that take nothing: every platform reads them the same way. */
export const BARE_COMMANDS: Readonly<Record<string, Command>> = Object.freeze({
  status: { kind: "status" },
  happened: { kind: "outcome", outcome: "happened" },
  noshow: { kind: "outcome", outcome: "no_show" },
  "no-show": { kind: "outcome", outcome: "no_show" },
  "didnt-happen": { kind: "outcome", outcome: "no_show" },
  reschedule: { kind: "outcome", outcome: "rescheduled" },
  cancel: { kind: "cancel" },
  resume: { kind: "resume" },
  leave: { kind: "leave" },
  "forget-me": { kind: "forget_me" },
  forgetme: { kind: "forget_me" },
  renew: { kind: "renew" },
});

/** The argument-free command a word names, if any (own keys only: "constructor" is not a command). */
export const bareCommand = (word: string): Command | undefined => (Object.hasOwn(BARE_COMMANDS, word) ? BARE_COMMANDS[word] : undefined);

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

/** Words that confirm a command which can't be undone: `leave yes`. */
export const CONFIRM_WORDS: readonly string[] = ["yes", "confirm", "y"];

/**
 * `leave yes`, `forget-me yes`, `cancel [<name>] [yes]`: the commands that ask before acting,
 * read with their confirmation (and, for cancel, whose chat). Null for any other word.
 */
export function parseConfirmable(word: string, words: readonly string[], resolve?: MemberResolver): Command | null {
  const last = words[words.length - 1]?.toLowerCase() ?? "";
  const confirmed = CONFIRM_WORDS.includes(last);
  const name = nameOrMention((confirmed ? words.slice(0, -1) : words).join(" "), resolve);
  const yes = confirmed ? { confirmed: true as const } : {};
  switch (word) {
    case "leave":
      return { kind: "leave", ...yes };
    case "forget-me":
    case "forgetme":
      return { kind: "forget_me", ...yes };
    case "cancel":
      return { kind: "cancel", ...yes, ...(name ? { name } : {}) };
    default:
      return null;
  }
}

/**
 * Parses the words people type after `/coffee` (Slack) or at the shell prompt into a core
 * command. Never throws: anything it cannot read comes back as `unsupported` with the problem.
 */
export function parseText(input: string, resolve: MemberResolver): Parsed {
  const text = input.trim();
  const [head = "", ...restWords] = text.split(/\s+/);
  const word = head.toLowerCase();
  const rest = restWords.join(" ").trim();
  const bad = (problem: ParseProblem): Parsed => ({ kind: "unsupported", input: text, problem });
  const confirmable = parseConfirmable(word, restWords, resolve);
  if (confirmable) return confirmable;
  const bare = bareCommand(word);
  if (bare) return bare;
  switch (word) {
    case "":
    case "help":
      return rest ? { kind: "help", topic: rest } : { kind: "help" };
    case "profile": {
      if (!rest) return { kind: "profile" };
      const [interests = "", learn] = rest.split(/\s+--\s+|\s*--$/);
      return learn === undefined
        ? { kind: "profile", interests: interests.trim() }
        : { kind: "profile", interests: interests.trim(), learn: learn.trim() };
    }
    case "volunteer": {
      if (/^off$/i.test(rest)) return { kind: "volunteer_off" };
      const { rest: tags, flags } = splitFlags(rest);
      if (!tags) return bad(missing("the topics you can talk about", word));
      let capacity: number | undefined;
      if (flags.cap !== undefined) {
        // Digits only: Number("") is 0, so a bare "--cap" would silently stop every intro.
        capacity = /^\d+$/.test(flags.cap) ? Number(flags.cap) : Number.NaN;
        if (!Number.isInteger(capacity)) return bad(invalid("--cap (chats per month)", flags.cap, word));
      }
      return {
        kind: "volunteer",
        tags,
        ...(capacity !== undefined ? { capacity } : {}),
        ...(flags.bio !== undefined ? { bio: flags.bio } : {}),
        ...(flags.link !== undefined ? { link: flags.link } : {}),
        ...(flags.formats !== undefined ? { formats: flags.formats.split(/[,\s]+/).filter(Boolean) } : {}),
      };
    }
    case "availability": {
      const { rest: body, flags } = splitFlags(rest);
      if (!body) return bad(missing("your free times", word));
      const tokens = body.split(/\s+/);
      const last = tokens[tokens.length - 1] ?? "";
      const hasZone = /^[A-Za-z_]+\/[A-Za-z0-9_/+-]+$|^UTC$/.test(last);
      const windowsText = hasZone ? tokens.slice(0, -1).join(" ") : body;
      const parsed = parseAvailabilityText(windowsText);
      if (!parsed.ok) return bad(invalid("a day range and time range", parsed.bad, word));
      const datesOff = flags.off?.split(/[,\s]+/).filter(Boolean);
      return { kind: "availability", windows: parsed.windows, ...(hasZone ? { timeZone: last } : {}), ...(datesOff ? { datesOff } : {}) };
    }
    case "request": {
      const m = /^(.*?)\s*--\s*(.*)$/s.exec(rest);
      if (!rest) return bad(missing("the topics and what you want to learn", word));
      if (!m?.[2]?.trim()) return bad(missing("what you want to learn, after --", word));
      if (!m[1]?.trim()) return bad(missing("the topics, before --", word));
      return { kind: "request", tags: m[1].trim(), goals: m[2].trim() };
    }
    case "choose": {
      if (!rest) return bad(missing("which suggestion (a number, or auto)", word));
      const m = /^(.*?)\s+for\s+(.+)$/i.exec(rest);
      const what = (m?.[1] ?? rest).trim();
      const forRequest = m?.[2]?.trim() ? { forRequest: m[2].trim() } : {};
      if (/^(auto|any|pick-for-me)$/i.test(what)) return { kind: "choose", pick: "auto", ...forRequest };
      const n = Number(what);
      if (Number.isInteger(n) && n >= 1) return { kind: "choose", pick: n, ...forRequest };
      if (/^[-+\d.,]+$/.test(what)) return bad(invalid("a suggestion number", what, word));
      const id = resolve(what);
      return { kind: "choose_named", name: what, ...(id ? { memberId: id } : {}), ...forRequest };
    }
    case "accept":
      return rest ? { kind: "accept", name: nameOrMention(rest, resolve) } : { kind: "accept" };
    case "decline": {
      // A leading mention names the seeker; plain words are matched against names in the core.
      const [first = "", ...why] = restWords;
      const mentioned = first && nameOrMention(first, resolve) !== first ? nameOrMention(first, resolve) : null;
      if (mentioned) return { kind: "decline", name: mentioned, ...(why.length ? { reason: why.join(" ") } : {}) };
      return rest ? { kind: "decline", reason: rest } : { kind: "decline" };
    }
    case "pick": {
      const m = /^(\S+)(?:\s+with\s+(.+))?$/i.exec(rest);
      const n = Number(m?.[1]);
      const name = m?.[2]?.trim() ? nameOrMention(m[2], resolve) : undefined;
      return Number.isInteger(n) && n >= 1
        ? { kind: "pick", choice: n, ...(name ? { name } : {}) }
        : bad(rest ? invalid("a slot number", m?.[1] ?? rest, word) : missing("which slot (1, 2 or 3)", word));
    }
    case "pause":
      return rest ? { kind: "pause", until: rest } : bad(missing("until when", word));
    case "unblock": {
      if (!rest) return bad(missing("which member", word));
      const id = resolve(rest);
      return { kind: "unblock", name: rest, ...(id ? { memberId: id } : {}) };
    }
    case "block":
    case "refer": {
      if (!rest) return bad(missing("which member", word));
      const id = resolve(rest);
      if (!id) return bad(invalid("a member", rest, word));
      return word === "block" ? { kind: "block", memberId: id } : { kind: "refer", memberId: id };
    }
    case "feedback": {
      const [r = "", ...note] = restWords;
      const rating = Number(r);
      if (!Number.isInteger(rating) || rating < 1 || rating > 5)
        return bad(r ? invalid("a rating from 1 to 5", r, word) : missing("a rating from 1 to 5", word));
      return { kind: "feedback", rating, note: note.join(" ") };
    }
    case "thanks":
    case "thank-you":
      return rest
        ? { kind: "thanks", text: rest }
        : bad(missing("your note, e.g. thanks Your advice on portfolios helped a lot", "thanks"));
    case "tags":
    case "topics":
      return { kind: "tags" };
    case "admin":
      return parseAdmin(text, restWords, resolve, USAGE);
    default: {
      const suggestion = suggest(word);
      return bad({ code: "UNKNOWN_COMMAND", word: head, ...(suggestion ? { suggestion } : {}) });
    }
  }
}
