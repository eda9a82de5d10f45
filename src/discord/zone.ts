import type { Parsed } from "../core/commands/index.js";
import type { Actor, Deps } from "../core/use-cases/index.js";
import { renderProblem } from "../text/index.js";
import { discordStyle } from "./style.js";

/**
 * Discord never shares a member's zone: availability without one, from someone who never gave
 * it, is answered with a request for it instead of being saved in a guessed zone.
 */
export async function needsZone(deps: Deps, actor: Actor, parsed: Parsed): Promise<{ text: string; actions: []; reply: null } | null> {
  if (parsed.kind !== "availability" || parsed.timeZone !== undefined) return null;
  const m = await deps.store.tx((tx) => tx.getMember(actor.communityId, actor.memberId));
  if (m?.timeZoneConfirmed) return null;
  const text = renderProblem(
    {
      code: "MISSING",
      what: "your time zone (Discord doesn't share it with bots), e.g. Europe/Berlin",
      command: "availability",
      arg: "zone",
    },
    discordStyle,
  );
  return { text, actions: [], reply: null };
}
