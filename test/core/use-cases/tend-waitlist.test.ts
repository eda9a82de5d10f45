import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { pause, tendWaitlist } from "../../../src/core/use-cases/index.js";
import { openStore } from "../../../src/store/index.js";
import { DAY, getRequest, makeSeeker, makeVolunteer, nudges, request, unwrap, WEEK, world } from "./helpers.js";

const dir = mkdtempSync(join(tmpdir(), "percolate-waitlist-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("tendWaitlist", () => {
  it("writes one 'still looking' per week of waiting into the outbox, however often it runs, across restarts", async () => {
    const url = `file:${join(dir, "weekly.db")}`;
    const first = world({ store: await openStore(url) });
    await makeVolunteer(first, "vera", "rust");
    const sam = await makeSeeker(first, "sam", "kubernetes");
    const asked = await request(first, sam, "kubernetes");
    expect(asked.request).toMatchObject({ status: "waitlisted", waitlistedAt: first.clock.now() });
    expect(asked.blocker).toMatchObject({ code: "NO_TOPIC", topics: ["rust"] });

    first.clock.advance(WEEK - 1);
    expect(await tendWaitlist(first.deps, { communityId: first.communityId })).toMatchObject({ nudged: 0, expired: 0 });
    first.clock.advance(1);
    expect((await tendWaitlist(first.deps, { communityId: first.communityId })).nudged).toBe(1);
    expect((await tendWaitlist(first.deps, { communityId: first.communityId })).nudged).toBe(0);
    await first.store.close();

    // A new process on the same database: nothing in memory, still once a week.
    const second = world({ store: await openStore(url), start: new Date(first.clock.now().getTime() + DAY) });
    let n = 0;
    second.deps.ids = { next: (prefix) => `${prefix}_second_${++n}` }; // another process mints other ids
    expect((await tendWaitlist(second.deps, { communityId: second.communityId })).nudged).toBe(0);
    second.clock.advance(WEEK);
    expect((await tendWaitlist(second.deps, { communityId: second.communityId })).nudged).toBe(1);
    const notes = await nudges(second, { kinds: ["still_looking"] });
    expect(notes.map((n) => n.notice.kind === "still_looking" && n.notice.weeks)).toEqual([1, 2]);
    await second.store.close();
  });

  it("stays quiet while the seeker is on a break, and expires the request after the community's weeks", async () => {
    const w = world();
    const sam = await makeSeeker(w, "sam", "kubernetes");
    const asked = await request(w, sam, "kubernetes");
    unwrap(await pause(w.deps, { actor: sam, until: new Date(w.clock.now().getTime() + 3 * WEEK) }));
    w.clock.advance(2 * WEEK);
    expect(await tendWaitlist(w.deps, { communityId: w.communityId })).toMatchObject({ nudged: 0, expired: 0 });
    w.clock.advance(4 * WEEK);
    expect(await tendWaitlist(w.deps, { communityId: w.communityId })).toMatchObject({ nudged: 0, expired: 1 });
    expect(await getRequest(w, asked.request.id)).toMatchObject({ status: "expired" });
    expect((await nudges(w, { kinds: ["request_expired"] })).map((n) => n.to)).toEqual([[sam.memberId]]);
    expect(await tendWaitlist(w.deps, { communityId: w.communityId })).toMatchObject({ nudged: 0, expired: 0 });
  });
});
