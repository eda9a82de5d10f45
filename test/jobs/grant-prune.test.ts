import { describe, expect, it } from "vitest";
import type { DashboardGrant } from "../../src/core/domain/dashboard.js";
import { runTick } from "../../src/jobs/tick.js";
import { MemoryStore } from "../../src/store/memory-store.js";
import { DAY, HOUR, MIN, world } from "../core/use-cases/helpers.js";
import { watchedStore } from "./watched-store.js";

const grant = (hash: string, expiresAt: Date): DashboardGrant => ({
  hash,
  kind: "session",
  communityId: "test:c1",
  memberId: "test:c1:olga",
  platformAdmin: true,
  roles: [],
  createdAt: new Date(expiresAt.getTime() - 8 * HOUR),
  expiresAt,
  usedAt: null,
});

describe("the scheduler tick prunes dashboard grants", () => {
  it("deletes those expired more than a day ago, at most once an hour", async () => {
    const inner = new MemoryStore();
    let prunes = 0;
    const store = watchedStore(inner, (method) => {
      if (method === "pruneDashboardGrants") prunes++;
    });
    const w = world({ store });
    const now = w.clock.now().getTime();
    await store.tx(async (tx) => {
      await tx.saveDashboardGrant(grant("old", new Date(now - DAY - MIN)));
      await tx.saveDashboardGrant(grant("lately", new Date(now - DAY + MIN)));
      await tx.saveDashboardGrant(grant("live", new Date(now + HOUR)));
    });
    const tick = () => runTick(w.deps, w.messenger, { owner: "test", match: false });
    await tick();
    await tick();
    expect(prunes).toBe(1);
    const left = await store.tx(async (tx) => Promise.all(["old", "lately", "live"].map((h) => tx.getDashboardGrant(h))));
    expect(left.map((g) => g?.hash ?? null)).toEqual([null, "lately", "live"]);

    w.clock.advance(HOUR - 1);
    await tick();
    expect(prunes).toBe(1);
    w.clock.advance(1);
    await tick();
    expect(prunes).toBe(2);
    expect(await store.tx((tx) => tx.getDashboardGrant("lately"))).toBeNull();
  });
});
