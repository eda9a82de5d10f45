import type { Logger } from "../core/ports/index.js";

/**
 * Work after an acknowledgement, at most `concurrency` jobs at a time, for every platform
 * adapter. With the in-process SQLite store a use case is CPU work, so a burst of requests
 * must queue its work rather than run it all at once and starve the event loop that
 * acknowledges the next requests: acks always come first, and answers follow as fast as the
 * store allows. Sending the answer stays inside the job: it paces the queue (measured on Slack,
 * letting answers go out unbounded saturated the CPU and pushed ack p99 from ~25 ms to seconds
 * at 200 commands/s).
 */
export class WorkQueue {
  private running = 0;
  private readonly waiting: (() => void)[] = [];
  private readonly pending = new Set<Promise<unknown>>();

  constructor(
    private readonly concurrency: number,
    private readonly log: Logger,
  ) {}

  /** How many jobs wait for their turn. */
  get backlog(): number {
    return this.waiting.length;
  }

  /** Runs `work` in its turn and resolves (or rejects) with its outcome. */
  async run<T>(work: () => Promise<T>): Promise<T> {
    const p = (async () => {
      await this.slot();
      try {
        return await work();
      } finally {
        this.release();
      }
    })();
    this.pending.add(p);
    try {
      return await p;
    } finally {
      this.pending.delete(p);
    }
  }

  /** Runs `work` in its turn; a failure is logged with `what` (the person was already told, or will be on recovery). */
  async later(what: string, work: () => Promise<unknown>): Promise<void> {
    try {
      await this.run(work);
    } catch (e) {
      this.log.error({ what, err: e instanceof Error ? e.message : String(e) }, "work after ack failed");
    }
  }

  /** Resolves when every job queued so far, and any they queue, has finished (tests, graceful stop). */
  async idle(): Promise<void> {
    while (this.pending.size > 0) await Promise.allSettled([...this.pending]);
  }

  private slot(): Promise<void> {
    if (this.running < this.concurrency) {
      this.running++;
      return Promise.resolve();
    }
    return new Promise((resolve) => this.waiting.push(resolve));
  }

  /**
   * Hands the slot to the next waiting job, or frees it. The hand-over waits for the event
   * loop's next check phase: with SQLite a use case finishes without real I/O, so handing over
   * at once would run the whole backlog in one microtask burst while new requests wait for
   * their acks. This way every queued job lets pending requests in first.
   */
  private release(): void {
    const next = this.waiting.shift();
    if (next) setImmediate(next);
    else this.running--;
  }
}
