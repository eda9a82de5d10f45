import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Member, newMember, type Notice } from "../../src/core/domain/index.js";
import type { Delivery } from "../../src/core/ports/index.js";
import { communityIdOf, memberIdOf } from "../../src/discord/ids.js";
import { discordStyle } from "../../src/discord/style.js";
import { renderSettingList } from "../../src/text/setting-words.js";
import { G1, startBot, user, type Bot } from "./harness.js";
import { answersUntil, buttonId, EPHEMERAL, text } from "./helpers.js";

/*
 * Answers and DMs longer than Discord's 2,000 characters arrive whole, in several messages:
 * cut at line breaks (a longer line at a space or comma), each within the limit, the buttons on
 * the last. (The fake refuses content past 2,000 characters, as Discord does.)
 */

const owner = { ...user("4901", "Olga"), admin: true };
/** 25 admin role ids (a value takes up to 500 characters): the listing passes 2,000 characters. */
const ROLES = Array.from({ length: 25 }, (_, n) => String(830_000_000_000_000_000n + BigInt(n)));

const member = (userId: string, name: string): Member =>
  newMember({ id: memberIdOf(G1, userId), communityId: communityIdOf(G1), displayName: name, timeZone: "UTC", createdAt: new Date() });

describe.each([
  { how: "answered at once", opts: {}, reply: 4 },
  { how: "deferred, then edited", opts: { deferAfterMs: 5, slowStoreMs: 30 }, reply: "edit" },
] as const)("a reply longer than 2,000 characters on Discord ($how)", ({ opts, reply }) => {
  let bot: Bot;
  beforeAll(async () => {
    bot = await startBot({ memory: true, ...opts });
    await bot.fake.command(G1, owner, "status");
    const saved = text(await bot.fake.command(G1, owner, "admin settings", { key: "adminRoleIds", value: ROLES.join(",") }));
    expect(saved).toContain("Saved");
  });
  afterAll(async () => bot.stop());

  it("`/coffee admin settings show:True` arrives in several private messages holding every line and every role", async () => {
    const first = await bot.fake.command(G1, owner, "admin settings", { show: true });
    const parts = await answersUntil(bot, first, "nudges.<name> (on/off)");
    expect(parts.length).toBeGreaterThanOrEqual(2);
    expect(parts.map((a) => a.type)).toEqual([reply, ...parts.slice(1).map(() => "followup")]);
    for (const a of bot.fake.rest.answersTo(first.interactionId).filter((x) => x.type === 5)) expect(a.data.flags).toBe(EPHEMERAL);
    for (const a of parts) {
      expect(text(a).length).toBeLessThanOrEqual(2000);
      // A reply's visibility stays: every follow-up is private as well.
      if (a.type !== "edit") expect(a.data.flags).toBe(EPHEMERAL);
    }
    const texts = parts.map(text);
    for (const shown of ["chatMinutes 30 min (15–45): length of a chat", "seekers' day, if not set", "peer rounds:", "admins: 0 added"])
      expect(texts.some((t) => t.includes(shown))).toBe(true);
    for (const role of ROLES) expect(texts.filter((t) => t.includes(role))).toHaveLength(1);
    // Every line of the listing arrives whole.
    const community = await bot.store.tx((tx) => tx.getCommunity(communityIdOf(G1)));
    if (!community) throw new Error("no community");
    const lines = texts.flatMap((t) => t.split("\n"));
    const listing = renderSettingList(community.settings, discordStyle.user);
    expect(listing.length).toBeGreaterThan(10);
    expect(listing.join("\n").length).toBeGreaterThan(2000);
    for (const l of listing) expect(lines).toContain(l);
  });
});

describe("a DM longer than 2,000 characters on Discord", () => {
  let bot: Bot;
  beforeAll(async () => {
    bot = await startBot({ memory: true });
  });
  afterAll(async () => bot.stop());

  const goals = Array.from({ length: 40 }, (_, n) => `goal number ${n}, about research interviews and how to run them`).join("; ");
  const bio = Array.from({ length: 30 }, (_, n) => `I have worked on project ${n} for a while`).join(". ");
  const intro: Notice = {
    kind: "intro_offered",
    introId: "intro_long",
    seeker: { id: memberIdOf(G1, "4950"), name: "Sam", timeZone: "UTC", tags: ["ux-research"], bio },
    goals,
    learn: goals,
    reasons: { sharedTags: ["ux-research"], sharedFreeHours: 6, load: 0, score: 1 },
    minutes: 30,
    deadline: new Date("2026-12-07T12:00:00Z"),
    referredBy: null,
  };
  const delivery = (to: Member, attempt = 1): Delivery => ({
    key: "long-intro",
    attempt,
    communityId: communityIdOf(G1),
    to: [to],
    notice: intro,
  });

  it("comes as several messages in order, each within the limit, the buttons on the last, none lost", async () => {
    const vera = member("4951", "Vera");
    expect(await bot.adapter.messenger.send(delivery(vera))).toEqual({ ok: true });
    const dms = bot.fake.rest.dmsTo("4951");
    expect(dms.length).toBeGreaterThanOrEqual(2);
    for (const m of dms) expect(m.content.length).toBeLessThanOrEqual(2000);
    expect(dms.slice(0, -1).every((m) => m.components.length === 0)).toBe(true);
    const last = dms.at(-1);
    if (!last) throw new Error("no DM");
    expect(buttonId(last, "Accept")).toContain(G1);
    const all = dms.map((m) => m.content).join("\n");
    expect(all).toContain("Sam would like a 30-minute chat");
    for (let n = 0; n < 40; n++) expect(all).toContain(`goal number ${n}, about research interviews`);
    for (let n = 0; n < 30; n++) expect(all).toContain(`I have worked on project ${n} for a while`);
    expect(all).toContain("Type `/coffee accept`");
  });

  it("a retried delivery posts none of its parts again", async () => {
    const bo = member("4952", "Bo");
    await bot.adapter.messenger.send(delivery(bo));
    const before = bot.fake.rest.dmsTo("4952").length;
    expect(await bot.adapter.messenger.send(delivery(bo, 2))).toEqual({ ok: true });
    expect(bot.fake.rest.dmsTo("4952")).toHaveLength(before);
  });
});
