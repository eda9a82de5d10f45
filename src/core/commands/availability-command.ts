import { parseAvailabilityText } from "./availability-text.js";
import type { AvailabilityEdit, Parsed, ParseProblem } from "./types.js";

/**
 * Reads `availability …` after the command word, for every surface that takes it as text (the
 * shell and Slack's words, Discord's `times:` option):
 * - `<days> <from>-<to>[; …] [<zone>]` replaces the weekly windows;
 * - `add …` / `remove …` (same shape) edit them;
 * - `off <day>[,<day>…]` adds days off, `off clear` removes them all.
 * `off` is `--off`'s value (days off replacing the old ones). Days and zones stay as typed:
 * the core reads them with the member's clock and zone.
 */
export function parseAvailabilityCommand(body: string, off: string | undefined): Parsed {
  const text = body.trim();
  const [head = "", ...rest] = text.split(/\s+/);
  const word = head.toLowerCase();
  const bad = (problem: ParseProblem): Parsed => ({ kind: "unsupported", input: `availability ${text}`.trim(), problem });
  if (word === "off") {
    const days = rest
      .join(" ")
      .split(/[,\s]+/)
      .filter(Boolean);
    if (days.length === 1 && days[0]?.toLowerCase() === "clear") return { kind: "availability", windows: [], edit: "clear_off" };
    if (!days.length)
      return bad({ code: "MISSING", what: "which days you're away, e.g. tomorrow or 2027-01-15", command: "availability", arg: "times" });
    return { kind: "availability", windows: [], edit: "off", datesOff: days };
  }
  const edit: AvailabilityEdit | undefined = word === "add" || word === "remove" ? word : undefined;
  const windowsText = edit ? rest.join(" ") : text;
  if (!windowsText) return bad({ code: "MISSING", what: "your free times, e.g. mon-fri 9-17", command: "availability", arg: "times" });
  const parsed = parseAvailabilityText(windowsText);
  if (!parsed.ok) return bad({ code: "TIMES", problem: parsed.problem, command: "availability", arg: "times" });
  const datesOff = off?.split(/[,\s]+/).filter(Boolean);
  return {
    kind: "availability",
    windows: parsed.windows,
    ...(parsed.zone ? { timeZone: parsed.zone } : {}),
    ...(datesOff ? { datesOff } : {}),
    ...(edit ? { edit } : {}),
  };
}
