import { isStoreUnavailable } from "../core/ports/index.js";
import { type Deps, runRound } from "../core/use-cases/index.js";

export interface RoundsTickReport {
  /** Peer rounds that ran in this tick. */
  ran: number;
  /** Communities with peers this tick did not get to within its budget (the next tick looks again). */
  deferred: number;
}

/**
 * Runs the peer rounds that are due: only communities with someone in rounds are visited (one
 * query finds them; unreachable ones are left out), each round in its own transaction, and no
 * further round starts once `budgetMs` is spent since `started` (one always runs). A failing
 * round is logged and retried next tick; a store that is down stops the tick.
 */
export async function runDueRounds(
  deps: Deps,
  budget: { started: number; budgetMs: number; elapsed: () => number },
): Promise<RoundsTickReport> {
  const report: RoundsTickReport = { ran: 0, deferred: 0 };
  const communities = await deps.store.tx((tx) => tx.communitiesWithPeers());
  let tried = 0;
  for (const [i, communityId] of communities.entries()) {
    if (tried > 0 && budget.elapsed() - budget.started >= budget.budgetMs) {
      report.deferred = communities.length - i;
      break;
    }
    tried++;
    try {
      const r = await runRound(deps, { communityId });
      if (r.ok && r.value.ran) {
        report.ran++;
        deps.log.info({ community: communityId, groups: r.value.groups.length, unpaired: r.value.unpaired.length }, "peer round ran");
      }
    } catch (e) {
      if (isStoreUnavailable(e)) throw e;
      deps.log.error(
        { community: communityId, err: e instanceof Error ? e.message : String(e) },
        "peer round failed; the next tick retries",
      );
    }
  }
  return report;
}
