import { ComponentType, TextInputStyle, type APIModalInteractionResponseCallbackData } from "discord-api-types/v10";
import { FORM_SPECS, type FormKind, formKindOf } from "../text/index.js";

export const formCustomId = (form: FormKind): string => `form|${form}`;

/** The form's kind from a modal's custom_id, or null when it is not one of ours. */
export function formOf(customId: string): FormKind | null {
  const m = /^form\|(\w+)$/.exec(customId);
  return m?.[1] ? formKindOf(m[1]) : null;
}

/** The modal Discord shows for a form, drawn from the one form spec (text inputs only on Discord). */
export function formModal(form: FormKind): APIModalInteractionResponseCallbackData {
  const f = FORM_SPECS[form];
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
          max_length: x.max,
        },
      ],
    })),
  };
}

/** The ids of a form's fields, to read them back from a submission. */
export const formFields = (form: FormKind): string[] => FORM_SPECS[form].fields.map((f) => f.id);
