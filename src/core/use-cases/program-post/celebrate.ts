import type { Community, Member } from "../../domain/index.js";
import { ok, type Result } from "../../result.js";
import { type Actor, type Deps, loadActor } from "../shared/context.js";
import { postsOn } from "./schedule.js";

/** `celebrate yes|no`: whether the member may be named in the weekly post, and whether that changed anything. */
export interface CelebrateValue {
  yes: boolean;
  /** It was already so. */
  already: boolean;
  /** The community posts a weekly program post (else the choice waits until it does). */
  postsOn: boolean;
}

/**
 * Says yes (or no) to being named in the program channel's weekly post. A chat or peer group is
 * named only when everyone in it said yes; saying no takes the member's name out of every
 * future post at once.
 */
export async function setCelebrate(deps: Deps, cmd: { actor: Actor; yes: boolean }): Promise<Result<CelebrateValue, never>> {
  const now = deps.clock.now();
  return deps.store.tx(async (tx) => {
    const { community, member } = await loadActor(tx, cmd.actor, now);
    const already = member.celebrate === cmd.yes;
    if (!already) await tx.saveMember({ ...member, celebrate: cmd.yes });
    return ok({ yes: cmd.yes, already, postsOn: postsOn(community.settings) });
  });
}

/** Should an answer that someone met ask them whether they may be celebrated? Only where a post goes out and they have not said yes. */
export const asksToCelebrate = (community: Community, member: Member): boolean => postsOn(community.settings) && !member.celebrate;
