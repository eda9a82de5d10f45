import type { types } from "@slack/bolt";
import { FORM_KINDS, FORM_SPECS, type FormField, type FormKind } from "../text/index.js";

/** The forms Percolate opens, by callback_id. */
export const FORMS = FORM_KINDS;
export type Form = FormKind;
export const callbackId = (f: Form): string => `percolate_${f}`;
export const formOf = (callback: string): Form | null => FORMS.find((f) => callbackId(f) === callback) ?? null;

const DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"];
const FORMAT_CHOICES: [string, string][] = [
  ["Video call", "video"],
  ["Phone", "phone"],
  ["In person", "in_person"],
];

const plain = (text: string) => ({ type: "plain_text" as const, text });

const input = (f: FormField, element: types.InputBlock["element"], label = f.label): types.InputBlock => ({
  type: "input",
  block_id: f.id,
  label: plain(label),
  optional: !f.required,
  ...(f.hint ? { hint: plain(f.hint) } : {}),
  element,
});

const checkboxes = (options: [string, string][]): types.InputBlock["element"] => ({
  type: "checkboxes",
  action_id: "value",
  options: options.map(([text, value]) => ({ text: plain(text), value })),
});

/**
 * One field of the spec as Slack blocks. Most are text inputs; formats are checkboxes, and the
 * weekly times are day checkboxes with two time pickers (block ids days, from, to) under the
 * spec's label — Slack can draw those, Discord modals cannot.
 */
function blocksFor(f: FormField, timeZone: string): types.InputBlock[] {
  if (f.id === "formats") return [input(f, checkboxes(FORMAT_CHOICES))];
  if (f.id === "times")
    return [
      input({ ...f, id: "days" }, checkboxes(DAYS.map((d, i) => [d, String(i + 1)])), `${f.label}: days`),
      input({ ...f, id: "from", hint: "" }, { type: "timepicker", action_id: "value", initial_time: "09:00" }, "From"),
      input({ ...f, id: "to", hint: "" }, { type: "timepicker", action_id: "value", initial_time: "12:00" }, "To"),
    ];
  const initial = f.id === "zone" ? timeZone : f.id === "capacity" ? f.placeholder : undefined;
  return [
    input(f, {
      type: "plain_text_input",
      action_id: "value",
      multiline: f.long ?? false,
      max_length: f.max,
      ...(initial ? { initial_value: initial } : { placeholder: plain(f.placeholder) }),
    }),
  ];
}

/** The form for one of the four things people fill in; the availability form starts in their Slack time zone. */
export function formView(f: Form, timeZone: string): types.ModalView {
  const spec = FORM_SPECS[f];
  return {
    type: "modal",
    callback_id: callbackId(f),
    title: plain(spec.title),
    submit: plain(spec.submit),
    close: plain("Cancel"),
    blocks: spec.fields.flatMap((x) => blocksFor(x, timeZone)),
  };
}
