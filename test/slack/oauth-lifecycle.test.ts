import { afterEach, describe, expect, it } from "vitest";
import { SecretBox } from "../../src/app/secret-box.js";
import { newMember } from "../../src/core/domain/index.js";
import { type Delivery, silentLogger } from "../../src/core/ports/index.js";
import { sequentialIds } from "../../src/runtime.js";
import { ORG_REF, SlackInstallationStore } from "../../src/slack/install/installation-store.js";
import { MemoryStore } from "../../src/store/index.js";
import { MONDAY, TestClock } from "../support/world.js";
import { type OAuthHarness, startOAuthHarness, TEST_SECRETS_KEY } from "./oauth-harness.js";

let h: OAuthHarness | null = null;
afterEach(async () => {
  await h?.stop();
  h = null;
});

const REINSTALL =
  "Percolate isn't installed in this workspace any more — an admin can reinstall it at https://percolate.example.org/slack/install.";

describe("installs going away and coming back", () => {
  it("tokens_revoked naming bot tokens removes the workspace; one naming only user tokens changes nothing", async () => {
    h = await startOAuthHarness();
    await h.install("TAAA", "Acme", "UADMINA");
    await h.teamEvent("TAAA", { type: "tokens_revoked", tokens: { oauth: ["UADMINA"] } });
    expect(await h.store.tx((tx) => tx.getInstallation("slack:TAAA"))).not.toBeNull();
    h.fake.oauth.revoke("TAAA");
    await h.teamEvent("TAAA", { type: "tokens_revoked", tokens: { bot: ["UBOTTAAA"] } });
    expect(await h.store.tx((tx) => tx.getInstallation("slack:TAAA"))).toBeNull();
    expect((await h.store.tx((tx) => tx.getCommunity("slack:TAAA")))?.inactiveSince).toBeDefined();
  });

  it("a click from a workspace without an installation is answered through its response_url", async () => {
    h = await startOAuthHarness();
    await h.install("TAAA", "Acme", "UADMINA");
    const carol = h.user("TAAA", "UA2", "carol");
    const sam = h.user("TAAA", "UA1", "sam");
    await h.slash(carol, "volunteer ux research");
    await h.slash(sam, "request ux research -- how to start");
    expect(String(h.lastResponse().text)).toContain("Here's who could help");
    await h.uninstall("TAAA");
    const before = h.fake.responses.length;
    expect((await h.click(sam, "Choose")).status).toBe(200);
    expect(h.fake.responses.slice(before).map((r) => r.body.text)).toEqual([REINSTALL]);
  });

  it("a send to a workspace whose token was revoked says the community is gone, not that the member is", async () => {
    h = await startOAuthHarness();
    await h.install("TAAA", "Acme", "UADMINA");
    const sam = h.user("TAAA", "UA1", "sam");
    await h.slash(sam, "status");
    h.fake.oauth.revoke("TAAA");
    h.adapter.tokens.forget("TAAA");
    const member = newMember({
      id: "slack:TAAA:UA1",
      communityId: "slack:TAAA",
      displayName: "sam",
      timeZone: "UTC",
      createdAt: new Date(),
    });
    const delivery = (key: string): Delivery => ({
      key,
      attempt: 1,
      communityId: "slack:TAAA",
      to: [member],
      notice: { kind: "waitlisted", requestId: "r1", tags: ["x"] },
    });
    const out = await h.adapter.messenger.send(delivery("k1"));
    expect(out).toMatchObject({ ok: false, error: "token_revoked", communityGone: true });
    await h.store.tx((tx) => tx.deleteInstallation("slack:TAAA"));
    h.adapter.tokens.forget("TAAA");
    const gone = await h.adapter.messenger.send(delivery("k2"));
    expect(gone).toEqual({ ok: false, error: "no installation", communityGone: true });
  });

  it("a token refresh stores the new token without a second welcome", async () => {
    h = await startOAuthHarness();
    h.fake.oauth.rotation = true;
    const ada = h.user("TAAA", "UADMINA", "ada");
    await h.install("TAAA", "Acme", "UADMINA");
    await h.install("TAAA", "Acme", "UADMINA");
    expect(h.messagesTo(ada).filter((m) => m.text.includes("Thanks for adding Percolate"))).toHaveLength(1);
  });
});

describe("the installation store", () => {
  const deps = () => ({ store: new MemoryStore(), clock: new TestClock(MONDAY.getTime()), ids: sequentialIds(), log: silentLogger });
  const box = new SecretBox(TEST_SECRETS_KEY);

  it("keeps an org-wide install under the org, and remembers each workspace Bolt authorizes under it", async () => {
    const d = deps();
    const s = new SlackInstallationStore(d, box);
    await s.storeInstallation({
      team: undefined,
      enterprise: { id: "E0ORG", name: "Org" },
      user: { id: "UINST", token: undefined, scopes: undefined },
      bot: { token: "xoxb-org-secret", scopes: ["commands"], id: "B1", userId: "UBOT" },
      isEnterpriseInstall: true,
      authVersion: "v2",
    } as never);
    const rows = await d.store.tx((tx) => tx.listInstallations());
    expect(rows.map((r) => [r.id, r.teamId, r.enterpriseId])).toEqual([["slack-org:E0ORG", null, "E0ORG"]]);
    expect(JSON.stringify(rows)).not.toContain("xoxb-");
    const got = await s.fetchInstallation({ teamId: "T0ONE" as never, enterpriseId: "E0ORG", isEnterpriseInstall: true });
    expect(got.bot?.token).toBe("xoxb-org-secret");
    expect(await d.store.tx((tx) => tx.getPlatformRef("slack:T0ONE", ORG_REF.kind, ORG_REF.key))).toBe("E0ORG");
  });

  it("a sealed installation copied onto another workspace's row does not open", async () => {
    const d = deps();
    const s = new SlackInstallationStore(d, box);
    await s.storeInstallation({
      team: { id: "TAAA", name: "Acme" },
      enterprise: undefined,
      user: { id: "U1", token: undefined, scopes: undefined },
      bot: { token: "xoxb-a", scopes: ["commands"], id: "B1", userId: "UBOT" },
      isEnterpriseInstall: false,
      authVersion: "v2",
    } as never);
    const row = await d.store.tx((tx) => tx.getInstallation("slack:TAAA"));
    if (!row) throw new Error("not stored");
    await d.store.tx((tx) => tx.saveInstallation({ ...row, id: "slack:TBBB", teamId: "TBBB" }));
    await expect(s.fetchInstallation({ teamId: "TBBB", enterpriseId: undefined, isEnterpriseInstall: false })).rejects.toThrow(
      /integrity check/,
    );
    await expect(s.fetchInstallation({ teamId: "TCCC", enterpriseId: undefined, isEnterpriseInstall: false })).rejects.toThrow(
      /no installation for workspace TCCC/,
    );
  });
});
