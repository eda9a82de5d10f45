import type { TopicGuess } from "../core/domain/index.js";
import type { AdminTagListValue, AdminUnaliasValue, TopicsValue } from "../core/use-cases/index.js";
import type { TextStyle } from "./style.js";

/** The command that saved topics, so the fix can be typed in the same words. */
export type TopicCommand = "profile" | "volunteer" | "request";

/**
 * "Did you mean …?" for topics nobody offers that look like typos of known ones, with the
 * command that fixes all of them at once (the saved list with each guess put in). Empty when
 * there is nothing to suggest.
 */
export function renderGuesses(
  guesses: readonly TopicGuess[] | undefined,
  saved: readonly string[],
  command: TopicCommand,
  c: TextStyle["cmd"],
  u: TextStyle["user"],
): string {
  if (!guesses || guesses.length === 0) return "";
  const fixed = [...new Set(saved.map((t) => guesses.find((g) => g.given === t)?.suggestion ?? t))].join(", ");
  const asks = guesses.map((g) => `"${u(g.given)}" — did you mean ${u(g.suggestion)}?`).join(" ");
  const nobody = command === "volunteer" ? "Nobody else offers" : "No volunteer offers";
  const fix =
    command === "request"
      ? `To ask for that instead, type ${c("cancel")}, then ${c(`request ${fixed} -- <what you want to learn>`)}.`
      : `To change it, type ${c(`${command} ${fixed}`)}.`;
  return `\n${nobody} ${asks} ${fix}`;
}

/** How many topics a member's list shows: enough to browse, short enough for a chat message. */
export const TOPICS_SHOWN = 20;
/** How many topics an admin's list shows. */
export const ADMIN_TOPICS_SHOWN = 40;

const plural = (n: number, one: string, many: string): string => `${n} ${n === 1 ? one : many}`;
const more = (total: number, shown: number): string[] => (total > shown ? [`   …and ${total - shown} more.`] : []);

/** `tags`: the topics with volunteers, most volunteers first, and how to ask about one. */
export function renderTopics(v: TopicsValue, c: TextStyle["cmd"], u: TextStyle["user"]): string {
  if (v.topics.length === 0) return `Nobody volunteers on a topic here yet. Be the first: ${c("volunteer <tags>")}.`;
  const shown = v.topics.slice(0, TOPICS_SHOWN);
  return [
    `Topics people here volunteer for (${v.topics.length}, most volunteers first):`,
    ...shown.map(
      (t) => `   ${u(t.tag)} — ${plural(t.volunteers, "volunteer", "volunteers")}${t.waiting > 0 ? ` · ${t.waiting} waiting` : ""}`,
    ),
    ...more(v.topics.length, shown.length),
    `Ask about one with ${c("request <tags> -- <what you want to learn>")}.`,
  ].join("\n");
}

/** `admin tags list`: every topic in use with its people and aliases, then every alias. */
export function renderTagList(v: AdminTagListValue, c: TextStyle["cmd"], u: TextStyle["user"]): string {
  const pairs = (xs: readonly [string, string][]): string => xs.map(([from, to]) => `${u(from)}→${u(to)}`).join(", ");
  const shown = v.topics.slice(0, ADMIN_TOPICS_SHOWN);
  const width = Math.min(30, Math.max(0, ...shown.map((t) => t.tag.length)));
  return [
    v.topics.length === 0
      ? "No topics in use yet."
      : `🏷️  Topics in use (${v.topics.length}) — volunteer profiles · seeker profiles · requests, all kept so far:`,
    ...shown.map(
      (t) =>
        `   ${u(t.tag).padEnd(width)}  ${t.volunteers} · ${t.seekers} · ${t.requests}${t.aliases.length ? `   (also: ${t.aliases.map(u).join(", ")})` : ""}`,
    ),
    ...more(v.topics.length, shown.length),
    `This community's aliases: ${v.communityAliases.length ? `${pairs(v.communityAliases)} — remove one with ${c("admin tags unalias <from>")}` : "none"}`,
    `Built-in aliases: ${pairs(v.builtInAliases) || "none"}`,
    `Change topics with ${c("admin tags alias|rename|merge <from> <to>")}.`,
  ].join("\n");
}

/** `admin tags unalias`: what the word means from now on. */
export function renderUnalias(v: AdminUnaliasValue, u: TextStyle["user"]): string {
  const now = v.builtIn ? `it means "${u(v.builtIn)}" again (built-in)` : `it reads as "${u(v.from)}"`;
  return `"${u(v.from)}" no longer means "${u(v.to)}": typed from now on, ${now}. Profiles and requests already on "${u(v.to)}" stay there.`;
}
