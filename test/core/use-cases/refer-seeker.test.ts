import { describe, expect, it } from "vitest";
import { blockMember, chooseVolunteer, leave, pause, referSeeker } from "../../../src/core/use-cases/index.js";
import {
  DAY,
  KOLKATA,
  NEW_YORK,
  expectFail,
  happened,
  makeSeeker,
  makeVolunteer,
  nudges,
  pending,
  scheduledPair,
  snapshot,
  summary,
  unwrap,
  weekdays,
  world,
} from "./helpers.js";

async function afterChat() {
  const w = world();
  const { seeker: sam, volunteer: vera, request, chat } = await scheduledPair(w, { goals: "breaking into research" });
  const rhea = await makeVolunteer(w, "rhea", "user-research", KOLKATA);
  await happened(w, chat, vera);
  await w.tick();
  return { w, sam, vera, rhea, request, chat };
}

describe("referSeeker", () => {
  it("creates a new request with the referred volunteer as the suggestion, and tells the seeker", async () => {
    const { w, sam, vera, rhea, request, chat } = await afterChat();
    const r = unwrap(await referSeeker(w.deps, { actor: vera, chatId: chat.id, targetId: rhea.memberId }));
    expect(r.replay).toBe(false);
    // Shared tags are not required for a referral: the referred field joins the original topics.
    expect(r.request).toMatchObject({
      seekerId: sam.memberId,
      status: "open",
      referredBy: vera.memberId,
      tags: [...request.tags, "user-research"],
      goals: "breaking into research",
      tried: [],
    });
    expect(r.request.id).not.toBe(request.id);
    expect(r.request.suggestions.map((s) => s.volunteerId)).toEqual([rhea.memberId]);
    // Only the real overlap counts as shared: sam asked about ux-design, rhea offers user-research.
    expect(r.request.suggestions[0]?.reasons.sharedTags).toEqual([]);

    const told = await pending(w, { refId: r.request.id });
    expect(summary(told, w)).toEqual([{ kind: "referral_suggested", to: "sam", dueAt: w.clock.now().toISOString() }]);
    expect(told[0]?.notice).toMatchObject({
      requestId: r.request.id,
      referrer: { id: vera.memberId, name: "vera" },
      volunteer: { id: rhea.memberId, name: "rhea", timeZone: KOLKATA },
    });

    // The seeker sends the intro in one step; the volunteer sees who referred them.
    const chosen = unwrap(await chooseVolunteer(w.deps, { actor: sam, requestId: r.request.id, volunteerId: rhea.memberId }));
    const offered = await pending(w, { refId: chosen.intro.id, kinds: ["intro_offered"] });
    expect(offered[0]?.notice).toMatchObject({ referredBy: "vera" });
  });

  it("referring the same person twice returns the same request", async () => {
    const { w, vera, rhea, chat } = await afterChat();
    const first = unwrap(await referSeeker(w.deps, { actor: vera, chatId: chat.id, targetId: rhea.memberId }));
    const before = await snapshot(w);
    const again = unwrap(await referSeeker(w.deps, { actor: vera, chatId: chat.id, targetId: rhea.memberId }));
    expect(again.replay).toBe(true);
    expect(again.request.id).toBe(first.request.id);
    expect(await snapshot(w)).toEqual(before);
  });

  it("NOT_HAPPENED before the chat took place", async () => {
    const w = world();
    const { volunteer: vera, chat } = await scheduledPair(w);
    const rhea = await makeVolunteer(w, "rhea", "user-research");
    expect(expectFail(await referSeeker(w.deps, { actor: vera, chatId: chat.id, targetId: rhea.memberId }), "NOT_HAPPENED")).toEqual({
      status: "scheduled",
    });
  });

  it("NOT_YOURS: only the chat's volunteer refers", async () => {
    const { w, sam, rhea, chat } = await afterChat();
    expectFail(await referSeeker(w.deps, { actor: sam, chatId: chat.id, targetId: rhea.memberId }), "NOT_YOURS");
    expectFail(await referSeeker(w.deps, { actor: rhea, chatId: chat.id, targetId: rhea.memberId }), "NOT_YOURS");
  });

  it("NOT_FOUND, SAME_PERSON, NOT_A_VOLUNTEER", async () => {
    const { w, sam, vera, chat } = await afterChat();
    const tom = await makeSeeker(w, "tom", "ux-design");
    expectFail(await referSeeker(w.deps, { actor: vera, chatId: "chat_404", targetId: tom.memberId }), "NOT_FOUND");
    expectFail(await referSeeker(w.deps, { actor: vera, chatId: chat.id, targetId: sam.memberId }), "SAME_PERSON");
    expectFail(await referSeeker(w.deps, { actor: vera, chatId: chat.id, targetId: vera.memberId }), "SAME_PERSON");
    expect(expectFail(await referSeeker(w.deps, { actor: vera, chatId: chat.id, targetId: tom.memberId }), "NOT_A_VOLUNTEER")).toEqual({
      targetId: tom.memberId,
    });
    expectFail(await referSeeker(w.deps, { actor: vera, chatId: chat.id, targetId: "test:c1:ghost" }), "NOT_A_VOLUNTEER");
    expect(await nudges(w, { kinds: ["referral_suggested"] })).toEqual([]);
  });

  it("TARGET_UNAVAILABLE when the target is paused, blocked, or shares no time", async () => {
    const { w, sam, vera, rhea, chat } = await afterChat();
    const refer = (targetId: string) => referSeeker(w.deps, { actor: vera, chatId: chat.id, targetId });

    unwrap(await pause(w.deps, { actor: rhea, until: new Date(w.clock.now().getTime() + 7 * DAY) }));
    expect(expectFail(await refer(rhea.memberId), "TARGET_UNAVAILABLE")).toEqual({ why: "unavailable" });

    const bo = await makeVolunteer(w, "bo", "user-research");
    unwrap(await blockMember(w.deps, { actor: sam, targetId: bo.memberId }));
    expect(expectFail(await refer(bo.memberId), "TARGET_UNAVAILABLE")).toEqual({ why: "excluded" });

    // Sam is in Berlin 09–17; New York evenings never overlap.
    const nat = await makeVolunteer(w, "nat", "user-research", NEW_YORK, weekdays("18:00", "21:00"));
    expect(expectFail(await refer(nat.memberId), "TARGET_UNAVAILABLE")).toEqual({ why: "no_shared_time" });

    const cap = await makeVolunteer(w, "cap", "user-research", undefined, undefined, { capacity: 0 });
    expect(expectFail(await refer(cap.memberId), "TARGET_UNAVAILABLE")).toEqual({ why: "at_capacity" });
    expect(await nudges(w, { kinds: ["referral_suggested"] })).toEqual([]);
  });

  it("a seeker who left gets no notice", async () => {
    const { w, sam, vera, rhea, chat } = await afterChat();
    unwrap(await leave(w.deps, { actor: sam }));
    unwrap(await referSeeker(w.deps, { actor: vera, chatId: chat.id, targetId: rhea.memberId }));
    expect(await nudges(w, { kinds: ["referral_suggested"] })).toEqual([]);
  });
});
