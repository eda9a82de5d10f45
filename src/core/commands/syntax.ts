/**
 * The one command-syntax table: every command people can type, its words, and each argument
 * with how it is written in text (shell and Slack) and which Discord option carries it. Parsing
 * typed text (`splitFields`), Discord options and forms all produce the same named fields from
 * it, and every surface renders usage lines and examples from it (src/text/syntax.ts).
 */

/** How an argument is written in typed text. */
export type TextForm =
  /** The remaining words (what is left after every other argument is taken out). */
  | "words"
  /** One leading word. */
  | "word"
  /** Leading words that name someone; in text they stay inside the next argument and the core picks them out. */
  | "lead"
  /** The trailing word, when it looks like `Area/City` (or UTC). */
  | "zone"
  /** The text after a marker word: `-- <goals>`, `with <name>`, `for <words>`. */
  | { after: "--" | "with" | "for" }
  /** `--flag value` (or a bare `--flag` for a yes/no argument). */
  | { flag: string }
  /** A trailing confirmation word: `yes`. */
  | "yes";

export interface ArgSyntax {
  /** The field name; also the Discord option name unless `discord` says otherwise (or false: text only). */
  name: string;
  /** What goes there, in a word or two: shown as `<placeholder>`. */
  placeholder: string;
  text: TextForm | false;
  discord?: false;
  required?: boolean;
  /** A yes/no argument (Discord boolean option; `yes` or a bare flag in text). */
  boolean?: boolean;
}

export interface CommandSyntax {
  /** What people type after the command word(s); also the help topic: `help admin tags`. */
  key: string;
  /** Other words that mean the same command. */
  aliases?: readonly string[];
  args: readonly ArgSyntax[];
  /** On Discord, typed as another command with these options (`tags` is `status topics:True`: Discord allows 25 subcommands). */
  discordAs?: { key: string; fields: Readonly<Record<string, string | boolean>> };
}

const a = (name: string, placeholder: string, text: TextForm | false, extra: Partial<ArgSyntax> = {}): ArgSyntax => ({
  name,
  placeholder,
  text,
  ...extra,
});
const req = { required: true } as const;
const member = [a("member", "member", "words", req)];

/** Every command, in the order help lists them. Field names are the Discord option names. */
export const SYNTAX: readonly CommandSyntax[] = [
  { key: "help", aliases: ["?"], args: [a("topic", "command", "words")] },
  { key: "status", args: [a("topics", "true", false, { boolean: true }), a("celebrate", "yes|no", false)] },
  { key: "tags", aliases: ["topics"], args: [], discordAs: { key: "status", fields: { topics: true } } },
  { key: "profile", args: [a("interests", "topics", "words"), a("learn", "what you want to learn", { after: "--" })] },
  {
    key: "volunteer",
    args: [
      a("tags", "topics", "words", req),
      a("capacity", "chats per month", { flag: "cap" }),
      a("formats", "video,phone", { flag: "formats" }),
      a("link", "url", { flag: "link" }),
      a("bio", "a line about you", { flag: "bio" }),
    ],
  },
  {
    key: "availability",
    args: [a("times", "days from-to", "words", req), a("zone", "Area/City", "zone"), a("off", "dates off", { flag: "off" })],
  },
  {
    key: "request",
    args: [
      a("tags", "topics", "words", req),
      a("goals", "what you want to learn", { after: "--" }, req),
      a("renew", "true", false, { boolean: true }),
    ],
  },
  {
    key: "choose",
    args: [a("pick", "number, name or auto", "words", req), a("for", "words of the request", { after: "for" }, { discord: false })],
  },
  { key: "accept", args: [a("name", "name", "words")] },
  { key: "decline", args: [a("name", "name", "lead"), a("reason", "reason", "words")] },
  { key: "pick", args: [a("slot", "number", "word", req), a("with", "name", { after: "with" })] },
  { key: "happened", args: [] },
  { key: "noshow", aliases: ["no-show", "didnt-happen"], args: [] },
  { key: "reschedule", args: [] },
  { key: "cancel", args: [a("with", "name", "words"), a("confirm", "yes", "yes", { boolean: true })] },
  { key: "pause", args: [a("until", "+2w, friday or a date", "words", req)] },
  { key: "resume", args: [] },
  { key: "leave", args: [a("confirm", "yes", "yes", { boolean: true })] },
  { key: "block", args: member },
  { key: "unblock", args: member },
  { key: "refer", args: member },
  { key: "feedback", args: [a("rating", "1-5", "word", req), a("note", "note", "words")] },
  { key: "thanks", aliases: ["thank-you"], args: [a("note", "your note", "words", req)] },
  { key: "forget-me", aliases: ["forgetme"], args: [a("confirm", "yes", "yes", { boolean: true })] },
  { key: "renew", args: [], discordAs: { key: "request", fields: { renew: true } } },
  { key: "offer", args: [a("tags", "topic", "word", req)], discordAs: { key: "volunteer", fields: {} } },
  { key: "celebrate", args: [a("celebrate", "yes|no", "word", req)], discordAs: { key: "status", fields: {} } },
  {
    key: "rounds",
    args: [a("op", "join|skip|leave|met|missed|pick", "word", req), a("time", "n", "word"), a("group", "group <team or cohort>", "words")],
  },
  {
    key: "admin settings",
    aliases: ["admin setting", "admin set"],
    args: [a("key", "key", "word"), a("value", "value", "words"), a("show", "true", false, { boolean: true })],
  },
  {
    key: "admin tags",
    aliases: ["admin tag"],
    args: [a("op", "list|alias|unalias|rename|merge", "word"), a("from", "from", "word"), a("to", "to", "word")],
  },
  { key: "admin stats", args: [a("period", "30d|12w|6m|1y|all", "word")] },
  {
    key: "admin export",
    args: [a("notes", "true", { flag: "notes" }, { boolean: true }), a("path", "folder", "words", { discord: false })],
  },
  { key: "admin add", args: member },
  { key: "admin remove", args: member },
  { key: "admin match", args: [] },
  { key: "admin queue", aliases: ["admin waitlist"], args: [] },
  { key: "admin dashboard", args: [] },
  { key: "admin rounds", args: [a("op", "run", "word")] },
  { key: "admin post", args: [a("op", "now", "word")] },
];

