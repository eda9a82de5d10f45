import { describe, expect, it } from "vitest";
import type { Store } from "../../src/core/ports/index.js";
import { Scheduler } from "../../src/jobs/scheduler.js";
import { MemoryStore } from "../../src/store/memory-store.js";
import { request as requestRecord } from "../store/fixtures.js";
import { watchedStore } from "./watched-store.js";
import { MIN, makeSeeker, world } from "../core/use-cases/helpers.js";

/** The store as the scheduler sees it, counting calls by method name. */
function counting(inner: Store): { store: Store; calls: Map<string, number> } {
  const calls = new Map<string, number>();
  const store = watchedStore(inner, (method) => calls.set(method, (calls.get(method) ?? 0) + 1));
  return { store, calls };
}

describe("the scheduler's look for communities due for batch matching", () => {
  it("reads the communities at most every five minutes, however often it ticks, and still matches each on its cadence", async () => {
    const inner = new MemoryStore();
    const w = world({ store: inner, community: "test:q" });
    const sam = await makeSeeker(w, "sam", "pottery");
    await inner.tx((tx) =>
      tx.saveRequest(
        requestRecord("test:q", "r1", {
          seekerId: sam.memberId,
          tags: ["pottery"],
          status: "waitlisted",
          referredBy: null,
          tried: [],
          suggestions: [],
          waitlistedAt: w.clock.now(),
          createdAt: w.clock.now(),
          updatedAt: w.clock.now(),
        }),
      ),
    );
    const { store, calls } = counting(inner);
    const scheduler = new Scheduler({ ...w.deps, store }, w.messenger, { owner: "t" });
    const looks = () => calls.get("listCommunities") ?? 0;
    const rounds = () => calls.get("listRequests") ?? 0;

    await scheduler.tick();
    expect(looks()).toBe(1);
    const firstRound = rounds();
    expect(firstRound).toBeGreaterThan(0);

    // Ticks every few seconds (as after each command) and every minute: no look until five minutes on.
    for (let i = 0; i < 20; i++) {
      w.clock.advance(14_000);
      await scheduler.tick();
    }
    expect(looks()).toBe(1);
    w.clock.advance(5 * MIN);
    await scheduler.tick();
    expect(looks()).toBe(2);
    expect(rounds()).toBe(firstRound);

    // Minute ticks up to the community's 60-minute cadence: the round runs again once it is due.
    for (let m = 0; m < 60; m++) {
      w.clock.advance(MIN);
      await scheduler.tick();
    }
    expect(looks()).toBeLessThanOrEqual(14);
    expect(rounds()).toBe(2 * firstRound);
    await scheduler.stop();
  });
});
