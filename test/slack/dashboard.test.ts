import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDashboardLink } from "../../src/core/use-cases/index.js";
import { dashboardLinks } from "../../src/web/links.js";
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

  it("help lists it", async () => {
    const someone = h.user("T1", "UHLP", "hal", "UTC");
    await h.slash(someone, "help");
    expect(String(h.lastResponse().text)).toContain("admin dashboard");
  });
});
