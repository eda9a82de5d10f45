import { describe, expect, it } from "vitest";
import { blockMember, matchQueue, pause } from "../../../src/core/use-cases/index.js";
import {
  BERLIN,
  DAY,
  HOUR,
  configure,
  getRequest,
  makeSeeker,
  makeVolunteer,
  nudges,
  request,
  snapshot,
  summary,
  unwrap,
  weekdays,
  world,
} from "./helpers.js";

describe("matchQueue", () => {
  it("offers waitlisted requests once someone fits, with the intro DM and reminder", async () => {
    const w = world();
    const sam = await makeSeeker(w, "sam", "ux-design");
    const req = await request(w, sam, "ux-design");
    expect(req.request.status).toBe("waitlisted");
    const vera = await makeVolunteer(w, "vera", "ux-design");

    const r = await matchQueue(w.deps, { communityId: w.communityId });
    expect(r).toMatchObject({ communityId: w.communityId, considered: 1, offered: 1 });
    expect(r.objective).toBeGreaterThan(0);
    expect(await getRequest(w, req.request.id)).toMatchObject({ status: "offered", tried: [vera.memberId] });
    const [intro] = (await snapshot(w)).intros;
    expect(intro).toMatchObject({ seekerId: sam.memberId, volunteerId: vera.memberId, status: "pending" });
    expect(summary(await nudges(w), w)).toEqual([
      { kind: "intro_offered", to: "vera", dueAt: w.clock.now().toISOString() },
      // The seeker hears the intro went out: they did not choose it themselves.
      { kind: "intro_sent", to: "sam", dueAt: w.clock.now().toISOString() },
      { kind: "intro_reminder", to: "vera", dueAt: new Date(w.clock.now().getTime() + 48 * HOUR).toISOString() },
    ]);
  });

  it("running twice offers nothing twice", async () => {
    const w = world();
    const sam = await makeSeeker(w, "sam", "ux-design");
    await request(w, sam, "ux-design");
    await makeVolunteer(w, "vera", "ux-design");
    expect((await matchQueue(w.deps, { communityId: w.communityId })).offered).toBe(1);
    const before = await snapshot(w);
    expect(await matchQueue(w.deps, { communityId: w.communityId })).toEqual({
      communityId: w.communityId,
      considered: 0,
      offered: 0,
      objective: 0,
    });
    expect(await snapshot(w)).toEqual(before);
  });

  it("open requests join the queue only after the seeker had staleAfterHours to choose", async () => {
    const w = world();
    await makeVolunteer(w, "vera", "ux-design");
    const sam = await makeSeeker(w, "sam", "ux-design");
    const req = await request(w, sam, "ux-design");
    expect(req.request.status).toBe("open");
    w.clock.advance(23 * HOUR);
    expect(await matchQueue(w.deps, { communityId: w.communityId })).toMatchObject({ considered: 0, offered: 0 });
    w.clock.advance(HOUR);
    expect(await matchQueue(w.deps, { communityId: w.communityId })).toMatchObject({ considered: 1, offered: 1 });
    const w2 = world();
    await makeVolunteer(w2, "vera", "ux-design");
    await request(w2, await makeSeeker(w2, "sam", "ux-design"), "ux-design");
    w2.clock.advance(2 * HOUR);
    expect(await matchQueue(w2.deps, { communityId: w2.communityId, staleAfterHours: 2 })).toMatchObject({ considered: 1, offered: 1 });
  });

  it("a referral waits for the seeker's own choice: it is never auto-picked", async () => {
    const w = world();
    await makeVolunteer(w, "vera", "ux-design");
    const sam = await makeSeeker(w, "sam", "ux-design");
    const req = await request(w, sam, "ux-design");
    await w.store.tx(async (tx) => {
      const r = await tx.getRequest(w.communityId, req.request.id);
      if (r) await tx.saveRequest({ ...r, referredBy: `${w.communityId}:rita` });
    });
    w.clock.advance(3 * DAY);
    expect(await matchQueue(w.deps, { communityId: w.communityId })).toMatchObject({ considered: 0, offered: 0 });
  });

  it("respects every volunteer's remaining capacity", async () => {
    const w = world();
    const seekers = [];
    for (const n of ["s1", "s2", "s3"]) {
      const s = await makeSeeker(w, n, "ux-design");
      await request(w, s, "ux-design");
      seekers.push(s);
    }
    await makeVolunteer(w, "vera", "ux-design", BERLIN, weekdays(), { capacity: 1 });
    await makeVolunteer(w, "uma", "ux-design", BERLIN, weekdays(), { capacity: 1 });
    const r = await matchQueue(w.deps, { communityId: w.communityId });
    expect(r).toMatchObject({ considered: 3, offered: 2 });
    const intros = (await snapshot(w)).intros;
    expect(new Set(intros.map((i) => i.volunteerId)).size).toBe(2);
    expect((await snapshot(w)).requests.map((x) => x.status).sort()).toEqual(["offered", "offered", "waitlisted"]);
  });

  it("assigns the whole queue at once, not greedily", async () => {
    const w = world();
    // ada fits both volunteers (best with vera); bob fits only vera. Greedy would give vera to ada.
    const ada = await makeSeeker(w, "ada", "rust, web");
    const bob = await makeSeeker(w, "bob", "rust");
    await request(w, ada, "rust, web");
    await request(w, bob, "rust");
    for (const n of ["x1", "x2", "x3", "x4"]) await makeSeeker(w, n, "web"); // makes "web" common and "rust" rare
    const vera = await makeVolunteer(w, "vera", "rust, web", BERLIN, weekdays(), { capacity: 1 });
    const uma = await makeVolunteer(w, "uma", "web", BERLIN, weekdays(), { capacity: 1 });
    const r = await matchQueue(w.deps, { communityId: w.communityId });
    expect(r.offered).toBe(2);
    const byseeker = Object.fromEntries((await snapshot(w)).intros.map((i) => [i.seekerId, i.volunteerId]));
    expect(byseeker).toEqual({ [ada.memberId]: uma.memberId, [bob.memberId]: vera.memberId });
  });

  it("never gives a seeker two intros with the same volunteer in one batch", async () => {
    const w = world();
    await configure(w, { maxOpenRequestsPerSeeker: 2 });
    const sam = await makeSeeker(w, "sam", "ux-design");
    const first = await request(w, sam, "ux-design", "portfolio");
    const second = await request(w, sam, "user-research", "interviews");
    const vera = await makeVolunteer(w, "vera", "ux-design, user-research");
    await matchQueue(w.deps, { communityId: w.communityId });
    await matchQueue(w.deps, { communityId: w.communityId });
    const intros = (await snapshot(w)).intros.filter((i) => i.status === "pending");
    expect(intros.map((i) => [i.requestId, i.volunteerId])).toEqual([[first.request.id, vera.memberId]]);
    expect((await getRequest(w, second.request.id))?.status).toBe("waitlisted");
  });

  it("never pairs blocked people, nor seekers who left", async () => {
    const w = world();
    const sam = await makeSeeker(w, "sam", "ux-design");
    const tom = await makeSeeker(w, "tom", "ux-design");
    await request(w, sam, "ux-design");
    await request(w, tom, "ux-design");
    const vera = await makeVolunteer(w, "vera", "ux-design");
    unwrap(await blockMember(w.deps, { actor: vera, targetId: sam.memberId }));
    await w.store.tx(async (tx) => {
      const m = await tx.getMember(w.communityId, tom.memberId);
      if (m) await tx.saveMember({ ...m, status: "opted_out" });
    });
    const r = await matchQueue(w.deps, { communityId: w.communityId });
    expect(r).toMatchObject({ considered: 1, offered: 0 });
    expect((await snapshot(w)).intros).toEqual([]);
  });

  it("a block by the seeker holds in the batch too, and only for that pair", async () => {
    const w = world();
    const sam = await makeSeeker(w, "sam", "ux-design");
    const tom = await makeSeeker(w, "tom", "ux-design");
    await request(w, sam, "ux-design");
    await request(w, tom, "ux-design");
    const vera = await makeVolunteer(w, "vera", "ux-design");
    unwrap(await blockMember(w.deps, { actor: sam, targetId: vera.memberId }));
    const r = await matchQueue(w.deps, { communityId: w.communityId });
    expect(r).toMatchObject({ considered: 2, offered: 1 });
    const pending = (await snapshot(w)).intros.filter((i) => i.status === "pending");
    expect(pending.map((i) => [i.seekerId, i.volunteerId])).toEqual([[tom.memberId, vera.memberId]]);
  });

  it("a seeker on a break gets no new intro until the pause ends", async () => {
    const w = world();
    const sam = await makeSeeker(w, "sam", "ux-design");
    await request(w, sam, "ux-design");
    await makeVolunteer(w, "vera", "ux-design");
    unwrap(await pause(w.deps, { actor: sam, until: new Date(w.clock.now().getTime() + 3 * DAY) }));
    expect(await matchQueue(w.deps, { communityId: w.communityId })).toMatchObject({ considered: 0, offered: 0 });
    expect((await snapshot(w)).intros).toEqual([]);
    w.clock.advance(3 * DAY);
    expect(await matchQueue(w.deps, { communityId: w.communityId })).toMatchObject({ considered: 1, offered: 1 });
  });

  it("does nothing while the program is paused, or for an unknown community", async () => {
    const w = world();
    const sam = await makeSeeker(w, "sam", "ux-design");
    await request(w, sam, "ux-design");
    await makeVolunteer(w, "vera", "ux-design");
    await configure(w, { programPaused: true });
    expect(await matchQueue(w.deps, { communityId: w.communityId })).toEqual({
      communityId: w.communityId,
      considered: 0,
      offered: 0,
      objective: 0,
    });
    expect(await matchQueue(w.deps, { communityId: "test:nowhere" })).toEqual({
      communityId: "test:nowhere",
      considered: 0,
      offered: 0,
      objective: 0,
    });
    expect((await snapshot(w)).intros).toEqual([]);
  });
});
