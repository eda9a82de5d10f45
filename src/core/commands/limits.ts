import type { Command, Parsed, ParseProblem } from "./types.js";

/**
 * How long each piece of typed text may be, checked when a command is read on every platform,
 * so an oversize value is refused with the field's name before anything is stored or shown.
 * Long enough for any honest use; a message built from these always fits the platforms.
 */
export const FIELD_LIMITS = {
  tags: 300,
  interests: 300,
  learn: 1000,
  intro: 1000,
  goals: 1000,
  bio: 1000,
  link: 500,
  reason: 500,
  note: 2000,
  topic: 100,
  until: 40,
  path: 500,
  key: 60,
  value: 500,
  from: 60,
  to: 60,
  period: 20,
  timeZone: 60,
} as const;

/** Every other text field (ids, member references): short. */
const DEFAULT_LIMIT = 200;
/** List fields (formats, dates off): how many items, and how long each. */
const LIST_ITEMS = 20;

/** What people call each field in a refusal. */
const LABEL: Record<string, string> = {
  tags: "list of topics",
  interests: "list of interests",
  learn: '"what you want to learn"',
  intro: "intro",
  goals: "goals",
  bio: "bio",
  link: "link",
  reason: "reason",
  note: "note",
  path: "folder",
  value: "setting value",
  timeZone: "time zone",
  formats: "list of formats",
  datesOff: "list of dates off",
};

/** The syntax-table key of the command `c` came from (its usage is shown with the refusal). */
const commandOf = (c: Command): string =>
  c.kind === "outcome"
    ? "happened"
    : c.kind
        .replace("admin_", "admin ")
        .replace("forget_me", "forget-me")
        .replace("volunteer_off", "volunteer")
        .replace(/^choose_\w+$/, "choose");

/** The first field of `c` over its limit, as a parse problem; null when everything fits. */
export function tooLong(c: Command): (ParseProblem & { code: "TOO_LONG" }) | null {
  const fields: [string, unknown][] = Object.entries(c);
  if (c.kind === "admin_settings" && c.set) fields.push(["key", c.set.key], ["value", c.set.value]);
  for (const [field, v] of fields) {
    const max = (FIELD_LIMITS as Record<string, number>)[field] ?? DEFAULT_LIMIT;
    const problem = (length: number, limit: number) => ({
      code: "TOO_LONG" as const,
      field: LABEL[field] ?? field,
      name: field,
      max: limit,
      length,
      command: commandOf(c),
    });
    if (typeof v === "string" && v.length > max) return problem(v.length, max);
    if (Array.isArray(v) && v.every((x) => typeof x === "string")) {
      if (v.length > LIST_ITEMS) return { ...problem(v.length, LIST_ITEMS), unit: "items" };
      const long = v.find((x): x is string => typeof x === "string" && x.length > 60);
      if (long !== undefined) return problem(long.length, 60);
    }
  }
  return null;
}

/** `parsed`, or the refusal naming the field that is too long. Every adapter's input passes here. */
export function withinLimits(parsed: Parsed): Parsed {
  if (parsed.kind === "unsupported") return parsed;
  const problem = tooLong(parsed);
  return problem ? { kind: "unsupported", input: parsed.kind, problem } : parsed;
}
