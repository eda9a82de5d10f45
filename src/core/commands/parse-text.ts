import { commandFromFields, type MemberResolver } from "./fields.js";
import { strayFlag } from "./flags.js";
import { normalizeTyped } from "./normalize.js";
import { commandAt, SYNTAX, splitFields } from "./syntax.js";
import type { Parsed, ParseProblem } from "./types.js";

export { type MemberResolver, nameOrMention } from "./fields.js";

/** The admin subcommands, for "which admin command" refusals. */
const ADMIN_SUBS = SYNTAX.filter((s) => s.key.startsWith("admin ")).map((s) => s.key.slice("admin ".length));

/** The closest known command word, for "did you mean …?". */
function suggest(word: string): string | undefined {
  const known = SYNTAX.map((s) => s.key).filter((k) => !k.includes(" ") && k !== "help");
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
  const best = [...known, "help"].map((k) => [k, dist(word, k)] as const).sort((x, y) => x[1] - y[1])[0];
  return best && best[1] <= 2 ? best[0] : undefined;
}

/**
 * Parses the words people type after `/coffee` (Slack) or at the shell prompt into a core
 * command: the command's words pick its entry in the syntax table, `splitFields` reads the
 * rest into named fields, and `commandFromFields` (the same reading Discord and the forms use)
 * makes the command. Never throws: anything it cannot read comes back as `unsupported` with
 * the problem.
 */
export function parseText(input: string, resolve: MemberResolver): Parsed {
  const text = normalizeTyped(input).trim();
  const [head = "", sub = ""] = text.split(/\s+/);
  const word = head.toLowerCase();
  const bad = (problem: ParseProblem): Parsed => ({ kind: "unsupported", input: text, problem });
  if (word === "") return { kind: "help" };
  const found = commandAt(text);
  if (!found) {
    if (word === "admin")
      return bad(
        sub
          ? { code: "INVALID", what: `an admin command (${ADMIN_SUBS.join(", ")})`, given: sub, command: "admin" }
          : { code: "MISSING", what: "which admin command", command: "admin" },
      );
    const suggestion = suggest(word);
    return bad({ code: "UNKNOWN_COMMAND", word: head, ...(suggestion ? { suggestion } : {}) });
  }
  const { syntax, rest } = found;
  const stray = strayFlag(syntax, rest);
  if (stray) return bad(stray);
  switch (syntax.key) {
    // A command whose typed form needs more than its table entry gets its own case here.
    default:
      return commandFromFields(syntax.key, splitFields(syntax, rest), resolve, text);
  }
}
