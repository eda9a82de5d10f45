import { ComponentType, TextInputStyle, type APIModalInteractionResponseCallbackData } from "discord-api-types/v10";
import type { FormKind } from "./parse.js";

interface Field {
  id: string;
  label: string;
  placeholder: string;
  long?: boolean;
  required?: boolean;
}

/** Each form's fields; ids are the slash command's option names, so a form parses like the command. */
const FIELDS: Record<FormKind, { title: string; fields: Field[] }> = {
  profile: {
    title: "Your profile",
    fields: [
      { id: "interests", label: "Topics you're exploring", placeholder: "ux research, product design", required: true },
      { id: "learn", label: "What you want to learn", placeholder: "How people move from support into UX", long: true },
    ],
  },
  volunteer: {
    title: "Volunteer for coffee chats",
    fields: [
      { id: "tags", label: "Topics you can talk about", placeholder: "data science, python", required: true },
      { id: "capacity", label: "Chats per month", placeholder: "2" },
      { id: "formats", label: "Formats", placeholder: "video, phone, in_person" },
      { id: "link", label: "Meeting link", placeholder: "https://meet.example.org/you" },
      { id: "bio", label: "A line about you", placeholder: "Data lead at a fintech", long: true },
    ],
  },
  availability: {
    title: "When you're free",
    fields: [
      { id: "times", label: "Weekly free times", placeholder: "mon-fri 9-12; sat 10-12", required: true },
      // Discord never tells a bot a member's zone, so the form asks for it.
      { id: "zone", label: "Your time zone (Area/City)", placeholder: "Europe/Berlin", required: true },
    ],
  },
  request: {
    title: "Ask for a coffee chat",
    fields: [
      { id: "tags", label: "Topics", placeholder: "ux research", required: true },
      {
        id: "goals",
        label: "What do you want to learn? (1–3 goals)",
        placeholder: "How to move from support into UX research",
        long: true,
        required: true,
      },
    ],
  },
};

export const formCustomId = (form: FormKind): string => `form|${form}`;

/**
 * The form's kind from a modal's custom_id, or null when it is not one of ours. Own keys only:
 * a forged `form|constructor` names Object's constructor, not a form.
 */
export function formOf(customId: string): FormKind | null {
  const m = /^form\|(\w+)$/.exec(customId);
  const k = m?.[1];
  return k && Object.hasOwn(FIELDS, k) ? (k as FormKind) : null;
}

/** The modal Discord shows for a form. */
export function formModal(form: FormKind): APIModalInteractionResponseCallbackData {
  const f = FIELDS[form];
  return {
    custom_id: formCustomId(form),
    title: f.title,
    components: f.fields.map((x) => ({
      type: ComponentType.ActionRow,
      components: [
        {
          type: ComponentType.TextInput,
          custom_id: x.id,
          label: x.label,
          placeholder: x.placeholder,
          style: x.long ? TextInputStyle.Paragraph : TextInputStyle.Short,
          required: x.required ?? false,
          max_length: x.long ? 500 : 200,
        },
      ],
    })),
  };
}

/** The ids of a form's fields, to read them back from a submission. */
export const formFields = (form: FormKind): string[] => FIELDS[form].fields.map((f) => f.id);
