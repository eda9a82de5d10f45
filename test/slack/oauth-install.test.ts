import { afterEach, describe, expect, it } from "vitest";
import { SecretBox } from "../../src/app/secret-box.js";
import { BOT_SCOPES } from "../../src/slack/install/oauth.js";
import manifest from "../../slack/manifest.json" with { type: "json" };
import { buttonsIn } from "../fakes/slack/payloads.js";
import type { FakeUser } from "../fakes/slack/web-api.js";
import { DAY } from "../support/world.js";
import { type OAuthHarness, startOAuthHarness, TEST_SECRETS_KEY } from "./oauth-harness.js";

let h: OAuthHarness | null = null;
afterEach(async () => {
  await h?.stop();
  h = null;
});

/** In team `team`: a volunteer with free time, and a seeker who asks and picks them; the intro goes out. */
async function requestIn(o: OAuthHarness, seeker: FakeUser, volunteer: FakeUser) {
  await o.slash(volunteer, "volunteer ux research --cap 3");
  expect(String(o.lastResponse().text)).toContain("Thanks for volunteering");
  await o.slash(volunteer, "availability mon-fri 09:00-17:00 Europe/Berlin");
  await o.slash(seeker, "availability weekdays 9-18 Europe/Berlin");
  await o.slash(seeker, "request ux research -- how to start in UX research");
  expect(String(o.lastResponse().text)).toContain("Here's who could help");
  await o.click(seeker, "Choose");
  await o.tick();
  const intro = o.messagesTo(volunteer).at(-1);
  if (!intro) throw new Error(`no intro DM to ${volunteer.name}`);
  expect(buttonsIn(intro.blocks).map((b) => b.label)).toEqual(["Accept", "Decline"]);
  return intro;
}

/** Every Web API call made with a token of `team` (apart from OAuth itself) used a token the fake issued to that team. */
function callsCarriedOwnTokens(o: OAuthHarness) {
  const byTeam = new Map<string, Set<string>>();
  for (const c of o.fake.calls) {
    if (c.method === "oauth.v2.access") continue;
    const t = o.fake.oauth.tokens.get(c.token);
    expect(t, `${c.method} with an unknown token`).toBeDefined();
    const users = [c.params.user, c.params.users, c.params.channel].map(String).join(",");
    for (const [id, u] of o.fake.state.users) if (users.includes(id)) expect(u.team, `${c.method} about ${id}`).toBe(t?.team);
    const set = byTeam.get(t?.team ?? "") ?? new Set();
    set.add(c.token);
    byTeam.set(t?.team ?? "", set);
  }
  return byTeam;
}

