import { type Command, commandFromFields, type Fields, type ParseProblem, tooLong } from "../core/commands/index.js";
import { normalizeField } from "../core/commands/normalize.js";
import { readZone } from "../core/time/index.js";
import { FORM_SPECS, renderFieldProblem, renderTooLong, renderZoneProblem } from "../text/index.js";
import type { Form } from "./modals.js";
import { slackStyle } from "./style.js";

/** One input's state as a view submission carries it (plain text, checkboxes, timepicker, conversation picker). */
interface InputState {
  value?: string | null;
  selected_time?: string | null;
  selected_options?: { value?: string }[] | null;
  selected_conversation?: string | null;
}
export type ViewValues = Record<string, Record<string, InputState>>;

export type FormResult = { ok: true; command: Command } | { ok: false; errors: Record<string, string> };

/** A text field as the person meant it (no smart quotes, odd spaces or invisible characters). */
const str = (v: ViewValues, block: string): string => normalizeField(v[block]?.value?.value ?? "").trim();
const picked = (v: ViewValues, block: string): string[] =>
  (v[block]?.value?.selected_options ?? []).map((o) => o.value ?? "").filter(Boolean);
const time = (v: ViewValues, block: string): string => v[block]?.value?.selected_time ?? "";
const DAY_WORDS = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"];

/**
 * The weekly times as the day checkboxes and time pickers say them (`mon,wed 09:00-12:00`),
 * or the problems with those inputs, by block.
 */
function timesOf(v: ViewValues): { times: string } | { errors: Record<string, string> } {
  const errors: Record<string, string> = {};
  const days = picked(v, "days")
    .map(Number)
    .filter((d) => Number.isInteger(d) && d >= 1 && d <= 7);
  if (days.length === 0) errors.days = "Tick at least one day.";
  const start = time(v, "from");
  const end = time(v, "to");
  if (!/^\d\d:\d\d$/.test(start)) errors.from = "Pick a start time.";
  if (!/^\d\d:\d\d$/.test(end)) errors.to = "Pick an end time.";
  else if (start && end <= start) errors.to = "The end must be after the start.";
  if (Object.keys(errors).length) return { errors };
  return { times: `${days.map((d) => DAY_WORDS[d - 1]).join(",")} ${start}-${end}` };
}

/** The form's inputs as the command's named fields. */
function fieldsOf(form: Form, v: ViewValues): { fields: Fields; errors: Record<string, string> } {
  const fields: Fields = {};
  let errors: Record<string, string> = {};
  for (const f of FORM_SPECS[form].fields) {
    if (f.id === "times") {
      const t = timesOf(v);
      if ("errors" in t) errors = t.errors;
      else fields.times = t.times;
    } else fields[f.id] = f.id === "formats" ? picked(v, f.id).join(",") : str(v, f.id);
  }
  // The core reads the zone (cities, any case); an unreadable one is named now, beside any other
  // problem in the form, with the same words as typed text.
  const zone = typeof fields.zone === "string" && fields.zone !== "" ? readZone(fields.zone) : undefined;
  if (zone && !zone.ok) errors.zone = renderZoneProblem(zone, slackStyle);
  return { fields, errors };
}

/** The block a problem belongs under: its argument's input (the weekly times' is the end time). */
const blockOf = (form: Form, p: ParseProblem): string => {
  const name = p.code === "TOO_LONG" ? p.name : "arg" in p ? p.arg : undefined;
  const ids = FORM_SPECS[form].fields.map((f) => f.id);
  const id = name && ids.includes(name) ? name : (ids[0] ?? "");
  return id === "times" ? "to" : id;
};

/**
 * Reads a submitted form into a core command through `commandFromFields`, the reading every
 * surface uses. Problems come back per block, in words, so Slack shows them under the field
 * that needs fixing and keeps the modal open: each filled field is checked on its own (the
 * others standing at their placeholder, a valid example), so every wrong field is named at once.
 */
export function readForm(form: Form, v: ViewValues): FormResult {
  const spec = FORM_SPECS[form];
  const { fields, errors } = fieldsOf(form, v);
  const examples: Fields = Object.fromEntries(spec.fields.map((f) => [f.id, f.placeholder]));
  for (const f of spec.fields) {
    const given = fields[f.id];
    if (given === "" || given === undefined) {
      // The weekly times are missing only when Slack's own inputs said nothing (their errors stand).
      if (f.required && !(f.id === "times" && Object.keys(errors).length))
        errors[blockOf(form, { code: "MISSING", what: "", command: form, arg: f.id })] = f.missing ?? "Please fill this in.";
      continue;
    }
    const alone = commandFromFields(form, { ...examples, [f.id]: given });
    if (alone.kind === "unsupported") errors[blockOf(form, alone.problem)] = renderFieldProblem(alone.problem);
  }
  if (Object.keys(errors).length) return { ok: false, errors };
  const read = commandFromFields(form, fields);
  if (read.kind === "unsupported") return { ok: false, errors: { [blockOf(form, read.problem)]: renderFieldProblem(read.problem) } };
  // Oversize text is refused under its own field, with the same words as everywhere else.
  const long = tooLong(read);
  return long ? { ok: false, errors: { [blockOf(form, long)]: renderTooLong(long) } } : { ok: true, command: read };
}

/** The field a use-case failure belongs under, so the modal can point at it. */
export function fieldFor(form: Form, code: string): string {
  const byCode: Record<string, string> = {
    NO_TAGS: form === "profile" ? "interests" : "tags",
    BAD_CAPACITY: "capacity",
    BAD_FORMAT: "formats",
    BAD_LINK: "link",
    BAD_ZONE: "zone",
    BAD_WINDOW: "to",
    GOALS_REQUIRED: "goals",
  };
  const first: Record<Form, string> = { profile: "interests", volunteer: "tags", availability: "days", request: "goals" };
  return (Object.hasOwn(byCode, code) ? byCode[code] : undefined) ?? first[form];
}
