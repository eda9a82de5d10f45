import { describe, expect, it } from "vitest";
import type { PeerGroup, Slot } from "../../../src/core/domain/index.js";
import { formatSlot } from "../../../src/core/time/index.js";
import { pickRoundSlot, reportRound, runRound } from "../../../src/core/use-cases/index.js";
import { renderFailure, shellStyle } from "../../../src/text/index.js";
import { configure, DAY, expectFail, MIN, unwrap, world, type World } from "./helpers.js";
import { deliveredText, joinAll, profileOf, roundNow } from "./rounds-helpers.js";

const ZONE = "Europe/Berlin";
const id = (w: World, name: string): string => `${w.communityId}:${name}`;
const groupOf = (w: World, gs: readonly PeerGroup[], name: string): PeerGroup => {
  const g = gs.find((x) => x.memberIds.includes(id(w, name)));
  if (!g) throw new Error(`${name} is in no group`);
  return g;
};
const slotAt = (g: PeerGroup, n: number): Slot => {
  const s = g.proposedSlots[n - 1];
  if (!s) throw new Error(`no time ${n}`);
  return s;
};

describe("booking a peer group's time", () => {
  it("offers the times as buttons, books the one a member picks for the group, then reminds and asks after it", async () => {
    const w = world();
    const m = await joinAll(w, ["ana", "bo", "cy"], ZONE);
    const [g] = (await roundNow(w)).groups;
    if (!g) throw new Error("no group");
    await w.tick();
    expect((await deliveredText(w, "round_paired", "ana"))[0]).toContain(
      'Any of you can book one — click it or type "rounds pick <n>" — and I\'ll remind you all before it.',
    );

    const picked = unwrap(await pickRoundSlot(w.deps, { actor: m.bo ?? w.actor("bo"), groupId: g.id, choice: 2 }));
    expect(picked.group.slot).toEqual(slotAt(g, 2));
    await w.tick();
    const booked = w.messenger.of("round_booked");
    expect(booked).toHaveLength(1);
    expect(booked[0]?.to.map((x) => x.displayName).sort()).toEqual(["ana", "bo", "cy"]);
    const when = formatSlot(slotAt(g, 2), ZONE);
    expect((await deliveredText(w, "round_booked", "cy"))[0]).toContain(`📅 bo booked ${when} for the three of you.`);
    const notice = booked[0]?.notice;
    expect(notice?.kind === "round_booked" && notice.ics).toContain("BEGIN:VCALENDAR");

    // Before the time: one reminder to the group; no "did you meet?" yet.
    w.clock.set(new Date(slotAt(g, 2).start.getTime() - 60 * MIN));
    await w.tick();
    const reminder = await deliveredText(w, "round_reminder", "ana");
    expect(reminder).toHaveLength(1);
    expect(reminder[0]).toMatch(/^⏰ Your peer-round chat, \w+, \w+ and \w+, starts /);
    expect(reminder[0]).toContain(`starts ${when}.`);
    expect(w.messenger.of("round_check_in")).toHaveLength(0);

    // An hour after it ends, each member is asked; the period's end asks nobody again.
    w.clock.set(new Date(slotAt(g, 2).end.getTime() + 60 * MIN));
    await w.tick();
    expect(w.messenger.of("round_check_in")).toHaveLength(3);
    expect((await deliveredText(w, "round_check_in", "ana"))[0]).toMatch(/Did you meet (bo and cy|cy and bo) for your peer round\?/);
    w.clock.advance(14 * DAY);
    await w.tick();
    expect(w.messenger.of("round_check_in")).toHaveLength(3);
  });

  it("moves the time when someone picks again: the old reminder is called off and everyone reads the change", async () => {
    const w = world();
    const m = await joinAll(w, ["ana", "bo"], ZONE);
    const [g] = (await roundNow(w)).groups;
    if (!g) throw new Error("no group");
    unwrap(await pickRoundSlot(w.deps, { actor: m.ana ?? w.actor("ana"), choice: 3 }));
    const again = unwrap(await pickRoundSlot(w.deps, { actor: m.bo ?? w.actor("bo"), groupId: g.id, choice: 1 }));
    expect(again).toMatchObject({ replay: false, group: { slot: slotAt(g, 1) } });
    expect(unwrap(await pickRoundSlot(w.deps, { actor: m.ana ?? w.actor("ana"), choice: 1 })).replay).toBe(true);
    await w.tick();
    const texts = await deliveredText(w, "round_booked", "ana");
    expect(texts).toHaveLength(2);
    expect(texts[1]).toContain(
      `📅 bo moved your peer-round chat to ${formatSlot(slotAt(g, 1), ZONE)} for you both (instead of ${formatSlot(slotAt(g, 3), ZONE)}).`,
    );
    // The calendar event is replaced, not doubled: same UID, a higher SEQUENCE.
    const ics = w.messenger.of("round_booked").map((d) => (d.notice.kind === "round_booked" ? d.notice.ics : ""));
    expect(ics[1]).toContain(`UID:${g.id}@percolate`);
    expect(ics[1]).toContain("SEQUENCE:1");
    // Through both times, each reminder's moment in turn.
    for (const at of [slotAt(g, 1).start.getTime() - 60 * MIN, slotAt(g, 3).start.getTime() - 60 * MIN, slotAt(g, 3).end.getTime() + DAY]) {
      w.clock.set(new Date(at));
      await w.tick();
    }
    const reminders = w.messenger.of("round_reminder");
    expect(reminders).toHaveLength(1);
    expect(reminders[0]?.notice).toMatchObject({ slot: slotAt(g, 1) });
    expect(w.messenger.of("round_check_in")).toHaveLength(2);
  });

  it("sends no reminder when reminders are off", async () => {
    const w = world();
    await configure(w, { nudges: { chatReminder: false } });
    const m = await joinAll(w, ["ana", "bo"], ZONE);
    const [g] = (await roundNow(w)).groups;
    if (!g) throw new Error("no group");
    unwrap(await pickRoundSlot(w.deps, { actor: m.ana ?? w.actor("ana"), choice: 1 }));
    w.clock.set(new Date(slotAt(g, 1).end.getTime() + 2 * 60 * MIN));
    await w.tick();
    expect(w.messenger.of("round_reminder")).toHaveLength(0);
    expect(w.messenger.of("round_check_in")).toHaveLength(2);
  });

  it("answers privately, naming the fix: not your group, no such time, already answered, passed, never paired", async () => {
    const w = world();
    const m = await joinAll(w, ["ana", "bo", "cy", "dee"], ZONE);
    const nobody = w.actor("eve", ZONE);
    const r = await roundNow(w);
    const ana = groupOf(w, r.groups, "ana");
    const outsider = ["bo", "cy", "dee"].find((n) => !ana.memberIds.includes(id(w, n))) ?? "dee";
    const words = (code: string, detail?: Record<string, unknown>) => renderFailure(code, detail, shellStyle);

    expectFail(await pickRoundSlot(w.deps, { actor: m[outsider] ?? w.actor(outsider), groupId: ana.id, choice: 1 }), "NOT_IN_GROUP");
    expect(words("NOT_IN_GROUP")).toContain("That peer group isn't yours");
    const bad = expectFail(await pickRoundSlot(w.deps, { actor: m.ana ?? w.actor("ana"), choice: 7 }), "BAD_ROUND_CHOICE");
    expect(words("BAD_ROUND_CHOICE", bad)).toBe(
      `Your group has 3 time(s) to pick from: type "rounds pick 1" up to "rounds pick 3", as numbered in your group's peer-round message.`,
    );
    expectFail(await pickRoundSlot(w.deps, { actor: nobody, choice: 1 }), "NO_GROUP");

    w.clock.set(new Date(slotAt(ana, 1).start.getTime() + MIN));
    expectFail(await pickRoundSlot(w.deps, { actor: m.ana ?? w.actor("ana"), choice: 1 }), "ROUND_SLOT_PASSED");
    expect(words("ROUND_SLOT_PASSED")).toContain('Pick a later one of your group\'s times with "rounds pick <n>"');

    unwrap(await reportRound(w.deps, { actor: m.ana ?? w.actor("ana"), outcome: "met" }));
    expectFail(await pickRoundSlot(w.deps, { actor: m.ana ?? w.actor("ana"), choice: 3 }), "ROUND_ANSWERED");
    expect(words("ROUND_ANSWERED")).toContain('already answered "did you meet?"');
  });
});

describe("counting ignored check-ins when a booking moved them", () => {
  it("counts a booked group's check-in once it was asked, and a group not asked yet neither way", async () => {
    const w = world();
    const m = await joinAll(w, ["ana", "bo", "cy", "dee"], ZONE);
    const r = await roundNow(w);
    const booked = groupOf(w, r.groups, "ana");
    const other = r.groups.find((g) => g !== booked);
    if (!other) throw new Error("one group only");
    unwrap(await pickRoundSlot(w.deps, { actor: m.ana ?? w.actor("ana"), choice: 1 }));
    // After the booked time's check-in, before the period's end: the booked group was asked, the other not.
    w.clock.set(new Date(slotAt(booked, 1).end.getTime() + 2 * 60 * MIN));
    await w.tick();
    unwrap(await runRound(w.deps, { communityId: w.communityId, force: true }));
    for (const memberId of booked.memberIds) expect((await profileOf(w, memberId.split(":").at(-1) ?? ""))?.ignoredInARow).toBe(1);
    for (const memberId of other.memberIds) expect((await profileOf(w, memberId.split(":").at(-1) ?? ""))?.ignoredInARow).toBe(0);
  });
});
