import type { Logger } from "../core/ports/index.js";

/** A job's hold on the queue, passed to the job. */
export interface Turn {
  /**
   * Ends the job's turn and lets it carry on as sending, beside at most `sending` other jobs:
   * call it once only network work remains (posting the answer). The next job starts at once
   * instead of idling through a round trip. While the senders are all busy it waits, keeping
   * its turn, so the queue cannot run ahead of what the platform takes. Calling it again does
   * nothing.
   */
  handOver(): Promise<void>;
}

/** How many jobs may be sending at once after handing over their turn. */
const SENDING = 32;

/**
 * Work after an acknowledgement, at most `concurrency` jobs at a time, for every platform
 * adapter. With the in-process SQLite store a use case is CPU work, so a burst of requests
 * must queue its work rather than run it all at once and starve the event loop that
 * acknowledges the next requests: acks always come first, and answers follow as fast as the
 * store allows. A job hands its turn over (`Turn.handOver`) when only sending its answer
 * remains: with its turn held through the round trip, one command at a time left the process
 * idle most of the time under load (profiled: 70 % idle while answers lagged by seconds).
 */
export class WorkQueue {
  private running = 0;
  private readonly waiting: (() => void)[] = [];
  private sending = 0;
  private readonly sendWaiting: (() => void)[] = [];
  private readonly pending = new Set<Promise<unknown>>();

  constructor(
    private readonly concurrency: number,
    private readonly log: Logger,
    private readonly maxSending = SENDING,
  ) {}

  /** How many jobs wait for their turn. */
  get backlog(): number {
    return this.waiting.length;
  }

  /** Runs `work` in its turn and resolves (or rejects) with its outcome. */
  async run<T>(work: (turn: Turn) => Promise<T>): Promise<T> {
    const p = (async () => {
      await this.slot();
      let held = true;
      let handing: Promise<void> | null = null;
      const turn: Turn = {
        handOver: () => {
          handing ??= this.sendSlot().then(() => {
            held = false;
            this.release();
          });
          return handing;
        },
      };
      try {
        return await work(turn);
      } finally {
        // A hand-over still waiting for a sender finishes first, so exactly one of the two is given back.
        if (handing) await handing;
        if (held) this.release();
        else this.sendDone();
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
  async later(what: string, work: (turn: Turn) => Promise<unknown>): Promise<void> {
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

  private sendSlot(): Promise<void> {
    if (this.sending < this.maxSending) {
      this.sending++;
      return Promise.resolve();
    }
    return new Promise((resolve) => this.sendWaiting.push(resolve));
  }

  private sendDone(): void {
    const next = this.sendWaiting.shift();
    if (next) next();
    else this.sending--;
  }
}
