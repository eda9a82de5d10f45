import { commandOf, helpText, lineOf, stripControl, type TextStyle, usageOf } from "../text/index.js";

/** Markdown and mention syntax in Discord: each gets a backslash, which Discord shows as the bare character. */
const MARKDOWN = /[\\*_~`|<>[\]]/g;

/**
 * Text made inert in Discord markdown: formatting, masked links `[x](url)`, mentions `<@…>`,
 * channels, timestamps and headings come out as typed; `@everyone`/`@here` get a zero-width
 * space so they read as text (and every post also sends `allowed_mentions: { parse: [] }`).
 * A line starting with `-`, `+` or `1.` is not turned into a list, nor one starting with `#` a
 * heading. (Escaping `[` and `]` is enough to keep `[x](url)` from becoming a masked link.)
 */
export function escapeDiscord(text: string): string {
  return stripControl(text)
    .replace(MARKDOWN, "\\$&")
    .replace(/@(everyone|here)/gi, "@\u200b$1")
    .replace(/^(\s*)(#{1,3})(?=\s)/gm, "$1\\$2")
    .replace(/^(\s*)-(?=#)/gm, "$1\\-")
    .replace(/^(\s*)([-+])(?=\s)/gm, "$1\\$2")
    .replace(/^(\s*\d+)\.(?=\s)/gm, "$1\\.");
}

/** A plain http(s) link: shown as `<url>` (itself, no preview); anything else is just text. */
const PLAIN_LINK = /^https?:\/\/[^\s<>]+$/;

const code = (command: string): string => `\`/coffee ${command}\``;

/**
 * How commands read on Discord: `/coffee <sub> option:value`, rendered from the one syntax
 * table with the registered option names, so every line is one people can actually type here.
 */
export const discordStyle: TextStyle = {
  surface: "discord",
  cmd: (typed) => code(lineOf(typed, "discord")),
  command: (key, fields) => code(commandOf(key, fields, "discord")),
  usage: (key) => code(usageOf(key, "discord")),
  help: helpText("discord", (u) => `/coffee ${u}`, [
    "On Discord: /coffee profile, volunteer, availability and request open a form when you leave the options out.",
    "Times show in your own time zone; tell me yours once with /coffee availability zone:<Area/City>.",
    "Admins: /coffee admin settings opens a form for the main settings; show:true lists them all.",
  ]),
  user: escapeDiscord,
  link: (url) => (PLAIN_LINK.test(url) ? `<${url}>` : escapeDiscord(url)),
};
