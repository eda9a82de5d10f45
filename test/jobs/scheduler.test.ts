import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import type { Delivery, Logger, Messenger, NudgeOutbox, SendOutcome, Store, StoreTx } from "../../src/core/ports/index.js";
import { Scheduler } from "../../src/jobs/scheduler.js";
import { MemoryStore, openStore } from "../../src/store/index.js";
import { MIN, makeSeeker, makeVolunteer, pending, requestAndChoose, world, type World } from "../core/use-cases/helpers.js";

/*
 * The scheduler around runTick: one tick at a time in a process, errors logged and survived,
 * a graceful stop that leaves no lease behind, and node-cron really firing.
 */

const delay = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

function recordingLogger() {
  const lines: { level: string; obj: Record<string, unknown>; msg: string }[] = [];
  const log: Logger = {
    info: (obj, msg) => lines.push({ level: "info", obj, msg }),
    warn: (obj, msg) => lines.push({ level: "warn", obj, msg }),
    error: (obj, msg) => lines.push({ level: "error", obj, msg }),
  };
  return { log, lines };
}

/** A store whose transactions (`failTx`) or sent-marks (`failMarkSent`) fail on demand, like a database that went away. */
class FlakyStore implements Store {
  failTx = false;
  failMarkSent = false;
  readonly outbox: NudgeOutbox;
  readonly inbox: Store["inbox"];
  constructor(private readonly inner: Store) {
    this.inbox = inner.inbox;
    const o = inner.outbox;
    this.outbox = {
      claimDue: (...a) => o.claimDue(...a),
      markSent: (...a) => (this.failMarkSent ? Promise.reject(new Error("disk I/O error")) : o.markSent(...a)),
      markAttempt: (...a) => o.markAttempt(...a),
      postpone: (...a) => o.postpone(...a),
      markCancelled: (...a) => o.markCancelled(...a),
      release: (...a) => o.release(...a),
      stats: () => o.stats(),
    };
  }
  tx<T>(fn: (tx: StoreTx) => Promise<T>): Promise<T> {
    return this.failTx ? Promise.reject(new Error("database is locked")) : this.inner.tx(fn);
  }
  close(): Promise<void> {
    return this.inner.close();
  }
}

/** A messenger whose sends wait until the test lets them through. */
class GatedMessenger implements Messenger {
  readonly sent: Delivery[] = [];
  private gate: Promise<void>;
  private open: () => void = () => undefined;
  private arrived: (d: Delivery) => void = () => undefined;
  /** Resolves with the first delivery that reaches the gate. */
  readonly firstArrival: Promise<Delivery>;
  constructor() {
    this.gate = new Promise<void>((r) => (this.open = r));
    this.firstArrival = new Promise<Delivery>((r) => (this.arrived = r));
  }
  release(): void {
    this.open();
  }
  async send(d: Delivery): Promise<SendOutcome> {
    this.arrived(d);
    await this.gate;
    this.sent.push(d);
    return { ok: true };
  }
}

/** vera and three seekers who each asked for her: three intro_offered nudges due now. */
async function threeIntros(w: World): Promise<void> {
  const vera = await makeVolunteer(w, "vera", "ux-design");
  for (const name of ["sam", "sue", "sid"]) await requestAndChoose(w, await makeSeeker(w, name, "ux-design"), "ux-design", vera);
}

const stoppers: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const stop of stoppers.splice(0)) await stop();
});

describe("Scheduler", () => {
  it("tick() called twice at once runs one tick: the second call gets the same promise, each nudge goes out once", async () => {
    const w = world();
    await threeIntros(w);
    const s = new Scheduler(w.deps, w.messenger, { owner: "host:1" });
    const first = s.tick();
    const second = s.tick();
    expect(second).toBe(first);
    expect(await first).toMatchObject({ sent: 3, failed: 0 });
    expect(w.messenger.of("intro_offered")).toHaveLength(3);
    expect(new Set(w.messenger.sent.map((d) => d.key)).size).toBe(3);
    // Once it is over, the next call is a fresh tick, with nothing left to send.
    const third = s.tick();
    expect(third).not.toBe(first);
    expect(await third).toMatchObject({ sent: 0 });
    expect(w.messenger.sent).toHaveLength(3);
  });

  it("a failing tick is logged and survived: the next tick does the work", async () => {
    const base = world();
    await threeIntros(base);
    const store = new FlakyStore(base.store);
    const { log, lines } = recordingLogger();
    const s = new Scheduler({ ...base.deps, store, log }, base.messenger, { owner: "host:1" });
    store.failTx = true;
    expect(await s.tick()).toMatchObject({ sent: 0 });
    expect(lines.filter((l) => l.level === "error")).toEqual([
      { level: "error", obj: { err: "database is locked" }, msg: "scheduler tick failed; the next tick retries" },
    ]);
    expect(base.messenger.sent).toHaveLength(0);
    store.failTx = false;
    expect(await s.tick()).toMatchObject({ sent: 3 });
    expect(base.messenger.of("intro_offered")).toHaveLength(3);
  });

  it("an invalid cron expression throws, naming SCHEDULE_CRON", () => {
    const w = world();
    for (const bad of ["every minute", "61 * * * *", "* * * *"]) {
      const s = new Scheduler(w.deps, w.messenger, { owner: "host:1", cron: bad });
      expect(() => s.start(), bad).toThrow(/SCHEDULE_CRON "[^"]+" is not a valid cron expression/);
    }
  });

  it('start() with "* * * * * *" delivers a due nudge within about two seconds; stop() ends the ticking', async () => {
    const w = world();
    const vera = await makeVolunteer(w, "vera", "ux-design");
    await requestAndChoose(w, await makeSeeker(w, "sam", "ux-design"), "ux-design", vera);
    const s = new Scheduler(w.deps, w.messenger, { owner: "host:1", cron: "* * * * * *" });
    stoppers.push(() => s.stop());
    const started = performance.now();
    s.start();
    while (w.messenger.sent.length === 0 && performance.now() - started < 3000) await delay(20);
    const took = performance.now() - started;
    expect(w.messenger.of("intro_offered")).toHaveLength(1);
    expect(took).toBeLessThan(2200);
    await s.stop();
    // Stopped: a nudge due now stays in the outbox however long we wait.
    await requestAndChoose(w, await makeSeeker(w, "sue", "ux-design"), "ux-design", vera);
    await delay(1300);
    expect(w.messenger.sent).toHaveLength(1);
    expect(await pending(w, { kinds: ["intro_offered"] })).toHaveLength(1);
  });
});

