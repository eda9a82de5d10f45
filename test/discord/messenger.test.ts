import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { newMember, type Member } from "../../src/core/domain/index.js";
import type { Delivery } from "../../src/core/ports/index.js";
import { communityIdOf, memberIdOf } from "../../src/discord/ids.js";
import { nonceOf } from "../../src/discord/index.js";
import { G1, PAIRS1, startBot, type Bot } from "./harness.js";

const member = (userId: string, name: string): Member =>
  newMember({
    id: memberIdOf(G1, userId),
    communityId: communityIdOf(G1),
    displayName: name,
    timeZone: "UTC",
    timeZoneConfirmed: false,
    createdAt: new Date(),
  });

let k = 0;
const delivery = (to: Member, attempt = 1, key = `k${++k}`): Delivery => ({
  key,
  attempt,
  communityId: communityIdOf(G1),
  to: [to],
  notice: { kind: "intro_withdrawn", introId: "intro_1", seeker: { id: "x", name: "Sam", timeZone: "UTC" } },
});

describe("DiscordMessenger over REST", () => {
  let bot: Bot;
  beforeAll(async () => {
    bot = await startBot({ memory: true });
  });
  afterAll(async () => bot.stop());
  const posts = (userId: string) => bot.fake.rest.dmsTo(userId);

  it("derives a ≤25-character nonce from the delivery key and sends it with enforce_nonce", async () => {
    const ann = member("7001", "Ann");
    const d = delivery(ann);
    expect(await bot.adapter.messenger.send(d)).toEqual({ ok: true });
    const call = bot.fake.rest.calls.find((c) => c.method === "POST" && /\/channels\/\d+\/messages/.test(c.path));
    expect(call?.body).toMatchObject({ nonce: nonceOf(d.key), enforce_nonce: true });
    expect(nonceOf(d.key).length).toBeLessThanOrEqual(25);
  });

  it("a retried delivery (attempt 2, same key) creates no second message", async () => {
    const bo = member("7002", "Bo");
    const d = delivery(bo);
    await bot.adapter.messenger.send(d);
    expect(await bot.adapter.messenger.send({ ...d, attempt: 2 })).toEqual({ ok: true });
    expect(posts("7002")).toHaveLength(1);
  });

  it("waits out a 429 (discord.js queues and retries) and delivers once", async () => {
    const cy = member("7003", "Cy");
    await bot.adapter.messenger.send(delivery(cy));
    bot.fake.rest.faults.push({ match: /^POST \/channels\/\d+\/messages$/, status: 429, times: 1, retryAfterSec: 0.3 });
    const t0 = performance.now();
    expect(await bot.adapter.messenger.send(delivery(cy))).toEqual({ ok: true });
    expect(performance.now() - t0).toBeGreaterThanOrEqual(250);
    expect(posts("7003")).toHaveLength(2);
  });

  it("retries a passing 5xx and reports a lasting one as retryable", async () => {
    const di = member("7004", "Di");
    bot.fake.rest.faults.push({ match: /^POST \/channels\/\d+\/messages$/, status: 502, times: 1 });
    expect(await bot.adapter.messenger.send(delivery(di))).toEqual({ ok: true });
    bot.fake.rest.faults.push({ match: /^POST \/channels\/\d+\/messages$/, status: 503, times: 10 });
    const r = await bot.adapter.messenger.send(delivery(di));
    expect(r.ok).toBe(false);
    expect(!r.ok && r.permanent).not.toBe(true);
    bot.fake.rest.faults.length = 0;
    expect(posts("7004")).toHaveLength(1);
  });

  it("counts a closed DM with no chat to fall back on and gives up for good", async () => {
    bot.fake.rest.closedDms.add("7005");
    const before = bot.adapter.messenger.stats.dmClosed;
    const r = await bot.adapter.messenger.send(delivery(member("7005", "Ed")));
    expect(r).toMatchObject({ ok: false, permanent: true });
    expect(bot.adapter.messenger.stats.dmClosed).toBe(before + 1);
  });

  it("refuses a community that is not Discord's", async () => {
    expect(await bot.adapter.messenger.send({ ...delivery(member("7006", "Fi")), communityId: "slack:T1" })).toMatchObject({
      ok: false,
      permanent: true,
    });
  });
});

describe("pair threads", () => {
  let bot: Bot;
  beforeAll(async () => {
    bot = await startBot({ memory: true });
  });
  afterAll(async () => bot.stop());

  it("opens one private thread per chat, adds both, attaches the invite, and finds it again after a restart", async () => {
    const a = member("7101", "Ann");
    const b = member("7102", "Ben");
    const slot = { start: new Date("2026-12-01T10:00:00Z"), end: new Date("2026-12-01T10:30:00Z") };
    const pair: Delivery = {
      key: "pair-1",
      attempt: 1,
      communityId: communityIdOf(G1),
      to: [a, b],
      notice: {
        kind: "chat_reminder",
        chatId: "chat_77",
        other: { id: b.id, name: "Ben", timeZone: "UTC" },
        slot,
        minutes: 30,
        format: "video",
        meetingLink: "",
      },
    };
    expect(await bot.adapter.messenger.send(pair)).toEqual({ ok: true });
    const [thread] = bot.fake.rest.threads();
    expect(thread?.type).toBe(12);
    expect(thread?.name).toBe("☕ Ann & Ben");
    expect([...(thread?.members ?? [])].sort()).toEqual(["7101", "7102"]);
    expect(bot.fake.rest.messagesIn(thread?.id ?? "")[0]?.content).toContain(`<t:${slot.start.getTime() / 1000}:F>`);

    // A fresh messenger (a restarted bot, or another process) finds this thread again through the store.
    const { DiscordMessenger } = await import("../../src/discord/messenger.js");
    const again = new DiscordMessenger({ rest: bot.adapter.client.rest, store: bot.store, log: bot.deps.log, pairChannel: () => null });
    expect(await again.send({ ...pair, key: "pair-2" })).toEqual({ ok: true });
    expect(bot.fake.rest.threads()).toHaveLength(1);
    expect(bot.fake.rest.messagesIn(thread?.id ?? "")).toHaveLength(2);
  });

  it("two processes opening the same chat's thread at once keep one: the later one deletes its own", async () => {
    const a = member("7201", "Cleo");
    const b = member("7202", "Dev");
    const pair = (key: string): Delivery => ({
      key,
      attempt: 1,
      communityId: communityIdOf(G1),
      to: [a, b],
      notice: {
        kind: "chat_reminder",
        chatId: "chat_race",
        other: { id: b.id, name: "Dev", timeZone: "UTC" },
        slot: { start: new Date("2026-12-02T10:00:00Z"), end: new Date("2026-12-02T10:30:00Z") },
        minutes: 30,
        format: "video",
        meetingLink: "",
      },
    });
    const { DiscordMessenger } = await import("../../src/discord/messenger.js");
    const open = () =>
      new DiscordMessenger({ rest: bot.adapter.client.rest, store: bot.store, log: bot.deps.log, pairChannel: () => PAIRS1 });
    const before = bot.fake.rest.threads().length;
    expect(await Promise.all([open().send(pair("race-1")), open().send(pair("race-2"))])).toEqual([{ ok: true }, { ok: true }]);
    const threads = bot.fake.rest.threads().slice(before);
    expect(threads.map((t) => t.name)).toEqual(["☕ Cleo & Dev"]);
    expect(bot.fake.rest.messagesIn(threads[0]?.id ?? "")).toHaveLength(2);
    expect(bot.fake.rest.calls.filter((c) => c.method === "DELETE" && c.path.startsWith("/channels/"))).toHaveLength(1);
  });
});
