import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { FakeMessage } from "../fakes/discord/index.js";
import { G1, PAIRS1, startBot, user, type Bot } from "./harness.js";
import { buttonId, componentsOf, EPHEMERAL, text } from "./helpers.js";

const ana = { ...user("4901", "Ana"), admin: true };
const people = [ana, user("4902", "Bo"), user("4903", "Cy"), user("4904", "Di"), user("4905", "Ed")];
const PROGRAM = "810000000000000011";
const DAY = 86_400_000;
const nameOf = new Map(people.map((p) => [p.id, p.name]));

describe("a peer round on Discord, from the pinned door to the meet rate", () => {
  let bot: Bot;
  beforeAll(async () => {
    bot = await startBot({ memory: true });
    bot.deps.programChannel = bot.adapter.programChannel;
  });
  afterAll(async () => bot.stop());

  const door = (): FakeMessage => {
    const first = bot.fake.rest.messagesIn(PROGRAM)[0];
    if (!first) throw new Error("no front door");
    return first;
  };

  it("opts five members in from the pinned message, and the scheduler's round gives a pair and a trio private threads", async () => {
    await bot.fake.command(G1, ana, "admin settings", { key: "programChannelId", value: `<#${PROGRAM}>` });
    for (const p of people) {
      const a = await bot.fake.click(p, door(), buttonId(door(), "Pair me with peers"), { guildId: G1 });
      expect(text(a)).toContain("🤝 You're in peer rounds!");
      expect(Number(a.data.flags) & EPHEMERAL).toBe(EPHEMERAL);
    }
    const before = await bot.fake.command(G1, ana, "admin rounds");
    expect(text(before)).toContain("In: 5 — Ana, Bo, Cy, Di, Ed");
    expect(text(before)).toContain("No round has run yet.");

    // The scheduler runs the round when its time comes (Tuesday), and delivers the introductions.
    bot.clock.advance(2 * DAY);
    await bot.tick();
    await bot.tick();

    const threads = bot.fake.rest.threads();
    expect(threads.map((t) => t.members.size).sort()).toEqual([2, 3]);
    for (const t of threads) {
      expect(t.parent_id).toBe(PAIRS1);
      const posted = bot.fake.rest.messagesIn(t.id);
      expect(posted).toHaveLength(1);
      const intro = posted[0]?.content ?? "";
      const members = [...t.members];
      // Each member is mentioned and named; nobody outside the group is.
      for (const id of members) {
        expect(intro).toContain(`<@${id}>`);
        expect(intro).toContain(nameOf.get(id) ?? id);
      }
      for (const p of people) if (!members.includes(p.id)) expect(intro).not.toContain(p.name);
      expect(intro).toContain(" — you're paired this round!");
      expect(intro).toContain(members.length === 3 ? "times that suit all three of you:" : "times that suit you both:");
      // Times as Discord timestamps, which each reader sees in their own zone.
      expect(intro).toMatch(/1\. <t:\d+:F> \(<t:\d+:R>\)/);
      // A button per proposed time (any member may book one), then the skip.
      expect(
        componentsOf(posted[0] ?? { components: [] })
          .map((c) => c.label)
          .at(-1),
      ).toBe("Skip the next round");
    }
  });

  it("asks each member 'did you meet?' in their DM, takes *We met*, and the admin reads the meet rate", async () => {
    bot.clock.advance(13 * DAY);
    await bot.tick();
    const trio = bot.fake.rest.threads().find((t) => t.members.size === 3);
    const [firstId, ...others] = trio ? [...trio.members] : [];
    const first = people.find((p) => p.id === firstId);
    if (!first) throw new Error("no trio");
    const ask = bot.fake.rest.dmsTo(first.id).at(-1);
    if (!ask) throw new Error("no check-in");
    expect(ask.content).toContain("👋 Did you meet");
    for (const id of others) expect(ask.content).toContain(nameOf.get(id) ?? id);
    expect(componentsOf(ask).map((c) => c.label)).toEqual(["We met", "We didn't meet"]);

    const met = await bot.fake.click(first, ask, buttonId(ask, "We met"));
    expect(text(met)).toContain("Glad you met");

    const after = await bot.fake.command(G1, ana, "admin rounds");
    expect(text(after)).toMatch(/• \S+ & \S+ & \S+ — met/);
    expect(text(after)).toContain("— no answer yet");
    expect(text(after)).toContain("Meet rate: 50% (1 of 2 met, 0 didn't)");
  });
});
