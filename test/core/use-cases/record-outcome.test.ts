import { describe, expect, it } from "vitest";
import { acceptIntro, cancelChat, matchQueue, pickSlot, recordOutcome, setAvailability } from "../../../src/core/use-cases/index.js";
import {
  DAY,
  configure,
  HOUR,
  MIN,
  expectFail,
  getChat,
  getRequest,
  listIntros,
  makeSeeker,
  makeVolunteer,
  nudges,
  pending,
  requestAndChoose,
  scheduledPair,
  snapshot,
  summary,
  unwrap,
  weekdays,
  world,
} from "./helpers.js";

describe("recordOutcome", () => {
  it("happened: closes the chat and queues thank-you, referral ask and keep-in-touch", async () => {
    const w = world();
    const { seeker: sam, volunteer: vera, request, chat } = await scheduledPair(w, { goals: "how to build a portfolio." });
    const slot = chat.slot;
    if (!slot) throw new Error("no slot");
    w.clock.set(new Date(slot.start.getTime() - MIN));
    await w.tick(); // prep and reminders go out; the check-ins wait for after the chat
    expect(w.messenger.of("prep", sam.memberId)).toHaveLength(1);
    expect(w.messenger.of("chat_reminder")).toHaveLength(2);
    expectFail(await recordOutcome(w.deps, { actor: sam, chatId: chat.id, outcome: "happened" }), "TOO_EARLY");

    w.clock.set(new Date(slot.end.getTime() + 10 * MIN));
    const at = w.clock.now().getTime();
    const r = unwrap(await recordOutcome(w.deps, { actor: sam, chatId: chat.id, outcome: "happened" }));
    expect(r.replay).toBe(false);
    expect(r.chat).toMatchObject({ status: "happened", outcomeAt: new Date(at) });
    expect((await getRequest(w, request.id))?.status).toBe("completed");
    expect((await nudges(w, { refId: chat.id, kinds: ["check_in"] })).map((n) => n.status)).toEqual([
      "cancelled",
      "cancelled",
      "cancelled",
      "cancelled",
    ]);
    expect(summary(await pending(w, { refId: chat.id }), w)).toEqual([
      { kind: "outcome_recorded", to: "vera", dueAt: new Date(at).toISOString() },
      { kind: "referral_ask", to: "vera", dueAt: new Date(at).toISOString() },
      { kind: "thank_you", to: "sam", dueAt: new Date(at + 2 * HOUR).toISOString() },
      { kind: "keep_in_touch", to: "sam", dueAt: new Date(at + 30 * DAY).toISOString() },
    ]);
    const rows = await pending(w, { refId: chat.id });
    expect(rows.find((n) => n.kind === "outcome_recorded")?.notice).toMatchObject({ by: { id: sam.memberId }, outcome: "happened" });
    expect(rows.find((n) => n.kind === "referral_ask")?.notice).toMatchObject({ seeker: { id: sam.memberId }, tags: ["ux-design"] });
    const thanks = rows.find((n) => n.kind === "thank_you")?.notice;
    expect(thanks).toMatchObject({ volunteer: { id: vera.memberId } });
    expect(thanks?.kind === "thank_you" && thanks.draft).toContain("vera");
    expect(thanks?.kind === "thank_you" && thanks.draft).toContain("about how to build a portfolio.".replace(/\.$/, ""));
  });

  it("each person answers once; repeating an answer changes nothing", async () => {
    const w = world();
    const { seeker: sam, volunteer: vera, chat } = await scheduledPair(w);
    w.clock.set(new Date((chat.slot?.end.getTime() ?? 0) + HOUR));
    unwrap(await recordOutcome(w.deps, { actor: vera, chatId: chat.id, outcome: "happened" }));
    const agreed = unwrap(await recordOutcome(w.deps, { actor: sam, chatId: chat.id, outcome: "happened" }));
    expect(agreed.replay).toBe(false);
    expect(agreed.chat.status).toBe("happened");
    expect(agreed.chat.reports.map((r) => [r.by, r.outcome])).toEqual([
      [vera.memberId, "happened"],
      [sam.memberId, "happened"],
    ]);
    const before = await snapshot(w);
    for (const actor of [vera, sam]) {
      const again = unwrap(await recordOutcome(w.deps, { actor, chatId: chat.id, outcome: "happened" }));
      expect(again.replay).toBe(true);
    }
    expect(await snapshot(w)).toEqual(before);
  });

  it("ALREADY_RECORDED: a person's own first answer stands", async () => {
    const w = world();
    const { seeker: sam, volunteer: vera, chat } = await scheduledPair(w);
    w.clock.set(new Date((chat.slot?.end.getTime() ?? 0) + HOUR));
    unwrap(await recordOutcome(w.deps, { actor: vera, chatId: chat.id, outcome: "happened" }));
    expect(expectFail(await recordOutcome(w.deps, { actor: vera, chatId: chat.id, outcome: "no_show" }), "ALREADY_RECORDED")).toEqual({
      outcome: "happened",
    });
    expectFail(await recordOutcome(w.deps, { actor: sam, chatId: chat.id, outcome: "rescheduled" }), "ALREADY_RECORDED");
    expect((await getChat(w, chat.id))?.status).toBe("happened");
  });

  it("no_show closes the chat without the after-chat follow-up and sends the request back to the queue", async () => {
    const w = world();
    const { seeker: sam, volunteer: vera, request, chat } = await scheduledPair(w);
    w.clock.set(new Date((chat.slot?.end.getTime() ?? 0) + HOUR));
    const r = unwrap(await recordOutcome(w.deps, { actor: vera, chatId: chat.id, outcome: "no_show" }));
    expect(r).toMatchObject({ requeued: true, role: "volunteer", other: { id: sam.memberId } });
    expect((await getRequest(w, request.id))?.status).toBe("waitlisted");
    const written = (await pending(w, { refId: chat.id })).filter((n) => n.createdAt.getTime() === w.clock.now().getTime());
    expect(written.map((n) => [n.kind, n.to[0]])).toEqual([["no_show_reported", sam.memberId]]);
    expect(await nudges(w, { kinds: ["thank_you", "referral_ask", "keep_in_touch"] })).toEqual([]);
  });

  it("no after-chat follow-up when the community turned it off", async () => {
    const w = world();
    const { seeker: sam, chat } = await scheduledPair(w);
    await configure(w, { nudges: { thankYou: false, referralAsk: false, keepInTouch: false } });
    w.clock.set(new Date((chat.slot?.end.getTime() ?? 0) + HOUR));
    unwrap(await recordOutcome(w.deps, { actor: sam, chatId: chat.id, outcome: "happened" }));
    expect(await nudges(w, { kinds: ["thank_you", "referral_ask", "keep_in_touch"] })).toEqual([]);
  });

  describe("rescheduled", () => {
    it("withdraws the old prep, reminders and check-ins, and proposes fresh slots to both", async () => {
      const w = world();
      const { seeker: sam, request, chat } = await scheduledPair(w);
      const oldSlot = chat.slot;
      expect(await pending(w, { refId: chat.id, kinds: ["prep", "chat_reminder", "check_in"] })).toHaveLength(7);
      w.clock.advance(HOUR);
      await w.tick(); // the confirmation and the first slots went out (and the prep, due 24 h before 09:00 Tuesday)
      expect(await pending(w, { refId: chat.id, kinds: ["prep", "chat_reminder", "check_in"] })).toHaveLength(6);

      const r = unwrap(await recordOutcome(w.deps, { actor: sam, chatId: chat.id, outcome: "rescheduled" }));
      expect(r.replay).toBe(false);
      expect(r.chat).toMatchObject({ status: "proposing", slot: null, reschedules: 1 });
      expect(r.chat.proposedSlots).toHaveLength(3);
      expect(r.chat.proposedSlots.some((s) => s.start.getTime() === oldSlot?.start.getTime())).toBe(false);
      expect((await getRequest(w, request.id))?.status).toBe("scheduling");
      const after = await nudges(w, { refId: chat.id, kinds: ["prep", "chat_reminder", "check_in"] });
      expect(after.map((n) => n.status)).toEqual(["sent", "cancelled", "cancelled", "cancelled", "cancelled", "cancelled", "cancelled"]);
      const fresh = (await pending(w, { refId: chat.id, kinds: ["slots_proposed"] })).filter(
        (n) => n.notice.kind === "slots_proposed" && n.notice.rescheduled,
      );
      expect(summary(fresh, w).map((n) => [n.to, n.dueAt])).toEqual([
        ["sam", w.clock.now().toISOString()],
        ["vera", w.clock.now().toISOString()],
      ]);
      for (const n of fresh) {
        expect(n.key).toMatch(/:r1$/);
        expect(n.notice).toMatchObject({ slots: r.chat.proposedSlots, rescheduled: true });
      }

      // Asking again while new slots are out is a replay.
      const before = await snapshot(w);
      const again = unwrap(await recordOutcome(w.deps, { actor: sam, chatId: chat.id, outcome: "rescheduled" }));
      expect(again.replay).toBe(true);
      expect(await snapshot(w)).toEqual(before);

      // Picking again queues a new confirmation and a new round of timed nudges.
      const picked = unwrap(await pickSlot(w.deps, { actor: sam, chatId: chat.id, choice: 1 }));
      const round = await pending(w, { refId: chat.id, kinds: ["chat_scheduled", "prep", "chat_reminder", "check_in"] });
      expect(round.map((n) => n.kind).sort()).toEqual([
        "chat_reminder",
        "chat_reminder",
        "chat_scheduled",
        "check_in",
        "check_in",
        "check_in",
        "check_in",
        "prep",
      ]);
      expect(round.every((n) => /:r1(:again)?$/.test(n.key))).toBe(true);
      const prep = round.find((n) => n.kind === "prep");
      expect(prep?.dueAt.getTime()).toBe((picked.chat.slot?.start.getTime() ?? 0) - 24 * HOUR);
    });

    it("with no common time left, both are asked to widen their availability", async () => {
      const w = world();
      const { seeker: sam, volunteer: vera, chat } = await scheduledPair(w);
      unwrap(await setAvailability(w.deps, { actor: vera, windows: weekdays("09:00", "10:00", [6]) }));
      unwrap(await setAvailability(w.deps, { actor: sam, windows: weekdays("09:00", "10:00", [7]) }));
      const r = unwrap(await recordOutcome(w.deps, { actor: vera, chatId: chat.id, outcome: "rescheduled" }));
      expect(r.chat.proposedSlots).toEqual([]);
      expect((await pending(w, { refId: chat.id, kinds: ["no_common_slot"] })).map((n) => n.to[0])).toEqual([sam.memberId, vera.memberId]);
    });
  });

  it("reschedule withdraws a confirmation and proposals still waiting in the outbox", async () => {
    const w = world();
    const { volunteer, chat } = await scheduledPair(w);
    expect((await pending(w, { kinds: ["chat_scheduled"] })).length).toBe(1);
    unwrap(await recordOutcome(w.deps, { actor: volunteer, chatId: chat.id, outcome: "rescheduled" }));
    expect((await pending(w, { kinds: ["chat_scheduled"] })).length).toBe(0);
    const proposals = await pending(w, { kinds: ["slots_proposed"] });
    expect(proposals.length).toBe(2);
    expect(proposals.every((n) => n.notice.kind === "slots_proposed" && n.notice.rescheduled)).toBe(true);
  });

  it("NOT_SCHEDULED while slots are still proposed or after a cancel", async () => {
    const w = world();
    const vera = await makeVolunteer(w, "vera", "ux-design");
    const sam = await makeSeeker(w, "sam", "ux-design");
    const { intro } = await requestAndChoose(w, sam, "ux-design", vera);
    const { chat } = unwrap(await acceptIntro(w.deps, { actor: vera, introId: intro.id }));
    expect(expectFail(await recordOutcome(w.deps, { actor: sam, chatId: chat.id, outcome: "happened" }), "NOT_SCHEDULED")).toEqual({
      status: "proposing",
    });
    expectFail(await recordOutcome(w.deps, { actor: sam, chatId: chat.id, outcome: "no_show" }), "NOT_SCHEDULED");
    unwrap(await cancelChat(w.deps, { actor: sam, chatId: chat.id }));
    expectFail(await recordOutcome(w.deps, { actor: sam, chatId: chat.id, outcome: "rescheduled" }), "NOT_SCHEDULED");
  });

  it("NOT_FOUND and NOT_YOURS", async () => {
    const w = world();
    const { seeker: sam, chat } = await scheduledPair(w);
    const eve = await makeSeeker(w, "eve", "ux-design");
    expectFail(await recordOutcome(w.deps, { actor: sam, chatId: "chat_404", outcome: "happened" }), "NOT_FOUND");
    w.clock.set(new Date((chat.slot?.end.getTime() ?? 0) + HOUR));
    const before = await snapshot(w);
    expectFail(await recordOutcome(w.deps, { actor: eve, chatId: chat.id, outcome: "happened" }), "NOT_YOURS");
    expect(await snapshot(w)).toEqual(before);
  });
});

