import { describe, expect, it } from "vitest";
import type { Logger, SendOutcome } from "../../../src/core/ports/index.js";
import { backoffMs, deliverDue } from "../../../src/core/use-cases/index.js";
import { HOUR, MIN, getMember, makeSeeker, makeVolunteer, nudges, requestAndChoose, scheduledPair, world, type World } from "./helpers.js";

const SEC = 1000;

/** One intro out: an intro_offered due now and an intro_reminder due in 48 h, both to vera. */
async function withIntro() {
  const w = world();
  const vera = await makeVolunteer(w, "vera", "ux-design");
  const sam = await makeSeeker(w, "sam", "ux-design");
  const { intro } = await requestAndChoose(w, sam, "ux-design", vera);
  return { w, vera, sam, intro };
}

const offered = async (w: World) => {
  const [n] = await nudges(w, { kinds: ["intro_offered"] });
  if (!n) throw new Error("no intro_offered row");
  return n;
};

function recordingLogger() {
  const lines: { level: string; obj: Record<string, unknown>; msg: string }[] = [];
  const log: Logger = {
    info: (obj, msg) => lines.push({ level: "info", obj, msg }),
    warn: (obj, msg) => lines.push({ level: "warn", obj, msg }),
    error: (obj, msg) => lines.push({ level: "error", obj, msg }),
  };
  return { log, lines };
}

