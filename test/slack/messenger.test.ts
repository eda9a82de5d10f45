import { afterEach, describe, expect, it } from "vitest";
import type { Member } from "../../src/core/domain/index.js";
import type { Delivery } from "../../src/core/ports/index.js";
import { MIN } from "../support/world.js";
import { startHarness, type Harness } from "./harness.js";

let h: Harness | null = null;
afterEach(async () => {
  await h?.stop();
  h = null;
});

/** A volunteer who just got an intro waiting in the outbox (not yet delivered). */
async function introDue(x: Harness) {
  const vol = x.user("T1", "U0VOL", "vera", "Europe/Berlin");
  const seeker = x.user("T1", "U0SEEK", "sid", "Europe/London");
  await x.slash(vol, "volunteer data science");
  await x.slash(seeker, "request data science -- how to start in data science");
  await x.click(seeker, "Pick for me");
  return vol;
}

const posts = (x: Harness, status: number) => x.fake.calls.filter((c) => c.method === "chat.postMessage" && c.status === status).length;

describe("the Slack messenger under faults", () => {
  it("a 429 with Retry-After is waited out and the message arrives once", async () => {
    h = await startHarness({ mode: "http" });
    const vol = await introDue(h);
    h.fake.inject({ method: "chat.postMessage", status: 429, retryAfterSec: 2, times: 1 });
    const before = h.clock.now().getTime();
    const r = await h.tick();
    expect(r.postponed).toBe(1);
    expect(r.sent).toBe(1);
    expect(h.clock.now().getTime() - before).toBeGreaterThanOrEqual(2000);
    expect(posts(h, 429)).toBe(1);
    expect(h.messagesTo(vol)).toHaveLength(1);
  });

  it("a 5xx is retried by the outbox and arrives once", async () => {
    h = await startHarness({ mode: "http" });
    const vol = await introDue(h);
    h.fake.inject({ method: "chat.postMessage", status: 503, times: 1 });
    expect((await h.tick()).retried).toBe(1);
    expect(h.messagesTo(vol)).toHaveLength(0);
    h.clock.advance(2 * MIN);
    expect((await h.tick()).sent).toBe(1);
    expect(h.messagesTo(vol)).toHaveLength(1);
  });

  it("a post whose answer was lost is found by its key, not posted twice", async () => {
    h = await startHarness({ mode: "http" });
    const vol = await introDue(h);
    h.fake.inject({ method: "chat.postMessage", status: 500, after: true, times: 1 });
    expect((await h.tick()).retried).toBe(1);
    expect(h.messagesTo(vol)).toHaveLength(1);
    h.clock.advance(2 * MIN);
    expect((await h.tick()).sent).toBe(1);
    expect(h.fake.callsOf("conversations.history").length).toBeGreaterThan(0);
    expect(h.messagesTo(vol)).toHaveLength(1);
  });

  it("a post whose answer was lost is found by its key however many messages came after it", async () => {
    h = await startHarness({ mode: "http" });
    const vol = await introDue(h);
    h.fake.inject({ method: "chat.postMessage", status: 500, after: true, times: 1 });
    expect((await h.tick()).retried).toBe(1);
    const dm = h.messagesTo(vol)[0]?.channel ?? "";
    // 250 more messages in the same DM before the retry (other nudges, sent while the lease ran).
    for (let i = 0; i < 250; i++) h.fake.state.call("chat.postMessage", { channel: dm, text: `other ${i}` });
    h.clock.advance(2 * MIN);
    expect((await h.tick()).sent).toBe(1);
    expect(h.fake.state.historyPages).toBeGreaterThanOrEqual(2);
    expect(h.messagesTo(vol).filter((m) => m.metadata !== undefined)).toHaveLength(1);
    expect(h.messagesTo(vol)).toHaveLength(251);
  });

  it("5xx and slow answers on idempotent calls are retried by the client within the send", async () => {
    h = await startHarness({ mode: "http", timeoutMs: 300 });
    const vol = await introDue(h);
    h.fake.inject({ method: "conversations.open", status: 500, times: 1 });
    h.fake.inject({ method: "conversations.open", delayMs: 600, times: 1 });
    expect((await h.tick()).sent).toBe(1);
    expect(h.messagesTo(vol)).toHaveLength(1);
  });

  it("a member Slack no longer knows is a permanent failure", async () => {
    h = await startHarness({ mode: "http" });
    const ghost: Member = {
      id: "slack:T1:U0GHOST",
      communityId: "slack:T1",
      displayName: "ghost",
      timeZone: "UTC",
      timeZoneConfirmed: true,
      status: "active",
      pausedUntil: null,
      blocked: [],
      availability: { windows: [], datesOff: [] },
      forgotten: false,
      celebrate: false,
      createdAt: new Date(),
    };
    const d: Delivery = {
      key: "k1",
      attempt: 1,
      communityId: "slack:T1",
      to: [ghost],
      notice: { kind: "waitlisted", requestId: "r1", tags: ["x"] },
    };
    const out = await h.adapter.messenger.send(d);
    expect(out).toMatchObject({ ok: false, permanent: true, error: "user_not_found" });
  });

  it("keeps the order of messages in one channel when sent at once", async () => {
    h = await startHarness({ mode: "http" });
    const u = h.user("T1", "U0ORD", "ord", "UTC");
    await h.slash(u, "status");
    const me = await h.store.tx((tx) => tx.getMember("slack:T1", "slack:T1:U0ORD"));
    if (!me) throw new Error("no member");
    h.fake.inject({ method: "chat.postMessage", delayMs: 50, times: 1 });
    const sends = [1, 2, 3].map((i) =>
      h?.adapter.messenger.send({
        key: `k${i}`,
        attempt: 1,
        communityId: "slack:T1",
        to: [me],
        notice: { kind: "waitlisted", requestId: `r${i}`, tags: [`t${i}`] },
      }),
    );
    expect(await Promise.all(sends)).toEqual([{ ok: true }, { ok: true }, { ok: true }]);
    expect(h.messagesTo(u).map((m) => m.metadata?.event_payload.key)).toEqual(["k1", "k2", "k3"]);
  });
});
