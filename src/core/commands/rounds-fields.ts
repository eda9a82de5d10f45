import { EXTRA, type Fields } from "./syntax.js";
import type { Parsed, ParseProblem } from "./types.js";

const ROUND_OPS = ["join", "skip", "leave", "met", "missed", "pick"] as const;

/** `rounds join [group <name>]`, `rounds pick <n>`, `rounds skip|leave|met|missed`. */
export function roundsFromFields(f: (name: string) => string | undefined, raw: Fields, bad: (p: ParseProblem) => Parsed): Parsed {
  const given = f("op")?.toLowerCase();
  const op = ROUND_OPS.find((o) => o === given);
  const what = "join, skip, leave, met, missed or pick";
  if (!op)
    return bad(
      given ? { code: "INVALID", what, given, command: "rounds", arg: "op" } : { code: "MISSING", what, command: "rounds", arg: "op" },
    );
  if (op === "pick") {
    const time = f("time");
    const n = Number(time);
    if (!time) return bad({ code: "MISSING", what: "which time (1, 2 or 3)", command: "rounds", arg: "time" });
    if (!Number.isInteger(n) || n < 1 || f("group") || raw[EXTRA])
      return bad({
        code: "INVALID",
        what: "the number of a time (1, 2 or 3)",
        given: [time, f("group")].filter(Boolean).join(" "),
        command: "rounds",
        arg: "time",
      });
    return { kind: "rounds_pick", choice: n };
  }
  // Typed text keeps the marker word: `rounds join group platform` names the group "platform"
  // (its first word lands in `time`, the word after the op).
  const group = [f("time"), f("group")]
    .filter(Boolean)
    .join(" ")
    .replace(/^group\s+/i, "")
    .trim();
  if (op !== "join" && (group || raw[EXTRA]))
    return bad({
      code: "INVALID",
      what: `nothing after rounds ${op}`,
      given: group || String(raw[EXTRA]),
      command: "rounds",
      arg: "group",
    });
  switch (op) {
    case "join":
      return group ? { kind: "rounds_join", group } : { kind: "rounds_join" };
    case "skip":
      return { kind: "rounds_skip" };
    case "leave":
      return { kind: "rounds_leave" };
    case "met":
    case "missed":
      return { kind: "rounds_report", outcome: op };
  }
}