const BY_WORDS: ReadonlyMap<string, CommandSyntax> = new Map(
  SYNTAX.flatMap((s) => [s.key, ...(s.aliases ?? [])].map((w) => [w, s] as const)),
);

/** The syntax of a command by its key or alias (`"admin tag"`, `"no-show"`), or undefined. */
export const syntaxOf = (words: string): CommandSyntax | undefined => BY_WORDS.get(words.toLowerCase());

/** The table entry a key names; for keys known at compile time. */
export function syntax(key: string): CommandSyntax {
  const s = syntaxOf(key);
  if (!s) throw new Error(`no syntax for "${key}"`, { cause: key });
  return s;
}

/**
 * Finds the command at the start of typed text (`admin tags alias ux ux-design`): its syntax
 * and the text after its words; undefined when the first word is no command.
 */
export function commandAt(text: string): { syntax: CommandSyntax; rest: string } | undefined {
  const words = text.trim().split(/\s+/);
  for (const n of [2, 1]) {
    const s = syntaxOf(words.slice(0, n).join(" "));
    if (s && words.length >= n) return { syntax: s, rest: words.slice(n).join(" ") };
  }
  return undefined;
}

/** Named fields as every surface hands them over: text, or yes/no for boolean arguments. */
export type Fields = Record<string, string | boolean | undefined>;

/** The field holding words no argument of the command takes. */
export const EXTRA = "_extra";

/** Words that confirm a command which can't be undone: `leave yes`. */
export const CONFIRM_WORDS: readonly string[] = ["yes", "confirm", "y"];

const ZONE_WORD = /^[A-Za-z_]+\/[A-Za-z0-9_/+-]+$|^UTC$/;

/**
 * Splits typed text (after the command words) into the command's named fields, by the text form
 * of each argument in the table. Only shape is read here; values are checked by
 * `commandFromFields`, the same for every surface.
 */
export function splitFields(s: CommandSyntax, input: string): Fields {
  const out: Fields = {};
  let text = ` ${input.trim()}`;
  const take = (name: string, v: string | boolean) => {
    if (v !== "") out[name] = v;
  };
  // `--flag value` options: the text before the first flag stays for the other arguments.
  const flags = s.args.filter((x) => typeof x.text === "object" && "flag" in x.text);
  if (flags.length) {
    const parts = text.split(/\s--(?=[a-z])/i);
    const kept = [parts[0] ?? ""];
    for (const p of parts.slice(1)) {
      const m = /^([a-z]+)\s*(.*)$/is.exec(p);
      const arg = flags.find((f) => typeof f.text === "object" && "flag" in f.text && f.text.flag === m?.[1]?.toLowerCase());
      if (!arg || !m) continue;
      // A value flag given without its value (`--cap`) is kept as `true`, so the reading can refuse it.
      take(arg.name, arg.boolean || !(m[2] ?? "").trim() ? true : (m[2] ?? "").trim());
      // A yes/no flag takes no value: the words after it belong to the other arguments.
      if (arg.boolean) kept.push((m[2] ?? "").trim());
    }
    text = ` ${kept.join(" ").trim()}`;
  }
  for (const arg of s.args) {
    if (typeof arg.text !== "object" || !("after" in arg.text)) continue;
    const marker = arg.text.after === "--" ? "--" : arg.text.after;
    const m = new RegExp(`^(.*?)\\s${marker}(?:\\s+(.*))?$`, marker === "--" ? "s" : "is").exec(text);
    if (m) {
      take(arg.name, (m[2] ?? "").trim());
      text = ` ${(m[1] ?? "").trim()}`;
      if (out[arg.name] === undefined) out[arg.name] = "";
    }
  }
  let words = text.trim().split(/\s+/).filter(Boolean);
  const yes = s.args.find((x) => x.text === "yes");
  if (yes && CONFIRM_WORDS.includes(words[words.length - 1]?.toLowerCase() ?? "")) {
    out[yes.name] = true;
    words = words.slice(0, -1);
  }
  const zone = s.args.find((x) => x.text === "zone");
  const last = words[words.length - 1] ?? "";
  if (zone && words.length > 1 && ZONE_WORD.test(last)) {
    out[zone.name] = last;
    words = words.slice(0, -1);
  }
  for (const arg of s.args) {
    if (arg.text === "word" && words.length) take(arg.name, words.shift() ?? "");
    if (arg.text === "words") {
      take(arg.name, words.join(" "));
      words = [];
    }
  }
  // Words no argument takes (`admin tags alias machine learning ml`): kept, so the reading can refuse them.
  if (words.length) out[EXTRA] = words.join(" ");
  return out;
}
