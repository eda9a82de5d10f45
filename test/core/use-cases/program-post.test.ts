import { describe, expect, it } from "vitest";
import { defaultSettings, type ProgramPost } from "../../../src/core/domain/index.js";
import type { ChannelPostOutcome, ProgramChannel } from "../../../src/core/ports/index.js";
import {
  adminProgramPost,
  composeProgramPost,
  duePostMoment,
  lastPostMoment,
  nextPostMoment,
  offerTopic,
  postDueProgramPost,
  postPeriod,
} from "../../../src/core/use-cases/index.js";
import { chat as chatRow, member as memberRow, request as requestRow, volunteer as volunteerRow } from "../../store/fixtures.js";
import { configure, DAY, HOUR, unwrap, WEEK, world, type World } from "./helpers.js";

/** Friday 27 November 2026, 15:00 UTC: a posting moment with the default settings. */
const FRIDAY = new Date("2026-11-27T15:00:00Z");
const settings = (over: Partial<ReturnType<typeof defaultSettings>> = {}) => defaultSettings({ programChannelId: "general", ...over });

/** A program channel that records posts, answering `answer` (posted by default). */
class Channel implements ProgramChannel {
  readonly posts: ProgramPost[] = [];
  answer: () => ChannelPostOutcome = () => ({ ok: true, messageId: `m${this.posts.length}` });
  async postFrontDoor(): Promise<ChannelPostOutcome> {
    return { ok: true, messageId: "door" };
  }
  async updateFrontDoor() {
    return { ok: true as const };
  }
  async pin() {
    return { ok: true as const };
  }
  async postProgramPost(_channelId: string, post: ProgramPost): Promise<ChannelPostOutcome> {
    // Another caller may run meanwhile, as it would while a real platform answers.
    await new Promise((r) => setImmediate(r));
    const a = this.answer();
    if (a.ok) this.posts.push(post);
    return a;
  }
}

async function postingWorld(over: Parameters<typeof configure>[1] = {}): Promise<{ w: World; channel: Channel }> {
  const w = world({ start: FRIDAY });
  const channel = new Channel();
  w.deps.programChannel = channel;
  await configure(w, { programChannelId: "general", ...over });
  return { w, channel };
}

/** Members by name, active and reachable, saying yes to being celebrated when `yes` holds their name. */
async function people(w: World, names: string[], yes: string[], over: Record<string, Partial<Parameters<typeof memberRow>[2]>> = {}) {
  await w.store.tx(async (tx) => {
    for (const n of names)
      await tx.saveMember(
        memberRow(w.communityId, `${w.communityId}:${n}`, {
          displayName: n,
          status: "active",
          forgotten: false,
          pausedUntil: undefined,
          blocked: [],
          celebrate: yes.includes(n),
          ...(over[n] ?? {}),
        }),
      );
  });
}

/** A chat between two members that happened at `at`. */
async function met(w: World, id: string, a: string, b: string, at: Date) {
  await w.store.tx((tx) =>
    tx.saveChat(
      chatRow(w.communityId, id, {
        seekerId: `${w.communityId}:${a}`,
        volunteerId: `${w.communityId}:${b}`,
        status: "happened",
        slot: { start: at, end: new Date(at.getTime() + 30 * 60_000) },
        outcomeAt: new Date(at.getTime() + HOUR),
        reports: [{ by: `${w.communityId}:${a}`, outcome: "happened", at: new Date(at.getTime() + HOUR) }],
      }),
    ),
  );
}

async function compose(w: World, at = FRIDAY): Promise<ProgramPost> {
  return w.store.tx(async (tx) => {
    const c = await tx.getCommunity(w.communityId);
    if (!c) throw new Error("no community");
    const { since, until } = postPeriod(c.settings, at);
    return composeProgramPost(tx, c, since, until);
  });
}

