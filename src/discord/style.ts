import { helpText, stripControl, type TextStyle } from "../text/index.js";

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

/** Shell usage → Discord options, for the few commands whose arguments became named options. */
const SLASH: Record<string, string> = {
  "request <tags> -- <what you want to learn>": "request tags:<topics> goals:<what you want to learn>",
  "profile <interests> -- <what you want to learn>": "profile interests:<topics> learn:<what you want to learn>",
  "pick <n>": "pick slot:<n>",
  "pick <number>": "pick slot:<number>",
  "choose <number>|auto": "choose pick:<number or auto>",
  "choose auto": "choose pick:auto",
  "choose 1": "choose pick:1",
  "pause <YYYY-MM-DD>|+2w": "pause until:<YYYY-MM-DD or +2w>",
  "pause <date>": "pause until:<date>",
  "pause +2w": "pause until:+2w",
  "block <member>": "block member:<@member>",
  "refer <member>": "refer member:<@member>",
  "feedback <1-5> [note]": "feedback rating:<1-5> note:<text>",
  "feedback 5 really helpful": "feedback rating:5 note:really helpful",
  "decline [reason]": "decline reason:<text>",
  "accept [<name>]": "accept name:<name>",
  "decline [<name>] [reason]": "decline name:<name> reason:<text>",
  "pick <number> [with <name>]": "pick slot:<number> with:<name>",
  "choose <number>|<name>|auto": "choose pick:<number, name or auto>",
  "unblock <member>": "unblock member:<@member>",
  "leave yes": "leave confirm:True",
  "forget-me yes": "forget-me confirm:True",
  "cancel yes": "cancel confirm:True",
  "volunteer off": "volunteer tags:off",
  "volunteer <tags>": "volunteer tags:<topics>",
  "availability <days> <from>-<to>": "availability times:<days> <from>-<to> zone:<Area/City>",
  "admin settings [<key> <value>]": "admin settings key:<key> value:<value>",
  "admin settings": "admin settings show:true",
  "admin settings <key> <value>": "admin settings key:<key> value:<value>",
  "admin settings programPaused off": "admin settings key:programPaused value:off",
  "admin tags alias|rename|merge <from> <to>": "admin tags op:<alias|rename|merge> from:<tag> to:<tag>",
  tags: "status topics:True",
  "admin tags list": "admin tags op:list",
  "admin tags unalias <from>": "admin tags op:unalias from:<alias>",
  "admin stats [30d|12w|6m|1y|all]": "admin stats period:<30d|12w|6m|1y|all>",
  "admin export [--notes] [<folder>]": "admin export notes:<true|false>",
  "admin export --notes": "admin export notes:true",
  "admin add <member>": "admin add member:<@member>",
  "admin remove <member>": "admin remove member:<@member>",
};

/** Commands aimed at someone by name (`accept pia`): the name goes in its option. */
const NAMED: [RegExp, string][] = [
  [/^accept (.+)$/, "accept name:$1"],
  [/^decline (\S+) (.+)$/, "decline name:$1 reason:$2"],
  [/^decline (\S+)$/, "decline name:$1"],
  [/^pick (\S+) with (.+)$/, "pick slot:$1 with:$2"],
  [/^choose (.+)$/, "choose pick:$1"],
  [/^cancel (.+) yes$/, "cancel with:$1 confirm:True"],
  [/^cancel (.+)$/, "cancel with:$1"],
  [/^unblock (.+)$/, "unblock member:@$1"],
  // "Did you mean …?" fixes, with the corrected topics filled in.
  [/^request ([^<]+) -- (.+)$/, "request tags:$1 goals:$2"],
  [/^volunteer ([^<]+)$/, "volunteer tags:$1"],
  [/^profile ([^<]+)$/, "profile interests:$1"],
  [/^admin tags alias (\S+) (\S+)$/, "admin tags op:alias from:$1 to:$2"],
];

function toSlash(usage: string): string {
  const known = SLASH[usage];
  if (known) return known;
  for (const [re, to] of NAMED) if (re.test(usage)) return usage.replace(re, to);
  if (usage.startsWith("volunteer ")) return "volunteer tags:<topics> capacity:<per month> formats:<video,phone> link:<url> bio:<text>";
  if (usage.startsWith("availability "))
    return "availability times:<days> <from>-<to>[; …] zone:<Area/City>   e.g. times:mon-fri 9-12 zone:Europe/Berlin";
  return usage;
}

/**
 * How commands read on Discord: `/coffee <sub> option:value`. Usage lines from the core use
 * shell words; the slash form is what people can actually type here.
 */
export const discordStyle: TextStyle = {
  cmd: (usage) => `\`/coffee ${toSlash(usage)}\``,
  help: helpText(
    (u) => `/coffee ${toSlash(u)}`,
    [
      "On Discord: /coffee profile, volunteer, availability and request open a form when you leave the options out.",
      "Times show in your own time zone; tell me yours once with /coffee availability zone:<Area/City>.",
      "Admins: /coffee admin settings opens a form for the main settings; show:true lists them all.",
    ],
  ),
  user: escapeDiscord,
  link: (url) => (PLAIN_LINK.test(url) ? `<${url}>` : escapeDiscord(url)),
};
