import { fail, ok, type Result } from "../../result.js";
import { type MatchQueueReport, matchQueue } from "../match-queue.js";
import type { Actor, Deps } from "../shared/context.js";
import { asAdmin } from "./guard.js";

/**
 * Runs the batch match now instead of waiting for the scheduler: the same `matchQueue`, same
 * rules (a paused programme matches nothing). The check and the match are two transactions;
 * matchQueue is idempotent, so a race with the scheduler offers nothing twice.
 */
export async function adminMatch(
  deps: Deps,
  cmd: { actor: Actor },
): Promise<Result<MatchQueueReport & { programPaused: boolean }, "NOT_ADMIN">> {
  const allowed = await asAdmin<boolean, never>(deps, cmd.actor, "match", async (_tx, community) => ok(community.settings.programPaused));
  if (!allowed.ok) return fail("NOT_ADMIN", allowed.detail);
  const report = await matchQueue(deps, { communityId: cmd.actor.communityId });
  return ok({ ...report, programPaused: allowed.value });
}
