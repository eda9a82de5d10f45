import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { seededRandom } from "../../src/core/matching/prng.js";
import type { Delivery, Logger, Messenger, SendOutcome, Store } from "../../src/core/ports/index.js";
import type { Deps } from "../../src/core/use-cases/index.js";
import { runTick, type TickReport } from "../../src/jobs/tick.js";
import { openStore } from "../../src/store/index.js";
import { nudges, pending, world, type World } from "../core/use-cases/helpers.js";
import { seedOutbox } from "../support/outbox-seed.js";

/*
 * The outbox against a messenger that fails one send in five, in the three ways platforms
 * fail: an exception (connection reset), a rate-limit answer with Retry-After, and silence
 * (the runner's send timeout, on real timers, cuts those off). The clock is a test clock the
 * runner's rate-limit sleeps and the test's own pauses advance, so backoff is exercised as
 * written, in milliseconds of real time.
 */

const N = 1000;
const SEND_TIMEOUT_MS = 10;
const THROWN = "ECONNRESET: socket hang up";
const SILENT = `no answer within ${SEND_TIMEOUT_MS} ms`;

type Mode = "ok" | "throw" | "429" | "hang";

/** Fails a seeded share of sends, a third each way; logs every attempt and every accepted send. */
class FlakyMessenger implements Messenger {
  readonly attempts: { key: string; mode: Mode }[] = [];
  readonly delivered: string[] = [];
  private readonly rand: () => number;
  constructor(
    seed: number,
    private readonly failRate: (d: Delivery) => number,
  ) {
    this.rand = seededRandom(seed);
  }
  async send(d: Delivery): Promise<SendOutcome> {
    const fails = this.rand() < this.failRate(d);
    const third = this.rand();
    const mode: Mode = !fails ? "ok" : third < 1 / 3 ? "throw" : third < 2 / 3 ? "429" : "hang";
    this.attempts.push({ key: d.key, mode });
    if (mode === "throw") throw new Error(THROWN);
    if (mode === "429") return { ok: false, error: "429", retryAfterMs: 200 + Math.floor(this.rand() * 1800) };
    if (mode === "hang") return new Promise<SendOutcome>(() => undefined);
    this.delivered.push(d.key);
    return { ok: true };
  }
  count(mode: Mode, key?: string): number {
    return this.attempts.filter((a) => a.mode === mode && (key === undefined || a.key === key)).length;
  }
}

function recordingLogger() {
  const lines: { level: string; obj: Record<string, unknown>; msg: string }[] = [];
  const log: Logger = {
    info: (obj, msg) => lines.push({ level: "info", obj, msg }),
    warn: (obj, msg) => lines.push({ level: "warn", obj, msg }),
    error: (obj, msg) => lines.push({ level: "error", obj, msg }),
  };
  return { log, lines };
}

/** Ticks until the outbox holds nothing pending, pausing a second of test time between ticks. */
async function drain(w: World, deps: Deps, messenger: Messenger, maxAttempts?: number): Promise<TickReport[]> {
  const reports: TickReport[] = [];
  for (let i = 0; i < 500; i++) {
    reports.push(
      await runTick(deps, messenger, {
        owner: "runner",
        // One message per nudge: this checks the platform sees each notice's key exactly once.
        combine: false,
        match: false,
        batch: 50,
        ...(maxAttempts !== undefined ? { maxAttempts } : {}),
        baseBackoffMs: 1000,
        maxBackoffMs: 16_000,
        sendTimeoutMs: SEND_TIMEOUT_MS,
        sleep: async (ms) => w.clock.advance(ms),
        elapsed: () => 0,
      }),
    );
    if ((await pending(w)).length === 0) return reports;
    w.clock.advance(1000);
  }
  throw new Error("the outbox did not drain in 500 ticks");
}

const sum = (reports: readonly TickReport[], f: keyof TickReport) => reports.reduce((s, r) => s + r[f], 0);

