import type { ParseProblem } from "./types.js";

/**
 * The `--flag` options each typed command accepts. A flag a command does not know is refused
 * naming these, so `volunteer ml --foo bar` never saves "foo bar" anywhere.
 */
export const ACCEPTED_FLAGS: Readonly<Record<string, readonly string[]>> = Object.freeze({
  volunteer: ["cap", "formats", "link", "bio"],
  availability: ["off"],
  request: [],
  profile: [],
});

/** `--cap, --formats, --link or --bio`. */
function flagList(names: readonly string[]): string {
  const l = names.map((n) => `--${n}`);
  return l.length < 2 ? l.join("") : `${l.slice(0, -1).join(", ")} or ${l[l.length - 1]}`;
}

/**
 * The refusal for a flag `word` does not take (null when every flag is known). The problem
 * echoes the flag and names the ones the command accepts, with its usage line.
 */
export function unknownFlag(word: string, flags: Readonly<Record<string, string>>, usage: string): ParseProblem | null {
  const known = Object.hasOwn(ACCEPTED_FLAGS, word) ? (ACCEPTED_FLAGS[word] ?? []) : [];
  const stray = Object.keys(flags).find((f) => !known.includes(f));
  if (stray === undefined) return null;
  const what = known.length ? `an option of ${word} (it takes ${flagList(known)})` : `an option of ${word} (it takes none)`;
  return { code: "INVALID", what, given: `--${stray}`, usage };
}

/**
 * For `profile` and `request`, whose only `--` is the separator before what you want to learn:
 * a `--word` glued to a word before that separator (`request ml --foo`) is a flag they don't
 * take. Returns the refusal, or null.
 */
export function strayFlagBeforeSeparator(word: string, text: string, usage: string): ParseProblem | null {
  const sep = /(?:^|\s)--(?=\s|$)/.exec(text);
  const head = sep ? text.slice(0, sep.index) : text;
  const m = /(?:^|\s)--([\p{L}\p{N}][\p{L}\p{N}_-]*)/u.exec(head);
  if (!m?.[1]) return null;
  return { code: "INVALID", what: `an option of ${word} (put a space after --, then what you want to learn)`, given: `--${m[1]}`, usage };
}
