import cron, { type ScheduledTask } from "node-cron";
import { type Community, MIN_MATCH_EVERY_MINUTES } from "../core/domain/index.js";
import { isStoreUnavailable, type Messenger } from "../core/ports/index.js";
import type { Deps } from "../core/use-cases/index.js";
import { emptyTick, runTick, type TickReport } from "./tick.js";

export interface SchedulerOptions {
  /** Cron expression for ticks; every minute by default. */
  cron?: string;
  /** Lease owner id for this process (host:pid). */
  owner: string;
  /** Batch-match every community this often, overriding its own `matchEveryMinutes` setting (tests). */
  matchEveryMinutes?: number;
  /** How long one tick may spend starting batch rounds (see TickOptions.matchBudgetMs). */
  matchBudgetMs?: number;
  /** How many messages a tick sends at once (see DeliverOptions.concurrency; 1 by default). */
  deliverConcurrency?: number;
}

/**
 * Runs ticks on a node-cron schedule. A tick that is still running when the next one is due
 * is skipped (never two at once in a process); across processes, leases and transactions
 * keep work unique. `stop()` waits for the running tick, then releases any leases left.
 */
export class Scheduler {
  private task: ScheduledTask | null = null;
  private running: Promise<TickReport> | null = null;
  /** When this process last batch-matched each community. */
  private readonly lastMatch = new Map<string, number>();
  /** When a community can next be due for batch matching (0: look at the first tick). */
  private nextLook = 0;
  private stopped = false;
  private soonTimer: NodeJS.Timeout | null = null;

  constructor(
    private readonly deps: Deps,
    private readonly messenger: Messenger,
    private readonly opts: SchedulerOptions,
  ) {}

  /** Starts the schedule. Throws on an invalid cron expression, naming it. */
  start(): void {
    const expr = this.opts.cron ?? "* * * * *";
    if (!cron.validate(expr)) throw new Error(`SCHEDULE_CRON "${expr}" is not a valid cron expression (e.g. "* * * * *")`);
    this.task = cron.schedule(expr, () => this.tick(), { noOverlap: true, name: "percolate-tick" });
  }

  /** Runs one tick now unless one is running, in which case it returns that tick's result. */
  tick(): Promise<TickReport> {
    if (this.stopped) return Promise.resolve(emptyTick());
    if (this.running) return this.running;
    const now = this.deps.clock.now().getTime();
    // Looking for due communities reads every community with a queue, so it is done only when one
    // can be due: at the earliest next round seen in the last look, and at least every
    // MIN_MATCH_EVERY_MINUTES (a community queued or re-set since). A tick asked for after each
    // command (`soon`) then costs nothing for the communities it has no news of.
    const look = now >= this.nextLook;
    if (look) this.nextLook = now + (this.opts.matchEveryMinutes ?? MIN_MATCH_EVERY_MINUTES) * 60_000;
    const match = (c: Community): boolean => {
      const every = (this.opts.matchEveryMinutes ?? c.settings.matchEveryMinutes) * 60_000;
      const last = this.lastMatch.get(c.id) ?? 0;
      if (now - last < every) {
        this.nextLook = Math.min(this.nextLook, last + every);
        return false;
      }
      this.lastMatch.set(c.id, now);
      this.nextLook = Math.min(this.nextLook, now + every);
      return true;
    };
    this.running = runTick(this.deps, this.messenger, {
      owner: this.opts.owner,
      match: look ? match : false,
      ...(this.opts.matchBudgetMs !== undefined ? { matchBudgetMs: this.opts.matchBudgetMs } : {}),
      ...(this.opts.deliverConcurrency !== undefined ? { concurrency: this.opts.deliverConcurrency } : {}),
    })
      .then((report) => {
        // Rounds this tick had no time for run in the next one, moments from now: with many
        // communities due at once, matching spreads over ticks and each tick still delivers.
        if (report.matchDeferred > 0) {
          this.nextLook = 0;
          this.soon();
        }
        return report;
      })
      .catch((e: unknown) => {
        // A database fault is logged once by the store guard; each tick retries (and so finds out when it clears).
        if (!isStoreUnavailable(e))
          this.deps.log.error({ err: e instanceof Error ? e.message : String(e) }, "scheduler tick failed; the next tick retries");
        return emptyTick();
      })
      .finally(() => {
        this.running = null;
      });
    return this.running;
  }

  /**
   * Asks for a tick soon (after `delayMs`), coalescing bursts: a command's intro or answer
   * goes out within moments instead of waiting for the next cron tick.
   */
  soon(delayMs = 200): void {
    if (this.stopped || this.soonTimer) return;
    this.soonTimer = setTimeout(() => {
      this.soonTimer = null;
      void this.tick();
    }, delayMs);
  }

  /** Stops ticking, lets the current tick finish, and releases leases this process still holds. */
  async stop(): Promise<void> {
    this.stopped = true;
    if (this.soonTimer) clearTimeout(this.soonTimer);
    await this.task?.stop();
    await this.task?.destroy();
    await this.running;
    await this.deps.store.outbox.release(this.opts.owner);
  }
}
