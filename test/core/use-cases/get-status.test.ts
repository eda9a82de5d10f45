import { describe, expect, it } from "vitest";
import { acceptIntro, getStatus } from "../../../src/core/use-cases/index.js";
import {
  DAY,
  HOUR,
  happened,
  makeSeeker,
  makeVolunteer,
  request,
  requestAndChoose,
  scheduledPair,
  snapshot,
  unwrap,
  world,
} from "./helpers.js";
import { countingStore } from "../../support/counting-store.js";
import { blockMember } from "../../../src/core/use-cases/index.js";

describe("getStatus", () => {
  it("a new member: created, with nothing going on", async () => {
    const w = world();
    const s = unwrap(await getStatus(w.deps, { actor: w.actor("newbie") }));
    expect(s).toMatchObject({ seeker: null, volunteer: null, requests: [], introsToAnswer: [], chats: [], recent: [], people: {} });
    expect(s.member).toMatchObject({ id: w.actor("newbie").memberId, status: "active" });
  });

  it("shows requests with the suggested people, intros to answer and open chats", async () => {
    const w = world();
    const vera = await makeVolunteer(w, "vera", "ux-design");
    const uma = await makeVolunteer(w, "uma", "ux-design");
    const sam = await makeSeeker(w, "sam", "ux-design");
    const tom = await makeSeeker(w, "tom", "ux-design");
    const samReq = await request(w, sam, "ux-design");
    const { intro } = await requestAndChoose(w, tom, "ux-design", vera);

    const seeing = unwrap(await getStatus(w.deps, { actor: sam }));
    expect(seeing.seeker?.interests).toEqual(["ux-design"]);
    expect(seeing.requests.map((r) => r.id)).toEqual([samReq.request.id]);
    expect(Object.keys(seeing.people).sort()).toEqual([uma.memberId, vera.memberId].sort());
    expect(seeing.people[vera.memberId]).toEqual({ id: vera.memberId, name: "vera", timeZone: "Europe/Berlin" });

    const volunteering = unwrap(await getStatus(w.deps, { actor: vera }));
    expect(volunteering.volunteer?.expertise).toEqual(["ux-design"]);
    expect(volunteering.introsToAnswer.map((i) => [i.id, i.seeker.name])).toEqual([[intro.id, "tom"]]);

    const { chat } = unwrap(await acceptIntro(w.deps, { actor: vera, introId: intro.id }));
    const afterAccept = unwrap(await getStatus(w.deps, { actor: vera }));
    expect(afterAccept.introsToAnswer).toEqual([]);
    expect(afterAccept.chats.map((c) => [c.id, c.role, c.other.name, c.status])).toEqual([[chat.id, "volunteer", "tom", "proposing"]]);
    const tomView = unwrap(await getStatus(w.deps, { actor: tom }));
    expect(tomView.chats.map((c) => [c.role, c.other.name])).toEqual([["seeker", "vera"]]);
  });

  it("hides intros past their deadline", async () => {
    const w = world();
    const vera = await makeVolunteer(w, "vera", "ux-design");
    const sam = await makeSeeker(w, "sam", "ux-design");
    await requestAndChoose(w, sam, "ux-design", vera);
    w.clock.advance(72 * HOUR);
    expect(unwrap(await getStatus(w.deps, { actor: vera })).introsToAnswer).toEqual([]);
  });

  it("recent holds chats that happened in the last 30 days", async () => {
    const w = world();
    const { seeker: sam, chat } = await scheduledPair(w);
    await happened(w, chat, sam);
    const s = unwrap(await getStatus(w.deps, { actor: sam }));
    expect(s.chats).toEqual([]);
    expect(s.requests).toEqual([]);
    expect(s.recent.map((c) => [c.id, c.role])).toEqual([[chat.id, "seeker"]]);
    w.clock.advance(31 * DAY);
    expect(unwrap(await getStatus(w.deps, { actor: sam })).recent).toEqual([]);
  });

  it("reads without writing for a known member", async () => {
    const w = world();
    const { seeker: sam } = await scheduledPair(w);
    const before = await snapshot(w);
    unwrap(await getStatus(w.deps, { actor: sam }));
    expect(await snapshot(w)).toEqual(before);
  });

  it("reads a handful of times however many people its answer names", async () => {
    // Status is half of what members type: its cost must not grow with suggestions, intros or chats.
    const reads = async (people: number) => {
      const counted = countingStore(new (await import("../../../src/store/memory-store.js")).MemoryStore());
      const w = world({ store: counted.store });
      const vols = [];
      for (let i = 0; i < people; i++) vols.push(await makeVolunteer(w, `vera${i}`, "ux-design"));
      const sam = await makeSeeker(w, "sam", "ux-design");
      await request(w, sam, "ux-design");
      for (let i = 0; i < people; i++)
        await requestAndChoose(w, await makeSeeker(w, `tom${i}`, "ux-design"), "ux-design", vols[0] ?? "auto");
      for (let i = 1; i < people; i++) unwrap(await blockMember(w.deps, { actor: sam, targetId: vols[i]?.memberId ?? "" }));
      counted.reset();
      const asSeeker = unwrap(await getStatus(w.deps, { actor: sam }));
      const seekerReads = counted.calls();
      counted.reset();
      const asVolunteer = unwrap(await getStatus(w.deps, { actor: vols[0] ?? sam }));
      return {
        seekerReads,
        volunteerReads: counted.calls(),
        suggestions: Object.keys(asSeeker.people).length,
        intros: asVolunteer.introsToAnswer.length,
      };
    };
    const few = await reads(1);
    const more = await reads(4);
    expect(more.suggestions).toBeGreaterThan(few.suggestions);
    expect(more.intros).toBe(4);
    expect(more.seekerReads).toBe(few.seekerReads);
    expect(more.volunteerReads).toBe(few.volunteerReads);
    expect(more.seekerReads).toBeLessThanOrEqual(11);
  });
});