describe("deliverDue", () => {
  it("delivers what is due, once, and leaves the rest for later", async () => {
    const { w, vera } = await withIntro();
    const r = await deliverDue(w.deps, w.messenger, { owner: "a" });
    expect(r).toEqual({ claimed: 1, sent: 1, retried: 0, failed: 0, dropped: 0, stale: 0, postponed: 0, rateLimitedUntil: null });
    const [d] = w.messenger.sent;
    expect(d?.notice.kind).toBe("intro_offered");
    expect(d?.to.map((m) => m.id)).toEqual([vera.memberId]);
    expect(d?.to[0]).toMatchObject({ displayName: "vera", timeZone: "Europe/Berlin" });
    const row = await offered(w);
    expect(d?.key).toBe(`${w.communityId}/${row.key}`);
    expect(row).toMatchObject({ status: "sent", sentAt: w.clock.now(), attempts: 1, leaseOwner: null });

    expect(await deliverDue(w.deps, w.messenger, { owner: "a" })).toMatchObject({ claimed: 0, sent: 0 });
    w.clock.advance(48 * HOUR);
    expect(await deliverDue(w.deps, w.messenger, { owner: "a" })).toMatchObject({ claimed: 1, sent: 1 });
    expect(w.messenger.sent.map((x) => x.notice.kind)).toEqual(["intro_offered", "intro_reminder"]);
  });

  it("a pair notice goes to both people, seeker first", async () => {
    const w = world();
    const { seeker, volunteer } = await scheduledPair(w);
    await w.tick();
    const [d] = w.messenger.of("chat_scheduled");
    expect(d?.to.map((m) => m.id)).toEqual([seeker.memberId, volunteer.memberId]);
  });

  it("retries failures with exponential backoff, then delivers", async () => {
    const { w } = await withIntro();
    const { log, lines } = recordingLogger();
    const deps = { ...w.deps, log };
    const t0 = w.clock.now().getTime();
    w.messenger.outcome = () => ({ ok: false, error: "503 service unavailable" });
    expect(await deliverDue(deps, w.messenger, { owner: "a", baseBackoffMs: 30 * SEC })).toEqual({
      claimed: 1,
      sent: 0,
      retried: 1,
      failed: 0,
      dropped: 0,
      stale: 0,
      postponed: 0,
      rateLimitedUntil: null,
    });
    expect(await offered(w)).toMatchObject({
      status: "pending",
      attempts: 1,
      lastError: "503 service unavailable",
      dueAt: new Date(t0 + 30 * SEC),
      leaseOwner: null,
    });
    expect(lines.map((l) => l.level)).toEqual(["warn"]);

    // Not due again until the backoff has passed.
    w.clock.advance(29 * SEC);
    expect((await deliverDue(deps, w.messenger, { owner: "a" })).claimed).toBe(0);
    w.clock.advance(1 * SEC);
    expect((await deliverDue(deps, w.messenger, { owner: "a", baseBackoffMs: 30 * SEC })).retried).toBe(1);
    expect((await offered(w)).dueAt).toEqual(new Date(t0 + 30 * SEC + 60 * SEC));

    w.clock.advance(60 * SEC);
    w.messenger.outcome = () => ({ ok: true });
    expect((await deliverDue(deps, w.messenger, { owner: "a" })).sent).toBe(1);
    expect(await offered(w)).toMatchObject({ status: "sent", attempts: 3 });
    expect(w.messenger.of("intro_offered")).toHaveLength(1);
  });

  it("a rate-limit answer postpones to the platform's Retry-After without using up an attempt", async () => {
    const { w } = await withIntro();
    const t0 = w.clock.now().getTime();
    w.messenger.outcome = () => ({ ok: false, error: "429", retryAfterMs: 5 * MIN });
    const r = await deliverDue(w.deps, w.messenger, { owner: "a", baseBackoffMs: 30 * SEC });
    expect(r).toMatchObject({ sent: 0, retried: 0, failed: 0, postponed: 1, rateLimitedUntil: new Date(t0 + 5 * MIN) });
    expect(await offered(w)).toMatchObject({ status: "pending", attempts: 0, dueAt: new Date(t0 + 5 * MIN), leaseOwner: null });
    w.clock.advance(5 * MIN);
    w.messenger.outcome = () => ({ ok: true });
    expect((await deliverDue(w.deps, w.messenger, { owner: "a" })).sent).toBe(1);
  });

  it("after a rate-limit answer the round stops and hands the rest back unchanged", async () => {
    const w = world();
    const vera = await makeVolunteer(w, "vera", "ux-design");
    for (const name of ["sam", "sue", "sid"]) await requestAndChoose(w, await makeSeeker(w, name, "ux-design"), "ux-design", vera);
    let calls = 0;
    w.messenger.outcome = () => (++calls === 1 ? { ok: false, error: "429", retryAfterMs: 2 * SEC } : { ok: true });
    const r = await deliverDue(w.deps, w.messenger, { owner: "a" });
    expect(r).toMatchObject({ claimed: 3, sent: 0, postponed: 1 });
    expect(calls).toBe(1);
    const rows = await nudges(w, { kinds: ["intro_offered"] });
    expect(rows.map((n) => [n.status, n.attempts, n.leaseOwner])).toEqual([
      ["pending", 0, null],
      ["pending", 0, null],
      ["pending", 0, null],
    ]);
  });

  it("a send that never answers times out and counts as a failed attempt", async () => {
    const { w } = await withIntro();
    w.messenger.send = () => new Promise(() => undefined);
    const r = await deliverDue(w.deps, w.messenger, { owner: "a", sendTimeoutMs: 5, timer: () => Promise.resolve() });
    expect(r).toMatchObject({ retried: 1 });
    expect(await offered(w)).toMatchObject({ status: "pending", attempts: 1, lastError: "no answer within 5 ms" });
  });

  it("marks a nudge failed after maxAttempts and counts it", async () => {
    const { w } = await withIntro();
    const { log, lines } = recordingLogger();
    const deps = { ...w.deps, log };
    w.messenger.outcome = () => ({ ok: false, error: "timeout" });
    const reports = [];
    for (let i = 0; i < 4; i++) {
      reports.push(await deliverDue(deps, w.messenger, { owner: "a", maxAttempts: 3, baseBackoffMs: SEC, maxBackoffMs: 10 * SEC }));
      w.clock.advance(10 * SEC);
    }
    expect(reports.map((r) => [r.claimed, r.retried, r.failed])).toEqual([
      [1, 1, 0],
      [1, 1, 0],
      [1, 0, 1],
      [0, 0, 0],
    ]);
    expect(await offered(w)).toMatchObject({ status: "failed", attempts: 3, lastError: "timeout" });
    expect(lines.filter((l) => l.level === "error")).toHaveLength(1);
    expect(lines.find((l) => l.level === "error")?.obj).toMatchObject({ kind: "intro_offered", attempts: 3 });
  });

  it("a permanent failure fails at once", async () => {
    const { w } = await withIntro();
    w.messenger.outcome = () => ({ ok: false, error: "user not found", permanent: true });
    expect(await deliverDue(w.deps, w.messenger, { owner: "a" })).toMatchObject({ claimed: 1, failed: 1, retried: 0 });
    expect(await offered(w)).toMatchObject({ status: "failed", attempts: 1, lastError: "user not found" });
  });

  it("a messenger that throws counts as a failed attempt, not a crash", async () => {
    const { w } = await withIntro();
    w.messenger.outcome = (): SendOutcome => {
      throw new Error("socket hang up");
    };
    expect(await deliverDue(w.deps, w.messenger, { owner: "a" })).toMatchObject({ retried: 1 });
    expect(await offered(w)).toMatchObject({ status: "pending", attempts: 1, lastError: "socket hang up" });
  });

  it("drops nudges to members who left or were forgotten since they were written", async () => {
    const { w, vera } = await withIntro();
    // Written before the member opted out (a leave racing the scheduler, or an import).
    await w.store.tx(async (tx) => {
      const m = await tx.getMember(w.communityId, vera.memberId);
      if (m) await tx.saveMember({ ...m, status: "opted_out" });
    });
    expect(await deliverDue(w.deps, w.messenger, { owner: "a" })).toMatchObject({ claimed: 1, sent: 0, retried: 0, failed: 0, dropped: 1 });
    expect(w.messenger.sent).toEqual([]);
    expect(await offered(w)).toMatchObject({ status: "cancelled", lastError: "recipient left" });

    const w2 = world();
    const { seeker } = await scheduledPair(w2);
    await w2.store.tx(async (tx) => {
      const m = await tx.getMember(w2.communityId, seeker.memberId);
      if (m) await tx.saveMember({ ...m, forgotten: true });
    });
    const r = await deliverDue(w2.deps, w2.messenger, { owner: "a" });
    // Whatever involves the forgotten seeker, alone or in the pair, is dropped; the volunteer's own notices go.
    // (The slot proposals were superseded by the pick before any tick, so they never go out.)
    expect(w2.messenger.sent.map((d) => [d.notice.kind, d.to.map((m) => m.displayName).join("+")])).toEqual([["intro_offered", "vera"]]);
    expect(r).toMatchObject({ sent: 1, dropped: 2 }); // chat_scheduled to the pair, prep to sam
    expect((await getMember(w2, seeker.memberId))?.forgotten).toBe(true);
  });

  it("a nudge leased by another runner is left alone until the lease runs out", async () => {
    const { w } = await withIntro();
    const now = w.clock.now();
    const [taken] = await w.store.outbox.claimDue(now, 10, "other", new Date(now.getTime() + MIN));
    expect(taken?.kind).toBe("intro_offered");
    expect((await deliverDue(w.deps, w.messenger, { owner: "a" })).claimed).toBe(0);
    // The other runner may not mark it for us, nor we for it.
    expect(await w.store.outbox.markSent(taken?.id ?? "", "a", now)).toBe(false);
    w.clock.advance(MIN);
    expect(await deliverDue(w.deps, w.messenger, { owner: "a" })).toMatchObject({ claimed: 1, sent: 1 });
    expect(await w.store.outbox.markSent(taken?.id ?? "", "other", w.clock.now())).toBe(false);
    expect(w.messenger.of("intro_offered")).toHaveLength(1);
  });

  it("claims at most `batch` per round", async () => {
    const w = world();
    await scheduledPair(w);
    const due = (await nudges(w, { status: ["pending"] })).filter((n) => n.dueAt <= w.clock.now()).length;
    expect(due).toBeGreaterThan(2);
    const r = await deliverDue(w.deps, w.messenger, { owner: "a", batch: 2 });
    expect(r).toMatchObject({ claimed: 2, sent: 2 });
    await w.tick();
    expect(w.messenger.sent).toHaveLength(due);
  });
});

describe("backoffMs", () => {
  it("doubles per attempt from the base, capped, and yields to a longer Retry-After", () => {
    expect([1, 2, 3, 4].map((a) => backoffMs(a, 30 * SEC, HOUR))).toEqual([30 * SEC, 60 * SEC, 120 * SEC, 240 * SEC]);
    expect(backoffMs(20, 30 * SEC, HOUR)).toBe(HOUR);
    expect(backoffMs(1, 30 * SEC, HOUR, 90 * SEC)).toBe(90 * SEC);
    expect(backoffMs(3, 30 * SEC, HOUR, 10 * SEC)).toBe(120 * SEC);
    expect(backoffMs(0, 30 * SEC, HOUR)).toBe(30 * SEC);
  });
});
