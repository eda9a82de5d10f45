import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDashboardLink } from "../../src/core/use-cases/index.js";
import { dashboardLinks } from "../../src/web/links.js";
import { slashCommand } from "../fakes/slack/payloads.js";
import { startHarness, type Harness } from "./harness.js";

let h: Harness;
beforeAll(async () => {
  h = await startHarness({ mode: "http", dashboard: dashboardLinks("https://coffee.example/") });
});
afterAll(() => h.stop());

const LINK = /<(https:\/\/coffee\.example\/dashboard\/slack%3AT1\/signin\?token=([A-Za-z0-9_-]{43}))>/;

describe("admin dashboard on Slack", () => {
  it("a workspace admin reads a private one-time link (not unfurled) that signs them in once", async () => {
    const boss = { ...h.user("T1", "UADM", "boss", "UTC"), isAdmin: true };
    h.fake.state.users.set(boss.id, boss);
    await h.slash(boss, "admin dashboard");
    const answer = h.lastResponse();
    expect(answer.response_type).toBe("ephemeral");
    expect(answer.unfurl_links).toBe(false);
    const text = String(answer.text);
    expect(text).toMatch(
      /^Here's your dashboard link for this community: <https:\/\/coffee\.example\/dashboard\/slack%3AT1\/signin\?token=/,
    );
    expect(text).toContain("— it works once, for 15 minutes, and signs you in for 8 hours. Don't share it.");
    const secret = LINK.exec(text)?.[2] ?? "";
    expect((await openDashboardLink(h.deps, { communityId: "slack:T1", secret })).ok).toBe(true);
    expect(await openDashboardLink(h.deps, { communityId: "slack:T1", secret })).toMatchObject({ ok: false, code: "LINK_USED" });
    // Nothing public: no message was posted anywhere.
    expect([...h.fake.state.channels.values()].flatMap((c) => h.fake.state.messagesIn(c.id)).map((m) => m.text)).not.toContainEqual(
      expect.stringContaining("dashboard"),
    );
  });

  it("anyone else is refused with who to ask, and given no link", async () => {
    const someone = h.user("T1", "UNOB", "nob", "UTC");
    await h.slash(someone, "admin dashboard");
    expect(h.lastResponse().response_type).toBe("ephemeral");
    expect(String(h.lastResponse().text)).toBe(
      "Only community admins can use admin dashboard. Ask an admin to add you with `/coffee admin add &lt;member&gt;`.",
    );
  });

  it("a retried request is answered without the link: the inbox never keeps it", async () => {
    const boss = { ...h.user("T1", "UAD2", "bea", "UTC"), isAdmin: true };
    h.fake.state.users.set(boss.id, boss);
    const payload = { ...slashCommand(h.fake, boss, "admin dashboard") };
    const ts = Math.floor(Date.now() / 1000);
    expect((await h.fake.send("slash_commands", payload, { timestamp: ts })).status).toBe(200);
    await h.adapter.idle();
    expect(String(h.lastResponse().text)).toMatch(LINK);
    expect((await h.fake.send("slash_commands", payload, { timestamp: ts, retryNum: 1 })).status).toBe(200);
    await h.adapter.idle();
    expect(String(h.lastResponse().text)).toBe(
      "Your dashboard link was sent in the first answer to this command and isn't kept anywhere. For a new one, type `/coffee admin dashboard`.",
    );
  });

  it("tells the dashboard a member's admin flag now (users.info), and nothing for another platform's ids", async () => {
    const boss = { ...h.user("T1", "UAD3", "bo", "UTC"), isAdmin: true };
    h.fake.state.users.set(boss.id, boss);
    h.user("T1", "UMEM", "meg", "UTC");
    expect(await h.adapter.adminFacts("slack:T1", "slack:T1:UAD3")).toEqual({ platformAdmin: true, roles: [] });
    expect(await h.adapter.adminFacts("slack:T1", "slack:T1:UMEM")).toEqual({ platformAdmin: false, roles: [] });
    expect(await h.adapter.adminFacts("slack:T2", "slack:T1:UAD3")).toBeNull();
    expect(await h.adapter.adminFacts("discord:1", "discord:1:2")).toBeNull();
  });

  it("help lists it", async () => {
    const someone = h.user("T1", "UHLP", "hal", "UTC");
    await h.slash(someone, "help");
    expect(String(h.lastResponse().text)).toContain("admin dashboard");
  });
});
