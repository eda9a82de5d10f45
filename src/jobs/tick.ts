import type { Community } from "../core/domain/index.js";
import { isStoreUnavailable, type Messenger } from "../core/ports/index.js";
import { runDuePosts } from "./program-post-tick.js";
import { runDueRounds } from "./rounds-tick.js";
import { deliverDue, expireIntros, matchQueue, tendWaitlist, type Deps, type DeliverOptions } from "../core/use-cases/index.js";

export interface TickOptions extends DeliverOptions {
  /** Stop delivering after this long in one tick, so a backlog never starves the next tick. */
  budgetMs?: number;
  /**
   * Start no further batch round after this long in one tick (20 s by default): with many
   * communities due at once, the rest wait for the next tick (see `matchDeferred`) and this
   * tick's due messages still go out.
   */
  matchBudgetMs?: number;
  /**
   * Which communities' open queues to batch-match in this tick: all, none, or those the
   * predicate picks (the scheduler uses each community's `matchEveryMinutes`). Communities with
   * no open or waitlisted request are skipped without being asked about.
   */
  match: boolean | ((c: Community) => boolean);
  /** Whether to run due peer rounds in this tick (on by default; only communities with peers are visited). */
  rounds?: boolean;
  /** Waits while the platform rate-limits us; real timers by default. */
  sleep?: (ms: number) => Promise<void>;
  /** Elapsed-time source for the budget; the process clock by default. */
  elapsed?: () => number;
}

export interface TickReport {
  expired: number;
  sent: number;
  retried: number;
  failed: number;
  dropped: number;
  /** Prep and reminders whose moment passed (after downtime): skipped, never sent late. */
  stale: number;
  postponed: number;
  offered: number;
  /** Waitlisted seekers given their weekly "still looking" note, and waitlisted requests that expired. */
  waitlistNudged: number;
  waitlistExpired: number;
  /** Communities with a queue that this tick did not get to within its matching budget (the next tick should look again). */
  matchDeferred: number;
  /** Peer rounds run, and communities with peers left for the next tick by the matching budget. */
  peerRounds: number;
  peerRoundsDeferred: number;
  /** Weekly program posts posted in this tick. */
  programPosts: number;
}

export const emptyTick = (): TickReport => ({
  expired: 0,
  sent: 0,
  retried: 0,
  failed: 0,
  dropped: 0,
  stale: 0,
  postponed: 0,
  offered: 0,
  waitlistNudged: 0,
  waitlistExpired: 0,
  matchDeferred: 0,
  peerRounds: 0,
  peerRoundsDeferred: 0,
  programPosts: 0,
});

const realSleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

const HOUR_MS = 3_600_000;
/** When each store's dashboard grants were last pruned, by this process (clock time, ms). */
const lastGrantPrune = new WeakMap<object, number>();

/**
 * Deletes dashboard links and sessions that expired more than a day ago (kept that long so a
 * late click still hears "expired", not "unknown"). At most once an hour per store: one cheap
 * delete by expiry; several processes doing it meanwhile is harmless.
 */
async function pruneGrants(deps: Deps): Promise<void> {
  const now = deps.clock.now().getTime();
  const last = lastGrantPrune.get(deps.store);
  if (last !== undefined && now - last < HOUR_MS && now >= last) return;
  lastGrantPrune.set(deps.store, now);
  // Housekeeping never holds up delivery: a failure is logged and tried again in an hour.
  try {
    await deps.store.tx((tx) => tx.pruneDashboardGrants(new Date(now - 24 * HOUR_MS)));
  } catch (e) {
    if (isStoreUnavailable(e)) throw e;
    deps.log.error({ err: e instanceof Error ? e.message : String(e) }, "pruning dashboard grants failed; the next hour retries");
  }
}

/**
 * One scheduler tick: expire stale intros (moving requests on), optionally batch-match every
 * community's open queue (inactive communities wait), then deliver due nudges until the outbox
 * is empty or the budget is spent. When the platform rate-limits, the tick waits as long as it
 * was told (within the budget) and carries on, so throughput tracks the platform's allowed rate.
 * Every step is idempotent and lease- or transaction-guarded, so ticks in several processes
 * never do the same work twice.
 */
