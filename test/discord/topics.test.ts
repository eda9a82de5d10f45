import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { FakeUser } from "../fakes/discord/index.js";
import { G1, startBot, user, type Bot } from "./harness.js";
import { text, wholeText } from "./helpers.js";

/*
 * Issue 14 on Discord: the topic list (`/coffee status topics:True`, since /coffee has the 25
 * subcommands Discord allows), `/coffee admin tags op:list|unalias`, typo'd topics and
 * settings keys, asserted on the words people read.
 */

const owner = { ...user("4701", "Olga"), admin: true };
const ken = user("4702", "Ken");
const sam = user("4703", "Sam");

describe("topics and settings keys on Discord (issue 14)", () => {
  let bot: Bot;
  beforeAll(async () => {
    bot = await startBot({ memory: true });
    await bot.fake.command(G1, owner, "status");
    await bot.fake.command(G1, ken, "volunteer", { tags: "ux-research, kubernetes" });
    await bot.fake.command(G1, owner, "admin tags", { op: "alias", from: "k8s", to: "kubernetes" });
  });
  afterAll(async () => bot.stop());

  it("each command shows what it should, in Discord's own syntax", async () => {
    const rows: [FakeUser, string, Record<string, string | boolean>, string[]][] = [
      [sam, "status", { topics: true }, ["Topics people here volunteer for (2, most volunteers first):", "ux-research — 1 volunteer"]],
      [
        sam,
        "request",
        { tags: "ux reserch", goals: "how teams run studies" },
        ["did you mean ux-research? To ask for that instead, type `/coffee cancel`, then `/coffee request tags:ux-research goals:<"],
      ],
      [sam, "volunteer", { tags: "kubernets" }, ["did you mean kubernetes? To change it, type `/coffee volunteer tags:kubernetes`."]],
      [owner, "admin tags", { op: "list" }, ["Topics in use (4)", "(also: k8s)", "`/coffee admin tags op:unalias from:<from>`"]],
      [owner, "admin tags", { op: "unalias", from: "ml" }, ["`/coffee admin tags op:alias from:ml to:<topic>`"]],
      [owner, "admin tags", { op: "unalias", from: "k8s" }, ['no longer means "kubernetes"']],
      [owner, "admin tags", { op: "unalias" }, ["Missing the one alias to remove (from:)."]],
      [owner, "admin settings", { key: "chatminutes", value: "40" }, ["Saved: chatMinutes is now 40."]],
      [owner, "admin settings", { key: "chatMinute", value: "40" }, ["Did you mean chatMinutes?"]],
      [
        owner,
        "admin settings",
        { show: true },
        ["chatMinutes 40 min (15–45): length of a chat", "nudges.<name> (on/off)", "admins: 0 added"],
      ],
    ];
    for (const [who, sub, opts, shows] of rows) {
      const first = await bot.fake.command(G1, who, sub, opts);
      // A long answer (the settings listing) arrives in parts, each within Discord's 2,000 characters.
      const reply = await wholeText(bot, first, shows.at(-1) ?? "");
      for (const s of shows) expect(reply, `${sub} ${JSON.stringify(opts)}\n${reply}`).toContain(s);
      for (const part of bot.fake.rest.answersTo(first.interactionId)) expect(text(part).length).toBeLessThanOrEqual(2000);
    }
  });
});
