import { describe, expect, it } from "vitest";
import {
  adminRounds,
  blockMember,
  joinRounds,
  leaveRounds,
  pause,
  reportRound,
  runRound,
  skipRound,
} from "../../../src/core/use-cases/index.js";
import { DAY, expectFail, scheduledPair, unwrap, weekdays, world, WEEK } from "./helpers.js";
import { deliveredText, joinAll, names, profileOf, roundNow } from "./rounds-helpers.js";
import { setAvailability } from "../../../src/core/use-cases/index.js";

describe("a peer round", () => {
  it("is not due before its time, and runs on its own once it is", async () => {
    const w = world();
    await joinAll(w, ["ana", "bo"]);
    const early = unwrap(await runRound(w.deps, { communityId: w.communityId }));
    expect(early).toEqual({ ran: false, nextRoundAt: new Date("2026-11-24T10:00:00Z") });
    w.clock.set(new Date("2026-11-24T10:00:00Z"));
    const due = unwrap(await runRound(w.deps, { communityId: w.communityId }));
    expect(due.ran).toBe(true);
    // Ran: not due again until two weeks on.
    expect(unwrap(await runRound(w.deps, { communityId: w.communityId }))).toEqual({
      ran: false,
      nextRoundAt: new Date("2026-12-08T10:00:00Z"),
    });
  });

  it("makes a trio of an odd count, in one shared conversation with the same three times for all", async () => {
    const w = world();
    await joinAll(w, ["ana", "bo", "cy"]);
    const r = await roundNow(w);
    expect(r.groups.map(names)).toEqual([["ana", "bo", "cy"]]);
    expect(r.unpaired).toEqual([]);
    expect(r.groups[0]?.proposedSlots).toHaveLength(3);
    await w.tick();
    const paired = w.messenger.of("round_paired");
    expect(paired).toHaveLength(1);
    expect(paired[0]?.to.map((m) => m.displayName).sort()).toEqual(["ana", "bo", "cy"]);
    expect((await deliveredText(w, "round_paired", "ana"))[0]).toMatch(
      /Peer round: \w+, \w+ and \w+ — you're paired this round!\n.*times that suit all three of you:\n {3}1\. /,
    );
  });

  it("never pairs people who met within the repeat window, blocked each other, are paused or skip", async () => {
    const w = world();
    // sam and vera had a chat this week: they may not be paired.
    await scheduledPair(w, { seeker: "sam", volunteer: "vera" });
    const all = await joinAll(w, ["sam", "vera", "cy", "dee", "eli", "flo"]);
    unwrap(await blockMember(w.deps, { actor: all.cy ?? w.actor("cy"), targetId: `${w.communityId}:dee` }));
    unwrap(await pause(w.deps, { actor: all.eli ?? w.actor("eli"), until: new Date(w.clock.now().getTime() + 3 * WEEK) }));
    unwrap(await skipRound(w.deps, { actor: all.flo ?? w.actor("flo") }));
    const r = await roundNow(w);
    const groups = r.groups.map(names);
    expect(groups.flat().sort()).toEqual(["cy", "dee", "sam", "vera"]);
    for (const g of groups) {
      expect(g.includes("sam") && g.includes("vera")).toBe(false);
      expect(g.includes("cy") && g.includes("dee")).toBe(false);
    }
    expect(r.round.counts).toEqual({ members: 4, groups: 2, unpaired: 0, skipped: 1 });
    // The skip is used up: flo is in the next round.
    expect((await profileOf(w, "flo"))?.skipRoundAt).toBeNull();
  });

  it("does not pair a group again within the repeat window, and tells each member why they were left out", async () => {
    const w = world();
    await joinAll(w, ["ana", "bo"]);
    await roundNow(w);
    w.clock.advance(2 * WEEK);
    const again = await roundNow(w);
    expect(again.groups).toEqual([]);
    expect(again.unpaired.length).toBe(2);
    await w.tick();
    expect((await deliveredText(w, "round_unpaired", "ana"))[0]).toContain("You've met everyone in this peer round recently");
  });

  it("says 'alone' to the only member and 'no shared free time' to members whose hours never meet", async () => {
    const w = world();
    await joinAll(w, ["ana"]);
    await roundNow(w);
    await w.tick();
    expect((await deliveredText(w, "round_unpaired", "ana"))[0]).toContain("Nobody else was in this peer round");

    const v = world();
    const { bo, cy } = await joinAll(v, ["bo", "cy"]);
    unwrap(
      await setAvailability(v.deps, { actor: bo ?? v.actor("bo"), windows: weekdays("09:00", "10:00", [1]), timeZone: "Europe/Berlin" }),
    );
    unwrap(
      await setAvailability(v.deps, { actor: cy ?? v.actor("cy"), windows: weekdays("09:00", "10:00", [3]), timeZone: "Europe/Berlin" }),
    );
    const r = await roundNow(v);
    expect(r.groups).toEqual([]);
    await v.tick();
    expect((await deliveredText(v, "round_unpaired", "cy"))[0]).toContain("Nobody in this peer round shares free time with you");
  });

  it("asks 'did you meet?' at the end of the period and sets aside members who ignored two rounds in a row", async () => {
    const w = world();
    const m = await joinAll(w, ["ana", "bo", "cy", "dee"]);
    await roundNow(w);
    w.clock.advance(13 * DAY);
    await w.tick();
    expect(w.messenger.of("round_check_in")).toHaveLength(4);
    expect((await deliveredText(w, "round_check_in", "ana"))[0]).toMatch(
      /Did you meet \w+ for your peer round\? Type "rounds met" or "rounds missed"/,
    );

    const second = await roundNow(w);
    expect(second.groups).toHaveLength(2);
    expect((await profileOf(w, "ana"))?.ignoredInARow).toBe(1);
    // ana answers this round's check-in; the others stay silent.
    unwrap(await reportRound(w.deps, { actor: m.ana ?? w.actor("ana"), outcome: "met" }));
    w.clock.advance(13 * DAY);
    await w.tick();
    await roundNow(w);
    await w.tick();
    expect((await profileOf(w, "ana"))?.active).toBe(true);
    for (const name of ["bo", "cy", "dee"]) {
      expect((await profileOf(w, name))?.active).toBe(false);
      expect((await deliveredText(w, "rounds_paused", name))[0]).toContain(
        "The last 2 peer rounds' \"did you meet?\" went unanswered, so I've taken you out of peer rounds for now",
      );
    }
    // Coming back is one command.
    expect(unwrap(await joinRounds(w.deps, { actor: m.bo ?? w.actor("bo") })).already).toBe(false);
    expect(await profileOf(w, "bo")).toMatchObject({ active: true, ignoredInARow: 0 });
  });

  it("gives admins the next round, who is in and skipping, and the last round's meet rate", async () => {
    const w = world();
    const m = await joinAll(w, ["ana", "bo", "cy", "dee"]);
    const admin = { ...(m.ana ?? w.actor("ana")), platformAdmin: true };
    unwrap(await skipRound(w.deps, { actor: m.dee ?? w.actor("dee") }));
    const before = unwrap(await adminRounds(w.deps, { actor: admin }));
    expect(before).toMatchObject({ on: true, everyWeeks: 2, members: ["ana", "bo", "cy", "dee"], skipping: ["dee"], last: null });
    expect(before.nextRoundAt?.toISOString()).toBe("2026-11-24T10:00:00.000Z");
    const r = await roundNow(w);
    expect(r.groups).toHaveLength(1);
    unwrap(await reportRound(w.deps, { actor: m.bo ?? w.actor("bo"), outcome: "met" }));
    const after = unwrap(await adminRounds(w.deps, { actor: admin }));
    expect(after.last).toMatchObject({ met: 1, missed: 0, meetRate: 1 });
    expect(after.last?.groups[0]?.names.sort()).toEqual(["ana", "bo", "cy"]);
    expect(after.skipping).toEqual([]);
    expectFail(await adminRounds(w.deps, { actor: m.cy ?? w.actor("cy") }), "NOT_ADMIN");
  });

  it("answers join, skip and leave as the front door expects", async () => {
    const w = world();
    const ana = w.actor("ana");
    expectFail(await skipRound(w.deps, { actor: ana }), "NOT_IN_ROUNDS");
    expect(unwrap(await leaveRounds(w.deps, { actor: ana }))).toEqual({ was: false });
    expect(unwrap(await joinRounds(w.deps, { actor: ana, group: "design" }))).toEqual({
      nextRoundAt: new Date("2026-11-24T10:00:00Z"),
      already: false,
    });
    expect((await profileOf(w, "ana"))?.group).toBe("design");
    expect(unwrap(await skipRound(w.deps, { actor: ana }))).toEqual({ skipped: new Date("2026-11-24T10:00:00Z") });
    expect(unwrap(await leaveRounds(w.deps, { actor: ana }))).toEqual({ was: true });
    const off = world();
    const { configure } = await import("./helpers.js");
    await configure(off, { roundsEveryWeeks: 0 });
    expectFail(await joinRounds(off.deps, { actor: off.actor("bo") }), "ROUNDS_OFF");
  });
});