export async function runTick(deps: Deps, messenger: Messenger, opts: TickOptions): Promise<TickReport> {
  const elapsed = opts.elapsed ?? (() => performance.now());
  const sleep = opts.sleep ?? realSleep;
  const started = elapsed();
  const budget = opts.budgetMs ?? 50_000;
  const report = emptyTick();
  report.expired = (await expireIntros(deps)).expired;
  await pruneGrants(deps);
  if (opts.match !== false) {
    const pick = opts.match;
    // Only communities with something queued have a round to run: one query finds them, so a
    // tick does not visit every community (most have nothing waiting at any given minute).
    const communities = await deps.store.tx(async (tx) => {
      const queued = new Set(await tx.communitiesWithRequests(["open", "waitlisted"]));
      return queued.size === 0 ? [] : (await tx.listCommunities()).filter((c) => queued.has(c.id));
    });
    const matchBudget = opts.matchBudgetMs ?? 20_000;
    let rounds = 0;
    for (const [i, c] of communities.entries()) {
      // A community the platform cannot reach is not matched: its intros could not be sent,
      // and the queue waits, as it stands, for the app to be installed again.
      if (c.inactiveSince !== undefined) continue;
      // Asked before `pick`, which marks the community as matched now; one round always runs.
      if (rounds > 0 && elapsed() - started >= matchBudget) {
        report.matchDeferred = communities.length - i;
        break;
      }
      if (pick !== true && !pick(c)) continue;
      rounds++;
      // One community's failing round is its own: the others are matched and every due
      // message is still delivered. A store that is down stops the whole tick (and is logged once).
      try {
        const began = performance.now();
        const round = await matchQueue(deps, { communityId: c.id });
        deps.metrics?.batchMatched((performance.now() - began) / 1000, round.considered);
        report.offered += round.offered;
        // The waitlist is looked after on the matching cadence: after the batch, so a seeker it
        // just matched hears "matched", not "still looking".
        const w = await tendWaitlist(deps, { communityId: c.id });
        report.waitlistNudged += w.nudged;
        report.waitlistExpired += w.expired;
      } catch (e) {
        if (isStoreUnavailable(e)) throw e;
        deps.log.error({ community: c.id, err: e instanceof Error ? e.message : String(e) }, "batch round failed; the next tick retries");
      }
    }
  }
  if (opts.rounds !== false) {
    // Rounds share the matching budget: a tick with many due still delivers its messages.
    const r = await runDueRounds(deps, { started, budgetMs: opts.matchBudgetMs ?? 20_000, elapsed });
    report.peerRounds = r.ran;
    report.peerRoundsDeferred = r.deferred;
    // The weekly posts come after the rounds, so a post on a round's day already counts who was paired.
    report.programPosts = await runDuePosts(deps);
  }
  const left = () => budget - (elapsed() - started);
  // A short rate-limit wait is taken inside the round (see DeliverOptions.onRateLimit).
  const onRateLimit = async (ms: number): Promise<boolean> => {
    if (ms > left()) return false;
    await sleep(ms);
    return true;
  };
  for (;;) {
    const r = await deliverDue(deps, messenger, { onRateLimit, ...opts });
    report.sent += r.sent;
    report.retried += r.retried;
    report.failed += r.failed;
    report.dropped += r.dropped;
    report.stale += r.stale;
    report.postponed += r.postponed;
    const remaining = left();
    if (remaining <= 0) break;
    if (r.rateLimitedUntil) {
      const wait = r.rateLimitedUntil.getTime() - deps.clock.now().getTime();
      if (wait > remaining) break;
      if (wait > 0) await sleep(wait);
      continue;
    }
    if (r.claimed === 0) break;
    // Everything claimed went back untouched (its community is out of reach): another round
    // now would claim the same nudges again, so the next tick looks afresh.
    if (r.sent + r.retried + r.failed + r.dropped + r.stale === 0) break;
  }
  return report;
}
