import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDashboardLink } from "../../src/core/use-cases/index.js";
import { coffeeCommand } from "../../src/discord/index.js";
import { dashboardLinks } from "../../src/web/links.js";
import { FAKE_MOD_ROLE } from "../fakes/discord/gateway.js";
import { G1, startBot, user, type Bot } from "./harness.js";
import { EPHEMERAL, text } from "./helpers.js";

let bot: Bot;
beforeAll(async () => {
  bot = await startBot({ memory: true, dashboard: dashboardLinks("https://coffee.example") });
});
afterAll(() => bot.stop());

describe("admin dashboard on Discord", () => {
  it("is registered as /coffee admin dashboard", () => {
    const admin = coffeeCommand().options?.find((o) => o.name === "admin");
    const subs = admin && "options" in admin ? (admin.options ?? []).map((o) => o.name) : [];
    expect(subs).toContain("dashboard");
  });

  it("a Manage Server holder reads a private one-time link, shown without a preview, that signs them in once", async () => {
    const owner = { ...user("3009", "Olga"), admin: true };
    const a = await bot.fake.command(G1, owner, "admin dashboard");
    expect(a.data.flags).toBe(EPHEMERAL);
    const m =
      /^Here's your dashboard link for (.+): <(https:\/\/coffee\.example\/dashboard\/discord%3A\d+\/signin\?token=([A-Za-z0-9_-]{43}))> — it works once, for 15 minutes, and signs you in for 8 hours\. Don't share it\.$/.exec(
        text(a),
      );
    expect(m?.[1]).toBe("this community"); // the fake guild's name is not recorded before its first command
    const secret = m?.[3] ?? "";
    expect((await openDashboardLink(bot.deps, { communityId: `discord:${G1}`, secret })).ok).toBe(true);
    expect(await openDashboardLink(bot.deps, { communityId: `discord:${G1}`, secret })).toMatchObject({ ok: false, code: "LINK_USED" });
  });

  it("a member without Manage Server or an admin role is refused, privately", async () => {
    const a = await bot.fake.command(G1, user("3010", "Ada"), "admin dashboard");
    expect(a.data.flags).toBe(EPHEMERAL);
    expect(text(a)).toBe(
      "Only community admins can use admin dashboard. Ask an admin to add you with `/coffee admin add member:<member>`.",
    );
  });

  it("asks nothing of Discord for another platform's ids, or a member id of another guild", async () => {
    expect(await bot.adapter.adminFacts?.(`discord:${G1}`, "slack:T1:U1")).toBeNull();
    expect(await bot.adapter.adminFacts?.(`discord:${G1}`, "discord:820000000000000002:3009")).toBeNull();
  });

  it("reads a member's standing now from the server: the owner holds Manage Server, a role is a role, someone gone holds nothing", async () => {
    bot.fake.rest.guildMembers.set(`${G1}:1`, { roles: [] });
    bot.fake.rest.guildMembers.set(`${G1}:3011`, { roles: [FAKE_MOD_ROLE] });
    expect(await bot.adapter.adminFacts?.(`discord:${G1}`, `discord:${G1}:1`)).toEqual({ platformAdmin: true, roles: [] });
    expect(await bot.adapter.adminFacts?.(`discord:${G1}`, `discord:${G1}:3011`)).toEqual({ platformAdmin: false, roles: [FAKE_MOD_ROLE] });
    expect(await bot.adapter.adminFacts?.(`discord:${G1}`, `discord:${G1}:3012`)).toEqual({ platformAdmin: false, roles: [] });
  });
});
