import { describe, expect, it } from "vitest";
import { acceptIntro, giveFeedback, pickSlot, recordOutcome } from "../../../src/core/use-cases/index.js";
import {
  HOUR,
  expectFail,
  happened,
  makeSeeker,
  makeVolunteer,
  requestAndChoose,
  scheduledPair,
  snapshot,
  unwrap,
  world,
} from "./helpers.js";

describe("giveFeedback", () => {
  it("records a private 1–5 rating about the other person", async () => {
    const w = world();
    const { seeker: sam, volunteer: vera, chat } = await scheduledPair(w);
    await happened(w, chat, sam);
    const outbox = (await snapshot(w)).nudges;
    const f = unwrap(await giveFeedback(w.deps, { actor: sam, chatId: chat.id, rating: 5, note: "  generous with time  " }));
    expect(f).toMatchObject({
      chatId: chat.id,
      fromId: sam.memberId,
      aboutId: vera.memberId,
      rating: 5,
      note: "generous with time",
      createdAt: w.clock.now(),
    });
    const back = unwrap(await giveFeedback(w.deps, { actor: vera, chatId: chat.id, rating: 4 }));
    expect(back).toMatchObject({ fromId: vera.memberId, aboutId: sam.memberId, note: "" });
    expect((await snapshot(w)).feedback).toHaveLength(2);
    // Nobody is told: feedback is private.
    expect((await snapshot(w)).nudges).toEqual(outbox);
  });

  it("giving it again replaces the earlier one", async () => {
    const w = world();
    const { seeker: sam, chat } = await scheduledPair(w);
    await happened(w, chat, sam);
    const first = unwrap(await giveFeedback(w.deps, { actor: sam, chatId: chat.id, rating: 2 }));
    w.clock.advance(HOUR);
    const second = unwrap(await giveFeedback(w.deps, { actor: sam, chatId: chat.id, rating: 4, note: "on reflection, useful" }));
    expect(second.id).toBe(first.id);
    expect(second.createdAt).toEqual(first.createdAt);
    const rows = (await snapshot(w)).feedback;
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ rating: 4, note: "on reflection, useful" });
    const before = await snapshot(w);
    unwrap(await giveFeedback(w.deps, { actor: sam, chatId: chat.id, rating: 4, note: "on reflection, useful" }));
    expect(await snapshot(w)).toEqual(before);
  });

  it("is allowed after a no-show", async () => {
    const w = world();
    const { seeker: sam, chat } = await scheduledPair(w);
    w.clock.set(new Date((chat.slot?.end.getTime() ?? 0) + HOUR));
    unwrap(await recordOutcome(w.deps, { actor: sam, chatId: chat.id, outcome: "no_show" }));
    expect(unwrap(await giveFeedback(w.deps, { actor: sam, chatId: chat.id, rating: 1 })).rating).toBe(1);
  });

  it("BAD_RATING outside 1–5 or not a whole number", async () => {
    const w = world();
    const { seeker: sam, chat } = await scheduledPair(w);
    await happened(w, chat, sam);
    for (const rating of [0, 6, -1, 2.5, Number.NaN, Number.POSITIVE_INFINITY]) {
      expect(expectFail(await giveFeedback(w.deps, { actor: sam, chatId: chat.id, rating }), "BAD_RATING")).toEqual({ min: 1, max: 5 });
    }
    for (const rating of [1, 5]) unwrap(await giveFeedback(w.deps, { actor: sam, chatId: chat.id, rating }));
  });

  it("TEXT_TOO_LONG for a note over 2000 characters", async () => {
    const w = world();
    const { seeker: sam, chat } = await scheduledPair(w);
    await happened(w, chat, sam);
    expectFail(await giveFeedback(w.deps, { actor: sam, chatId: chat.id, rating: 3, note: "x".repeat(2001) }), "TEXT_TOO_LONG");
    unwrap(await giveFeedback(w.deps, { actor: sam, chatId: chat.id, rating: 3, note: "x".repeat(2000) }));
  });

  it("TOO_EARLY before the chat happened", async () => {
    const w = world();
    const vera = await makeVolunteer(w, "vera", "ux-design");
    const sam = await makeSeeker(w, "sam", "ux-design");
    const { intro } = await requestAndChoose(w, sam, "ux-design", vera);
    const { chat } = unwrap(await acceptIntro(w.deps, { actor: vera, introId: intro.id }));
    expect(expectFail(await giveFeedback(w.deps, { actor: sam, chatId: chat.id, rating: 5 }), "TOO_EARLY")).toEqual({
      status: "proposing",
    });
    const { chat: booked } = unwrap(await pickSlot(w.deps, { actor: sam, chatId: chat.id, choice: 1 }));
    w.clock.set(booked.slot?.end ?? w.clock.now());
    expect(expectFail(await giveFeedback(w.deps, { actor: vera, chatId: chat.id, rating: 5 }), "TOO_EARLY")).toEqual({
      status: "scheduled",
    });
    expect((await snapshot(w)).feedback).toEqual([]);
  });

  it("NOT_FOUND and NOT_YOURS", async () => {
    const w = world();
    const { seeker: sam, chat } = await scheduledPair(w);
    const eve = await makeSeeker(w, "eve", "ux-design");
    await happened(w, chat, sam);
    expectFail(await giveFeedback(w.deps, { actor: sam, chatId: "chat_404", rating: 5 }), "NOT_FOUND");
    expectFail(await giveFeedback(w.deps, { actor: eve, chatId: chat.id, rating: 1 }), "NOT_YOURS");
    expect((await snapshot(w)).feedback).toEqual([]);
  });
});