describe("recordOutcome: the two answers", () => {
  const pastTheChat = (w: ReturnType<typeof world>, chat: { slot: { end: Date } | null }) =>
    w.clock.set(new Date((chat.slot?.end.getTime() ?? 0) + HOUR));

  it("the volunteer says no-show, the queue moves on, then the seeker says it happened: disputed, the new intro withdrawn, the request done", async () => {
    const w = world();
    const { seeker: sam, volunteer: vera, request, chat } = await scheduledPair(w);
    await makeVolunteer(w, "uma", "ux-design");
    pastTheChat(w, chat);
    unwrap(await recordOutcome(w.deps, { actor: vera, chatId: chat.id, outcome: "no_show" }));
    await matchQueue(w.deps, { communityId: w.communityId });
    expect(await getRequest(w, request.id)).toMatchObject({ status: "offered" });
    await w.tick(); // uma's intro reaches her
    const r = unwrap(await recordOutcome(w.deps, { actor: sam, chatId: chat.id, outcome: "happened" }));
    expect(r).toMatchObject({ role: "seeker", requeued: false, chat: { status: "disputed" } });
    expect(await getRequest(w, request.id)).toMatchObject({ status: "completed" });
    const intros = await listIntros(w);
    expect(intros.map((i) => [i.volunteerId.split(":").pop(), i.status])).toEqual([
      ["vera", "accepted"],
      ["uma", "cancelled"],
    ]);
    const written = summary(await pending(w), w).map((n) => [n.kind, n.to]);
    expect(written).toEqual([
      ["intro_withdrawn", "uma"],
      ["outcome_disputed", "vera"],
    ]);
  });

  it("the seeker says it happened, the volunteer says it didn't: disputed, the seeker's follow-up stays", async () => {
    const w = world();
    const { seeker: sam, volunteer: vera, request, chat } = await scheduledPair(w);
    pastTheChat(w, chat);
    unwrap(await recordOutcome(w.deps, { actor: sam, chatId: chat.id, outcome: "happened" }));
    const r = unwrap(await recordOutcome(w.deps, { actor: vera, chatId: chat.id, outcome: "no_show" }));
    expect(r.chat.status).toBe("disputed");
    expect(await getRequest(w, request.id)).toMatchObject({ status: "completed" });
    expect((await pending(w, { kinds: ["thank_you", "keep_in_touch"] })).map((n) => n.kind).sort()).toEqual(["keep_in_touch", "thank_you"]);
    expect((await pending(w, { kinds: ["outcome_disputed"] }))[0]?.notice).toMatchObject({
      by: { id: vera.memberId },
      said: "no_show",
      reader: "seeker",
      requeued: false,
    });
  });

  it("the volunteer says it happened, the seeker says it didn't: disputed, the seeker back in the queue, the thank-you withdrawn", async () => {
    const w = world();
    const { seeker: sam, volunteer: vera, request, chat } = await scheduledPair(w);
    pastTheChat(w, chat);
    unwrap(await recordOutcome(w.deps, { actor: vera, chatId: chat.id, outcome: "happened" }));
    const r = unwrap(await recordOutcome(w.deps, { actor: sam, chatId: chat.id, outcome: "no_show" }));
    expect(r).toMatchObject({ requeued: true, chat: { status: "disputed" } });
    expect(await getRequest(w, request.id)).toMatchObject({ status: "waitlisted" });
    expect(await pending(w, { kinds: ["thank_you", "keep_in_touch"] })).toEqual([]);
  });

  it("both say it didn't happen: no-show, one requeue, nothing disputed", async () => {
    const w = world();
    const { seeker: sam, volunteer: vera, request, chat } = await scheduledPair(w);
    pastTheChat(w, chat);
    unwrap(await recordOutcome(w.deps, { actor: sam, chatId: chat.id, outcome: "no_show" }));
    const r = unwrap(await recordOutcome(w.deps, { actor: vera, chatId: chat.id, outcome: "no_show" }));
    expect(r).toMatchObject({ requeued: true, chat: { status: "no_show" } });
    expect(r.chat.reports).toHaveLength(2);
    expect(await getRequest(w, request.id)).toMatchObject({ status: "waitlisted" });
    expect(await pending(w, { kinds: ["outcome_disputed"] })).toEqual([]);
  });

  it("MOVED_ON: no rescheduling a no-show once the seeker has a chat with someone else", async () => {
    const w = world();
    const { seeker: sam, volunteer: vera, chat } = await scheduledPair(w);
    const uma = await makeVolunteer(w, "uma", "ux-design");
    pastTheChat(w, chat);
    unwrap(await recordOutcome(w.deps, { actor: sam, chatId: chat.id, outcome: "no_show" }));
    await matchQueue(w.deps, { communityId: w.communityId });
    const offered = (await listIntros(w)).find((i) => i.volunteerId === uma.memberId && i.status === "pending");
    if (!offered) throw new Error("no intro to uma");
    unwrap(await acceptIntro(w.deps, { actor: uma, introId: offered.id }));
    const before = await snapshot(w);
    expect(expectFail(await recordOutcome(w.deps, { actor: vera, chatId: chat.id, outcome: "rescheduled" }), "MOVED_ON")).toEqual({
      other: "sam",
    });
    expect(await snapshot(w)).toEqual(before);
  });
});