describe.each([
  ["MemoryStore", async () => ({ store: new MemoryStore() as Store, cleanup: async () => {} })],
  [
    "SQLite file",
    async () => {
      const dir = mkdtempSync(join(tmpdir(), "percolate-scheduler-"));
      const store = await openStore(`file:${join(dir, "x.db")}`);
      return {
        store,
        cleanup: async () => {
          await store.close();
          rmSync(dir, { recursive: true, force: true });
        },
      };
    },
  ],
])("Scheduler.stop() on %s", (_name, open) => {
  it("waits for the running tick, then releases the leases this owner still holds", async () => {
    const { store: inner, cleanup } = await open();
    stoppers.push(cleanup);
    const base = world({ store: inner });
    await threeIntros(base);
    const store = new FlakyStore(inner);
    const { log, lines } = recordingLogger();
    const messenger = new GatedMessenger();
    const s = new Scheduler({ ...base.deps, store, log }, messenger, { owner: "host:1" });

    const ticking = s.tick();
    await messenger.firstArrival; // the tick claimed all three and is stuck in the first send
    const now = base.clock.now();
    const lease = new Date(now.getTime() + MIN);
    expect(await inner.outbox.claimDue(now, 10, "host:2", lease)).toEqual([]); // leased to host:1

    let stopped = false;
    const stopping = s.stop().then(() => {
      stopped = true;
    });
    await delay(100);
    expect(stopped).toBe(false); // still waiting for the tick

    // The database goes away while the send is in flight: the tick fails with its batch leased.
    store.failMarkSent = true;
    messenger.release();
    await stopping;
    expect(stopped).toBe(true);
    expect(await ticking).toMatchObject({ sent: 0 });
    expect(lines.filter((l) => l.level === "error").map((l) => l.obj)).toEqual([{ err: "disk I/O error" }]);

    // stop() handed the leases back: another process can take all three now, not a minute later.
    store.failMarkSent = false;
    const taken = await inner.outbox.claimDue(now, 10, "host:2", lease);
    expect(taken.map((n) => [n.kind, n.leaseOwner, n.attempts])).toEqual([
      ["intro_offered", "host:2", 0],
      ["intro_offered", "host:2", 0],
      ["intro_offered", "host:2", 0],
    ]);
    // And a stopped scheduler does nothing more.
    expect(await s.tick()).toMatchObject({ sent: 0 });
    expect(messenger.sent).toHaveLength(1);
  });
});

describe("Scheduler batch-match cadence", () => {
  it("batch-matches each community on its own matchEveryMinutes", async () => {
    const store = new MemoryStore();
    const fast = world({ store, community: "test:fast" });
    const slow = world({ store, community: "test:slow" });
    const sched = (w: World) => new Scheduler(w.deps, w.messenger, { owner: "cadence" });
    for (const [w, every] of [
      [fast, 5],
      [slow, 60],
    ] as const) {
      // A waitlisted request (nobody fits yet) in each community, and its cadence.
      await makeSeeker(w, "sam", "rust");
      const { requestChat } = await import("../../src/core/use-cases/index.js");
      await requestChat(w.deps, { actor: w.actor("sam"), tags: "rust", goals: "get started" });
      await store.tx(async (tx) => {
        const c = await tx.getCommunity(w.communityId);
        if (c) await tx.saveCommunity({ ...c, settings: { ...c.settings, matchEveryMinutes: every } });
      });
    }
    const s = sched(fast);
    expect((await s.tick()).offered).toBe(0); // both matched at start: nobody fits yet
    await makeVolunteer(fast, "vera", "rust");
    await makeVolunteer(slow, "vic", "rust");
    fast.clock.advance(10 * MIN);
    expect((await s.tick()).offered).toBe(1); // only the 5-minute community is due
    fast.clock.advance(51 * MIN);
    expect((await s.tick()).offered).toBe(1); // now the hourly one
    await s.stop();
  });
});

describe("Scheduler.soon", () => {
  it("delivers a command's messages moments later, coalescing a burst into one tick", async () => {
    const w = world();
    const vera = await makeVolunteer(w, "vera", "ux-design");
    const sam = await makeSeeker(w, "sam", "ux-design");
    let ticks = 0;
    const s = new Scheduler(w.deps, w.messenger, { owner: "soon" });
    const tick = s.tick.bind(s);
    s.tick = () => {
      ticks++;
      return tick();
    };
    w.deps.afterCommand = () => s.soon(20);
    await requestAndChoose(w, sam, "ux-design", vera);
    const { handle } = await import("../../src/app/handle.js");
    const { shellStyle } = await import("../../src/text/index.js");
    await handle(w.deps, sam, { kind: "status" }, shellStyle);
    await handle(w.deps, sam, { kind: "status" }, shellStyle);
    await delay(200);
    expect(ticks).toBe(1);
    expect(w.messenger.of("intro_offered", vera.memberId)).toHaveLength(1);
    await s.stop();
  });
});
