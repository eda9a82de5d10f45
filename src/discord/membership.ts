import type { Deps } from "../core/use-cases/index.js";
import { communityIdOf, memberIdOf } from "./ids.js";

/**
 * Is this user already a member of the guild's community? A click in a DM carries its guild
 * only in the custom_id, which the clicker can copy from anywhere; Percolate only ever DMs
 * members, so a DM click from anyone else is stale or forged and must not enrol them.
 */
export async function isKnownMember(deps: Deps, guildId: string, userId: string): Promise<boolean> {
  const m = await deps.store.tx((tx) => tx.getMember(communityIdOf(guildId), memberIdOf(guildId, userId)));
  return m !== null && !m.forgotten;
}
