import { describe, expect, it } from "vitest";
import { acceptIntro, leave, requestChat } from "../../../src/core/use-cases/index.js";
import {
  DAY,
  HOUR,
  expectFail,
  getChat,
  getIntro,
  getMember,
  getRequest,
  happened,
  makeSeeker,
  makeVolunteer,
  nudges,
  pending,
  requestAndChoose,
  scheduledPair,
  snapshot,
  summary,
  unwrap,
  world,
} from "./helpers.js";

describe("leave", () => {
  it("a volunteer leaves: chats are called off with the other person told, intros move on, nothing more is sent to them", async () => {
    const w = world();
    const { seeker: sam, volunteer: vera, request: samReq, chat } = await scheduledPair(w);
    const uma = await makeVolunteer(w, "uma", "ux-design");
    const tom = await makeSeeker(w, "tom", "ux-design");
    const { request: tomReq, intro: tomIntro } = await requestAndChoose(w, tom, "ux-design", vera);
    await w.tick();
    w.clock.advance(HOUR);
    const sentBefore = w.messenger.sent.length;

    const r = unwrap(await leave(w.deps, { actor: vera }));
    expect(r.member).toMatchObject({ status: "opted_out", pausedUntil: null });
    expect(r.cancelledChats).toBe(1);
    expect(r.passedIntros).toBe(1);
    expect(r.cancelledRequests).toBe(0);
    expect(await getMember(w, vera.memberId)).toMatchObject({ status: "opted_out" });

    expect(await getChat(w, chat.id)).toMatchObject({ status: "cancelled", cancelledBy: vera.memberId });
    expect(await getIntro(w, tomIntro.id)).toMatchObject({ status: "cancelled" });
    // Both seekers' requests go on to the next candidate.
    expect(await getRequest(w, samReq.id)).toMatchObject({ status: "offered", tried: [vera.memberId, uma.memberId] });
    expect(await getRequest(w, tomReq.id)).toMatchObject({ status: "offered", tried: [vera.memberId, uma.memberId] });

    expect(await pending(w, { to: vera.memberId })).toEqual([]);
    const written = (await pending(w)).filter((n) => n.createdAt.getTime() === w.clock.now().getTime());
    expect(summary(written, w).map((n) => [n.kind, n.to])).toEqual([
      ["chat_cancelled", "sam"],
      ["intro_offered", "uma"],
      ["intro_offered", "uma"],
      ["intro_passed", "tom"],
      ["intro_reminder", "uma"],
      ["intro_reminder", "uma"],
    ]);

    // Two weeks of scheduler ticks: the chat's reminders and check-ins never reach anyone.
    for (let i = 0; i < 14 * 4; i++) {
      w.clock.advance(6 * HOUR);
      await w.tick();
    }
    const later = w.messenger.sent.slice(sentBefore);
    expect(later.filter((d) => d.to.some((m) => m.id === vera.memberId))).toEqual([]);
    expect(later.filter((d) => d.notice.kind === "chat_reminder" || d.notice.kind === "check_in" || d.notice.kind === "prep")).toEqual([]);
    expect(w.messenger.of("chat_cancelled", sam.memberId)).toHaveLength(1);
    // (uma never answers either, so later intro_passed notices say "expired")
    expect(
      w.messenger.of("intro_passed", tom.memberId).filter((d) => d.notice.kind === "intro_passed" && d.notice.why === "unavailable"),
    ).toHaveLength(1);
  });

  it("a seeker leaves: their requests close and the pending intro is withdrawn", async () => {
    const w = world();
    const vera = await makeVolunteer(w, "vera", "ux-design");
    const sam = await makeSeeker(w, "sam", "ux-design");
    const { request, intro } = await requestAndChoose(w, sam, "ux-design", vera);
    const r = unwrap(await leave(w.deps, { actor: sam }));
    expect(r).toMatchObject({ cancelledRequests: 1, cancelledChats: 0, passedIntros: 0 });
    expect((await getRequest(w, request.id))?.status).toBe("cancelled");
    expect((await getIntro(w, intro.id))?.status).toBe("cancelled");
    expect(await pending(w)).toEqual([]);
    expect((await nudges(w)).map((n) => [n.kind, n.status])).toEqual([
      ["intro_offered", "cancelled"],
      ["intro_reminder", "cancelled"],
    ]);
    expectFail(await acceptIntro(w.deps, { actor: vera, introId: intro.id }), "CANCELLED");
    expectFail(await requestChat(w.deps, { actor: sam, tags: "ux-design", goals: "again" }), "NOT_ACTIVE");
  });

  it("a seeker leaves after the intro reached the volunteer: the volunteer is told it was withdrawn", async () => {
    const w = world();
    const vera = await makeVolunteer(w, "vera", "ux-design");
    const sam = await makeSeeker(w, "sam", "ux-design");
    const { intro } = await requestAndChoose(w, sam, "ux-design", vera);
    await w.tick();
    unwrap(await leave(w.deps, { actor: sam }));
    await w.tick();
    expect(w.messenger.of("intro_withdrawn", vera.memberId).map((d) => d.notice)).toEqual([
      { kind: "intro_withdrawn", introId: intro.id, seeker: { id: sam.memberId, name: "sam", timeZone: "Europe/Berlin" } },
    ]);
  });

  it("a seeker with a chat being set up: the chat is called off and the volunteer told", async () => {
    const w = world();
    const vera = await makeVolunteer(w, "vera", "ux-design");
    const sam = await makeSeeker(w, "sam", "ux-design");
    const { request, intro } = await requestAndChoose(w, sam, "ux-design", vera);
    const { chat } = unwrap(await acceptIntro(w.deps, { actor: vera, introId: intro.id }));
    await w.tick();
    const r = unwrap(await leave(w.deps, { actor: sam }));
    expect(r).toMatchObject({ cancelledChats: 1, cancelledRequests: 0 });
    expect((await getChat(w, chat.id))?.status).toBe("cancelled");
    expect((await getRequest(w, request.id))?.status).toBe("cancelled");
    expect(summary(await pending(w), w).map((n) => [n.kind, n.to])).toEqual([["chat_cancelled", "vera"]]);
  });

  it("follow-ups still due to the member are withdrawn and never delivered", async () => {
    const w = world();
    const { seeker: sam, volunteer: vera, chat } = await scheduledPair(w);
    await happened(w, chat, vera);
    await w.tick(); // outcome and referral ask go out now; thank-you and keep-in-touch wait
    const r = unwrap(await leave(w.deps, { actor: sam }));
    expect(r.cancelledNudges).toBe(2);
    expect((await nudges(w, { to: sam.memberId, kinds: ["thank_you", "keep_in_touch"] })).map((n) => n.status)).toEqual([
      "cancelled",
      "cancelled",
    ]);
    w.clock.advance(31 * DAY);
    await w.tick();
    expect(w.messenger.of("thank_you")).toEqual([]);
    expect(w.messenger.of("keep_in_touch")).toEqual([]);
  });

  it("a member who left is never suggested", async () => {
    const w = world();
    const vera = await makeVolunteer(w, "vera", "ux-design");
    const sam = await makeSeeker(w, "sam", "ux-design");
    unwrap(await leave(w.deps, { actor: vera }));
    w.clock.advance(30 * DAY);
    const r = unwrap(await requestChat(w.deps, { actor: sam, tags: "ux-design", goals: "x" }));
    expect(r.suggestions).toEqual([]);
    expect(r.notSuggested).toEqual({});
  });

  it("leaving twice changes nothing", async () => {
    const w = world();
    const { volunteer: vera } = await scheduledPair(w);
    unwrap(await leave(w.deps, { actor: vera }));
    const before = await snapshot(w);
    const again = unwrap(await leave(w.deps, { actor: vera }));
    expect(again).toMatchObject({ cancelledRequests: 0, cancelledChats: 0, passedIntros: 0, cancelledNudges: 0 });
    expect(await snapshot(w)).toEqual(before);
  });
});
