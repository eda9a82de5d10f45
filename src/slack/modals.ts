import type { types } from "@slack/bolt";
import { FIELD_LIMITS } from "../core/commands/index.js";

/** The forms Percolate opens, by callback_id. */
export const FORMS = ["profile", "volunteer", "availability", "request"] as const;
export type Form = (typeof FORMS)[number];
export const callbackId = (f: Form): string => `percolate_${f}`;
export const formOf = (callback: string): Form | null => FORMS.find((f) => callbackId(f) === callback) ?? null;

const DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"];

type Input = types.InputBlock;
const text = (
  block: string,
  label: string,
  opts: { multiline?: boolean; optional?: boolean; initial?: string; hint?: string; placeholder?: string; max?: number } = {},
): Input => ({
  type: "input",
  block_id: block,
  label: { type: "plain_text", text: label },
  optional: opts.optional ?? false,
  ...(opts.hint ? { hint: { type: "plain_text", text: opts.hint } } : {}),
  element: {
    type: "plain_text_input",
    action_id: "value",
    multiline: opts.multiline ?? false,
    ...(opts.initial ? { initial_value: opts.initial } : {}),
    ...(opts.placeholder ? { placeholder: { type: "plain_text", text: opts.placeholder } } : {}),
    ...(opts.max ? { max_length: opts.max } : {}),
  },
});

const modal = (f: Form, title: string, submit: string, blocks: types.KnownBlock[]): types.ModalView => ({
  type: "modal",
  callback_id: callbackId(f),
  title: { type: "plain_text", text: title },
  submit: { type: "plain_text", text: submit },
  close: { type: "plain_text", text: "Cancel" },
  blocks,
});

/** The form for one of the four things people fill in; the availability form starts in their Slack time zone. */
export function formView(f: Form, timeZone: string): types.ModalView {
  switch (f) {
    case "profile":
      return modal(f, "Your profile", "Save", [
        text("interests", "Fields you're exploring", { placeholder: "ux research, data engineering", max: FIELD_LIMITS.interests }),
        text("learn", "What do you want to learn?", { multiline: true, optional: true, max: 500 }),
        text("intro", "A line about you", { optional: true, max: 300 }),
      ]);
    case "volunteer":
      return modal(f, "Volunteer", "Volunteer", [
        text("tags", "Topics you can talk about", { placeholder: "ux research, product design", max: FIELD_LIMITS.tags }),
        text("bio", "Short bio", { multiline: true, optional: true, max: 500 }),
        text("capacity", "Chats per month", { optional: true, initial: "2", hint: "A whole number; 0 pauses new intros." }),
        {
          type: "input",
          block_id: "formats",
          optional: true,
          label: { type: "plain_text", text: "Formats" },
          element: {
            type: "checkboxes",
            action_id: "value",
            options: [
              { text: { type: "plain_text", text: "Video call" }, value: "video" },
              { text: { type: "plain_text", text: "Phone" }, value: "phone" },
              { text: { type: "plain_text", text: "In person" }, value: "in_person" },
            ],
          },
        },
        text("link", "Meeting link", { optional: true, placeholder: "https://meet.example.org/you", max: FIELD_LIMITS.link }),
      ]);
    case "availability":
      return modal(f, "When you're free", "Save", [
        {
          type: "input",
          block_id: "days",
          label: { type: "plain_text", text: "Days" },
          element: {
            type: "checkboxes",
            action_id: "value",
            options: DAYS.map((d, i) => ({ text: { type: "plain_text" as const, text: d }, value: String(i + 1) })),
          },
        },
        {
          type: "input",
          block_id: "from",
          label: { type: "plain_text", text: "From" },
          element: { type: "timepicker", action_id: "value", initial_time: "09:00" },
        },
        {
          type: "input",
          block_id: "to",
          label: { type: "plain_text", text: "To" },
          element: { type: "timepicker", action_id: "value", initial_time: "12:00" },
        },
        text("tz", "Time zone", { initial: timeZone, hint: "An IANA name such as Europe/Berlin; from your Slack profile." }),
      ]);
    case "request":
      return modal(f, "Ask for a coffee chat", "Find someone", [
        text("tags", "Topics", { placeholder: "ux research", max: FIELD_LIMITS.tags }),
        text("goals", "What do you want to learn? (1–3 goals)", {
          multiline: true,
          max: 500,
          hint: "It's a conversation to learn, not a job request.",
        }),
      ]);
  }
}
