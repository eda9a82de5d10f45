import type { TopicGuess } from "../core/domain/index.js";
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
