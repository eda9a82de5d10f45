import type { Deps } from "./shared/context.js";
import { autoPauseIfIgnored } from "./shared/auto-pause.js";
import { passIntro } from "./shared/pass.js";

/**
 * Scheduler job: every pending intro past its deadline expires and its request moves on to
 * the next candidate; a volunteer who has now ignored too many in a row is auto-paused.
 * Communities the platform cannot reach (inactive) are left alone until they are installed
 * again. Each intro is handled in its own transaction, so a crash loses at most
 * the one in flight, and running twice expires nothing twice.
 */
export async function expireIntros(deps: Deps): Promise<{ expired: number }> {
  const now = deps.clock.now();
  // One query finds what is due in every community: a sweep costs the same with 10 communities or 10,000.
  const due = await deps.store.tx((tx) => tx.listIntrosPastDeadline(now));
  let expired = 0;
  for (const stale of due) {
    const done = await deps.store.tx(async (tx) => {
      const intro = await tx.getIntro(stale.communityId, stale.id);
      const community = await tx.getCommunity(stale.communityId);
      // Intros of a community the platform cannot reach stay pending (the sweep's query leaves them
      // out; this re-check holds if it went away since): its volunteers cannot answer while the
      // app is gone, so expiring them would count a lapse against each one (and their
      // auto-pause) and offer the request to the next volunteer, who could not be told either.
      if (!intro || !community || community.inactiveSince !== undefined || intro.status !== "pending" || intro.deadline > now) return false;
      await passIntro(tx, deps, community, intro, "expired", null);
      // The expiry policy lives here: a volunteer who keeps letting intros lapse is paused,
      // which passes their other waiting intros on (never back into an expiry).
      await autoPauseIfIgnored(tx, deps, community, intro.volunteerId, intro.id);
      return true;
    });
    if (done) expired++;
  }
  return { expired };
}
