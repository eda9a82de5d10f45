import { type CommandSyntax, SYNTAX } from "./syntax.js";
import type { ParseProblem } from "./types.js";

/** The `--flag` names a command takes in typed text, from its syntax. */
const flagsOf = (s: CommandSyntax): string[] =>
  s.args.flatMap((a) => (typeof a.text === "object" && "flag" in a.text ? [a.text.flag] : []));

/** Every flag name some typed command takes (`cap`, `off`, `notes`, …). */
export const FLAG_NAMES: ReadonlySet<string> = new Set(SYNTAX.flatMap(flagsOf));

/** `--cap, --formats, --link or --bio`. */
function flagList(names: readonly string[]): string {
  const l = names.map((n) => `--${n}`);
  return l.length < 2 ? l.join("") : `${l.slice(0, -1).join(", ")} or ${l[l.length - 1]}`;
}

/**
 * The refusal for a `--word` the command does not take, so `volunteer ml --foo bar` never
 * saves "foo bar" anywhere (null when every flag is known). For commands whose `--` is the
 * separator before what you want to learn (`request`, `profile`), only the words before that
 * separator are looked at: after it, `--` is the person's own text.
 */
export function strayFlag(s: CommandSyntax, text: string): ParseProblem | null {
  const known = flagsOf(s);
  const separated = s.args.some((a) => typeof a.text === "object" && "after" in a.text && a.text.after === "--");
  const sep = separated ? /(?:^|\s)--(?=\s|$)/.exec(text) : null;
  const head = sep ? text.slice(0, sep.index) : text;
  for (const m of head.matchAll(/(?:^|\s)--([\p{L}\p{N}][\p{L}\p{N}_-]*)/gu)) {
    const name = (m[1] ?? "").toLowerCase();
    if (known.includes(name)) continue;
    const what = known.length
      ? `an option of ${s.key} (it takes ${flagList(known)})`
      : separated
        ? `an option of ${s.key} (put a space after --, then what you want to learn)`
        : `an option of ${s.key} (it takes none)`;
    return { code: "INVALID", what, given: `--${m[1]}`, command: s.key };
  }
  return null;
}
