import { describe, expect, it } from "vitest";
import { watchActor } from "../../src/app/actor-zone.js";
import { handle } from "../../src/app/handle.js";
import { setAvailability } from "../../src/core/use-cases/index.js";
import { MemoryStore } from "../../src/store/memory-store.js";
import { shellStyle } from "../../src/text/style.js";
import { countingStore } from "../support/counting-store.js";
import { world } from "../support/world.js";

const weekdays = [1, 2, 3, 4, 5].map((day) => ({ day, start: "09:00", end: "17:00" }));

describe("handle", () => {
  it("answers status in one transaction: the zone comes from what the command loaded", async () => {
    const counted = countingStore(new MemoryStore());
    const w = world({ store: counted.store });
    const sam = w.actor("sam", "Europe/Berlin");
    await handle(w.deps, sam, { kind: "status" }, shellStyle);
    counted.reset();
    const view = await handle(w.deps, sam, { kind: "status" }, shellStyle);
    expect(view.text).toContain("Europe/Berlin");
    expect(counted.txs()).toBe(1);
  });

  it("words times in the member's stored zone, not the one the platform sent", async () => {
    const w = world();
    // 22:00 UTC on Monday is already Tuesday on Kiritimati (UTC+14).
    const far = { ...w.actor("kim"), timeZone: "UTC" };
    await setAvailability(w.deps, { actor: far, windows: weekdays, timeZone: "Pacific/Kiritimati" });
    const view = await handle(w.deps, far, { kind: "pause", until: "+14h" }, shellStyle);
    expect(view.text).toMatch(/Paused until .*24.*Nov/);
  });

  it("sees the member as the command left them: a zone changed by the command is the zone", async () => {
    const w = world();
    const kim = w.actor("kim", "Europe/Berlin");
    const watched = watchActor(w.store, kim);
    expect(watched.seen()).toBeUndefined();
    await setAvailability({ ...w.deps, store: watched.store }, { actor: kim, windows: weekdays, timeZone: "Asia/Tokyo" });
    expect(watched.seen()?.timeZone).toBe("Asia/Tokyo");
  });
});
