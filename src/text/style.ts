import type { Fields } from "../core/commands/index.js";
import { commandOf, shortUsageOf, type Surface, usageOf } from "./syntax.js";

/** How a platform shows a command people can type, and its help text. */
export interface TextStyle {
  /** Which surface this is: commands are rendered in its syntax from the one syntax table. */
  surface: Surface;
  /** A command typed in shell words (`pause +2w`) as the person should type it here: `"pause +2w"` in the shell, `/coffee pause until:+2w` on Discord. */
  cmd(typed: string): string;
  /** A command with named values (`decline`, `{ name: "Sam" }`), as typed here. */
  command(key: string, fields: Fields): string;
  /** A command's usage line here, from the syntax table. */
  usage(key: string): string;
  /** The full help text. */
  help: string;
  /**
   * Text a person typed or chose (names, goals, bios, tags, anything echoed back), made inert
   * for this surface: no links, mentions or formatting can come out of it. Every user-supplied
   * value in `src/text` passes through here, so no adapter can forget.
   */
  user(text: string): string;
  /** A link a person gave (a meeting link): shown as itself, never behind other words. */
  link(url: string): string;
}

/** C0/C1 control characters except newline and tab: they move the cursor or recolour a terminal. */
const isControl = (code: number): boolean => (code < 0x20 && code !== 0x0a && code !== 0x09) || (code >= 0x7f && code <= 0x9f);

/** Removes control characters (escape sequences' introducers included), keeping newlines and tabs. */
export function stripControl(text: string): string {
  let out = "";
  let from = 0;
  for (let i = 0; i < text.length; i++) {
    if (!isControl(text.charCodeAt(i))) continue;
    out += text.slice(from, i);
    from = i + 1;
  }
  return from === 0 ? text : out + text.slice(from);
}

/**
 * The help text every platform shows, with commands in its own syntax (`show` wraps a rendered
 * command, e.g. in a code span) and optional extra lines.
 */
export function helpText(surface: Surface, show: (command: string) => string, extra: readonly string[] = []): string {
  const u = (k: string) => show(shortUsageOf(k, surface));
  const cmd = (k: string, f: Fields) => show(commandOf(k, f, surface));
  return [
    "Coffee chats: short conversations to learn from someone who works in a field you're exploring.",
    "",
    `As a seeker:     ${u("profile")}`,
    `                 ${u("request")} · ${u("tags")} (the topics people here volunteer for)`,
    `                 ${u("choose")} · ${u("pick")} · ${u("happened")} | ${u("noshow")} | ${u("reschedule")} · ${u("feedback")} · ${u("thanks")}`,
    `                 ${u("renew")} (put an expired request back on the list)`,
    `As a volunteer:  ${u("volunteer")} · ${cmd("volunteer", { tags: "off" })}`,
    `                 ${u("accept")} | ${u("decline")} · ${u("refer")}`,
    `Everyone:        ${u("availability")}   e.g. ${cmd("availability", { times: "mon-fri 9-12; sat 10-12", zone: "Europe/Berlin", off: "friday" })}`,
    `                 ${u("status")} · ${u("cancel")} · ${u("pause")} · ${u("resume")} · ${u("leave")} · ${u("block")} · ${u("unblock")} · ${u("forget-me")}`,
    `Peers:           ${u("rounds")} · ${u("celebrate")} (may the weekly post name you?)`,
    `Admins:          ${u("admin settings")} · ${u("admin tags")} · ${u("admin tags list")} · ${u("admin tags unalias")}`,
    `                 ${u("admin stats")} · ${u("admin export")} · ${u("admin add")} · ${u("admin remove")} · ${u("admin match")}`,
    `                 ${u("admin queue")} (every waiting request and why it waits) · ${u("admin dashboard")} (a private link to the web dashboard)`,
    `                 ${u("admin rounds")} · ${u("admin post")} (preview the weekly program post, or post it now)`,
    ...extra,
    `More about one command: ${show(commandOf("help", { topic: "<command>" }, surface))}, e.g. ${cmd("help", { topic: "availability" })}`,
  ].join("\n");
}

/** The shell's style: commands in double quotes, as typed at the prompt. */
export const shellStyle: TextStyle = {
  surface: "shell",
  cmd: (typed) => `"${typed}"`,
  command: (key, fields) => `"${commandOf(key, fields, "shell")}"`,
  usage: (key) => `"${usageOf(key, "shell")}"`,
  user: stripControl,
  link: stripControl,
  help: helpText("shell", (u) => u, [
    "Shell only:      as <name> [--admin] (act as another member; --admin makes them an admin) · clock +3d (move time) · whoami · quit",
  ]),
};
