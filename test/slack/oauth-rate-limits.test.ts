import { afterEach, describe, expect, it } from "vitest";
import type { Member } from "../../src/core/domain/index.js";
import type { Delivery, SendOutcome } from "../../src/core/ports/index.js";
import { type OAuthHarness, startOAuthHarness } from "./oauth-harness.js";

let h: OAuthHarness | null = null;
afterEach(async () => {
  await h?.stop();
  h = null;
});

const member = (team: string, user: string): Member => ({
  id: `slack:${team}:${user}`,
  communityId: `slack:${team}`,
  displayName: user,
  timeZone: "UTC",
  timeZoneConfirmed: true,
  status: "active",
  pausedUntil: null,
  blocked: [],
  availability: { windows: [], datesOff: [] },
  forgotten: false,
  createdAt: new Date(),
});

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
