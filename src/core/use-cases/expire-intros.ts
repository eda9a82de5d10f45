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
  const communities = await deps.store.tx((tx) => tx.listCommunities());
  let expired = 0;
  for (const c of communities) {
    // Intros of a community the platform cannot reach stay pending: its volunteers cannot answer
    // while the app is gone, so expiring them would count a lapse against each one (and their
    // auto-pause) and offer the request to the next volunteer, who could not be told either.
    if (c.inactiveSince !== undefined) continue;
    const due = await deps.store.tx((tx) => tx.listIntros(c.id, { status: ["pending"], deadlineBefore: now }));
    for (const stale of due) {
      const done = await deps.store.tx(async (tx) => {
        const intro = await tx.getIntro(c.id, stale.id);
        const community = await tx.getCommunity(c.id);
        if (!intro || !community || intro.status !== "pending" || intro.deadline > now) return false;
        await passIntro(tx, deps, community, intro, "expired", null);
        // The expiry policy lives here: a volunteer who keeps letting intros lapse is paused,
        // which passes their other waiting intros on (never back into an expiry).
        await autoPauseIfIgnored(tx, deps, community, intro.volunteerId, intro.id);
        return true;
      });
      if (done) expired++;
    }
  }
  return { expired };
}