describe("when the program post goes out", () => {
  it("is 15:00 local on the Friday on both sides of the autumn clock change in Berlin", () => {
    const s = settings({ defaultTimeZone: "Europe/Berlin" });
    // CEST (UTC+2) before 25 October 2026, CET (UTC+1) after.
    expect(nextPostMoment(s, new Date("2026-10-20T00:00:00Z"))?.toISOString()).toBe("2026-10-23T13:00:00.000Z");
    expect(nextPostMoment(s, new Date("2026-10-24T00:00:00Z"))?.toISOString()).toBe("2026-10-30T14:00:00.000Z");
    expect(lastPostMoment(s, new Date("2026-10-30T14:30:00Z"))?.toISOString()).toBe("2026-10-30T14:00:00.000Z");
    expect(lastPostMoment(s, new Date("2026-10-30T13:59:00Z"))?.toISOString()).toBe("2026-10-23T13:00:00.000Z");
  });

  it("covers the week since the last post exactly across a clock change: no hour left out, none counted twice", () => {
    const s = settings({ defaultTimeZone: "Europe/Berlin" });
    const before = new Date("2026-10-23T13:00:00Z");
    const after = new Date("2026-10-30T14:00:00Z");
    expect(postPeriod(s, after).since.toISOString()).toBe(before.toISOString());
    // Spring: 27 March 2026 CET, 3 April CEST.
    expect(postPeriod(s, new Date("2026-04-03T13:00:00Z")).since.toISOString()).toBe("2026-03-27T14:00:00.000Z");
  });

  it("every 2 weeks falls on the same Fridays whenever it is asked, 14 days apart", () => {
    const s = settings({ programPostEveryWeeks: 2 });
    const first = nextPostMoment(s, new Date("2026-11-23T08:00:00Z"));
    if (!first) throw new Error("no post scheduled");
    expect(first.getUTCDay()).toBe(5);
    expect(first.getUTCHours()).toBe(15);
    // Asked any day of the fortnight before it, the answer is the same Friday.
    for (let d = 1; d < 14; d++) expect(nextPostMoment(s, new Date(first.getTime() - d * DAY))?.getTime()).toBe(first.getTime());
    const next = nextPostMoment(s, first);
    expect((next?.getTime() ?? 0) - first.getTime()).toBe(14 * DAY);
    expect(lastPostMoment(s, new Date(first.getTime() + 13 * DAY))?.getTime()).toBe(first.getTime());
    expect(postPeriod(s, next ?? first).since.getTime()).toBe(first.getTime());
  });

  it("is due for 24 hours after its moment; a post missed by longer is skipped, not posted late", async () => {
    const s = settings();
    expect(duePostMoment(s, new Date(FRIDAY.getTime() - 1))).toBeNull();
    expect(duePostMoment(s, FRIDAY)?.toISOString()).toBe(FRIDAY.toISOString());
    expect(duePostMoment(s, new Date(FRIDAY.getTime() + 23 * HOUR))?.toISOString()).toBe(FRIDAY.toISOString());
    expect(duePostMoment(s, new Date(FRIDAY.getTime() + 25 * HOUR))).toBeNull();

    const { w, channel } = await postingWorld();
    w.clock.set(new Date(FRIDAY.getTime() + 25 * HOUR));
    expect(await postDueProgramPost(w.deps, w.communityId)).toBe("not_due");
    expect(channel.posts).toHaveLength(0);
    w.clock.set(new Date(FRIDAY.getTime() + WEEK));
    expect(await postDueProgramPost(w.deps, w.communityId)).toBe("posted");
  });

  it("is off without a program channel", () => {
    expect(duePostMoment(defaultSettings({}), FRIDAY)).toBeNull();
    expect(nextPostMoment(defaultSettings({}), FRIDAY)).toBeNull();
  });
});

