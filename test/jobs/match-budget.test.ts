import { describe, expect, it } from "vitest";
import { Scheduler } from "../../src/jobs/scheduler.js";
import { runTick } from "../../src/jobs/tick.js";
import { MemoryStore } from "../../src/store/memory-store.js";
import { makeSeeker, makeVolunteer, request, world } from "../core/use-cases/helpers.js";

/** Three communities, each with one waitlisted seeker and, added after, a volunteer who fits: one intro each to offer. */
async function threeQueues() {
  const store = new MemoryStore();
  const ws = ["slack:TA", "slack:TB", "slack:TC"].map((community) => world({ store, community }));
  const [first] = ws;
  if (!first) throw new Error("no world");
  for (const w of ws) {
    w.deps.ids = first.deps.ids;
    const sam = await makeSeeker(w, "sam", "pottery");
    expect((await request(w, sam, "pottery")).request.status).toBe("waitlisted");
    await makeVolunteer(w, "vera", "pottery");
  }
  return { store, first, ws };
}

describe("batch rounds within a tick's matching budget", () => {
  it("stops starting rounds once the budget is spent, delivers, and says how many communities wait", async () => {
    const { first } = await threeQueues();
    let t = 0;
    // Each look at the time moves it on 10 s: the first two rounds start within 15 s, the third does not.
    const report = await runTick(first.deps, first.messenger, {
      owner: "t",
      match: true,
      matchBudgetMs: 15_000,
      elapsed: () => {
        const now = t;
        t += 10_000;
        return now;
      },
    });
    expect(report).toMatchObject({ offered: 2, matchDeferred: 1 });
    expect(first.messenger.sent.filter((d) => d.notice.kind === "intro_offered").map((d) => d.communityId)).toEqual([
      "slack:TA",
      "slack:TB",
    ]);

    const next = await runTick(first.deps, first.messenger, { owner: "t", match: true, matchBudgetMs: 15_000 });
    expect(next).toMatchObject({ offered: 1, matchDeferred: 0 });
    expect(first.messenger.sent.filter((d) => d.notice.kind === "intro_offered").map((d) => d.communityId)).toEqual([
      "slack:TA",
      "slack:TB",
      "slack:TC",
    ]);
  });

  it("always runs at least one round, so a tiny budget still makes progress", async () => {
    const { first } = await threeQueues();
    const report = await runTick(first.deps, first.messenger, { owner: "t", match: true, matchBudgetMs: 0 });
    expect(report).toMatchObject({ offered: 1, matchDeferred: 2 });
  });

  it("has the scheduler look again at the next tick for the communities a tick had no time for", async () => {
    const { first } = await threeQueues();
    const scheduler = new Scheduler(first.deps, first.messenger, { owner: "t", matchBudgetMs: 0 });
    const offered: number[] = [];
    for (let i = 0; i < 3; i++) offered.push((await scheduler.tick()).offered);
    await scheduler.stop();
    // Without the second look the scheduler would wait five minutes before reading the queues again.
    expect(offered).toEqual([1, 1, 1]);
  });
});
