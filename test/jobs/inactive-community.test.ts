import { describe, expect, it } from "vitest";
import type { Notice } from "../../src/core/domain/index.js";
import type { SendOutcome } from "../../src/core/ports/index.js";
import { communityRemoved } from "../../src/core/use-cases/index.js";
import { runTick } from "../../src/jobs/tick.js";
import { MemoryStore } from "../../src/store/memory-store.js";
import { HOUR, makeSeeker, makeVolunteer, nudges, request, requestAndChoose, world } from "../core/use-cases/helpers.js";
import { member, nudge } from "../store/fixtures.js";

describe("a tick with a community the platform cannot reach", () => {
  it("neither matches its queue nor expires its intros, and matches and delivers for the others", async () => {
    const store = new MemoryStore();
    const gone = world({ store, community: "slack:TGONE" });
    const live = world({ store, community: "slack:TLIVE" });
    live.deps.ids = gone.deps.ids;
    for (const w of [gone, live]) {
      const sam = await makeSeeker(w, "sam", "ux-design");
      expect((await request(w, sam, "ux-design")).request.status).toBe("waitlisted");
      await makeVolunteer(w, "vera", "ux-design");
    }
    // An intro already out in the gone community, whose deadline will pass while it is gone.
    const { intro } = await requestAndChoose(gone, await makeSeeker(gone, "sue", "rust"), "rust", await makeVolunteer(gone, "rob", "rust"));
    await gone.tick();
    await communityRemoved(gone.deps, { communityId: "slack:TGONE", reason: "app_uninstalled" });
    gone.clock.advance(100 * HOUR);
    live.clock.set(gone.clock.now());

    const report = await runTick(live.deps, live.messenger, { owner: "test", match: true });

    expect(report).toMatchObject({ expired: 0, offered: 1, waitlistExpired: 0 });
    expect(live.messenger.of("intro_offered", "slack:TLIVE:vera")).toHaveLength(1);
    expect(live.messenger.sent.every((d) => d.communityId === "slack:TLIVE")).toBe(true);
    expect(await gone.store.tx((tx) => tx.getIntro("slack:TGONE", intro.id))).toMatchObject({ status: "pending" });
    expect(await gone.store.tx((tx) => tx.listRequests("slack:TGONE", { status: ["waitlisted"] }))).toHaveLength(1);
  });

  it("ends its delivery when a round only handed nudges back, rather than claiming them again until the budget is spent", async () => {
    const store = new MemoryStore();
    const w = world({ store, community: "slack:TNOROW" });
    // A community with members and a nudge but no community row: it cannot be marked inactive.
    const now = w.clock.now();
    const slot = { start: new Date(now.getTime() + 48 * HOUR), end: new Date(now.getTime() + 49 * HOUR) };
    const to = "slack:TNOROW:USAM";
    const base = nudge("slack:TNOROW", "n1", { to: [to], dueAt: now, createdAt: now });
    await store.tx(async (tx) => {
      await tx.saveMember(member("slack:TNOROW", to, { status: "active", pausedUntil: null, forgotten: false }));
      await tx.addNudges([{ ...base, notice: { ...(base.notice as Extract<Notice, { kind: "chat_reminder" }>), slot } }]);
    });
    let tries = 0;
    w.messenger.outcome = (): SendOutcome => {
      tries++;
      return { ok: false, error: "account_inactive", communityGone: true };
    };

    const report = await runTick(w.deps, w.messenger, { owner: "test", match: false });

    expect(report).toMatchObject({ sent: 0, retried: 0, failed: 0, postponed: 1 });
    expect(tries).toBe(1);
    expect(await nudges(w, {})).toMatchObject([{ id: "n1", status: "pending", attempts: 0, leaseOwner: null }]);
  });
});
