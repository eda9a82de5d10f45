import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { dispatch } from "../../src/core/commands/index.js";
import { messageBlocks, SLACK_LIMITS } from "../../src/slack/blocks.js";
import { blockProblems, mrkdwnTexts } from "../fakes/slack/block-kit.js";
import { textValue } from "../fakes/slack/payloads.js";
import type { FakeUser } from "../fakes/slack/web-api.js";
import { startHarness, type Harness } from "./harness.js";

let h: Harness;
beforeAll(async () => {
  h = await startHarness({ mode: "http" });
});
afterAll(() => h.stop());

const actorOf = (u: FakeUser) => ({
  communityId: `slack:${u.team}`,
  memberId: `slack:${u.team}:${u.id}`,
  displayName: u.name,
  timeZone: u.tz,
});
const ok = <T extends { kind: string }>(r: T): T => {
  if ("result" in r && !(r.result as { ok: boolean }).ok) throw new Error(`${r.kind} failed: ${JSON.stringify(r.result)}`);
  return r;
};

describe("user input cannot make messages undeliverable (finding 3)", () => {
  it("a 4,000-character --link is refused at once, naming the field and the limit, and nothing is saved", async () => {
    const vera = h.user("T1", "U0VERA", "vera", "Europe/Berlin");
    await h.slash(vera, `volunteer ux research --link https://zoom.us/j/${"9".repeat(4_000)}`);
    const answer = String(h.lastResponse().text);
    expect(answer).toContain("Your link is 4,018 characters long — please keep it to 500 characters or fewer. Nothing was saved.");
    expect(answer.length).toBeLessThan(400);
    expect(await h.store.tx((tx) => tx.getVolunteer("slack:T1", "slack:T1:U0VERA"))).toBeNull();
  });

  it("a form field over its limit keeps the form open with the reason under that field", async () => {
    const u = h.user("T1", "U0FORM", "fran", "UTC");
    const r = await h.submit(u, "percolate_volunteer", { tags: textValue("ux research"), bio: textValue("b".repeat(1_500)) });
    const body = JSON.parse(r.body) as { response_action?: string; errors?: Record<string, string> };
    expect(body.response_action).toBe("errors");
    expect(body.errors?.bio).toBe("Your bio is 1,500 characters long — please keep it to 1,000 characters or fewer. Nothing was saved.");
    expect(await h.store.tx((tx) => tx.getVolunteer("slack:T1", "slack:T1:U0FORM"))).toBeNull();
  });

  it("each 10,000-character command gets one short, deliverable answer", async () => {
    const u = h.user("T1", "U0LONG", "long", "UTC");
    const huge = "a".repeat(10_000);
    const inputs = [
      huge,
      `request ux -- ${huge}`,
      `volunteer ${huge}`,
      `volunteer ux --bio ${huge}`,
      `decline ${huge}`,
      `pause ${huge}`,
      `choose ${huge}`,
      `feedback 5 ${huge}`,
      `admin settings chatMinutes ${huge}`,
      `profile ux -- ${"<!channel> ".repeat(1_000)}`,
    ];
    for (const input of inputs) {
      const before = h.fake.responses.length;
      await h.slash(u, input);
      expect(h.fake.responses.length, input.slice(0, 30)).toBe(before + 1);
      const body = h.lastResponse();
      expect(String(body.text).length, input.slice(0, 30)).toBeLessThan(600);
      expect(blockProblems(body.blocks), input.slice(0, 30)).toEqual([]);
    }
    expect(h.fake.state.rejected).toEqual([]);
  });

  it("a long text renders in at most 50 blocks with unique ids, cut visibly, never into one-character pieces", () => {
    const oneLine = `${"word ".repeat(1_000)}${"x".repeat(190_000)}`;
    const actions = Array.from({ length: 60 }, (_, i) => ({
      label: `Option ${i} ${"y".repeat(100)}`,
      command: { kind: "accept" as const, introId: `intro_${i}` },
    }));
    const blocks = messageBlocks(oneLine, actions, ["a context line"]);
    expect(blockProblems(blocks)).toEqual([]);
    expect(blocks.length).toBeLessThanOrEqual(SLACK_LIMITS.messageBlocks);
    const sections = mrkdwnTexts(blocks.filter((b) => b.type === "section"));
    for (const s of sections.slice(0, -1)) expect(s.length).toBeGreaterThanOrEqual(SLACK_LIMITS.sectionText / 2);
    expect(sections.at(-1)?.endsWith("…")).toBe(true);
    const ids = blocks.map((b) => b.block_id).filter(Boolean);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it("a booking whose stored meeting link is 4,000 characters is still delivered to both, with the link cut visibly", async () => {
    const vera = h.user("T1", "U0VERA2", "vera", "Europe/Berlin");
    const sam = h.user("T1", "U0SAM2", "sam", "Europe/Berlin");
    const d = h.deps;
    // A profile saved before links were limited: the core accepts it, so rendering must cope.
    ok(
      await dispatch(d, actorOf(vera), {
        kind: "availability",
        windows: [1, 2, 3, 4, 5].map((day) => ({ day, start: "09:00", end: "17:00" })),
        timeZone: "Europe/Berlin",
      }),
    );
    const profile = await d.store.tx((tx) => tx.getVolunteer("slack:T1", "slack:T1:U0VERA2"));
    expect(profile).toBeNull();
    const { setVolunteerProfile } = await import("../../src/core/use-cases/index.js");
    const saved = await setVolunteerProfile(d, {
      actor: actorOf(vera),
      expertise: "data science",
      capacityPerMonth: 3,
      meetingLink: `https://meet.example/${"z".repeat(4_000)}`,
    });
    expect(saved.ok).toBe(true);
    ok(
      await dispatch(d, actorOf(sam), {
        kind: "availability",
        windows: [1, 2, 3, 4, 5].map((day) => ({ day, start: "09:00", end: "17:00" })),
        timeZone: "Europe/Berlin",
      }),
    );
    ok(await dispatch(d, actorOf(sam), { kind: "request", tags: "data science", goals: "how to start" }));
    ok(await dispatch(d, actorOf(sam), { kind: "choose", pick: "auto" }));
    ok(await dispatch(d, actorOf(vera), { kind: "accept" }));
    ok(await dispatch(d, actorOf(sam), { kind: "pick", choice: 1 }));
    const report = await h.tick();
    expect(report).toBeDefined();
    const pair = [...h.fake.state.channels.values()].find((c) => c.members.length === 2 && c.members.includes("U0VERA2"));
    if (!pair) throw new Error("no group DM for the pair");
    const confirmed = h.fake.state.messagesIn(pair.id).find((m) => m.text.includes("Confirmed"));
    if (!confirmed) throw new Error(`no confirmation; rejected: ${JSON.stringify(h.fake.state.rejected)}`);
    expect(blockProblems(confirmed.blocks)).toEqual([]);
    expect(confirmed.blocks.length).toBeLessThan(10);
    expect(h.fake.state.rejected).toEqual([]);
  });
});
