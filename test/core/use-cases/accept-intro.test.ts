import { DateTime } from "luxon";
import { describe, expect, it } from "vitest";
import { acceptIntro, cancelChat, cancelRequest, declineIntro, expireIntros, setAvailability } from "../../../src/core/use-cases/index.js";
import {
  BERLIN,
  HOUR,
  KOLKATA,
  MIN,
  NEW_YORK,
  expectFail,
  getChat,
  getIntro,
  getRequest,
  makeSeeker,
  makeVolunteer,
  nudges,
  requestAndChoose,
  snapshot,
  summary,
  unwrap,
  weekdays,
  world,
} from "./helpers.js";

const local = (d: Date, zone: string) => DateTime.fromJSDate(d, { zone });

describe("acceptIntro", () => {
  it("creates a chat with three slots that suit both people, on different days, sent to both", async () => {
    const w = world();
    const vera = await makeVolunteer(w, "vera", "ux-design", BERLIN, weekdays("09:00", "17:00"), { formats: ["phone", "video"] });
    const sam = await makeSeeker(w, "sam", "ux-design", NEW_YORK, weekdays("08:00", "12:00"));
    const { request: req, intro } = await requestAndChoose(w, sam, "ux-design", vera);

    const r = unwrap(await acceptIntro(w.deps, { actor: vera, introId: intro.id }));
    expect(r.replay).toBe(false);
    expect(r.intro).toMatchObject({ status: "accepted", respondedAt: w.clock.now() });
    const chat = r.chat;
    expect(chat).toMatchObject({
      status: "proposing",
      seekerId: sam.memberId,
      volunteerId: vera.memberId,
      introId: intro.id,
      minutes: 30,
      format: "phone",
      slot: null,
    });
    expect(chat.proposedSlots).toHaveLength(3);
    const days = new Set<string>();
    for (const s of chat.proposedSlots) {
      expect(s.end.getTime() - s.start.getTime()).toBe(30 * MIN);
      expect(s.start.getTime()).toBeGreaterThanOrEqual(w.clock.now().getTime() + 24 * HOUR);
      const b = local(s.start, BERLIN);
      const be = local(s.end, BERLIN);
      const n = local(s.start, NEW_YORK);
      const ne = local(s.end, NEW_YORK);
      expect(b.weekday).toBeLessThanOrEqual(5);
      expect(b.hour).toBeGreaterThanOrEqual(9);
      expect(be.hour * 60 + be.minute).toBeLessThanOrEqual(17 * 60);
      expect(n.hour).toBeGreaterThanOrEqual(8);
      expect(ne.hour * 60 + ne.minute).toBeLessThanOrEqual(12 * 60);
      days.add(b.toISODate() ?? "");
    }
    expect(days.size).toBe(3);

    expect(await getIntro(w, intro.id)).toMatchObject({ status: "accepted" });
    expect(await getChat(w, chat.id)).toEqual(chat);
    expect((await getRequest(w, req.id))?.status).toBe("scheduling");
    const rows = await nudges(w);
    expect(
      summary(
        rows.filter((n) => n.refId === intro.id),
        w,
      ),
    ).toEqual([
      { kind: "intro_offered", to: "vera", dueAt: "2026-11-23T08:00:00.000Z" },
      { kind: "intro_reminder", to: "vera", dueAt: "2026-11-25T08:00:00.000Z" },
    ]);
    expect(rows.find((n) => n.kind === "intro_reminder")?.status).toBe("cancelled");
    const proposed = rows.filter((n) => n.refId === chat.id);
    expect(summary(proposed, w).map((n) => [n.kind, n.to])).toEqual([
      ["slots_proposed", "sam"],
      ["slots_proposed", "vera"],
    ]);
    for (const n of proposed) {
      expect(n.status).toBe("pending");
      expect(n.notice).toMatchObject({
        kind: "slots_proposed",
        chatId: chat.id,
        slots: chat.proposedSlots,
        minutes: 30,
        rescheduled: false,
      });
    }
    expect(proposed[0]?.notice).toMatchObject({ other: { id: vera.memberId, timeZone: BERLIN } });
    expect(proposed[1]?.notice).toMatchObject({ other: { id: sam.memberId, timeZone: NEW_YORK } });
  });

  it("accepting twice returns the same chat (replay) and writes nothing", async () => {
    const w = world();
    const vera = await makeVolunteer(w, "vera", "ux-design");
    const sam = await makeSeeker(w, "sam", "ux-design");
    const { intro } = await requestAndChoose(w, sam, "ux-design", vera);
    const first = unwrap(await acceptIntro(w.deps, { actor: vera, introId: intro.id }));
    const before = await snapshot(w);
    w.clock.advance(HOUR);
    const again = unwrap(await acceptIntro(w.deps, { actor: vera, introId: intro.id }));
    expect(again.replay).toBe(true);
    expect(again.chat).toEqual(first.chat);
    expect(again.intro).toEqual(first.intro);
    expect(await snapshot(w)).toEqual(before);
  });

  it("a replay returns this intro's chat, not an earlier chat on the same request", async () => {
    const w = world();
    const vera = await makeVolunteer(w, "vera", "ux-design");
    const uma = await makeVolunteer(w, "uma", "ux-design");
    const sam = await makeSeeker(w, "sam", "ux-design");
    const { request: req, intro } = await requestAndChoose(w, sam, "ux-design", vera);
    const first = unwrap(await acceptIntro(w.deps, { actor: vera, introId: intro.id }));
    unwrap(await cancelChat(w.deps, { actor: vera, chatId: first.chat.id })); // the request moves on to uma
    const next = (await snapshot(w)).intros.find((i) => i.volunteerId === uma.memberId && i.status === "pending");
    expect(next?.requestId).toBe(req.id);
    const second = unwrap(await acceptIntro(w.deps, { actor: uma, introId: next?.id ?? "" }));
    expect(second.chat.id).not.toBe(first.chat.id);
    const again = unwrap(await acceptIntro(w.deps, { actor: uma, introId: next?.id ?? "" }));
    expect(again.replay).toBe(true);
    expect(again.chat.id).toBe(second.chat.id);
    expect(again.chat.volunteerId).toBe(uma.memberId);
  });

  it("no common slot: the chat waits and both are asked to widen their availability", async () => {
    const w = world();
    const vera = await makeVolunteer(w, "vera", "ux-design");
    const sam = await makeSeeker(w, "sam", "ux-design", KOLKATA);
    const { intro } = await requestAndChoose(w, sam, "ux-design", vera);
    // The volunteer narrows her week to evenings after the intro went out: nothing overlaps Kolkata 09–17.
    unwrap(await setAvailability(w.deps, { actor: vera, windows: weekdays("18:00", "20:00") }));
    const r = unwrap(await acceptIntro(w.deps, { actor: vera, introId: intro.id }));
    expect(r.chat.proposedSlots).toEqual([]);
    expect(r.chat.status).toBe("proposing");
    const rows = (await nudges(w)).filter((n) => n.refId === r.chat.id);
    expect(summary(rows, w).map((n) => [n.kind, n.to])).toEqual([
      ["no_common_slot", "sam"],
      ["no_common_slot", "vera"],
    ]);
  });

  it("NOT_YOURS when someone else tries to accept", async () => {
    const w = world();
    const vera = await makeVolunteer(w, "vera", "ux-design");
    const uma = await makeVolunteer(w, "uma", "ux-design");
    const sam = await makeSeeker(w, "sam", "ux-design");
    const { intro } = await requestAndChoose(w, sam, "ux-design", vera);
    const before = await snapshot(w);
    expectFail(await acceptIntro(w.deps, { actor: uma, introId: intro.id }), "NOT_YOURS");
    expectFail(await acceptIntro(w.deps, { actor: sam, introId: intro.id }), "NOT_YOURS");
    expect(await snapshot(w)).toEqual(before);
  });

  it("NOT_FOUND for an unknown intro", async () => {
    const w = world();
    const vera = await makeVolunteer(w, "vera", "ux-design");
    expect(expectFail(await acceptIntro(w.deps, { actor: vera, introId: "intro_404" }), "NOT_FOUND")).toEqual({ introId: "intro_404" });
  });

  it("a yes at the deadline, before the expiry job ran, still counts", async () => {
    const w = world();
    const vera = await makeVolunteer(w, "vera", "ux-design");
    const sam = await makeSeeker(w, "sam", "ux-design");
    const { intro } = await requestAndChoose(w, sam, "ux-design", vera);
    w.clock.advance(72 * HOUR); // exactly at the deadline
    const r = unwrap(await acceptIntro(w.deps, { actor: vera, introId: intro.id }));
    expect(r).toMatchObject({ late: false, intro: { status: "accepted" }, chat: { status: "proposing" } });
  });

  it("a late yes after expiry revives the intro while the seeker waits unmatched", async () => {
    const w = world();
    const vera = await makeVolunteer(w, "vera", "ux-design");
    const sam = await makeSeeker(w, "sam", "ux-design");
    const { intro, request } = await requestAndChoose(w, sam, "ux-design", vera);
    w.clock.advance(73 * HOUR);
    await expireIntros(w.deps);
    expect((await getRequest(w, request.id))?.status).toBe("waitlisted");
    const r = unwrap(await acceptIntro(w.deps, { actor: vera, introId: intro.id }));
    expect(r).toMatchObject({ late: true, replay: false, intro: { status: "accepted" } });
    expect(r.chat.proposedSlots).toHaveLength(3);
    expect((await getRequest(w, request.id))?.status).toBe("scheduling");
    const again = unwrap(await acceptIntro(w.deps, { actor: vera, introId: intro.id }));
    expect(again).toMatchObject({ replay: true, chat: { id: r.chat.id } });
  });

  it("a late yes after the seeker moved on: ALREADY_MATCHED (another intro out) or REQUEST_CLOSED (withdrawn), changing nothing", async () => {
    const w = world();
    const vera = await makeVolunteer(w, "vera", "ux-design");
    await makeVolunteer(w, "uma", "ux-design");
    const sam = await makeSeeker(w, "sam", "ux-design");
    const { intro, request } = await requestAndChoose(w, sam, "ux-design", vera);
    w.clock.advance(73 * HOUR);
    await expireIntros(w.deps);
    expect((await getRequest(w, request.id))?.status).toBe("offered"); // on to uma
    const before = await snapshot(w);
    expect(expectFail(await acceptIntro(w.deps, { actor: vera, introId: intro.id }), "ALREADY_MATCHED")).toEqual({ seeker: "sam" });
    expect(await snapshot(w)).toEqual(before);
    unwrap(await cancelRequest(w.deps, { actor: sam, requestId: request.id }));
    expectFail(await acceptIntro(w.deps, { actor: vera, introId: intro.id }), "REQUEST_CLOSED");
  });

  it("ALREADY_DECLINED after a decline", async () => {
    const w = world();
    const vera = await makeVolunteer(w, "vera", "ux-design");
    const sam = await makeSeeker(w, "sam", "ux-design");
    const { intro } = await requestAndChoose(w, sam, "ux-design", vera);
    unwrap(await declineIntro(w.deps, { actor: vera, introId: intro.id }));
    expectFail(await acceptIntro(w.deps, { actor: vera, introId: intro.id }), "ALREADY_DECLINED");
    expect((await snapshot(w)).chats).toEqual([]);
  });

  it("CANCELLED when the seeker withdrew the request", async () => {
    const w = world();
    const vera = await makeVolunteer(w, "vera", "ux-design");
    const sam = await makeSeeker(w, "sam", "ux-design");
    const { request: req, intro } = await requestAndChoose(w, sam, "ux-design", vera);
    unwrap(await cancelRequest(w.deps, { actor: sam, requestId: req.id }));
    expectFail(await acceptIntro(w.deps, { actor: vera, introId: intro.id }), "CANCELLED");
    expect((await snapshot(w)).chats).toEqual([]);
  });
});
