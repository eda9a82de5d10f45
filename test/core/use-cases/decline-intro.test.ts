import { describe, expect, it } from "vitest";
import { acceptIntro, cancelRequest, declineIntro } from "../../../src/core/use-cases/index.js";
import {
  HOUR,
  configure,
  expectFail,
  getIntro,
  getRequest,
  makeSeeker,
  makeVolunteer,
  nudges,
  pending,
  requestAndChoose,
  snapshot,
  summary,
  unwrap,
  world,
} from "./helpers.js";

async function threeVolunteers() {
  const w = world();
  const vera = await makeVolunteer(w, "vera", "ux-design");
  const uma = await makeVolunteer(w, "uma", "ux-design");
  const ola = await makeVolunteer(w, "ola", "ux-design");
  const sam = await makeSeeker(w, "sam", "ux-design");
  const { request, intro } = await requestAndChoose(w, sam, "ux-design", vera);
  return { w, vera, uma, ola, sam, request, intro };
}

describe("declineIntro", () => {
  it("offers the next candidate automatically and tells the seeker kindly", async () => {
    const { w, vera, sam, request, intro } = await threeVolunteers();
    const r = unwrap(await declineIntro(w.deps, { actor: vera, introId: intro.id, reason: "  busy month  " }));
    expect(r.replay).toBe(false);
    expect(r.intro).toMatchObject({ status: "declined", declineReason: "busy month", respondedAt: w.clock.now() });
    const next = r.next;
    if (!next || next.offered === null) throw new Error("expected a next intro");
    expect(next.offered).toMatchObject({ requestId: request.id, status: "pending", seekerId: sam.memberId });
    expect(next.offered.volunteerId).not.toBe(vera.memberId);

    expect(await getRequest(w, request.id)).toMatchObject({ status: "offered", tried: [vera.memberId, next.volunteer.id] });
    // The declined intro's reminder is withdrawn; the next volunteer gets the intro and its reminder.
    expect((await nudges(w, { refId: intro.id, kinds: ["intro_reminder"] }))[0]?.status).toBe("cancelled");
    const passed = await nudges(w, { kinds: ["intro_passed"] });
    expect(summary(passed, w)).toEqual([{ kind: "intro_passed", to: "sam", dueAt: w.clock.now().toISOString() }]);
    expect(passed[0]?.notice).toEqual({
      kind: "intro_passed",
      requestId: request.id,
      volunteer: { id: vera.memberId, name: "vera", timeZone: "Europe/Berlin" },
      why: "declined",
      next: { id: next.volunteer.id, name: next.volunteer.displayName, timeZone: "Europe/Berlin" },
      waitlisted: false,
    });
    // The reason is private: never in what the seeker sees.
    expect(JSON.stringify(passed[0]?.notice)).not.toContain("busy month");
    expect(summary(await pending(w, { refId: next.offered.id }), w).map((n) => [n.kind, n.to])).toEqual([
      ["intro_offered", next.volunteer.displayName],
      ["intro_reminder", next.volunteer.displayName],
    ]);
  });

  it("after maxIntroTries declines the request is waitlisted and the seeker is told", async () => {
    const { w, vera, request, intro } = await threeVolunteers();
    unwrap(await declineIntro(w.deps, { actor: vera, introId: intro.id }));
    for (let i = 0; i < 2; i++) {
      const [open] = (await snapshot(w)).intros.filter((x) => x.status === "pending");
      if (!open) throw new Error("expected a pending intro");
      const r = unwrap(await declineIntro(w.deps, { actor: w.actor(open.volunteerId.split(":").pop() ?? ""), introId: open.id }));
      expect(r.next?.offered === null).toBe(i === 1);
    }
    const req = await getRequest(w, request.id);
    expect(req?.status).toBe("waitlisted");
    expect(req?.tried).toHaveLength(3);
    const passed = await nudges(w, { kinds: ["intro_passed"] });
    expect(passed.map((n) => n.notice.kind === "intro_passed" && [n.notice.waitlisted, n.notice.next?.name ?? null])).toEqual([
      [false, expect.any(String)],
      [false, expect.any(String)],
      [true, null],
    ]);
    expect((await snapshot(w)).intros.filter((x) => x.status === "pending")).toEqual([]);
  });

  it("honours a lower maxIntroTries", async () => {
    const w = world();
    await configure(w, { maxIntroTries: 1 });
    const vera = await makeVolunteer(w, "vera", "ux-design");
    await makeVolunteer(w, "uma", "ux-design");
    const sam = await makeSeeker(w, "sam", "ux-design");
    const { request, intro } = await requestAndChoose(w, sam, "ux-design", vera);
    const r = unwrap(await declineIntro(w.deps, { actor: vera, introId: intro.id }));
    expect(r.next).toEqual({ offered: null, waitlisted: true });
    expect((await getRequest(w, request.id))?.status).toBe("waitlisted");
  });

  it("waitlists when nobody else fits", async () => {
    const w = world();
    const vera = await makeVolunteer(w, "vera", "ux-design");
    await makeVolunteer(w, "pete", "product-management");
    const sam = await makeSeeker(w, "sam", "ux-design");
    const { request, intro } = await requestAndChoose(w, sam, "ux-design", vera);
    unwrap(await declineIntro(w.deps, { actor: vera, introId: intro.id }));
    expect((await getRequest(w, request.id))?.status).toBe("waitlisted");
    const [passed] = await nudges(w, { kinds: ["intro_passed"] });
    expect(passed?.notice).toMatchObject({ why: "declined", next: null, waitlisted: true });
  });

  it("declining twice changes nothing (replay)", async () => {
    const { w, vera, intro } = await threeVolunteers();
    unwrap(await declineIntro(w.deps, { actor: vera, introId: intro.id }));
    const before = await snapshot(w);
    w.clock.advance(HOUR);
    const again = unwrap(await declineIntro(w.deps, { actor: vera, introId: intro.id }));
    expect(again.replay).toBe(true);
    expect(again.next).toBeNull();
    expect(await snapshot(w)).toEqual(before);
  });

  it("an empty reason is stored as none", async () => {
    const { w, vera, intro } = await threeVolunteers();
    unwrap(await declineIntro(w.deps, { actor: vera, introId: intro.id, reason: "   " }));
    expect((await getIntro(w, intro.id))?.declineReason).toBeNull();
  });

  it("NOT_FOUND and NOT_YOURS", async () => {
    const { w, vera, uma, sam, intro } = await threeVolunteers();
    expectFail(await declineIntro(w.deps, { actor: vera, introId: "intro_404" }), "NOT_FOUND");
    const before = await snapshot(w);
    expectFail(await declineIntro(w.deps, { actor: uma, introId: intro.id }), "NOT_YOURS");
    expectFail(await declineIntro(w.deps, { actor: sam, introId: intro.id }), "NOT_YOURS");
    expect(await snapshot(w)).toEqual(before);
  });

  it("EXPIRED once the deadline passed", async () => {
    const { w, vera, intro } = await threeVolunteers();
    w.clock.advance(72 * HOUR);
    expectFail(await declineIntro(w.deps, { actor: vera, introId: intro.id }), "EXPIRED");
    expect((await getIntro(w, intro.id))?.status).toBe("pending");
  });

  it("ALREADY_ACCEPTED after an accept", async () => {
    const { w, vera, intro } = await threeVolunteers();
    unwrap(await acceptIntro(w.deps, { actor: vera, introId: intro.id }));
    expectFail(await declineIntro(w.deps, { actor: vera, introId: intro.id }), "ALREADY_ACCEPTED");
  });

  it("CANCELLED when the seeker withdrew", async () => {
    const { w, vera, sam, request, intro } = await threeVolunteers();
    unwrap(await cancelRequest(w.deps, { actor: sam, requestId: request.id }));
    const before = await snapshot(w);
    expectFail(await declineIntro(w.deps, { actor: vera, introId: intro.id }), "CANCELLED");
    expect(await snapshot(w)).toEqual(before);
  });
});
