import { describe, expect, it } from "vitest";
import { acceptIntro, cancelChat, pickSlot, setAvailability } from "../../../src/core/use-cases/index.js";
import {
  BERLIN,
  DAY,
  HOUR,
  MIN,
  configure,
  expectFail,
  getChat,
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

async function proposing(opts: { seekers?: string[] } = {}) {
  const w = world();
  const vera = await makeVolunteer(w, "vera", "ux-design", BERLIN, weekdays(), { link: "https://meet.example/vera", bio: "Design lead" });
  const out = [];
  for (const name of opts.seekers ?? ["sam"]) {
    const seeker = await makeSeeker(w, name, "ux-design");
    const { request, intro } = await requestAndChoose(w, seeker, "ux-design", vera, `${name}'s goals`);
    const { chat } = unwrap(await acceptIntro(w.deps, { actor: vera, introId: intro.id }));
    out.push({ seeker, request, intro, chat });
  }
  const first = out[0];
  if (!first) throw new Error("no seekers");
  return { w, vera, ...first, all: out };
}

describe("pickSlot", () => {
  it("books the slot and queues the confirmation, prep, reminders and check-in", async () => {
    const { w, vera, seeker: sam, request, chat } = await proposing();
    const wanted = chat.proposedSlots[1];
    if (!wanted) throw new Error("expected slots");
    const r = unwrap(await pickSlot(w.deps, { actor: sam, chatId: chat.id, choice: 2 }));
    expect(r.replay).toBe(false);
    expect(r.chat).toMatchObject({ status: "scheduled", slot: wanted });
    expect(await getChat(w, chat.id)).toEqual(r.chat);
    expect((await getRequest(w, request.id))?.status).toBe("scheduled");

    const start = wanted.start.getTime();
    const end = wanted.end.getTime();
    const rows = await nudges(w, { refId: chat.id, kinds: ["chat_scheduled", "prep", "chat_reminder", "check_in"] });
    expect(summary(rows, w)).toEqual(
      [
        { kind: "chat_scheduled", to: "sam+vera", dueAt: w.clock.now().toISOString() },
        { kind: "prep", to: "sam", dueAt: new Date(start - 24 * HOUR).toISOString() },
        { kind: "chat_reminder", to: "sam", dueAt: new Date(start - HOUR).toISOString() },
        { kind: "chat_reminder", to: "vera", dueAt: new Date(start - HOUR).toISOString() },
        { kind: "check_in", to: "sam", dueAt: new Date(end + HOUR).toISOString() },
        { kind: "check_in", to: "vera", dueAt: new Date(end + HOUR).toISOString() },
        { kind: "check_in", to: "sam", dueAt: new Date(end + HOUR + DAY).toISOString() },
        { kind: "check_in", to: "vera", dueAt: new Date(end + HOUR + DAY).toISOString() },
      ].sort((a, b) => a.dueAt.localeCompare(b.dueAt)),
    );
    const scheduled = rows.find((n) => n.kind === "chat_scheduled")?.notice;
    expect(scheduled).toMatchObject({
      kind: "chat_scheduled",
      slot: wanted,
      minutes: 30,
      format: "video",
      meetingLink: "https://meet.example/vera",
      goals: "sam's goals",
      seeker: { id: sam.memberId },
      volunteer: { id: vera.memberId },
    });
    expect(scheduled?.kind === "chat_scheduled" && scheduled.ics).toMatch(/BEGIN:VCALENDAR[\s\S]*BEGIN:VEVENT[\s\S]*END:VCALENDAR/);
    const prep = rows.find((n) => n.kind === "prep")?.notice;
    expect(prep).toMatchObject({ goals: "sam's goals", volunteer: { id: vera.memberId, bio: "Design lead", tags: ["ux-design"] } });
    expect(prep?.kind === "prep" && prep.questions.length).toBeGreaterThanOrEqual(3);
    expect(rows.find((n) => n.kind === "chat_reminder" && n.to[0] === sam.memberId)?.notice).toMatchObject({
      other: { id: vera.memberId },
      meetingLink: "https://meet.example/vera",
    });
  });

  it("either person may pick; picking the booked slot again is a replay, another slot is NOT_PROPOSING", async () => {
    const { w, vera, seeker: sam, chat } = await proposing();
    unwrap(await pickSlot(w.deps, { actor: vera, chatId: chat.id, choice: 1 }));
    const before = await snapshot(w);
    w.clock.advance(MIN);
    const again = unwrap(await pickSlot(w.deps, { actor: sam, chatId: chat.id, choice: 1 }));
    expect(again.replay).toBe(true);
    expect(again.chat.slot).toEqual(chat.proposedSlots[0]);
    expect(await snapshot(w)).toEqual(before);
    expect(expectFail(await pickSlot(w.deps, { actor: sam, chatId: chat.id, choice: 2 }), "NOT_PROPOSING")).toEqual({
      status: "scheduled",
    });
    expect(await snapshot(w)).toEqual(before);
  });

  it("SLOT_TAKEN when the volunteer booked that time meanwhile; fresh slots go to both", async () => {
    const { w, vera, seeker: sam, chat, all } = await proposing({ seekers: ["sam", "tom"] });
    const tomChat = all[1]?.chat;
    const tom = all[1]?.seeker;
    if (!tomChat || !tom) throw new Error("setup");
    expect(tomChat.proposedSlots[0]).toEqual(chat.proposedSlots[0]);
    unwrap(await pickSlot(w.deps, { actor: tom, chatId: tomChat.id, choice: 1 }));

    w.clock.advance(10 * MIN);
    const taken = chat.proposedSlots[0];
    const r = await pickSlot(w.deps, { actor: sam, chatId: chat.id, choice: 1 });
    expect(expectFail(r, "SLOT_TAKEN")).toEqual({ fresh: 3 });
    const now = await getChat(w, chat.id);
    expect(now?.status).toBe("proposing");
    expect(now?.proposedSlots).toHaveLength(3);
    for (const s of now?.proposedSlots ?? []) {
      expect(s.end.getTime() <= (taken?.start.getTime() ?? 0) || s.start.getTime() >= (taken?.end.getTime() ?? 0)).toBe(true);
    }
    const fresh = (await nudges(w, { refId: chat.id, kinds: ["slots_proposed"] })).filter(
      (n) => n.notice.kind === "slots_proposed" && n.notice.rescheduled,
    );
    expect(summary(fresh, w).map((n) => [n.to, n.dueAt])).toEqual([
      ["sam", w.clock.now().toISOString()],
      ["vera", w.clock.now().toISOString()],
    ]);
    for (const n of fresh) expect(n.notice).toMatchObject({ slots: now?.proposedSlots, rescheduled: true });

    // The fresh slots can be picked as usual.
    const picked = unwrap(await pickSlot(w.deps, { actor: vera, chatId: chat.id, choice: 2 }));
    expect(picked.chat).toMatchObject({ status: "scheduled", slot: now?.proposedSlots[1] });
    expect(await nudges(w, { refId: chat.id, kinds: ["chat_scheduled"] })).toHaveLength(1);
  });

  it('SLOT_PASSED (not "taken") when the slot has started already', async () => {
    const { w, seeker: sam, chat } = await proposing();
    w.clock.set(new Date((chat.proposedSlots[0]?.start.getTime() ?? 0) + MIN));
    expect(expectFail(await pickSlot(w.deps, { actor: sam, chatId: chat.id, choice: 1 }), "SLOT_PASSED")).toEqual({ fresh: 3 });
    const fresh = await getChat(w, chat.id);
    expect(fresh?.proposedSlots.every((s) => s.start.getTime() >= w.clock.now().getTime() + DAY)).toBe(true);
  });

  it("SLOT_TAKEN when a person's availability no longer covers it", async () => {
    const { w, seeker: sam, chat } = await proposing();
    unwrap(await setAvailability(w.deps, { actor: sam, windows: weekdays("13:00", "17:00") }));
    const wanted = chat.proposedSlots[0];
    expect(wanted?.start.toISOString()).toBe("2026-11-24T08:00:00.000Z"); // 09:00 in Berlin
    expectFail(await pickSlot(w.deps, { actor: sam, chatId: chat.id, choice: 1 }), "SLOT_TAKEN");
  });

  it("BAD_CHOICE outside 1..3", async () => {
    const { w, seeker: sam, chat } = await proposing();
    const before = await snapshot(w);
    expect(expectFail(await pickSlot(w.deps, { actor: sam, chatId: chat.id, choice: 4 }), "BAD_CHOICE")).toEqual({ choices: 3 });
    expectFail(await pickSlot(w.deps, { actor: sam, chatId: chat.id, choice: 0 }), "BAD_CHOICE");
    expect(await snapshot(w)).toEqual(before);
  });

  it("NOT_FOUND, NOT_YOURS, NOT_PROPOSING for a cancelled chat", async () => {
    const { w, vera, seeker: sam, chat, all } = await proposing({ seekers: ["sam", "tom"] });
    const tom = all[1]?.seeker;
    if (!tom) throw new Error("setup");
    expectFail(await pickSlot(w.deps, { actor: sam, chatId: "chat_404", choice: 1 }), "NOT_FOUND");
    expectFail(await pickSlot(w.deps, { actor: tom, chatId: chat.id, choice: 1 }), "NOT_YOURS");
    unwrap(await cancelChat(w.deps, { actor: vera, chatId: chat.id }));
    expect(expectFail(await pickSlot(w.deps, { actor: sam, chatId: chat.id, choice: 1 }), "NOT_PROPOSING")).toEqual({
      status: "cancelled",
    });
  });

  it("a chat booked at short notice gets no prep or reminder in the past", async () => {
    const w = world();
    await configure(w, { minLeadHours: 0, prepHoursBefore: 24 });
    const vera = await makeVolunteer(w, "vera", "ux-design");
    const sam = await makeSeeker(w, "sam", "ux-design");
    const { intro } = await requestAndChoose(w, sam, "ux-design", vera);
    const { chat } = unwrap(await acceptIntro(w.deps, { actor: vera, introId: intro.id }));
    const first = chat.proposedSlots[0];
    expect(first && first.start.getTime() - w.clock.now().getTime()).toBeLessThan(24 * HOUR);
    unwrap(await pickSlot(w.deps, { actor: sam, chatId: chat.id, choice: 1 }));
    const kinds = (await nudges(w, { refId: chat.id })).map((n) => n.kind);
    expect(kinds).not.toContain("prep");
    expect(kinds).toContain("check_in");
  });

  it("toggled-off nudges are not queued", async () => {
    const w = world();
    await configure(w, { nudges: { prep: false, chatReminder: false, checkIn: false } });
    const vera = await makeVolunteer(w, "vera", "ux-design");
    const sam = await makeSeeker(w, "sam", "ux-design");
    const { intro } = await requestAndChoose(w, sam, "ux-design", vera);
    const { chat } = unwrap(await acceptIntro(w.deps, { actor: vera, introId: intro.id }));
    unwrap(await pickSlot(w.deps, { actor: sam, chatId: chat.id, choice: 1 }));
    expect((await nudges(w, { refId: chat.id })).map((n) => n.kind)).toEqual(["slots_proposed", "slots_proposed", "chat_scheduled"]);
  });
});
