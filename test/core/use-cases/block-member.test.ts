import { describe, expect, it } from "vitest";
import { blockMember, cancelRequest } from "../../../src/core/use-cases/index.js";
import {
  HOUR,
  expectFail,
  getChat,
  getIntro,
  getMember,
  scheduledPair,
  getRequest,
  makeSeeker,
  makeVolunteer,
  pending,
  request,
  requestAndChoose,
  snapshot,
  summary,
  unwrap,
  world,
} from "./helpers.js";

async function pair() {
  const w = world();
  const vera = await makeVolunteer(w, "vera", "ux-design");
  const sam = await makeSeeker(w, "sam", "ux-design");
  return { w, vera, sam };
}

describe("blockMember", () => {
  it("the seeker blocks a volunteer: never suggested to them", async () => {
    const { w, vera, sam } = await pair();
    const r = unwrap(await blockMember(w.deps, { actor: sam, targetId: vera.memberId }));
    expect(r).toMatchObject({ replay: false, member: { blocked: [vera.memberId] } });
    expect((await getMember(w, sam.memberId))?.blocked).toEqual([vera.memberId]);
    const req = await request(w, sam, "ux-design");
    expect(req.suggestions).toEqual([]);
    expect(req.notSuggested).toEqual({ excluded: 1 });
    expect(await pending(w)).toEqual([]);
  });

  it("the volunteer blocks a seeker: the other direction is excluded too", async () => {
    const { w, vera, sam } = await pair();
    const tom = await makeSeeker(w, "tom", "ux-design");
    unwrap(await blockMember(w.deps, { actor: vera, targetId: sam.memberId }));
    expect((await request(w, sam, "ux-design")).suggestions).toEqual([]);
    expect((await request(w, tom, "ux-design")).suggestions.map((s) => s.volunteer.id)).toEqual([vera.memberId]);
  });

  it("a pending intro between them moves on; the blocked person is never told", async () => {
    const { w, vera, sam } = await pair();
    const uma = await makeVolunteer(w, "uma", "ux-design");
    const { request: req, intro } = await requestAndChoose(w, sam, "ux-design", vera);
    await w.tick();
    w.clock.advance(HOUR);
    unwrap(await blockMember(w.deps, { actor: vera, targetId: sam.memberId }));
    expect((await getIntro(w, intro.id))?.status).toBe("cancelled");
    expect(await getRequest(w, req.id)).toMatchObject({ status: "offered", tried: [vera.memberId, uma.memberId] });
    const written = await pending(w);
    expect(summary(written, w).map((n) => [n.kind, n.to])).toEqual([
      ["intro_offered", "uma"],
      ["intro_passed", "sam"],
      ["intro_reminder", "uma"],
    ]);
    // The seeker hears the volunteer is unavailable, never that they were blocked.
    expect(written.find((n) => n.kind === "intro_passed")?.notice).toMatchObject({ why: "unavailable" });
  });

  it("the seeker blocking the volunteer of their pending intro withdraws it too", async () => {
    const { w, vera, sam } = await pair();
    const { intro } = await requestAndChoose(w, sam, "ux-design", vera);
    unwrap(await blockMember(w.deps, { actor: sam, targetId: vera.memberId }));
    expect((await getIntro(w, intro.id))?.status).toBe("cancelled");
    expect(await pending(w, { to: vera.memberId })).toEqual([]);
  });

  it("a chat being set up or booked between them is called off", async () => {
    const w = world();
    const { seeker, volunteer, chat } = await scheduledPair(w);
    unwrap(await blockMember(w.deps, { actor: volunteer, targetId: seeker.memberId }));
    expect((await getChat(w, chat.id))?.status).toBe("cancelled");
    expect((await pending(w, { kinds: ["chat_reminder", "prep", "check_in"] })).length).toBe(0);
  });

  it("blocking twice changes nothing (replay)", async () => {
    const { w, vera, sam } = await pair();
    unwrap(await blockMember(w.deps, { actor: sam, targetId: vera.memberId }));
    const before = await snapshot(w);
    const again = unwrap(await blockMember(w.deps, { actor: sam, targetId: vera.memberId }));
    expect(again.replay).toBe(true);
    expect(again.member.blocked).toEqual([vera.memberId]);
    expect(await snapshot(w)).toEqual(before);
  });

  it("a block holds for later requests, even after others close", async () => {
    const { w, vera, sam } = await pair();
    unwrap(await blockMember(w.deps, { actor: vera, targetId: sam.memberId }));
    const first = await request(w, sam, "ux-design", "first");
    unwrap(await cancelRequest(w.deps, { actor: sam, requestId: first.request.id }));
    expect((await request(w, sam, "ux-design", "second")).suggestions).toEqual([]);
  });

  it("SELF and UNKNOWN_MEMBER", async () => {
    const { w, sam } = await pair();
    expectFail(await blockMember(w.deps, { actor: sam, targetId: sam.memberId }), "SELF");
    expect(expectFail(await blockMember(w.deps, { actor: sam, targetId: "test:c1:nobody" }), "UNKNOWN_MEMBER")).toEqual({
      targetId: "test:c1:nobody",
    });
    expect((await getMember(w, sam.memberId))?.blocked).toEqual([]);
  });
});
