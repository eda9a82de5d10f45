import type { Community, Member } from "../../domain/index.js";
import type { StoreTx } from "../../ports/index.js";
import type { Deps } from "./context.js";
import { passIntro } from "./pass.js";

/**
 * A volunteer stepped back (paused, left, blocked the seeker): every intro still waiting for
 * their answer moves on to the next candidate now, instead of expiring in three days.
 * `onlySeeker` limits it to intros from one seeker (a block).
 */
export async function passPendingIntros(
  tx: StoreTx,
  deps: Deps,
  community: Community,
  volunteer: Member,
  onlySeeker?: string,
): Promise<number> {
  let n = 0;
  for (const intro of await tx.listIntros(community.id, { volunteerId: volunteer.id, status: ["pending"] })) {
    if (onlySeeker !== undefined && intro.seekerId !== onlySeeker) continue;
    await passIntro(tx, deps, community, intro, "unavailable", null);
    n++;
  }
  return n;
}
