import { describe, expect, it } from "vitest";
import { setAvailability } from "../../../src/core/use-cases/index.js";
import { BERLIN, NEW_YORK, expectFail, getMember, snapshot, unwrap, weekdays, world } from "./helpers.js";

describe("setAvailability", () => {
  it("replaces the weekly windows and confirms the time zone", async () => {
    const w = world();
    const vera = w.actor("vera");
    const m = unwrap(
      await setAvailability(w.deps, { actor: vera, windows: weekdays("09:00", "12:00"), datesOff: ["2026-12-24"], timeZone: NEW_YORK }),
    ).member;
    expect(m).toMatchObject({
      timeZone: NEW_YORK,
      timeZoneConfirmed: true,
      availability: { windows: weekdays("09:00", "12:00"), datesOff: ["2026-12-24"] },
    });
    expect(await getMember(w, vera.memberId)).toEqual(m);
    const next = unwrap(await setAvailability(w.deps, { actor: vera, windows: [{ day: 6, start: "10:00", end: "24:00" }] })).member;
    // Zone and dates off stay when left out.
    expect(next).toMatchObject({
      timeZone: NEW_YORK,
      availability: { windows: [{ day: 6, start: "10:00", end: "24:00" }], datesOff: ["2026-12-24"] },
    });
  });

  it("a zone from the platform does not override one the member confirmed", async () => {
    const w = world();
    unwrap(await setAvailability(w.deps, { actor: w.actor("vera"), windows: weekdays(), timeZone: BERLIN }));
    const m = unwrap(await setAvailability(w.deps, { actor: w.actor("vera", NEW_YORK), windows: weekdays() }));
    expect(m.member.timeZone).toBe(BERLIN);
  });

  it("an unconfirmed member takes the community default zone", async () => {
    const w = world();
    const m = unwrap(await setAvailability(w.deps, { actor: w.actor("vera"), windows: [] })).member;
    expect(m).toMatchObject({ timeZone: "UTC", timeZoneConfirmed: false, availability: { windows: [], datesOff: [] } });
  });

  it("setting the same availability twice changes nothing", async () => {
    const w = world();
    const cmd = { actor: w.actor("vera"), windows: weekdays(), timeZone: BERLIN };
    unwrap(await setAvailability(w.deps, cmd));
    const before = await snapshot(w);
    unwrap(await setAvailability(w.deps, cmd));
    expect(await snapshot(w)).toEqual(before);
  });

  it("BAD_ZONE, BAD_WINDOW and BAD_DAY_OFF", async () => {
    const w = world();
    const actor = w.actor("vera");
    expect(expectFail(await setAvailability(w.deps, { actor, windows: weekdays(), timeZone: "Mars/Olympus" }), "BAD_ZONE")).toEqual({
      zone: { ok: false, given: "Mars/Olympus", suggestions: [] },
    });
    expectFail(await setAvailability(w.deps, { actor, windows: [{ day: 1, start: "12:00", end: "09:00" }] }), "BAD_WINDOW");
    expectFail(await setAvailability(w.deps, { actor, windows: [{ day: 1, start: "9:00", end: "12:00" }] }), "BAD_WINDOW");
    expectFail(await setAvailability(w.deps, { actor, windows: [{ day: 8, start: "09:00", end: "12:00" }] }), "BAD_WINDOW");
    expect(await getMember(w, actor.memberId)).toBeNull();
    // Days off are read in the member's zone, so the member is known by then; nothing of theirs changes.
    expectFail(await setAvailability(w.deps, { actor, windows: weekdays(), datesOff: ["24/12/2026"] }), "BAD_DAY_OFF");
    expect(await getMember(w, actor.memberId)).toMatchObject({ availability: { windows: [], datesOff: [] } });
  });
});
