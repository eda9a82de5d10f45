import { describe, expect, it } from "vitest";
import { newMember, type Nudge } from "../../../src/core/domain/index.js";
import { type Delivery, type Messenger, type SendOutcome, silentLogger } from "../../../src/core/ports/index.js";
import { type Deps, deliverDue } from "../../../src/core/use-cases/index.js";
import { sequentialIds } from "../../../src/runtime.js";
import { MemoryStore } from "../../../src/store/memory-store.js";
import { MONDAY, TestClock } from "../../support/world.js";

const C = "slack:T1";

/** A platform that answers each message only after every send started with it has begun: it counts how many were in flight at once. */
class CountingPlatform implements Messenger {
  inFlight = 0;
  most = 0;
  readonly order: string[] = [];
  outcome: (d: Delivery) => SendOutcome = () => ({ ok: true });
  async send(d: Delivery): Promise<SendOutcome> {
    this.inFlight++;
    this.most = Math.max(this.most, this.inFlight);
    this.order.push(`${d.to.map((m) => m.displayName).join("+")}:${d.key}`);
    await new Promise((r) => setImmediate(r));
    this.inFlight--;
    return this.outcome(d);
  }
}

/** A keep-in-touch nudge to one member, due now; `attempts` apart makes a separate message to the same person. */
const keepInTouch = (id: string, to: string, attempts = 0): Nudge => ({
  id,
  communityId: C,
  key: `key-${id}`,
  to: [to],
  kind: "keep_in_touch",
  refId: `chat-${id}`,
  dueAt: MONDAY,
  notice: { kind: "keep_in_touch", chatId: `chat-${id}`, volunteer: { id: `${C}:UV`, name: "Vee", timeZone: "UTC" } },
  status: "pending",
  attempts,
  lastError: null,
  leaseOwner: null,
  leaseUntil: null,
  sentAt: null,
  createdAt: MONDAY,
});

async function setup(nudges: Nudge[]): Promise<Deps> {
  const store = new MemoryStore();
  const deps: Deps = { store, clock: new TestClock(MONDAY.getTime()), ids: sequentialIds(), log: silentLogger };
  await store.tx(async (tx) => {
    for (const id of new Set(nudges.flatMap((n) => n.to)))
      await tx.saveMember(newMember({ id, communityId: C, displayName: id.split(":")[2] ?? id, timeZone: "UTC", createdAt: MONDAY }));
    await tx.addNudges(nudges);
  });
  return deps;
}

const statuses = (deps: Deps) => deps.store.tx(async (tx) => (await tx.listNudges(C)).map((n) => [n.id, n.status, n.attempts] as const));

describe("deliverDue sending several messages at once", () => {
  it("keeps `concurrency` messages in flight and marks each nudge sent once", async () => {
    const deps = await setup(Array.from({ length: 10 }, (_, i) => keepInTouch(`n${i}`, `${C}:U${i}`)));
    const platform = new CountingPlatform();
    const r = await deliverDue(deps, platform, { owner: "a", concurrency: 4 });
    expect(r).toMatchObject({ claimed: 10, sent: 10, retried: 0, failed: 0 });
    expect(platform.most).toBe(4);
    expect((await statuses(deps)).every(([, status, attempts]) => status === "sent" && attempts === 1)).toBe(true);
  });

  it("sends one at a time by default", async () => {
    const deps = await setup(Array.from({ length: 5 }, (_, i) => keepInTouch(`n${i}`, `${C}:U${i}`)));
    const platform = new CountingPlatform();
    expect((await deliverDue(deps, platform, { owner: "a" })).sent).toBe(5);
    expect(platform.most).toBe(1);
  });

  it("never sends two messages to the same person at once, and keeps their order", async () => {
    // Different attempt counts keep Ada's two nudges in separate messages.
    const deps = await setup([keepInTouch("a1", `${C}:UADA`), keepInTouch("b1", `${C}:UBO`), keepInTouch("a2", `${C}:UADA`, 1)]);
    const platform = new CountingPlatform();
    await deliverDue(deps, platform, { owner: "a", concurrency: 8 });
    expect(platform.order).toEqual([`UADA:${C}/key-a1`, `UBO:${C}/key-b1`, `UADA:${C}/key-a2`]);
    expect(platform.most).toBe(2);
  });

  it("stops starting messages once the platform rate-limits one, handing the rest back untouched", async () => {
    const deps = await setup(Array.from({ length: 10 }, (_, i) => keepInTouch(`n${i}`, `${C}:U${i}`)));
    const platform = new CountingPlatform();
    platform.outcome = (d) => (d.key.endsWith("key-n1") ? { ok: false, error: "ratelimited", retryAfterMs: 30_000 } : { ok: true });
    const r = await deliverDue(deps, platform, { owner: "a", concurrency: 4 });
    // The first four were in flight together: three went out, one was told to wait; nothing more was tried.
    expect(platform.order).toHaveLength(4);
    expect(r).toMatchObject({ claimed: 10, sent: 3, failed: 0 });
    expect(r.rateLimitedUntil).toEqual(new Date(MONDAY.getTime() + 30_000));
    const pending = (await statuses(deps)).filter(([, status]) => status === "pending");
    expect(pending).toHaveLength(7);
    expect(pending.every(([, , attempts]) => attempts === 0)).toBe(true);
  });
});
