import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { G1, G2, startBot, user, type Bot } from "./harness.js";
import { EPHEMERAL, text } from "./helpers.js";

const kim = user("4001", "Kim");

describe("Discord input errors and community separation", () => {
  let bot: Bot;
  beforeAll(async () => {
    bot = await startBot();
  });
  afterAll(async () => bot.stop());

  const cases: [string, Record<string, string | number>, RegExp][] = [
    [
      "availability",
      { times: "someday 9-12", zone: "Europe/Berlin" },
      /"someday" isn't a day or a range of days.*\/coffee availability times:/,
    ],
    ["availability", { times: "mon-fri 9-12", zone: "Mars/Olympus" }, /isn't a time zone.*zone:/],
    ["availability", { times: "mon-fri 9-12" }, /Missing your time zone.*e\.g\. Europe\/Berlin \(zone:\)/],
    ["request", { tags: "ux" }, /Missing what you want to learn \(goals:\).*\/coffee request tags:<topics> goals:/],
    ["volunteer", { capacity: 3 }, /Missing the topics you can talk about \(tags:\).*\/coffee volunteer tags:/],
    ["choose", { pick: "1.5" }, /"1.5" isn't a suggestion number.*\/coffee choose pick:/],
    ["pause", { until: "someday" }, /couldn't read "someday"/],
    ["feedback", { rating: 5 }, /couldn't find a chat.*\/coffee status/],
  ];
  for (const [sub, opts, expected] of cases) {
    it(`/coffee ${sub} ${JSON.stringify(opts)} gets an ephemeral fix`, async () => {
      const a = await bot.fake.command(G1, kim, sub, opts);
      expect(a.data.flags).toBe(EPHEMERAL);
      expect(text(a)).toMatch(expected);
    });
  }

  it("rejects bad form input with the fix", async () => {
    const a = await bot.fake.submitModal(G1, kim, "form|volunteer", { tags: "python", capacity: "lots" });
    expect(a.data.flags).toBe(EPHEMERAL);
    expect(text(a)).toMatch(/"lots" isn't a number of chats per month \(capacity:\)/);
    // A unique city is read as its zone (and the reply says so); an abbreviation asks which zone.
    const b = await bot.fake.submitModal(G1, kim, "form|availability", { times: "mon-fri 9-12", zone: "CET" });
    expect(text(b)).toMatch(/"CET" is an abbreviation.*Did you mean Europe\/Berlin/);
  });

  it("keeps two guilds apart: members, tags and matches", async () => {
    const v = user("4002", "Vic");
    await bot.fake.command(G1, v, "volunteer", { tags: "rust, systems" });
    const tags2 = await bot.fake.autocomplete(G2, kim, "request", { tags: "ru" }, "tags");
    expect(tags2).toEqual([]);
    const r2 = await bot.fake.command(G2, kim, "request", { tags: "rust", goals: "get started" });
    expect(text(r2)).toContain("Nobody fits");
    const r1 = await bot.fake.command(G1, kim, "request", { tags: "rust", goals: "get started" });
    expect(text(r1)).toContain("Vic");
    const s2 = await bot.fake.command(G2, v, "status");
    expect(text(s2)).not.toContain("Volunteering");
  });
});

describe("Discord admin commands and forget-me", () => {
  let bot: Bot;
  beforeAll(async () => {
    bot = await startBot({ memory: true });
  });
  afterAll(async () => bot.stop());

  it("lets a Manage Server holder run /coffee admin and refuses others", async () => {
    const owner = { ...user("4501", "Olga"), admin: true };
    const stats = await bot.fake.command(G1, owner, "admin stats", { period: "30d" });
    expect(stats.data.flags).toBe(EPHEMERAL);
    expect(text(stats)).not.toContain("Only community admins");
    const other = await bot.fake.command(G1, kim, "admin match");
    expect(text(other)).toContain("Only community admins can use admin");
    expect(text(other)).toContain("`/coffee admin add member:<member>`");
    const set = await bot.fake.command(G1, owner, "admin settings", { key: "chatMinutes", value: "45" });
    expect(text(set)).toContain("chatMinutes");
    const exported = await bot.fake.command(G1, owner, "admin export", {});
    const call = bot.fake.rest.calls.find((c) => c.path.includes(exported.interactionId));
    expect(call?.files.length).toBeGreaterThan(0);
    expect(call?.files[0]?.name).toMatch(/\.csv$/);
  });

  it("a member holding a role an admin listed in adminRoleIds may run admin commands", async () => {
    const owner = { ...user("4502", "Omar"), admin: true };
    const mod = { ...user("4503", "Mo"), roles: ["777000111222333444"] };
    expect(text(await bot.fake.command(G1, mod, "admin stats", {}))).toContain("Only community admins");
    await bot.fake.command(G1, owner, "admin settings", { key: "adminRoleIds", value: "777000111222333444" });
    expect(text(await bot.fake.command(G1, mod, "admin stats", {}))).not.toContain("Only community admins");
  });

  it("forgets a member with /coffee forget-me", async () => {
    const f = user("4601", "Fay");
    await bot.fake.command(G1, f, "volunteer", { tags: "go" });
    const asked = await bot.fake.command(G1, f, "forget-me");
    expect(asked.data.flags).toBe(EPHEMERAL);
    expect(text(asked)).toContain("Nothing changes until you confirm: `/coffee forget-me confirm:True`");
    const kept = await bot.store.tx((tx) => tx.getMember(`discord:${G1}`, `discord:${G1}:${f.id}`));
    expect(kept?.forgotten).toBe(false);
    const a = await bot.fake.command(G1, f, "forget-me", { confirm: true });
    expect(a.data.flags).toBe(EPHEMERAL);
    const m = await bot.store.tx((tx) => tx.getMember(`discord:${G1}`, `discord:${G1}:${f.id}`));
    expect(m?.forgotten ?? true).toBe(true);
  });
});
