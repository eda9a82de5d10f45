import { describe, expect, it } from "vitest";
import { silentLogger } from "../../../src/core/ports/index.js";
import { communityInstalled, communityRemoved, type Deps, expireIntros } from "../../../src/core/use-cases/index.js";
import { sequentialIds } from "../../../src/runtime.js";
import { MemoryStore } from "../../../src/store/memory-store.js";
import { DAY, MONDAY, TestClock } from "../../support/world.js";
import { makeSeeker, makeVolunteer, requestAndChoose, world } from "./helpers.js";

const deps = (): Deps => ({ store: new MemoryStore(), clock: new TestClock(MONDAY.getTime()), ids: sequentialIds(), log: silentLogger });
const read = (d: Deps, id: string) => d.store.tx((tx) => tx.getCommunity(id));

describe("a community installing and removing the app", () => {
  it("creates a new community on install, named as the platform names it", async () => {
    const d = deps();
    const r = await communityInstalled(d, { communityId: "slack:T1", name: "Design Guild" });
    expect(r.ok && r.value.reactivated).toBe(false);
    expect(await read(d, "slack:T1")).toMatchObject({ id: "slack:T1", name: "Design Guild" });
    expect((await read(d, "slack:T1"))?.inactiveSince).toBeUndefined();
  });

  it("marks a removed community inactive once, keeping its settings, and an install brings it back", async () => {
    const d = deps();
    await communityInstalled(d, { communityId: "slack:T1", name: "Design Guild" });
    await d.store.tx(async (tx) => {
      const c = await tx.getCommunity("slack:T1");
      if (c) await tx.saveCommunity({ ...c, settings: { ...c.settings, chatMinutes: 45 } });
    });
    const first = await communityRemoved(d, { communityId: "slack:T1", reason: "app_uninstalled" });
    const again = await communityRemoved(d, { communityId: "slack:T1", reason: "app_uninstalled" });
    expect([first.ok && first.value.changed, again.ok && again.value.changed]).toEqual([true, false]);
    expect((await read(d, "slack:T1"))?.inactiveSince).toEqual(MONDAY);

    const back = await communityInstalled(d, { communityId: "slack:T1" });
    expect(back.ok && back.value.reactivated).toBe(true);
    const c = await read(d, "slack:T1");
    expect(c?.inactiveSince).toBeUndefined();
    expect(c?.settings.chatMinutes).toBe(45);
    expect(c?.name).toBe("Design Guild");
  });

  it("gives intros waiting for an answer back the time the community was gone", async () => {
    const w = world({ community: "slack:T1" });
    await communityInstalled(w.deps, { communityId: "slack:T1", name: "Design Guild" });
    const vera = await makeVolunteer(w, "vera", "rust");
    const { intro } = await requestAndChoose(w, await makeSeeker(w, "sam", "rust"), "rust", vera);
    await communityRemoved(w.deps, { communityId: "slack:T1", reason: "app_uninstalled" });
    w.clock.advance(10 * DAY);
    await communityInstalled(w.deps, { communityId: "slack:T1" });
    const after = await w.store.tx((tx) => tx.getIntro("slack:T1", intro.id));
    expect(after?.deadline.getTime()).toBe(intro.deadline.getTime() + 10 * DAY);
    expect((await expireIntros(w.deps)).expired).toBe(0);
  });

  it("ignores the removal of a community it never knew", async () => {
    const d = deps();
    const r = await communityRemoved(d, { communityId: "slack:T404", reason: "tokens_revoked" });
    expect(r.ok && r.value.changed).toBe(false);
    expect(await read(d, "slack:T404")).toBeNull();
  });
});