describe("the outbox against a flaky messenger (SQLite file store)", () => {
  let dir: string;
  let store: Store;
  let w: World;
  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), "percolate-flaky-"));
    store = await openStore(`file:${join(dir, "x.db")}`);
    w = world({ store });
  });
  afterEach(async () => {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it("failures at 20 % (thrown, 429 with Retry-After, no answer): everything is delivered, each nudge exactly once", async () => {
    const { nudges: seeded } = await seedOutbox(store, { communityId: w.communityId, members: 4, nudges: N, due: w.clock.now() });
    const messenger = new FlakyMessenger(20261123, () => 0.2);
    const reports = await drain(w, w.deps, messenger);

    const rows = await nudges(w);
    expect(rows).toHaveLength(N);
    expect(rows.filter((n) => n.status !== "sent")).toEqual([]);
    // The platform accepted each notice once: no duplicate from a retry after a timeout or a 429.
    expect(messenger.delivered).toHaveLength(N);
    expect(new Set(messenger.delivered)).toEqual(new Set(seeded.map((n) => `${n.communityId}/${n.key}`)));

    // Every way of failing happened, at about the rate asked for.
    const [thrown, limited, silent] = [messenger.count("throw"), messenger.count("429"), messenger.count("hang")];
    for (const c of [thrown, limited, silent]) expect(c).toBeGreaterThan(30);
    expect((thrown + limited + silent) / messenger.attempts.length).toBeCloseTo(0.2, 1);

    // The tick reports add up: failures were retried, 429s postponed (not counted as attempts).
    expect(sum(reports, "sent")).toBe(N);
    expect(sum(reports, "retried")).toBe(thrown + silent);
    expect(sum(reports, "postponed")).toBe(limited);
    expect(sum(reports, "failed")).toBe(0);
    for (const n of rows) {
      const key = `${n.communityId}/${n.key}`;
      expect(n.attempts, key).toBe(1 + messenger.count("throw", key) + messenger.count("hang", key));
    }
  }, 30_000);

  it("with a cap of 2 attempts and a subset failing at 60 %: the exhausted nudges end failed, counted and logged", async () => {
    const { nudges: seeded } = await seedOutbox(store, { communityId: w.communityId, members: 4, nudges: N, due: w.clock.now() });
    // One member in four sits behind a bad connection.
    const flakyMembers = new Set([`${w.communityId}:m0`]);
    const inSubset = (d: Pick<Delivery, "to">) => flakyMembers.has(d.to[0]?.id ?? "");
    const messenger = new FlakyMessenger(7, (d) => (inSubset(d) ? 0.6 : 0.2));
    const { log, lines } = recordingLogger();
    const reports = await drain(w, { ...w.deps, log }, messenger, 2);

    const rows = await nudges(w);
    const failed = rows.filter((n) => n.status === "failed");
    // Exactly the nudges whose two counted attempts both failed (a 429 is not an attempt).
    const exhausted = seeded
      .map((n) => `${n.communityId}/${n.key}`)
      .filter((key) => messenger.count("throw", key) + messenger.count("hang", key) === 2);
    expect(failed.map((n) => `${n.communityId}/${n.key}`).sort()).toEqual(exhausted.sort());
    expect(failed.length).toBeGreaterThan(20);
    expect(failed.filter((n) => flakyMembers.has(n.to[0] ?? "")).length).toBeGreaterThan(failed.length / 2);
    // Visible: the row says why and how often, the reports count them, one error line each.
    for (const n of failed) {
      expect(n.attempts).toBe(2);
      expect([THROWN, SILENT]).toContain(n.lastError);
      expect(n.leaseOwner).toBeNull();
    }
    expect(sum(reports, "failed")).toBe(failed.length);
    const errors = lines.filter((l) => l.level === "error");
    expect(errors).toHaveLength(failed.length);
    expect(new Set(errors.map((l) => l.obj.nudge))).toEqual(new Set(failed.map((n) => n.id)));
    expect(errors.every((l) => l.obj.attempts === 2 && l.obj.kind === "check_in")).toBe(true);

    // Everything else got through, once.
    expect(rows.filter((n) => n.status !== "failed" && n.status !== "sent")).toEqual([]);
    expect(messenger.delivered).toHaveLength(N - failed.length);
    expect(new Set(messenger.delivered).size).toBe(messenger.delivered.length);
    expect(sum(reports, "sent")).toBe(N - failed.length);
  }, 30_000);
});
