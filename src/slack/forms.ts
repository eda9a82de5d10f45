import { type Command, tooLong } from "../core/commands/index.js";
import { renderTooLong, renderZoneProblem } from "../text/index.js";
import { readZone } from "../core/time/index.js";
import { slackStyle } from "./style.js";
import type { Form } from "./modals.js";

/** One input's state as a view submission carries it (plain text, checkboxes, timepicker). */
interface InputState {
  value?: string | null;
  selected_time?: string | null;
  selected_options?: { value?: string }[] | null;
}
export type ViewValues = Record<string, Record<string, InputState>>;

export type FormResult = { ok: true; command: Command } | { ok: false; errors: Record<string, string> };

const str = (v: ViewValues, block: string): string => (v[block]?.value?.value ?? "").trim();
const picked = (v: ViewValues, block: string): string[] =>
  (v[block]?.value?.selected_options ?? []).map((o) => o.value ?? "").filter(Boolean);
const time = (v: ViewValues, block: string): string => v[block]?.value?.selected_time ?? "";

/**
 * Reads a submitted form into a core command. Problems come back per block, in words, so
 * Slack shows them under the field that needs fixing and keeps the modal open.
 */
export function readForm(form: Form, v: ViewValues): FormResult {
  const read = readFields(form, v);
  if (!read.ok) return read;
  // Oversize text is refused under its own field, with the same words as everywhere else.
  const long = tooLong(read.command);
  if (!long) return read;
  return { ok: false, errors: { [long.name]: renderTooLong(long) } };
}

function readFields(form: Form, v: ViewValues): FormResult {
  const errors: Record<string, string> = {};
  switch (form) {
    case "profile": {
      const interests = str(v, "interests");
      if (!interests) errors.interests = "Name at least one field, e.g. ux research.";
      const learn = str(v, "learn");
      const intro = str(v, "intro");
      if (Object.keys(errors).length) return { ok: false, errors };
      return { ok: true, command: { kind: "profile", interests, ...(learn ? { learn } : {}), ...(intro ? { intro } : {}) } };
    }
    case "volunteer": {
      const tags = str(v, "tags");
      if (!tags) errors.tags = "Name at least one topic, e.g. product design.";
      const cap = str(v, "capacity");
      if (cap && !/^\d+$/.test(cap)) errors.capacity = `"${cap}" isn't a whole number of chats per month.`;
      const link = str(v, "link");
      if (link && !/^https?:\/\/\S+$/.test(link)) errors.link = "Use a full link starting with https://";
      const formats = picked(v, "formats");
      const bio = str(v, "bio");
      if (Object.keys(errors).length) return { ok: false, errors };
      return {
        ok: true,
        command: {
          kind: "volunteer",
          tags,
          ...(bio ? { bio } : {}),
          ...(cap ? { capacity: Number(cap) } : {}),
          ...(formats.length ? { formats } : {}),
          ...(link ? { link } : {}),
        },
      };
    }
    case "availability": {
      const days = picked(v, "days")
        .map(Number)
        .filter((d) => Number.isInteger(d) && d >= 1 && d <= 7);
      if (days.length === 0) errors.days = "Tick at least one day.";
      const start = time(v, "from");
      const end = time(v, "to");
      if (!/^\d\d:\d\d$/.test(start)) errors.from = "Pick a start time.";
      if (!/^\d\d:\d\d$/.test(end)) errors.to = "Pick an end time.";
      else if (start && end <= start) errors.to = "The end must be after the start.";
      const tz = str(v, "tz");
      // The same zone reader as typed text: "berlin" is Europe/Berlin, "CET" asks which zone.
      const zone = tz ? readZone(tz) : undefined;
      if (zone && !zone.ok) errors.tz = renderZoneProblem(zone, slackStyle);
      if (Object.keys(errors).length) return { ok: false, errors };
      return {
        ok: true,
        command: { kind: "availability", windows: days.map((day) => ({ day, start, end })), ...(tz ? { timeZone: tz } : {}) },
      };
    }
    case "request": {
      const tags = str(v, "tags");
      const goals = str(v, "goals");
      if (!tags) errors.tags = "Name at least one topic, e.g. ux research.";
      if (!goals) errors.goals = "Say what you want to learn — it helps the volunteer prepare.";
      if (Object.keys(errors).length) return { ok: false, errors };
      return { ok: true, command: { kind: "request", tags, goals } };
    }
  }
}

/** The field a use-case failure belongs under, so the modal can point at it. */
export function fieldFor(form: Form, code: string): string {
  const byCode: Record<string, string> = {
    NO_TAGS: form === "profile" ? "interests" : "tags",
    BAD_CAPACITY: "capacity",
    BAD_FORMAT: "formats",
    BAD_ZONE: "tz",
    BAD_WINDOW: "to",
    GOALS_REQUIRED: "goals",
  };
  const first: Record<Form, string> = { profile: "interests", volunteer: "tags", availability: "days", request: "goals" };
  return byCode[code] ?? first[form];
}
