import type { Messenger } from "../core/ports/index.js";
import { deliverDue, expireIntros, matchQueue, type Deps, type DeliverOptions } from "../core/use-cases/index.js";

export interface TickOptions extends DeliverOptions {
  /** Stop delivering after this long in one tick, so a backlog never starves the next tick. */
  budgetMs?: number;
  /** Run the batch match of each community's open queue in this tick. */
  match: boolean;
}

export interface TickReport {
  expired: number;
  sent: number;
  retried: number;
  failed: number;
  dropped: number;
  offered: number;
}

/**
 * One scheduler tick: expire stale intros (moving requests on), deliver due nudges until the
 * outbox is empty or the budget is spent, and — when asked — batch-match every community's
 * open queue. Every step is idempotent and lease- or transaction-guarded, so overlapping
 * ticks in several processes never do the same work twice.
 */
export async function runTick(deps: Deps, messenger: Messenger, opts: TickOptions): Promise<TickReport> {
  const started = deps.clock.now().getTime();
  const budget = opts.budgetMs ?? 50_000;
  const report: TickReport = { expired: 0, sent: 0, retried: 0, failed: 0, dropped: 0, offered: 0 };
  report.expired = (await expireIntros(deps)).expired;
  if (opts.match) {
    const communities = await deps.store.tx((tx) => tx.listCommunities());
    for (const c of communities) report.offered += (await matchQueue(deps, { communityId: c.id })).offered;
  }
  for (;;) {
    const r = await deliverDue(deps, messenger, opts);
    report.sent += r.sent;
    report.retried += r.retried;
    report.failed += r.failed;
    report.dropped += r.dropped;
    if (r.claimed === 0 || Date.now() - started > budget) break;
  }
  return report;
}
