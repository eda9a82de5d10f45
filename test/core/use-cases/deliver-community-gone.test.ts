import { describe, expect, it } from "vitest";
import type { Logger, SendOutcome } from "../../../src/core/ports/index.js";
import { communityInstalled, deliverDue } from "../../../src/core/use-cases/index.js";
import { MemoryStore } from "../../../src/store/memory-store.js";
import { makeSeeker, makeVolunteer, nudges, requestAndChoose, world } from "./helpers.js";

const GONE = "slack:TGONE";
const LIVE = "slack:TLIVE";

/** Two communities in one store: two intros out in the one about to be uninstalled (two volunteers, so two messages), one in the other. */
async function twoCommunities() {
  const store = new MemoryStore();
  const gone = world({ store, community: GONE });
  const live = world({ store, community: LIVE });
  // One id sequence for both: nudge ids are unique across communities, as in a real deployment.
  live.deps.ids = gone.deps.ids;
  const sam = await makeSeeker(gone, "sam", "ux-design");
  const sue = await makeSeeker(gone, "sue", "data-science");
  await requestAndChoose(gone, sam, "ux-design", await makeVolunteer(gone, "vera", "ux-design"));
  await requestAndChoose(gone, sue, "data-science", await makeVolunteer(gone, "val", "data-science"));
  await requestAndChoose(live, await makeSeeker(live, "lia", "rust"), "rust", await makeVolunteer(live, "leo", "rust"));
  const lines: { level: string; obj: Record<string, unknown>; msg: string }[] = [];
  const log: Logger = {
    info: (obj, msg) => lines.push({ level: "info", obj, msg }),
    warn: (obj, msg) => lines.push({ level: "warn", obj, msg }),
    error: (obj, msg) => lines.push({ level: "error", obj, msg }),
  };
  // The platform answers for GONE as Slack does once the app is uninstalled.
  const tried: string[] = [];
  gone.messenger.outcome = (d): SendOutcome => {
    tried.push(d.communityId);
    return d.communityId === GONE ? { ok: false, error: "account_inactive", communityGone: true } : { ok: true };
  };
  return { gone, live, deps: { ...gone.deps, log }, lines, tried };
}

describe("deliverDue when a community is out of reach", () => {
  it("keeps its nudges pending with no attempt counted, marks it inactive once, and still delivers the other community's", async () => {
    const { gone, live, deps, lines, tried } = await twoCommunities();
    const before = await nudges(gone, { kinds: ["intro_offered"] });
    expect(before).toHaveLength(2);

    const r = await deliverDue(deps, gone.messenger, { owner: "a" });

    expect(r).toEqual({ claimed: 3, sent: 1, retried: 0, failed: 0, dropped: 0, stale: 0, postponed: 2, rateLimitedUntil: null });
    // One try told us the community is gone; its other message was not tried, the other community's went out.
    expect(tried.filter((c) => c === GONE)).toHaveLength(1);
    expect(gone.messenger.sent.map((d) => [d.communityId, d.notice.kind, d.to.map((m) => m.displayName)])).toEqual([
      [LIVE, "intro_offered", ["leo"]],
    ]);
    expect(await nudges(gone, { kinds: ["intro_offered"] })).toEqual(before);
    expect(before.map((n) => [n.status, n.attempts, n.lastError, n.leaseOwner])).toEqual([
      ["pending", 0, null, null],
      ["pending", 0, null, null],
    ]);
    expect(await nudges(live, { kinds: ["intro_offered"] })).toMatchObject([{ status: "sent", attempts: 1 }]);

    const community = await gone.store.tx((tx) => tx.getCommunity(GONE));
    expect(community?.inactiveSince).toEqual(gone.clock.now());
    expect((await live.store.tx((tx) => tx.getCommunity(LIVE)))?.inactiveSince).toBeUndefined();
    expect(lines.filter((l) => l.level === "warn")).toEqual([
      {
        level: "warn",
        obj: { community: GONE, reason: "account_inactive" },
        msg: "community removed the app: nothing is sent to it until it is installed again",
      },
    ]);
    expect(lines.filter((l) => l.level === "error")).toEqual([]);

    // Two days on, nothing of it is claimed while it is gone (its own reminders included);
    // the other community's reminder goes out.
    gone.clock.advance(48 * 3600_000);
    expect(await deliverDue(deps, gone.messenger, { owner: "a" })).toMatchObject({ claimed: 1, sent: 1, postponed: 0 });
    expect(tried).toEqual([GONE, LIVE, LIVE]);
    expect(gone.messenger.sent.map((d) => [d.communityId, d.notice.kind])).toEqual([
      [LIVE, "intro_offered"],
      [LIVE, "intro_reminder"],
    ]);
    expect(await nudges(gone, { kinds: ["intro_offered"] })).toEqual(before);
  });

  it("sends the kept nudges once the community is installed again", async () => {
    const { gone, deps } = await twoCommunities();
    await deliverDue(deps, gone.messenger, { owner: "a" });
    gone.clock.advance(3600_000);

    const back = await communityInstalled(deps, { communityId: GONE });
    expect(back.ok && back.value.reactivated).toBe(true);
    gone.messenger.outcome = () => ({ ok: true });
    const r = await deliverDue(deps, gone.messenger, { owner: "a" });
    expect(r).toMatchObject({ claimed: 2, sent: 2, postponed: 0 });
    expect(gone.messenger.sent.filter((d) => d.communityId === GONE).map((d) => d.to.map((m) => m.displayName))).toEqual([
      ["vera"],
      ["val"],
    ]);
    expect((await nudges(gone, { kinds: ["intro_offered"] })).map((n) => [n.status, n.attempts])).toEqual([
      ["sent", 1],
      ["sent", 1],
    ]);
  });
});
