import { randomUUID } from "node:crypto";
import { hostname } from "node:os";
import type { InboxEntry, NewInboxEntry, Store, StoreTx } from "../core/ports/index.js";
import type { Deps } from "../core/use-cases/index.js";
import type { Turn, WorkQueue } from "./work-queue.js";

/** How one kind of kept request is run and answered; each adapter registers its own. */
export interface InboxHandler {
  /**
   * Applies the request through `deps` (whose store marks the entry applied in the same
   * transaction as the effect, so it lands once however often it runs) and answers the person.
   * `recovered` is true when the process that acknowledged it died first: an answer that needs
   * the live request (a modal's trigger) takes another route. Returns what was answered, as
   * JSON, for replays (null when there is nothing to repeat). Once only sending the answer is
   * left, the handler calls `turn.handOver()` so the next entry's work starts meanwhile.
   */
  run(entry: InboxEntry, deps: Deps, recovered: boolean, turn: Turn): Promise<string | null>;
  /** Answers a re-sent request (`payload`: as it came this time) with what was answered the first time. */
  replay(entry: InboxEntry, answer: string, payload: string): Promise<void>;
}

/** What `keep` found: the stored entry, and whether this request created it. */
export interface Kept {
  entry: InboxEntry;
  fresh: boolean;
}

export interface IntakeOptions {
  deps: Deps;
  queue: WorkQueue;
  /** Which adapter's entries these are, for the lease owner's name. */
  name: string;
  /** How long a lease lasts; it is renewed every third of that while the process lives. */
  leaseMs: number;
}

/** Answered entries are kept this long for replays (Slack replays within 5 minutes, retries within an hour). */
const KEEP_ANSWERED_MS = 24 * 3600_000;
const PRUNE_EVERY_MS = 3600_000;

/** Store methods that write: a transaction that calls one carries the entry's applied mark. */
const WRITES = /^(save|add|cancel|delete)/;

/** Thrown inside a transaction to roll it back when the entry was applied by another run. */
class AlreadyApplied {
  constructor(readonly value: unknown) {}
}

/**
 * The store as one run of one inbox entry sees it: a transaction that writes also marks the
 * entry applied by this run, in the same commit. If another run applied it first (a replay, a
 * takeover after a crash) the transaction is rolled back and its result is still returned, so
 * the use case answers as if it ran and nothing changes twice.
 */
export function appliedOnce(store: Store, id: string, run: string, now: () => Date): Store {
  return {
    inbox: store.inbox,
    outbox: store.outbox,
    close: () => store.close(),
    async tx<T>(fn: (tx: StoreTx) => Promise<T>): Promise<T> {
      try {
        return await store.tx(async (t) => {
          let wrote = false;
          const tracked = new Proxy(t, {
            get(target, prop, receiver) {
              const v: unknown = Reflect.get(target, prop, receiver);
              if (typeof v !== "function") return v;
              return (...args: unknown[]) => {
                if (typeof prop === "string" && WRITES.test(prop)) wrote = true;
                return (v as (...a: unknown[]) => unknown).apply(target, args);
              };
            },
          });
          const value = await fn(tracked);
          if (wrote && !(await t.markInboxApplied(id, run, now()))) throw new AlreadyApplied(value);
          return value;
        });
      } catch (e) {
        if (e instanceof AlreadyApplied) return e.value as T;
        throw e;
      }
    },
  };
}

/**
 * Acked means kept: every command, click or form an adapter acknowledges is first written to
 * the inbox (requests arriving together share one write), then run from there in the adapter's
 * work queue. A re-sent request is recognised by its platform id and gets the first answer
 * again; one still being worked on gets nothing more. Entries a dead process held are taken
 * over when their lease expires, at start and then every third of a lease.
 */
export class Intake {
  readonly owner: string;
  private readonly handlers = new Map<string, InboxHandler>();
  private batch: { entry: NewInboxEntry; resolve: (k: Kept) => void; reject: (e: unknown) => void }[] = [];
  private flushing = false;
  private done: { id: string; answer: string | null; resolve: () => void; reject: (e: unknown) => void }[] = [];
  private marking = false;
  private readonly marks = new Set<Promise<unknown>>();
  private runs = 0;
  private timer: NodeJS.Timeout | null = null;
  private stopping = false;
  private prunedAt = 0;

  constructor(private readonly o: IntakeOptions) {
    this.owner = `${hostname()}:${process.pid}:${o.name}:${randomUUID().slice(0, 8)}`;
  }

  /** Registers how entries of `kind` are run and replayed. */
  register(kind: string, handler: InboxHandler): void {
    this.handlers.set(kind, handler);
  }

  /** Writes the request to the inbox; resolves once it is durable (acknowledge only then). */
  keep(entry: NewInboxEntry): Promise<Kept> {
    return new Promise((resolve, reject) => {
      this.batch.push({ entry, resolve, reject });
      if (!this.flushing) {
        this.flushing = true;
        setImmediate(() => void this.flush());
      }
    });
  }