describe("what the program post says", () => {
  it("names a chat only when both said yes, and counts the rest without names", async () => {
    const { w } = await postingWorld();
    await people(w, ["ana", "ben", "cy", "dee"], ["ana", "ben", "cy"]);
    await met(w, "c1", "ana", "ben", new Date(FRIDAY.getTime() - 2 * DAY));
    await met(w, "c2", "cy", "dee", new Date(FRIDAY.getTime() - DAY));
    // Before the week and after the post: neither counts.
    await met(w, "c3", "ana", "cy", new Date(FRIDAY.getTime() - 8 * DAY));
    await met(w, "c4", "ben", "cy", new Date(FRIDAY.getTime() + HOUR));
    const p = await compose(w);
    expect(p.chatsHappened).toBe(2);
    expect(p.celebrated).toEqual([["ana", "ben"]]);
    expect(p.unnamed).toBe(1);
    expect(JSON.stringify(p)).not.toContain("dee");
  });

  it("never names a member who was forgotten or opted out, even after saying yes", async () => {
    const { w } = await postingWorld();
    await people(w, ["ana", "ben", "cy", "dee"], ["ana", "ben", "cy", "dee"], {
      ben: { forgotten: true },
      dee: { status: "opted_out" },
    });
    await met(w, "c1", "ana", "ben", new Date(FRIDAY.getTime() - 2 * DAY));
    await met(w, "c2", "cy", "dee", new Date(FRIDAY.getTime() - DAY));
    const p = await compose(w);
    expect(p.celebrated).toEqual([]);
    expect(p.unnamed).toBe(2);
    expect(p.chatsHappened).toBe(2);
  });

  it("names a peer group only when all three said yes", async () => {
    const { w } = await postingWorld();
    await people(w, ["ana", "ben", "cy", "dee", "ed"], ["ana", "ben", "cy", "dee"]);
    const at = new Date(FRIDAY.getTime() - 3 * DAY);
    const group = (id: string, ids: string[]) => ({
      id,
      communityId: w.communityId,
      roundId: "r1",
      memberIds: ids.map((n) => `${w.communityId}:${n}`),
      score: 1,
      proposedSlots: [],
      slot: null,
      reports: [{ by: `${w.communityId}:${ids[0]}`, outcome: "met" as const, at }],
      status: "met" as const,
      createdAt: new Date(at.getTime() - WEEK),
      updatedAt: at,
    });
    await w.store.tx((tx) => tx.savePeerGroups([group("g1", ["ana", "ben", "cy"]), group("g2", ["dee", "ed"])]));
    const p = await compose(w);
    expect(p.peersMet).toBe(2);
    expect(p.celebrated).toEqual([["ana", "ben", "cy"]]);
    expect(p.unnamed).toBe(1);
  });

  it("names at most 10 chats, newest first, and counts the others", async () => {
    const { w } = await postingWorld();
    const names = Array.from({ length: 24 }, (_, i) => `m${String(i).padStart(2, "0")}`);
    await people(w, names, names);
    for (let i = 0; i < 12; i++)
      await met(w, `c${i}`, names[2 * i] ?? "", names[2 * i + 1] ?? "", new Date(FRIDAY.getTime() - (i + 1) * HOUR));
    const p = await compose(w);
    expect(p.chatsHappened).toBe(12);
    expect(p.celebrated).toHaveLength(10);
    expect(p.celebrated[0]).toEqual(["m00", "m01"]);
    expect(p.unnamed).toBe(2);
  });

  it("lists at most three topics short of volunteers, most waiting first, with counts and no seekers", async () => {
    const { w } = await postingWorld();
    await people(w, ["s1", "s2", "s3", "s4", "s5", "vic"], []);
    const asked = (id: string, seeker: string, tags: string[]) =>
      requestRow(w.communityId, id, {
        seekerId: `${w.communityId}:${seeker}`,
        tags,
        status: "waitlisted",
        tried: [],
        suggestions: [],
        referredBy: undefined,
        goals: `secret goals of ${seeker}`,
        createdAt: new Date(FRIDAY.getTime() - DAY),
        updatedAt: new Date(FRIDAY.getTime() - DAY),
      });
    await w.store.tx(async (tx) => {
      await tx.saveRequest(asked("r1", "s1", ["rust"]));
      await tx.saveRequest(asked("r2", "s2", ["rust"]));
      await tx.saveRequest(asked("r3", "s3", ["go"]));
      await tx.saveRequest(asked("r4", "s4", ["elixir"]));
      await tx.saveRequest(asked("r5", "s5", ["zig"]));
    });
    const p = await compose(w);
    expect(p.shortTopics).toEqual([
      { tag: "rust", waiting: 2 },
      { tag: "elixir", waiting: 1 },
      { tag: "go", waiting: 1 },
    ]);
    expect(JSON.stringify(p)).not.toContain("s1");
    expect(JSON.stringify(p)).not.toContain("secret goals");
  });
});

