import { FIELD_LIMITS, type ParseProblem } from "../core/commands/index.js";
import { renderTooLong } from "./failures.js";
import { shellStyle } from "./style.js";
import { renderWindowProblem } from "./time-words.js";

/** The forms that stand in for a command's options: the four things people fill in. */
export const FORM_KINDS = ["profile", "volunteer", "availability", "request"] as const;
export type FormKind = (typeof FORM_KINDS)[number];

/**
 * One input of a form. `id` is the command's field name (syntax table / `commandFromFields`),
 * so a submitted form reads like the command. The placeholder is a valid example value (a test
 * checks it), and `missing` says what to put in a required field left empty.
 */
export interface FormField {
  id: string;
  label: string;
  placeholder: string;
  hint?: string;
  long?: boolean;
  required?: boolean;
  missing?: string;
  max: number;
}

/** Titles fit Slack's 24 characters; labels Discord's 45. */
export interface FormSpec {
  title: string;
  submit: string;
  fields: readonly FormField[];
}

/**
 * The one spec of the forms Slack and Discord show. A surface may draw an input its own way
 * (Slack asks for availability with day checkboxes and time pickers, and formats as checkboxes),
 * but titles, labels, ids and which inputs are required come from here.
 */
export const FORM_SPECS: Readonly<Record<FormKind, FormSpec>> = {
  profile: {
    title: "Your profile",
    submit: "Save",
    fields: [
      {
        id: "interests",
        label: "Topics you're exploring",
        placeholder: "ux research, data engineering",
        required: true,
        missing: "Name at least one topic, e.g. ux research.",
        max: FIELD_LIMITS.interests,
      },
      { id: "learn", label: "What do you want to learn?", placeholder: "How people move from support into UX", long: true, max: 500 },
      { id: "intro", label: "A line about you", placeholder: "Support lead, curious about research", max: 300 },
    ],
  },
  volunteer: {
    title: "Volunteer for chats",
    submit: "Volunteer",
    fields: [
      {
        id: "tags",
        label: "Topics you can talk about",
        placeholder: "ux research, product design",
        required: true,
        missing: "Name at least one topic, e.g. product design.",
        max: FIELD_LIMITS.tags,
      },
      { id: "bio", label: "A line about you", placeholder: "Data lead at a fintech", long: true, max: 500 },
      { id: "capacity", label: "Chats per month", placeholder: "2", hint: "A whole number; 0 pauses new intros.", max: 3 },
      { id: "formats", label: "Formats", placeholder: "video, phone, in_person", max: 60 },
      { id: "link", label: "Meeting link", placeholder: "https://meet.example.org/you", max: FIELD_LIMITS.link },
    ],
  },
  availability: {
    title: "When you're free",
    submit: "Save",
    fields: [
      {
        id: "times",
        label: "Weekly free times",
        placeholder: "mon-fri 9-12; sat 10-12",
        required: true,
        missing: "Say when you're free, e.g. mon-fri 9-12.",
        max: 200,
      },
      {
        id: "zone",
        label: "Your time zone (Area/City)",
        placeholder: "Europe/Berlin",
        hint: "An IANA name such as Europe/Berlin.",
        required: true,
        missing: "Give your time zone, e.g. Europe/Berlin.",
        max: 60,
      },
    ],
  },
  request: {
    title: "Ask for a coffee chat",
    submit: "Find someone",
    fields: [
      {
        id: "tags",
        label: "Topics",
        placeholder: "ux research",
        required: true,
        missing: "Name at least one topic, e.g. ux research.",
        max: FIELD_LIMITS.tags,
      },
      {
        id: "goals",
        label: "What do you want to learn? (1–3 goals)",
        placeholder: "How to move from support into UX research",
        hint: "It's a conversation to learn, not a job request.",
        long: true,
        required: true,
        missing: "Say what you want to learn — it helps the volunteer prepare.",
        max: 500,
      },
    ],
  },
};

/** The form a name stands for, or null (own keys only: `constructor` is no form). */
export const formKindOf = (name: string): FormKind | null => ((FORM_KINDS as readonly string[]).includes(name) ? (name as FormKind) : null);

/** A problem shown under one form field: short, plain, no usage line (the field is the usage). */
export function renderFieldProblem(p: ParseProblem): string {
  switch (p.code) {
    case "MISSING":
      return `Please add ${p.what}.`;
    case "INVALID":
      return `"${p.given.slice(0, 60)}" isn't ${p.what}.`;
    case "TOO_LONG":
      return renderTooLong(p);
    case "TIMES":
      // A form names the field itself; the example commands read as typed words.
      return renderWindowProblem(p.problem, shellStyle);
    case "UNKNOWN_COMMAND":
      return "That didn't work; please check this field.";
  }
}