  /**
   * After the ack: a fresh entry is queued to run; a re-sent one is answered with the first
   * answer, or left alone while the first is still being worked on (it will be answered).
   */
  after(kept: Kept, payload: string): void {
    const handler = this.handlers.get(kept.entry.kind);
    if (!handler) return;
    const { entry } = kept;
    if (kept.fresh) this.queue(entry, false);
    else if (entry.status !== "answered")
      this.o.deps.log.info({ id: entry.id, status: entry.status }, "re-sent request ignored: the first is still being worked on");
    else if (entry.answer !== null) {
      const answer = entry.answer;
      void this.o.queue.later(`replay ${entry.id}`, () => handler.replay(entry, answer, payload));
    }
  }

  /** Takes over unanswered entries whose lease expired and queues them; returns how many. */
  async recover(): Promise<number> {
    const kinds = [...this.handlers.keys()];
    let total = 0;
    for (;;) {
      if (this.stopping) return total;
      const now = this.o.deps.clock.now();
      const got = await this.o.deps.store.inbox.claimStale(kinds, now, 50, this.owner, this.leaseEnd());
      for (const e of got) this.queue(e, true);
      total += got.length;
      if (got.length < 50) break;
    }
    if (total > 0) this.o.deps.log.warn({ entries: total }, "answering requests a stopped process had acknowledged");
    return total;
  }

  /** Recovers what a dead process left, then keeps this process's leases alive and looks again every third of a lease. */
  async start(): Promise<void> {
    await this.recover();
    this.timer = setInterval(() => void this.tick(), Math.max(100, Math.floor(this.o.leaseMs / 3)));
    this.timer.unref();
  }

  /** Resolves when the work queued so far has run and been marked answered (tests, graceful stop). */
  async idle(): Promise<void> {
    while (this.flushing) await new Promise((r) => setImmediate(r));
    await this.o.queue.idle();
    while (this.marks.size > 0) await Promise.allSettled([...this.marks]);
  }

  /** Stops looking for abandoned entries, waits for the work queued so far, and hands back any lease still held. */
  async stop(): Promise<void> {
    this.stopping = true;
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    await this.idle();
    await this.o.deps.store.inbox.release(this.owner).catch(() => 0);
  }

  private async tick(): Promise<void> {
    try {
      await this.o.deps.store.inbox.renew(this.owner, this.leaseEnd());
      await this.recover();
      const now = this.o.deps.clock.now().getTime();
      if (now - this.prunedAt >= PRUNE_EVERY_MS) {
        this.prunedAt = now;
        await this.o.deps.store.inbox.prune(new Date(now - KEEP_ANSWERED_MS));
      }
    } catch (e) {
      this.o.deps.log.error({ err: e instanceof Error ? e.message : String(e) }, "inbox lease renewal failed");
    }
  }

  private leaseEnd(): Date {
    return new Date(this.o.deps.clock.now().getTime() + this.o.leaseMs);
  }

  private async flush(): Promise<void> {
    while (this.batch.length > 0) {
      const batch = this.batch;
      this.batch = [];
      try {
        const now = this.o.deps.clock.now();
        const kept = await this.o.deps.store.inbox.receive(
          batch.map((b) => b.entry),
          this.owner,
          new Date(now.getTime() + this.o.leaseMs),
          now,
        );
        batch.forEach((b, i) => {
          const k = kept[i];
          if (k) b.resolve(k);
          else b.reject(new Error(`inbox kept nothing for ${b.entry.id}`));
        });
      } catch (e) {
        for (const b of batch) b.reject(e);
      }
    }
    this.flushing = false;
  }

  /** Marks an entry answered; entries answered together share one write, as in `keep`. */
  private markAnswered(id: string, answer: string | null): Promise<void> {
    return new Promise((resolve, reject) => {
      this.done.push({ id, answer, resolve, reject });
      if (!this.marking) {
        this.marking = true;
        setImmediate(() => void this.flushAnswered());
      }
    });
  }

  private async flushAnswered(): Promise<void> {
    while (this.done.length > 0) {
      const batch = this.done;
      this.done = [];
      try {
        await this.o.deps.store.inbox.answered(batch, this.o.deps.clock.now());
        for (const b of batch) b.resolve();
      } catch (e) {
        for (const b of batch) b.reject(e);
      }
    }
    this.marking = false;
  }

  private queue(entry: InboxEntry, recovered: boolean): void {
    const handler = this.handlers.get(entry.kind);
    if (!handler) return;
    void this.o.queue.later(`${entry.kind} ${entry.id}`, async (turn) => {
      const run = `${this.owner}#${++this.runs}`;
      const deps: Deps = { ...this.o.deps, store: appliedOnce(this.o.deps.store, entry.id, run, () => this.o.deps.clock.now()) };
      let answer: string | null = null;
      try {
        answer = await handler.run(entry, deps, recovered, turn);
      } finally {
        // Answered or failed after telling the person: either way it is not run again. The mark
        // is written with others finishing about now, and the queue moves on meanwhile.
        const mark = this.markAnswered(entry.id, answer).catch((e: unknown) =>
          this.o.deps.log.error({ id: entry.id, err: e instanceof Error ? e.message : String(e) }, "could not mark a request answered"),
        );
        this.marks.add(mark);
        void mark.finally(() => this.marks.delete(mark));
      }
    });
  }
}