describe("posting the due post", () => {
  it("posts once when two schedulers look at the same moment at the same time", async () => {
    const { w, channel } = await postingWorld();
    const outcomes = await Promise.all([postDueProgramPost(w.deps, w.communityId), postDueProgramPost(w.deps, w.communityId)]);
    expect(outcomes.sort()).toEqual(["done", "posted"]);
    expect(channel.posts).toHaveLength(1);
    expect(await postDueProgramPost(w.deps, w.communityId)).toBe("done");
    expect(channel.posts).toHaveLength(1);
  });

  it("gives the moment back when the platform refuses, so the next look posts it", async () => {
    const { w, channel } = await postingWorld();
    channel.answer = () => ({ ok: false, error: "not_in_channel" });
    expect(await postDueProgramPost(w.deps, w.communityId)).toBe("failed");
    expect(channel.posts).toHaveLength(0);
    channel.answer = () => ({ ok: true, messageId: "m1" });
    w.clock.advance(15 * 60_000);
    expect(await postDueProgramPost(w.deps, w.communityId)).toBe("posted");
    expect(await postDueProgramPost(w.deps, w.communityId)).toBe("done");
    expect(channel.posts).toHaveLength(1);
  });
});

describe("admin post", () => {
  it("previews the cadence's weeks before anything went out, then only what came since the last post; a refusal is shown until a post goes out", async () => {
    const { w, channel } = await postingWorld();
    const admin = { ...w.actor("ada"), platformAdmin: true };
    await people(w, ["ana", "ben", "cy", "dee"], ["ana", "ben", "cy", "dee"]);
    await met(w, "c1", "ana", "ben", new Date(FRIDAY.getTime() - 2 * DAY));
    w.clock.set(new Date(FRIDAY.getTime() + 2 * HOUR));
    // Nothing was posted on Friday yet: the preview covers the week up to now.
    const before = unwrap(await adminProgramPost(w.deps, { actor: admin }));
    expect(before.post.celebrated).toEqual([["ana", "ben"]]);
    expect(before.posted).toBe(false);

    // The scheduled post is refused once: the admin sees why; then it goes out.
    channel.answer = () => ({ ok: false, error: "not_in_channel" });
    expect(await postDueProgramPost(w.deps, w.communityId)).toBe("failed");
    expect(unwrap(await adminProgramPost(w.deps, { actor: admin })).lastFailure).toMatchObject({
      error: "not_in_channel",
      channelId: "general",
    });
    channel.answer = () => ({ ok: true, messageId: "m1" });
    expect(await postDueProgramPost(w.deps, w.communityId)).toBe("posted");

    // After the post, the preview holds only what came since: ana & ben are not named twice.
    await met(w, "c2", "cy", "dee", new Date(FRIDAY.getTime() + HOUR));
    const after = unwrap(await adminProgramPost(w.deps, { actor: admin }));
    expect(after.post.celebrated).toEqual([["cy", "dee"]]);
    expect(after.lastFailure).toBeNull();
    expect(channel.posts).toHaveLength(1);
  });
});

describe("I can help with this", () => {
  it("makes a newcomer a volunteer, adds a topic, knows a topic they have, and brings back one who stopped", async () => {
    const { w } = await postingWorld({ tagAliases: { k8s: "kubernetes" } });
    const vic = w.actor("vic", "Europe/Berlin");
    const first = unwrap(await offerTopic(w.deps, { actor: vic, tag: "rust" }));
    expect(first.did).toBe("new");
    expect(first.tag).toBe("rust");
    const added = unwrap(await offerTopic(w.deps, { actor: vic, tag: "k8s" }));
    expect(added.did).toBe("added");
    expect(added.tag).toBe("kubernetes");
    expect(added.profile.expertise).toEqual(["rust", "kubernetes"]);
    const had = unwrap(await offerTopic(w.deps, { actor: vic, tag: "k8s" }));
    expect(had.did).toBe("had");
    expect(had.tag).toBe("kubernetes");

    const stopped = w.actor("sto", "Europe/Berlin");
    await w.store.tx((tx) =>
      tx.saveVolunteer(volunteerRow(w.communityId, stopped.memberId, { expertise: ["python"], active: false, capacityPerMonth: 2 })),
    );
    const back = unwrap(await offerTopic(w.deps, { actor: stopped, tag: "Rust" }));
    expect(back.did).toBe("back");
    expect(back.tag).toBe("rust");
    expect(back.profile.active).toBe(true);
    expect(back.profile.expertise).toEqual(["python", "rust"]);
    expect(back.profile.capacityPerMonth).toBe(2);
  });
});
