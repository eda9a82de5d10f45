import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { G1, startBot, user, type Bot } from "./harness.js";
import { buttonId, componentsOf, EPHEMERAL, text } from "./helpers.js";

const ana = { ...user("4911", "Ana"), admin: true };
const people = [ana, user("4912", "Bo"), user("4913", "Cy")];
const MIN = 60_000;
const stamp = (d: Date): string => `<t:${Math.floor(d.getTime() / 1000)}:F>`;

describe("a peer group on Discord books one of its times, then is reminded and asked after it", () => {
  let bot: Bot;
  beforeAll(async () => {
    bot = await startBot({ memory: true });
  });
  afterAll(async () => bot.stop());

  it("a member clicks a time in the group's thread; the thread reads the booking, the reminder before it and each is asked after", async () => {
    for (const p of people) expect(text(await bot.fake.command(G1, p, "rounds", { op: "join" }))).toContain("🤝 You're in peer rounds!");
    expect(text(await bot.fake.command(G1, ana, "admin rounds", { op: "run" }))).toContain("Round done: 1 group(s) from 3 member(s)");
    await bot.tick();

    const [thread] = bot.fake.rest.threads();
    if (!thread) throw new Error("no thread");
    expect(thread.members.size).toBe(3);
    const [intro] = bot.fake.rest.messagesIn(thread.id);
    if (!intro) throw new Error("no introduction");
    const labels = componentsOf(intro).map((c) => c.label ?? "");
    expect(labels).toHaveLength(4);
    expect(labels.at(-1)).toBe("Skip the next round");
    expect(intro.content).toContain("Any of you can book one — click it or type `/coffee rounds op:pick time:<n>`");

    // Bo clicks the second time: Bo alone is answered; the introduction keeps its times for everyone.
    const bo = people[1] ?? ana;
    const answer = await bot.fake.click(bo, intro, buttonId(intro, labels[1] ?? ""), { guildId: G1 });
    expect(Number(answer.data.flags) & EPHEMERAL).toBe(EPHEMERAL);
    expect(text(answer)).toContain("📅 Booked: <t:");
    await bot.tick();
    const slot = await bot.store.tx(async (tx) => (await tx.listPeerGroups(`discord:${G1}`))[0]?.slot);
    if (!slot) throw new Error("no booked time");
    const booking = bot.fake.rest.messagesIn(thread.id)[1];
    for (const p of people) expect(booking?.content).toContain(`<@${p.id}>`);
    expect(booking?.content).toContain(`📅 Bo booked ${stamp(slot.start)}`);
    expect(booking?.content).toContain("for the three of you.");
    expect(booking?.content).toContain("📎 The calendar invite (.ics) is attached.");
    expect(booking?.files.map((f) => f.name)).toEqual(["peer-round.ics"]);

    // Cy types another time: the thread reads the move.
    const cy = people[2] ?? ana;
    expect(text(await bot.fake.command(G1, cy, "rounds", { op: "pick", time: 1 }))).toContain("📅 Booked: ");
    await bot.tick();
    const moved = await bot.store.tx(async (tx) => (await tx.listPeerGroups(`discord:${G1}`))[0]?.slot);
    if (!moved) throw new Error("no booked time");
    const move = bot.fake.rest.messagesIn(thread.id)[2];
    expect(move?.content).toContain(`📅 Cy moved your peer-round chat to ${stamp(moved.start)}`);
    expect(move?.content).toContain(`(instead of ${stamp(slot.start)}`);

    // Before the time, the reminder comes to the thread.
    bot.clock.set(new Date(moved.start.getTime() - 60 * MIN));
    await bot.tick();
    const reminder = bot.fake.rest.messagesIn(thread.id).at(-1);
    expect(reminder?.content).toContain("⏰ Your peer-round chat, ");
    expect(reminder?.content).toContain(`starts ${stamp(moved.start)}`);
    for (const p of people) expect(bot.fake.rest.dmsTo(p.id).some((m) => m.content.includes("Did you meet"))).toBe(false);

    // An hour after it ends, each member is asked in their DM.
    bot.clock.set(new Date(moved.end.getTime() + 60 * MIN));
    await bot.tick();
    for (const p of people) {
      const ask = bot.fake.rest.dmsTo(p.id).at(-1);
      expect(ask?.content).toContain("👋 Did you meet");
      expect(componentsOf(ask ?? { components: [] }).map((c) => c.label)).toEqual(["We met", "We didn't meet"]);
    }
  });
});
