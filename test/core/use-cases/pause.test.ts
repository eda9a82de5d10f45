import { describe, expect, it } from "vitest";
import { cancelRequest, leave, pause } from "../../../src/core/use-cases/index.js";
import {
  DAY,
  HOUR,
  expectFail,
  getChat,
  getIntro,
  getMember,
  makeSeeker,
  makeVolunteer,
  nudges,
  pending,
  request,
  requestAndChoose,
  scheduledPair,
  snapshot,
  summary,
  unwrap,
  world,
} from "./helpers.js";

describe("pause", () => {
  it("a paused volunteer is not suggested until the date, and is after", async () => {
    const w = world();
    const vera = await makeVolunteer(w, "vera", "ux-design");
    const sam = await makeSeeker(w, "sam", "ux-design");
    const until = new Date("2026-12-07T00:00:00Z");
    const r = unwrap(await pause(w.deps, { actor: vera, until }));
    expect(r.member).toMatchObject({ status: "paused", pausedUntil: until });
    expect(r.passedIntros).toBe(0);
    expect(await getMember(w, vera.memberId)).toMatchObject({ status: "paused", pausedUntil: until });

    const during = await request(w, sam, "ux-design", "during the pause");
    expect(during.suggestions).toEqual([]);
    expect(during.request.status).toBe("waitlisted");
    unwrap(await cancelRequest(w.deps, { actor: sam, requestId: during.request.id }));

    w.clock.set(new Date(until.getTime() - HOUR));
    const justBefore = await request(w, sam, "ux-design", "just before");
    expect(justBefore.suggestions).toEqual([]);
    unwrap(await cancelRequest(w.deps, { actor: sam, requestId: justBefore.request.id }));

    w.clock.set(until);
    const after = await request(w, sam, "ux-design", "after the pause");
    expect(after.suggestions.map((s) => s.volunteer.id)).toEqual([vera.memberId]);
  });

  it("intros waiting for the volunteer's answer move on to the next candidate", async () => {
    const w = world();
    const vera = await makeVolunteer(w, "vera", "ux-design");
    const uma = await makeVolunteer(w, "uma", "ux-design");
    const sam = await makeSeeker(w, "sam", "ux-design");
    const { request: req, intro } = await requestAndChoose(w, sam, "ux-design", vera);
    await w.tick();
    w.clock.advance(HOUR);
    const r = unwrap(await pause(w.deps, { actor: vera, until: new Date(w.clock.now().getTime() + 14 * DAY) }));
    expect(r.passedIntros).toBe(1);
    expect(await getIntro(w, intro.id)).toMatchObject({ status: "cancelled", respondedAt: w.clock.now() });
    expect((await nudges(w, { refId: intro.id, kinds: ["intro_reminder"] }))[0]?.status).toBe("cancelled");
    const written = (await pending(w)).filter((n) => n.createdAt.getTime() === w.clock.now().getTime());
    expect(summary(written, w).map((n) => [n.kind, n.to])).toEqual([
      ["intro_offered", "uma"],
      ["intro_passed", "sam"],
      ["intro_reminder", "uma"],
    ]);
    expect(written.find((n) => n.kind === "intro_passed")?.notice).toMatchObject({
      requestId: req.id,
      why: "unavailable",
      volunteer: { id: vera.memberId },
      next: { id: uma.memberId },
      waitlisted: false,
    });
  });

  it("scheduled chats go ahead", async () => {
    const w = world();
    const { volunteer: vera, chat } = await scheduledPair(w);
    unwrap(await pause(w.deps, { actor: vera, until: new Date(w.clock.now().getTime() + 30 * DAY) }));
    expect((await getChat(w, chat.id))?.status).toBe("scheduled");
    expect(await pending(w, { refId: chat.id, kinds: ["chat_reminder", "check_in"] })).toHaveLength(6);
  });

  it("pausing again moves the date; the same pause twice changes nothing", async () => {
    const w = world();
    const vera = await makeVolunteer(w, "vera", "ux-design");
    const until = new Date(w.clock.now().getTime() + 7 * DAY);
    unwrap(await pause(w.deps, { actor: vera, until }));
    const before = await snapshot(w);
    const again = unwrap(await pause(w.deps, { actor: vera, until }));
    expect(again.passedIntros).toBe(0);
    expect(await snapshot(w)).toEqual(before);
    const later = new Date(until.getTime() + 7 * DAY);
    unwrap(await pause(w.deps, { actor: vera, until: later }));
    expect((await getMember(w, vera.memberId))?.pausedUntil).toEqual(later);
  });

  it("DATE_IN_PAST, TOO_FAR, OPTED_OUT", async () => {
    const w = world();
    const vera = await makeVolunteer(w, "vera", "ux-design");
    const now = w.clock.now().getTime();
    expectFail(await pause(w.deps, { actor: vera, until: new Date(now) }), "DATE_IN_PAST");
    expectFail(await pause(w.deps, { actor: vera, until: new Date(now - DAY) }), "DATE_IN_PAST");
    expect(expectFail(await pause(w.deps, { actor: vera, until: new Date(now + 367 * DAY) }), "TOO_FAR")).toEqual({ maxDays: 366 });
    unwrap(await pause(w.deps, { actor: vera, until: new Date(now + 366 * DAY) }));
    unwrap(await leave(w.deps, { actor: vera }));
    expectFail(await pause(w.deps, { actor: vera, until: new Date(now + DAY) }), "OPTED_OUT");
    expect((await getMember(w, vera.memberId))?.status).toBe("opted_out");
  });
});
