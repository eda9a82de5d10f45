import { describe, expect, it } from "vitest";
import { defaultSettings } from "../../src/core/domain/index.js";
import type { Store } from "../../src/core/ports/index.js";
import { runTick } from "../../src/jobs/tick.js";
import { MemoryStore } from "../../src/store/memory-store.js";
import { watchedStore } from "./watched-store.js";
import { HOUR, makeSeeker, makeVolunteer, request, requestAndChoose, world } from "../core/use-cases/helpers.js";

/** The store as a tick sees it, noting every community whose records a call names (the first argument of the per-community methods). */
function noting(inner: Store): { store: Store; touched: Set<string> } {
  const touched = new Set<string>();
  const store = watchedStore(inner, (_method, args) => {
    if (typeof args[0] === "string") touched.add(args[0]);
  });
  return { store, touched };
}

const IDLE = 30;

/** Thirty idle communities, one with an intro past its deadline, one with a request queued. */
async function setup() {
  const inner = new MemoryStore();
  const busy = world({ store: inner, community: "test:busy" });
  const vera = await makeVolunteer(busy, "vera", "ux-design");
  await makeVolunteer(busy, "uma", "ux-design");
  const sam = await makeSeeker(busy, "sam", "ux-design");
  await requestAndChoose(busy, sam, "ux-design", vera);
  const queue = world({ store: inner, community: "test:queue" });
  const kim = await makeSeeker(queue, "kim", "pottery");
  await request(queue, kim, "pottery");
  await inner.tx(async (tx) => {
    for (let i = 0; i < IDLE; i++)
      await tx.saveCommunity({ id: `test:idle${i}`, name: `idle ${i}`, settings: defaultSettings(), createdAt: busy.clock.now() });
  });
  // Past the intro's 72-hour deadline.
  busy.clock.advance(73 * HOUR);
  const { store, touched } = noting(inner);
  const deps = { ...busy.deps, store };
  return { deps, touched, messenger: busy.messenger };
}

describe("a scheduler tick over many communities", () => {
  it("reads nothing of the communities with nothing due, even with matching forced for all", async () => {
    const { deps, touched, messenger } = await setup();
    const report = await runTick(deps, messenger, { owner: "t", match: true });
    expect(report.expired).toBe(1);
    expect([...touched].filter((c) => c.startsWith("test:idle"))).toEqual([]);
    expect(touched.has("test:busy")).toBe(true);
    expect(touched.has("test:queue")).toBe(true);
  });

  it("an ordinary tick (no community due for matching) reads only the community whose intro expired", async () => {
    const { deps, touched, messenger } = await setup();
    const report = await runTick(deps, messenger, { owner: "t", match: () => false });
    expect(report.expired).toBe(1);
    expect([...touched]).toEqual(["test:busy"]);
    // The expiry moved the request on: the seeker heard, the next volunteer was offered.
    expect(messenger.of("intro_expired").length + messenger.of("intro_passed").length).toBeGreaterThan(0);
  });
});
