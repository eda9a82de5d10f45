import { type ArgSyntax, type CommandSyntax, commandAt, type Fields, SYNTAX, splitFields, syntaxOf } from "../core/commands/index.js";

/** The three places people type commands; each writes them its own way. */
export type Surface = "shell" | "slack" | "discord";

/**
 * Commands rendered from the one syntax table (core/commands/syntax.ts) in a surface's own
 * syntax: shell and Slack words (`volunteer <topics> --cap <n>`), Discord options
 * (`volunteer tags:<topics> capacity:<n>`). Nothing here rewrites strings: every line is built
 * from a command's entry and named fields.
 */
/** The admin commands' second words: `admin` alone is no command, only their family. */
export const ADMIN_SUBS: readonly string[] = SYNTAX.filter((s) => s.key.startsWith("admin ")).map((s) => s.key.slice("admin ".length));

const onDiscord = (a: ArgSyntax): boolean => a.discord !== false;

/** One argument with its value, as written on the surface; "" when the surface has no place for it. */
function renderArg(a: ArgSyntax, value: string | boolean, surface: Surface): string {
  const v = value === true ? (surface === "discord" ? "True" : "") : String(value);
  if (surface === "discord") return onDiscord(a) ? `${a.name}:${v}` : "";
  const t = a.text;
  if (t === false) return "";
  if (t === "yes") return value === true ? "yes" : "";
  if (typeof t === "object" && "flag" in t) return a.boolean ? `--${t.flag}` : `--${t.flag} ${v}`;
  if (typeof t === "object" && "after" in t) return `${t.after} ${v}`;
  return v;
}

const line = (s: CommandSyntax, parts: string[]): string => [s.key, ...parts.filter(Boolean)].join(" ");

/** The usage line of a command on a surface, without `/coffee`: `pick <number> [with <name>]`. */
export function usageOf(key: string, surface: Surface): string {
  const s = syntaxOf(key);
  if (key === "admin") return `admin ${ADMIN_SUBS.join("|")}`;
  if (!s) return key;
  if (surface === "discord" && s.discordAs) return commandOf(s.discordAs.key, s.discordAs.fields, surface);
  const parts = s.args.map((a) => {
    const shown = renderArg(a, a.boolean ? true : `<${a.placeholder}>`, surface);
    return shown && !a.required ? `[${shown}]` : shown;
  });
  return line(s, parts);
}

/**
 * The short usage line for a list of commands: the required arguments, and `[…]` when there are
 * options (`help <command>` explains them): `volunteer <topics> […]`.
 */
export function shortUsageOf(key: string, surface: Surface): string {
  const s = syntaxOf(key);
  if (!s || (surface === "discord" && s.discordAs)) return usageOf(key, surface);
  const shown = s.args.filter((a) => surface !== "discord" || onDiscord(a)).filter((a) => surface === "discord" || a.text !== false);
  const parts = shown.filter((a) => a.required).map((a) => renderArg(a, `<${a.placeholder}>`, surface));
  return line(s, [...parts, shown.some((a) => !a.required) ? "[…]" : ""]);
}

/** A command with the given values on a surface, without `/coffee`: `pause until:+2w`. */
export function commandOf(key: string, fields: Fields, surface: Surface): string {
  const s = syntaxOf(key);
  if (!s) return key;
  if (surface === "discord" && s.discordAs) return commandOf(s.discordAs.key, { ...s.discordAs.fields, ...fields }, surface);
  return line(
    s,
    s.args.map((a) => {
      const v = fields[a.name];
      return v === undefined || v === false || v === "" ? "" : renderArg(a, v, surface);
    }),
  );
}

/**
 * A command typed in shell words (`pause +2w`, `request <tags> -- <what you want to learn>`),
 * read with the same grammar the shell parses with, then written for the surface.
 */
export function lineOf(typed: string, surface: Surface): string {
  if (surface !== "discord") return typed;
  const found = commandAt(typed);
  return found ? commandOf(found.syntax.key, splitFields(found.syntax, found.rest), surface) : typed;
}

/** How an argument is written on the surface, to point at it: `--cap`, `after --`, `capacity:`. */
export function argOf(key: string, name: string, surface: Surface): string | undefined {
  const a = syntaxOf(key)?.args.find((x) => x.name === name);
  if (!a) return undefined;
  if (surface === "discord") return onDiscord(a) ? `${a.name}:` : undefined;
  const t = a.text;
  if (typeof t === "object" && "flag" in t) return `--${t.flag}`;
  if (typeof t === "object" && "after" in t) return `after ${t.after}`;
  return undefined;
}

/** One argument's form in a help listing: `<topics>`, `--cap <chats per month>`, `capacity:<chats per month>`. */
export function argFormOf(key: string, name: string, surface: Surface): string {
  const a = syntaxOf(key)?.args.find((x) => x.name === name);
  return a ? renderArg(a, a.boolean ? true : `<${a.placeholder}>`, surface) : name;
}