describe('"Add to Slack": many workspaces, each with its own token', () => {
  it("two workspaces install through the real routes and each runs a request with its own token", async () => {
    h = await startOAuthHarness();
    const adminA = h.user("TAAA", "UADMINA", "ada");
    const a = await h.install("TAAA", "Acme", "UADMINA");
    expect(a.status).toBe(200);
    expect(a.html).toContain("Percolate is installed");
    expect((await h.install("TBBB", "Beta", "UADMINB")).status).toBe(200);
    const welcome = h.messagesTo(adminA).at(-1)?.text ?? "";
    expect(welcome).toContain("Thanks for adding Percolate in Acme");
    expect(welcome).toContain("`/coffee volunteer &lt;topics&gt; […]`");
    expect(welcome).toContain("`/coffee request &lt;topics&gt; -- &lt;what you want to learn&gt;`");
    expect(welcome).toContain("invite me");

    // The database holds sealed installations only: no token in them, and they open with the key.
    const rows = await h.store.tx((tx) => tx.listInstallations());
    expect(rows.map((r) => r.id)).toEqual(["slack:TAAA", "slack:TBBB"]);
    expect(JSON.stringify(rows)).not.toContain("xoxb-");
    expect(rows[0]?.installerId).toBe("UADMINA");
    expect(rows[0]?.botUserId).toBe("UBOTTAAA");
    expect(JSON.parse(new SecretBox(TEST_SECRETS_KEY).open(rows[0]?.sealed ?? "", "slack:TAAA")).bot.token).toMatch(/^xoxb-TAAA-/);
    expect((await h.store.tx((tx) => tx.getCommunity("slack:TAAA")))?.name).toBe("Acme");

    const seekerA = h.user("TAAA", "UA1", "sam");
    const volA = h.user("TAAA", "UA2", "carol");
    const seekerB = h.user("TBBB", "UB1", "bea");
    const volB = h.user("TBBB", "UB2", "dan");
    const introA = await requestIn(h, seekerA, volA);
    const introB = await requestIn(h, seekerB, volB);
    await h.click(volA, "Accept", introA);
    await h.click(volB, "Accept", introB);
    await h.tick();
    // Each seeker picks a slot: the pair's group DM gets the confirmation and the invite, in its own workspace.
    for (const [seeker, volunteer] of [
      [seekerA, volA],
      [seekerB, volB],
    ] as const) {
      const slots = h.messagesTo(seeker).at(-1);
      if (!slots) throw new Error(`no slots for ${seeker.name}`);
      expect(buttonsIn(slots.blocks).length).toBeGreaterThan(0);
      await h.click(seeker, "", slots);
      await h.tick();
      const group = [...h.fake.state.channels.values()].find((c) => c.members.includes(seeker.id) && c.members.length === 2);
      expect(group?.members.sort()).toEqual([seeker.id, volunteer.id].sort());
      expect(h.fake.state.messagesIn(group?.id ?? "")[0]?.text).toContain("Confirmed");
      expect([...h.fake.state.files.values()].some((f) => f.channel === group?.id && f.content.includes("BEGIN:VCALENDAR"))).toBe(true);
    }
    const byTeam = callsCarriedOwnTokens(h);
    expect([...byTeam.keys()].sort()).toEqual(["TAAA", "TBBB"]);
  });

  it("an uninstalled workspace's nudges wait while the other's go out, and resume after a reinstall", async () => {
    h = await startOAuthHarness();
    await h.install("TAAA", "Acme", "UADMINA");
    await h.install("TBBB", "Beta", "UADMINB");
    const introA = await requestIn(h, h.user("TAAA", "UA1", "sam"), h.user("TAAA", "UA2", "carol"));
    const introB = await requestIn(h, h.user("TBBB", "UB1", "bea"), h.user("TBBB", "UB2", "dan"));
    expect(introA && introB).toBeTruthy();

    const callsBefore = h.fake.calls.length;
    expect((await h.uninstall("TAAA")).status).toBe(200);
    expect(await h.store.tx((tx) => tx.getInstallation("slack:TAAA"))).toBeNull();
    expect((await h.store.tx((tx) => tx.getCommunity("slack:TAAA")))?.inactiveSince).toBeDefined();
    const carol = h.user("TAAA", "UA2", "carol");
    const dan = h.user("TBBB", "UB2", "dan");
    const before = { a: h.messagesTo(carol).length, b: h.messagesTo(dan).length };
    // Two days on, both volunteers are due a reminder; only Beta's goes out.
    h.clock.advance(2 * DAY);
    await h.tick();
    expect(h.messagesTo(dan).length).toBeGreaterThan(before.b);
    expect(h.messagesTo(carol).length).toBe(before.a);
    // Nothing was even tried with the revoked token.
    const tried = h.fake.calls.slice(callsBefore).filter((c) => h?.fake.oauth.tokens.get(c.token)?.status === "revoked");
    expect(tried.map((c) => c.method)).toEqual([]);

    // A command from the uninstalled workspace gets the reinstall answer, not an error.
    const sent = await h.slash(h.user("TAAA", "UA1", "sam"), "status");
    expect(sent.status).toBe(200);
    expect(sent.body).toContain("Percolate isn't installed in this workspace any more");
    expect(sent.body).toContain("https://percolate.example.org/slack/install");

    // Reinstalled: the community is active again and the kept reminder goes out with the new token.
    await h.install("TAAA", "Acme", "UADMINA");
    expect((await h.store.tx((tx) => tx.getCommunity("slack:TAAA")))?.inactiveSince).toBeUndefined();
    await h.tick();
    expect(h.messagesTo(carol).length).toBeGreaterThan(before.a);
    const last = h.fake.callsOf("chat.postMessage").at(-1);
    expect(last?.token).toBe(h.fake.oauth.liveToken("TAAA"));
  });

  it("a rotating token close to expiry is refreshed, and the next call uses the new token", async () => {
    h = await startOAuthHarness();
    h.fake.oauth.rotation = true;
    await h.install("TAAA", "Acme", "UADMINA");
    const first = h.fake.oauth.liveToken("TAAA");
    expect(first).toMatch(/^xoxb-TAAA-/);
    const row = await h.store.tx((tx) => tx.getInstallation("slack:TAAA"));
    expect(row?.tokenExpiresAt).not.toBeNull();
    // Eleven hours on: the token expires within the hour (rewritten as the clock would have it).
    const box = new SecretBox(TEST_SECRETS_KEY);
    const inst = JSON.parse(box.open(row?.sealed ?? "", "slack:TAAA"));
    inst.bot.expiresAt = Math.floor(Date.now() / 1000) + 3600;
    await h.store.tx((tx) => tx.saveInstallation({ ...row!, sealed: box.seal(JSON.stringify(inst), "slack:TAAA") }));
    h.adapter.tokens.forget("TAAA");

    await h.slash(h.user("TAAA", "UA1", "sam"), "status");
    const second = h.fake.oauth.liveToken("TAAA");
    expect(second).not.toBe(first);
    expect(h.fake.oauth.tokens.get(first ?? "")?.status).toBe("expired");
    expect(h.fake.callsOf("users.info").at(-1)?.token).toBe(second);
    const stored = await h.store.tx((tx) => tx.getInstallation("slack:TAAA"));
    expect(JSON.parse(box.open(stored?.sealed ?? "", "slack:TAAA")).bot.token).toBe(second);
  });

  it("a forged or missing state is refused with a readable page, and nothing is stored", async () => {
    h = await startOAuthHarness();
    const forged = await h.install("TAAA", "Acme", "UADMINA", { state: "forged-state" });
    expect(forged.status).toBe(400);
    expect(forged.html.replace(/&#39;/g, "'")).toContain("The install didn't finish");
    expect(forged.html).toContain("Start again from the Add to Slack link");
    const noCookie = await h.install("TAAA", "Acme", "UADMINA", { noCookie: true });
    expect(noCookie.status).toBe(400);
    expect(await h.store.tx((tx) => tx.listInstallations())).toEqual([]);
    expect(h.fake.callsOf("oauth.v2.access")).toHaveLength(0);
  });

  it("a command or click from a workspace that never installed gets the reinstall answer", async () => {
    h = await startOAuthHarness();
    const sent = await h.slash(h.user("TZZZ", "UZ1", "zed"), "help");
    expect(sent.status).toBe(200);
    expect(JSON.parse(sent.body).text).toBe(
      "Percolate isn't installed in this workspace any more — an admin can reinstall it at https://percolate.example.org/slack/install.",
    );
  });

  it("asks for the manifest's bot scopes", () => {
    expect(BOT_SCOPES).toEqual(manifest.oauth_config.scopes.bot);
  });
});
