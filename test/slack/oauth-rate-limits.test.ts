import { afterEach, describe, expect, it } from "vitest";
import { type Member, newMember } from "../../src/core/domain/index.js";
import type { Delivery, SendOutcome } from "../../src/core/ports/index.js";
import { SecretBox } from "../../src/app/secret-box.js";
import { type OAuthHarness, startOAuthHarness, TEST_SECRETS_KEY } from "./oauth-harness.js";

let h: OAuthHarness | null = null;
afterEach(async () => {
  await h?.stop();
  h = null;
});

const member = (team: string, user: string): Member =>
  newMember({ id: `slack:${team}:${user}`, communityId: `slack:${team}`, displayName: user, timeZone: "UTC", createdAt: new Date() });

const delivery = (m: Member, key: string): Delivery => ({
  key,
  attempt: 1,
  communityId: m.communityId,
  to: [m],
  notice: { kind: "waitlisted", requestId: "r1", tags: ["x"] },
});

describe("rate limits are per workspace", () => {
  it("a workspace waiting out a 429 does not hold up another workspace's sends", async () => {
    h = await startOAuthHarness();
    await h.install("TAAA", "Acme", "UADMINA");
    await h.install("TBBB", "Beta", "UADMINB");
    h.user("TAAA", "UA1", "sam");
    h.user("TBBB", "UB1", "bea");
    // Acme's client is told to come back in a minute: its queue pauses for that long.
    const hit = new Promise<void>((onHit) =>
      h?.fake.inject({ method: "conversations.open", status: 429, retryAfterSec: 60, times: 1, tokenPrefix: "xoxb-TAAA-", onHit }),
    );
    let acme: SendOutcome | "waiting" = "waiting";
    void h.adapter.messenger.send(delivery(member("TAAA", "UA1"), "a1")).then((o) => {
      acme = o;
    });
    await hit;
    // Beta's send goes straight through meanwhile, with Beta's token.
    expect(await h.adapter.messenger.send(delivery(member("TBBB", "UB1"), "b1"))).toEqual({ ok: true });
    expect(acme).toBe("waiting");
    expect(h.fake.callsOf("chat.postMessage").at(-1)?.token).toBe(h.fake.oauth.liveToken("TBBB"));
  });
});

describe("token rotation under load", () => {
  it("sends that all find the token about to expire refresh it once and all go out with the new one", async () => {
    h = await startOAuthHarness();
    h.fake.oauth.rotation = true;
    await h.install("TAAA", "Acme", "UADMINA");
    const first = h.fake.oauth.liveToken("TAAA");
    const box = new SecretBox(TEST_SECRETS_KEY);
    const row = await h.store.tx((tx) => tx.getInstallation("slack:TAAA"));
    if (!row) throw new Error("not installed");
    const inst = JSON.parse(box.open(row.sealed, row.id));
    inst.bot.expiresAt = Math.floor(Date.now() / 1000) + 600;
    await h.store.tx((tx) => tx.saveInstallation({ ...row, sealed: box.seal(JSON.stringify(inst), row.id) }));
    h.adapter.tokens.forget("TAAA");
    const people = ["UA1", "UA2", "UA3"].map((id) => {
      h?.user("TAAA", id, id.toLowerCase());
      return member("TAAA", id);
    });
    const refreshesBefore = h.fake.callsOf("oauth.v2.access").length;
    const outs = await Promise.all(people.map((m, i) => h?.adapter.messenger.send(delivery(m, `r${i}`))));
    expect(outs).toEqual([{ ok: true }, { ok: true }, { ok: true }]);
    expect(h.fake.callsOf("oauth.v2.access").length - refreshesBefore).toBe(1);
    const second = h.fake.oauth.liveToken("TAAA");
    expect(second).not.toBe(first);
    expect(
      h.fake
        .callsOf("chat.postMessage")
        .slice(-3)
        .map((c) => c.token),
    ).toEqual([second, second, second]);
  });
});
