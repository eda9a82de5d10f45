import { describe, expect, it } from "vitest";
import { acceptIntro, blockMember, chooseVolunteer, declineIntro } from "../../../src/core/use-cases/index.js";
import {
  BERLIN,
  HOUR,
  KOLKATA,
  NEW_YORK,
  configure,
  expectFail,
  getRequest,
  makeSeeker,
  makeVolunteer,
  nudges,
  request,
  requestAndChoose,
  snapshot,
  summary,
  unwrap,
  weekdays,
  world,
} from "./helpers.js";

describe("chooseVolunteer", () => {
  it("sends an intro to the chosen volunteer, with the DM now and a reminder at +48 h", async () => {
    const w = world();
    await makeVolunteer(w, "vera", "ux-design");
    const uma = await makeVolunteer(w, "uma", "ux-design", KOLKATA);
    const sam = await makeSeeker(w, "sam", "ux-design");
    const req = await request(w, sam, "ux-design", "portfolio review");
    const r = unwrap(await chooseVolunteer(w.deps, { actor: sam, requestId: req.request.id, volunteerId: uma.memberId }));
    expect(r.replay).toBe(false);
    expect(r.volunteer).toEqual({ id: uma.memberId, name: "uma", timeZone: KOLKATA });
    expect(r.intro).toMatchObject({ status: "pending", seekerId: sam.memberId, volunteerId: uma.memberId, requestId: req.request.id });
    expect(r.intro.deadline.getTime() - r.intro.offeredAt.getTime()).toBe(72 * HOUR);
    expect(await getRequest(w, req.request.id)).toMatchObject({ status: "offered", tried: [uma.memberId] });

    const rows = await nudges(w);
    expect(summary(rows, w)).toEqual([
      { kind: "intro_offered", to: "uma", dueAt: "2026-11-23T08:00:00.000Z" },
      { kind: "intro_reminder", to: "uma", dueAt: "2026-11-25T08:00:00.000Z" },
    ]);
    const offered = rows[0]?.notice;
    expect(offered?.kind === "intro_offered" && offered).toMatchObject({
      introId: r.intro.id,
      goals: "portfolio review",
      learn: "what sam wants to learn",
      minutes: 30,
      referredBy: null,
      seeker: { id: sam.memberId, name: "sam", timeZone: BERLIN, tags: ["ux-design"] },
    });
    expect(rows.every((n) => n.refId === r.intro.id)).toBe(true);
  });

  it('"auto" picks the best-ranked volunteer', async () => {
    const w = world();
    const vera = await makeVolunteer(w, "vera", "ux-design, user-research");
    await makeVolunteer(w, "uma", "ux-design", KOLKATA);
    const sam = await makeSeeker(w, "sam", "ux-design");
    const { intro } = await requestAndChoose(w, sam, "ux-design, user-research", "auto");
    expect(intro.volunteerId).toBe(vera.memberId);
  });

  it("choosing again returns the same intro (replay) and writes nothing", async () => {
    const w = world();
    const vera = await makeVolunteer(w, "vera", "ux-design");
    const sam = await makeSeeker(w, "sam", "ux-design");
    const { request: req, intro } = await requestAndChoose(w, sam, "ux-design", vera);
    const before = await snapshot(w);
    for (const volunteerId of [vera.memberId, "auto"]) {
      const again = unwrap(await chooseVolunteer(w.deps, { actor: sam, requestId: req.id, volunteerId }));
      expect(again.replay).toBe(true);
      expect(again.intro).toEqual(intro);
    }
    expect(await snapshot(w)).toEqual(before);
  });

  it("NOT_OPEN when the request is already with another volunteer or further along", async () => {
    const w = world();
    const vera = await makeVolunteer(w, "vera", "ux-design");
    const uma = await makeVolunteer(w, "uma", "ux-design");
    const sam = await makeSeeker(w, "sam", "ux-design");
    const { request: req, intro } = await requestAndChoose(w, sam, "ux-design", vera);
    expect(expectFail(await chooseVolunteer(w.deps, { actor: sam, requestId: req.id, volunteerId: uma.memberId }), "NOT_OPEN")).toEqual({
      status: "offered",
    });
    unwrap(await acceptIntro(w.deps, { actor: vera, introId: intro.id }));
    expect(expectFail(await chooseVolunteer(w.deps, { actor: sam, requestId: req.id, volunteerId: "auto" }), "NOT_OPEN")).toEqual({
      status: "scheduling",
    });
  });

  it("AT_CAPACITY when the chosen volunteer filled up after the suggestion", async () => {
    const w = world();
    const vera = await makeVolunteer(w, "vera", "ux-design", BERLIN, weekdays(), { capacity: 1 });
    const sam = await makeSeeker(w, "sam", "ux-design");
    const tom = await makeSeeker(w, "tom", "ux-design");
    const samReq = await request(w, sam, "ux-design");
    expect(samReq.suggestions.map((s) => s.volunteer.id)).toEqual([vera.memberId]);
    await requestAndChoose(w, tom, "ux-design", vera); // a pending intro counts against capacity
    const r = await chooseVolunteer(w.deps, { actor: sam, requestId: samReq.request.id, volunteerId: vera.memberId });
    expect(expectFail(r, "AT_CAPACITY")).toEqual({ why: "at_capacity" });
    expect(await getRequest(w, samReq.request.id)).toMatchObject({ status: "open", tried: [] });
  });

  it("NO_CANDIDATE for auto when nobody fits", async () => {
    const w = world();
    await makeVolunteer(w, "nina", "quantum-computing", NEW_YORK);
    const kai = await makeSeeker(w, "kai", "quantum-computing", KOLKATA);
    const req = await request(w, kai, "quantum-computing");
    expect(req.request.status).toBe("waitlisted");
    expectFail(await chooseVolunteer(w.deps, { actor: kai, requestId: req.request.id, volunteerId: "auto" }), "NO_CANDIDATE");
  });

  it("VOLUNTEER_UNAVAILABLE for someone who is not a volunteer, shares no tags, or is blocked", async () => {
    const w = world();
    const vera = await makeVolunteer(w, "vera", "ux-design");
    const pete = await makeVolunteer(w, "pete", "product-management");
    const sam = await makeSeeker(w, "sam", "ux-design");
    const tom = await makeSeeker(w, "tom", "ux-design");
    const req = await request(w, sam, "ux-design");
    const choose = (volunteerId: string) => chooseVolunteer(w.deps, { actor: sam, requestId: req.request.id, volunteerId });
    expect(expectFail(await choose(tom.memberId), "VOLUNTEER_UNAVAILABLE")).toEqual({ why: "not_a_volunteer" });
    expect(expectFail(await choose(pete.memberId), "VOLUNTEER_UNAVAILABLE")).toEqual({ why: "no_shared_tags" });
    unwrap(await blockMember(w.deps, { actor: vera, targetId: sam.memberId }));
    expect(expectFail(await choose(vera.memberId), "VOLUNTEER_UNAVAILABLE")).toEqual({ why: "excluded" });
    expect(await nudges(w)).toEqual([]);
  });

  it("a volunteer who declined this request cannot be chosen for it again", async () => {
    const w = world();
    await configure(w, { maxIntroTries: 1 });
    const vera = await makeVolunteer(w, "vera", "ux-design");
    const sam = await makeSeeker(w, "sam", "ux-design");
    const { request: req, intro } = await requestAndChoose(w, sam, "ux-design", vera);
    unwrap(await declineIntro(w.deps, { actor: vera, introId: intro.id }));
    expect((await getRequest(w, req.id))?.status).toBe("waitlisted");
    expectFail(await chooseVolunteer(w.deps, { actor: sam, requestId: req.id, volunteerId: vera.memberId }), "VOLUNTEER_UNAVAILABLE");
  });

  it("a waitlisted request can be chosen for once someone fits", async () => {
    const w = world();
    const sam = await makeSeeker(w, "sam", "ux-design");
    const req = await request(w, sam, "ux-design");
    expect(req.request.status).toBe("waitlisted");
    const vera = await makeVolunteer(w, "vera", "ux-design");
    const r = unwrap(await chooseVolunteer(w.deps, { actor: sam, requestId: req.request.id, volunteerId: "auto" }));
    expect(r.intro.volunteerId).toBe(vera.memberId);
  });

  it("NOT_FOUND, NOT_YOURS, PROGRAM_PAUSED", async () => {
    const w = world();
    const vera = await makeVolunteer(w, "vera", "ux-design");
    const sam = await makeSeeker(w, "sam", "ux-design");
    const req = await request(w, sam, "ux-design");
    expect(expectFail(await chooseVolunteer(w.deps, { actor: sam, requestId: "req_nope", volunteerId: "auto" }), "NOT_FOUND")).toEqual({
      requestId: "req_nope",
    });
    expectFail(await chooseVolunteer(w.deps, { actor: vera, requestId: req.request.id, volunteerId: "auto" }), "NOT_YOURS");
    await configure(w, { programPaused: true });
    expectFail(await chooseVolunteer(w.deps, { actor: sam, requestId: req.request.id, volunteerId: "auto" }), "PROGRAM_PAUSED");
    expect(await nudges(w)).toEqual([]);
  });

  it("no reminder when the community turned intro reminders off", async () => {
    const w = world();
    await configure(w, { nudges: { introReminder: false } });
    const vera = await makeVolunteer(w, "vera", "ux-design");
    const sam = await makeSeeker(w, "sam", "ux-design");
    await requestAndChoose(w, sam, "ux-design", vera);
    expect((await nudges(w)).map((n) => n.kind)).toEqual(["intro_offered"]);
  });
});
