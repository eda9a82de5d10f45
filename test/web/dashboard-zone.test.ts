import { describe, expect, it } from "vitest";
import { joinRounds, setAvailability } from "../../src/core/use-cases/index.js";
import { unwrap, weekdays } from "../core/use-cases/helpers.js";
import { dashboardWorld, textOf } from "./harness.js";

/**
 * Every page shows dates in one zone: the admin's own once they (or their platform) told us,
 * else the community's default. Before, the Queue page used the community's zone and the others
 * fell back to UTC, so one dashboard showed the same moment two ways.
 */
describe("the dashboard's time zone", () => {
  it("is the community's default for an admin whose zone is unknown, and the admin's own once known", async () => {
    const d = await dashboardWorld();
    await d.store.tx(async (tx) => {
      const c = await tx.getCommunity(d.communityId);
      if (c) await tx.saveCommunity({ ...c, settings: { ...c.settings, defaultTimeZone: "America/New_York", roundsHour: 23 } });
      const ada = await tx.getMember(d.communityId, d.ada.memberId);
      if (ada) await tx.saveMember({ ...ada, timeZone: "UTC", timeZoneConfirmed: false });
    });
    for (const name of ["bo", "cy"]) {
      const actor = d.actor(name, "UTC");
      unwrap(await setAvailability(d.deps, { actor, windows: weekdays(), timeZone: "UTC" }));
      unwrap(await joinRounds(d.deps, { actor }));
    }
    // As on Discord, the platform gives no zone for the admin.
    const { timeZone: _given, ...zoneless } = d.ada;
    const cookie = await d.signIn(zoneless);
    const rounds = textOf(await (await d.send("/dashboard/test%3Ac1/rounds", { cookie })).text());
    // Rounds run at 23:00 in New York: a Tuesday there, already Wednesday in UTC and in Berlin.
    expect(rounds).toContain("Next round: Tue, 24 Nov 2026 (rounds run every 2 weeks).");

    await d.store.tx(async (tx) => {
      const ada = await tx.getMember(d.communityId, d.ada.memberId);
      if (ada) await tx.saveMember({ ...ada, timeZone: "Europe/Berlin", timeZoneConfirmed: true });
    });
    const mine = textOf(await (await d.send("/dashboard/test%3Ac1/rounds", { cookie })).text());
    expect(mine).toContain("Next round: Wed, 25 Nov 2026 (rounds run every 2 weeks).");
  });
});
