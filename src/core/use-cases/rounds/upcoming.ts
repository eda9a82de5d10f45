import type { Community, PeerProfile } from "../../domain/index.js";
import type { StoreTx } from "../../ports/index.js";
import type { Deps } from "../shared/context.js";
import { nextRoundAt } from "./schedule.js";

/** Are rounds on in this community (a cadence set)? */
export const roundsOn = (c: Community): boolean => c.settings.roundsEveryWeeks > 0;

/**
 * When the community's next round is due, read from its last round and, before the first
 * round, from when the earliest active member joined (`extra` counts as joined: the member
 * joining now). Null when rounds are off or nobody is in.
 */
export async function upcomingRound(tx: StoreTx, community: Community, extra?: PeerProfile): Promise<Date | null> {
  if (!roundsOn(community)) return null;
  const [last] = await tx.listPeerRounds(community.id, 1);
  if (last) return nextRoundAt(community.settings, last.at, null);
  const active = (await tx.listPeerProfiles(community.id)).filter((p) => p.active);
  const joins = [...active, ...(extra ? [extra] : [])].map((p) => p.createdAt.getTime());
  return joins.length ? nextRoundAt(community.settings, null, new Date(Math.min(...joins))) : null;
}

/** When the community's next peer round is due (null: rounds off, nobody in, or no community), read in its own transaction. */
export async function nextRoundFor(deps: Pick<Deps, "store">, communityId: string): Promise<Date | null> {
  return deps.store.tx(async (tx) => {
    const c = await tx.getCommunity(communityId);
    return c ? upcomingRound(tx, c) : null;
  });
}
