import type { Reply } from "../core/commands/index.js";
import type { Member } from "../core/domain/index.js";
import { type Actor, asksToCelebrate, type Deps } from "../core/use-cases/index.js";
import { type Action, celebrateAskActions, celebrateAskText, type TextStyle } from "../text/index.js";

/** Did this answer just record that the actor met someone (a chat that happened, a peer group that met)? */
const saidTheyMet = (r: Reply): boolean =>
  (r.kind === "outcome" && r.outcome === "happened" && r.result.ok) ||
  (r.kind === "rounds_report" && r.result.ok && r.result.value.outcome === "met");

/**
 * After someone says they met, the question whether the weekly post may name them, with its
 * button: only where a weekly post goes out and they have not said yes already.
 */
export async function celebrateAsk(
  deps: Deps,
  actor: Actor,
  reply: Reply,
  member: Member | null,
  style: TextStyle,
): Promise<{ text: string; actions: Action[] } | null> {
  if (!member || member.celebrate || !saidTheyMet(reply)) return null;
  const community = await deps.store.tx((tx) => tx.getCommunity(actor.communityId));
  return community && asksToCelebrate(community, member) ? { text: celebrateAskText(style), actions: celebrateAskActions() } : null;
}
