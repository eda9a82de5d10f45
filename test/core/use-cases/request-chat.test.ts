import { describe, expect, it } from "vitest";
import { cancelRequest, leave, recordOutcome, requestChat } from "../../../src/core/use-cases/index.js";
import {
  BERLIN,
  DAY,
  KOLKATA,
  NEW_YORK,
  WEEK,
  configure,
  expectFail,
  happened,
  makeSeeker,
  makeVolunteer,
  nudges,
  request,
  scheduledPair,
  snapshot,
  unwrap,
  weekdays,
  world,
} from "./helpers.js";

describe("requestChat", () => {
  it("ranks volunteers who share tags and free time, with the reasons", async () => {
    const w = world();
    const vera = await makeVolunteer(w, "vera", "ux-design, user-research", BERLIN, weekdays(), { bio: "Design lead" });
    await makeVolunteer(w, "uma", "ux-design", KOLKATA);
    await makeVolunteer(w, "pete", "product-management", BERLIN);
    const sam = await makeSeeker(w, "sam", "ux-design");

    const r = unwrap(await requestChat(w.deps, { actor: sam, tags: "UX Design, User Research", goals: "  how to move into research  " }));
    expect(r.replay).toBe(false);
    expect(r.request).toMatchObject({
      seekerId: sam.memberId,
      tags: ["ux-design", "user-research"],
      goals: "how to move into research",
      status: "open",
      tried: [],
    });
    expect(r.suggestions.map((s) => s.volunteer.id)).toEqual([vera.memberId, w.actor("uma").memberId]);
    const first = r.suggestions[0];
    expect(first?.volunteer).toMatchObject({ name: "vera", timeZone: BERLIN, bio: "Design lead", tags: ["ux-design", "user-research"] });
    expect(first?.reasons.sharedTags).toEqual(expect.arrayContaining(["ux-design", "user-research"]));
    expect(first?.reasons.sharedFreeHours).toBeGreaterThan(0);
    expect(first?.reasons.load).toBe(0);
    // Kolkata 09–17 overlaps Berlin 09–17 only in the morning: fewer shared hours.
    expect(r.suggestions[1]?.reasons.sharedFreeHours).toBeLessThan(first?.reasons.sharedFreeHours ?? 0);
    // Volunteers on other topics are never looked at (the tag index finds only those sharing one).
    expect(r.notSuggested).toEqual({});
    expect(r.request.suggestions.map((s) => s.volunteerId)).toEqual(r.suggestions.map((s) => s.volunteer.id));
  });

  it("shows at most suggestionsShown volunteers", async () => {
    const w = world();
    await configure(w, { suggestionsShown: 2 });
    for (const n of ["a1", "a2", "a3", "a4"]) await makeVolunteer(w, n, "data-science");
    const sam = await makeSeeker(w, "sam", "data-science");
    const r = await request(w, sam, "ds");
    expect(r.request.tags).toEqual(["data-science"]);
    expect(r.suggestions).toHaveLength(2);
  });

  it("waitlists the request with no suggestions when no volunteer matches", async () => {
    const w = world();
    await makeVolunteer(w, "pete", "product-management");
    // Shares the tag but never the time: New York 09–17 and Kolkata 09–17 do not overlap.
    await makeVolunteer(w, "nina", "quantum-computing", NEW_YORK);
    const kai = await makeSeeker(w, "kai", "quantum-computing", KOLKATA);
    const r = await request(w, kai, "quantum computing, astronomy");
    expect(r.request.status).toBe("waitlisted");
    expect(r.suggestions).toEqual([]);
    expect(r.request.suggestions).toEqual([]);
    expect(r.notSuggested).toEqual({ no_shared_time: 1 });
    expect(await nudges(w)).toEqual([]);
  });

  it("never suggests the seeker to themselves", async () => {
    const w = world();
    const vera = await makeVolunteer(w, "vera", "ux-design");
    const r = await request(w, vera, "ux-design");
    expect(r.suggestions).toEqual([]);
    expect(r.notSuggested).toEqual({ self: 1 });
    expect(r.request.status).toBe("waitlisted");
  });

  it("asking the same thing again returns the open request (replay) and writes nothing", async () => {
    const w = world();
    await makeVolunteer(w, "vera", "ux-design");
    const sam = await makeSeeker(w, "sam", "ux-design");
    const first = await request(w, sam, "ux-design", "portfolio review");
    const before = await snapshot(w);
    const again = unwrap(await requestChat(w.deps, { actor: sam, tags: "UX design", goals: "portfolio review " }));
    expect(again.replay).toBe(true);
    expect(again.request.id).toBe(first.request.id);
    expect(again.suggestions).toEqual(first.suggestions);
    expect(await snapshot(w)).toEqual(before);
  });

  it("OPEN_REQUEST_LIMIT: one open request per seeker by default", async () => {
    const w = world();
    await makeVolunteer(w, "vera", "ux-design, product-management");
    const sam = await makeSeeker(w, "sam", "ux-design");
    const first = await request(w, sam, "ux-design", "portfolio");
    const r = await requestChat(w.deps, { actor: sam, tags: "product-management", goals: "roadmaps" });
    expect(expectFail(r, "OPEN_REQUEST_LIMIT")).toEqual({ limit: 1, openRequestId: first.request.id });
  });

  it("OPEN_REQUEST_LIMIT follows the community's maxOpenRequestsPerSeeker", async () => {
    const w = world();
    await configure(w, { maxOpenRequestsPerSeeker: 2 });
    await makeVolunteer(w, "vera", "ux-design, product-management, data-science");
    const sam = await makeSeeker(w, "sam", "ux-design");
    await request(w, sam, "ux-design", "portfolio");
    await request(w, sam, "product-management", "roadmaps");
    expectFail(await requestChat(w.deps, { actor: sam, tags: "data-science", goals: "models" }), "OPEN_REQUEST_LIMIT");
  });

  it("a waitlisted request counts as open", async () => {
    const w = world();
    const sam = await makeSeeker(w, "sam", "ux-design");
    expect((await request(w, sam, "astronomy", "stars")).request.status).toBe("waitlisted");
    expectFail(await requestChat(w.deps, { actor: sam, tags: "ux-design", goals: "portfolio" }), "OPEN_REQUEST_LIMIT");
  });

  it("NO_TAGS, NOT_A_TOPIC, GOALS_REQUIRED, TEXT_TOO_LONG", async () => {
    const w = world();
    const sam = await makeSeeker(w, "sam", "ux-design");
    expectFail(await requestChat(w.deps, { actor: sam, tags: " , , ", goals: "x" }), "NO_TAGS");
    // A piece with no letters or numbers is refused by name, never dropped.
    expect(expectFail(await requestChat(w.deps, { actor: sam, tags: " , !!, ", goals: "x" }), "NOT_A_TOPIC")).toEqual({ given: "!!" });
    expectFail(await requestChat(w.deps, { actor: sam, tags: [], goals: "x" }), "NO_TAGS");
    expectFail(await requestChat(w.deps, { actor: sam, tags: "ux-design", goals: "   " }), "GOALS_REQUIRED");
    expect(expectFail(await requestChat(w.deps, { actor: sam, tags: "ux-design", goals: "x".repeat(1001) }), "TEXT_TOO_LONG")).toEqual({
      max: 1000,
    });
    unwrap(await requestChat(w.deps, { actor: sam, tags: "ux-design", goals: "x".repeat(1000) }));
    expect((await snapshot(w)).requests).toHaveLength(1);
  });

  it("PROGRAM_PAUSED when an admin paused the program", async () => {
    const w = world();
    const sam = await makeSeeker(w, "sam", "ux-design");
    await configure(w, { programPaused: true });
    expectFail(await requestChat(w.deps, { actor: sam, tags: "ux-design", goals: "x" }), "PROGRAM_PAUSED");
  });

  it("NOT_ACTIVE for a member who left", async () => {
    const w = world();
    const sam = await makeSeeker(w, "sam", "ux-design");
    unwrap(await leave(w.deps, { actor: sam }));
    expect(expectFail(await requestChat(w.deps, { actor: sam, tags: "ux-design", goals: "x" }), "NOT_ACTIVE")).toEqual({
      status: "opted_out",
    });
  });

  it("uses the community's tag aliases", async () => {
    const w = world();
    await configure(w, { tagAliases: { rust: "rust-lang" } });
    await makeVolunteer(w, "vera", "rust-lang");
    const sam = await makeSeeker(w, "sam", "rust");
    const r = await request(w, sam, "Rust");
    expect(r.request.tags).toEqual(["rust-lang"]);
    expect(r.suggestions).toHaveLength(1);
  });

  it("a volunteer at capacity is not suggested", async () => {
    const w = world();
    await scheduledPair(w, { volunteer: "vera", seeker: "sam", capacity: 1 });
    const tom = await makeSeeker(w, "tom", "ux-design");
    const r = await request(w, tom, "ux-design");
    expect(r.suggestions).toEqual([]);
    expect(r.notSuggested).toEqual({ at_capacity: 1 });
  });

  describe("repeat window", () => {
    it("a pair that met is not suggested again within 12 weeks, and is after", async () => {
      const w = world();
      const { seeker, volunteer, chat } = await scheduledPair(w);
      await happened(w, chat, seeker);
      const slotStart = chat.slot?.start.getTime() ?? 0;
      const askAt = async (ms: number) => {
        w.clock.set(new Date(ms));
        const r = await request(w, seeker, "ux-design", `asked at ${ms}`);
        unwrap(await cancelRequest(w.deps, { actor: seeker, requestId: r.request.id }));
        return r;
      };

      const within = await askAt(slotStart + 11 * WEEK);
      expect(within.suggestions).toEqual([]);
      expect(within.request.status).toBe("waitlisted");
      expect(within.notSuggested).toEqual({ excluded: 1 });
      // Exactly 12 weeks after the chat is still inside the window.
      expect((await askAt(slotStart + 12 * WEEK)).suggestions).toEqual([]);
      const after = await askAt(slotStart + 12 * WEEK + DAY);
      expect(after.suggestions.map((s) => s.volunteer.id)).toEqual([volunteer.memberId]);
    });

    it("honours a shorter repeatWindowWeeks", async () => {
      const w = world();
      await configure(w, { repeatWindowWeeks: 2 });
      const { seeker, volunteer, chat } = await scheduledPair(w);
      await happened(w, chat, seeker);
      w.clock.set(new Date((chat.slot?.start.getTime() ?? 0) + 2 * WEEK + DAY));
      const r = await request(w, seeker, "ux-design", "again");
      expect(r.suggestions.map((s) => s.volunteer.id)).toEqual([volunteer.memberId]);
    });

    it("a pair with a chat still being set up is not suggested", async () => {
      const w = world();
      const { seeker, chat } = await scheduledPair(w);
      unwrap(await recordOutcome(w.deps, { actor: seeker, chatId: chat.id, outcome: "rescheduled" }));
      await configure(w, { maxOpenRequestsPerSeeker: 2 });
      const r = await request(w, seeker, "ux-design", "another topic");
      expect(r.suggestions).toEqual([]);
      expect(r.notSuggested).toEqual({ excluded: 1 });
    });
  });
});
