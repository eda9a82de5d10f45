import { describe, expect, it } from "vitest";
import type { NudgeOutbox, SendOutcome, Store } from "../../src/core/ports/index.js";
import { deliverDue } from "../../src/core/use-cases/index.js";
import { runTick } from "../../src/jobs/tick.js";
import { makeSeeker, makeVolunteer, nudges, requestAndChoose, world, type World } from "../core/use-cases/helpers.js";

/*
 * Each nudge is its own message here (`combine: false`): the counts are per send.
 * Rate limits inside a round (DeliverOptions.onRateLimit, which runTick supplies): a short
 * Retry-After is waited out with the batch still leased, instead of handing every claimed
 * nudge back one by one and claiming them again — the churn that held bench:nudges to a
 * third of the allowed rate on SQLite.
 */

const SEC = 1000;

/** vera and three seekers who asked for her: three intro_offered nudges due now, on a store that counts outbox calls. */
async function threeDue(): Promise<{ w: World; calls: { claimDue: number; postpone: number } }> {
  const calls = { claimDue: 0, postpone: 0 };
  const base = world();
  const o = base.store.outbox;
  const outbox: NudgeOutbox = {
    claimDue: (...a) => {
      calls.claimDue++;
      return o.claimDue(...a);
    },
    markSent: (...a) => o.markSent(...a),
    markAttempt: (...a) => o.markAttempt(...a),
    postpone: (...a) => {
      calls.postpone++;
      return o.postpone(...a);
    },
    markCancelled: (...a) => o.markCancelled(...a),
    release: (...a) => o.release(...a),
    stats: () => o.stats(),
  };
  const store: Store = { tx: (fn) => base.store.tx(fn), outbox, inbox: base.store.inbox, close: () => base.store.close() };
  const w = { ...base, store, deps: { ...base.deps, store } };
  const vera = await makeVolunteer(w, "vera", "ux-design");
  for (const name of ["sam", "sue", "sid"]) await requestAndChoose(w, await makeSeeker(w, name, "ux-design"), "ux-design", vera);
  return { w, calls };
}

/** Answers 429 with `retryAfterMs` on the sends numbered in `limited` (1-based), else accepts. */
function limitOn(w: World, limited: readonly number[], retryAfterMs: number): void {
  let n = 0;
  w.messenger.outcome = (): SendOutcome => (limited.includes(++n) ? { ok: false, error: "429", retryAfterMs } : { ok: true });
}

describe("rate limits inside a round", () => {
  it("with onRateLimit the round waits as told, sends the same nudge again and finishes its batch", async () => {
    const { w, calls } = await threeDue();
    limitOn(w, [2], 2 * SEC);
    const waits: number[] = [];
    const t0 = w.clock.now().getTime();
    const r = await deliverDue(w.deps, w.messenger, {
      owner: "a",
      combine: false,
      onRateLimit: async (ms) => {
        waits.push(ms);
        w.clock.advance(ms);
        return true;
      },
    });
    expect(r).toEqual({ claimed: 3, sent: 3, retried: 0, failed: 0, dropped: 0, stale: 0, postponed: 1, rateLimitedUntil: null });
    expect(waits).toEqual([2 * SEC]);
    expect(calls).toEqual({ claimDue: 1, postpone: 0 });
    const rows = await nudges(w, { kinds: ["intro_offered"] });
    expect(rows.map((n) => [n.status, n.attempts])).toEqual([
      ["sent", 1],
      ["sent", 1],
      ["sent", 1],
    ]);
    // The two sent after the wait carry the later time.
    expect(rows.map((n) => n.sentAt?.getTime()).sort()).toEqual([t0, t0 + 2 * SEC, t0 + 2 * SEC]);
  });

  it("a wait that would outlast the lease is not taken: the round hands its batch back as before", async () => {
    const { w, calls } = await threeDue();
    limitOn(w, [1], 40 * SEC);
    let asked = 0;
    const r = await deliverDue(w.deps, w.messenger, {
      owner: "a",
      combine: false,
      leaseMs: 60 * SEC,
      sendTimeoutMs: 30 * SEC, // 40 s + a send's 30 s would end past the lease
      onRateLimit: async () => {
        ++asked;
        return true;
      },
    });
    expect(asked).toBe(0);
    expect(r).toMatchObject({ claimed: 3, sent: 0, postponed: 1, rateLimitedUntil: new Date(w.clock.now().getTime() + 40 * SEC) });
    expect(calls.postpone).toBe(3);
    expect((await nudges(w)).every((n) => n.status === "pending" && n.leaseOwner === null && n.attempts === 0)).toBe(true);
  });

  it("a hook that declines hands the batch back", async () => {
    const { w, calls } = await threeDue();
    limitOn(w, [1], 2 * SEC);
    const r = await deliverDue(w.deps, w.messenger, { owner: "a", combine: false, onRateLimit: async () => false });
    expect(r).toMatchObject({ sent: 0, postponed: 1 });
    expect(calls.postpone).toBe(3);
  });

  it("runTick waits inside the round while its budget allows: one claim, nothing handed back", async () => {
    const { w, calls } = await threeDue();
    limitOn(w, [1, 2, 4], 1 * SEC); // 429 before every send but one
    const slept: number[] = [];
    const r = await runTick(w.deps, w.messenger, {
      combine: false,
      owner: "t",
      match: false,
      sleep: async (ms) => {
        slept.push(ms);
        w.clock.advance(ms);
      },
      elapsed: () => 0,
    });
    expect(r).toMatchObject({ sent: 3, postponed: 3, failed: 0, retried: 0 });
    expect(slept).toEqual([SEC, SEC, SEC]);
    expect(calls).toEqual({ claimDue: 2, postpone: 0 }); // the second claim finds the outbox empty
    expect(w.messenger.of("intro_offered")).toHaveLength(3);
  });

  it("runTick does not wait past its budget: the tick ends and the nudges stay due when the platform said", async () => {
    const { w } = await threeDue();
    limitOn(w, [1], 20 * SEC);
    const t0 = w.clock.now().getTime();
    const slept: number[] = [];
    const r = await runTick(w.deps, w.messenger, {
      combine: false,
      owner: "t",
      match: false,
      budgetMs: 10 * SEC,
      sleep: async (ms) => void slept.push(ms),
      elapsed: () => w.clock.now().getTime() - t0,
    });
    expect(slept).toEqual([]);
    expect(r).toMatchObject({ sent: 0, postponed: 1 });
    const rows = await nudges(w, { kinds: ["intro_offered"] });
    expect(rows.map((n) => n.status)).toEqual(["pending", "pending", "pending"]);
    expect(Math.max(...rows.map((n) => n.dueAt.getTime()))).toBe(t0 + 20 * SEC);
  });
});
