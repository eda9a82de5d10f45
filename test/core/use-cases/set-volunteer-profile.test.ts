import { describe, expect, it } from "vitest";
import { setVolunteerProfile } from "../../../src/core/use-cases/index.js";
import { configure, expectFail, snapshot, unwrap, world } from "./helpers.js";

describe("setVolunteerProfile", () => {
  it("makes the member a volunteer with the community's default capacity", async () => {
    const w = world();
    const vera = w.actor("vera");
    const p = unwrap(
      await setVolunteerProfile(w.deps, {
        actor: vera,
        expertise: "UX, Product Management",
        bio: "  Design lead at a bank ",
        meetingLink: " https://meet.example/v ",
      }),
    );
    expect(p).toEqual({
      memberId: vera.memberId,
      communityId: w.communityId,
      expertise: ["ux-design", "product-management"],
      bio: "Design lead at a bank",
      capacityPerMonth: 2,
      formats: ["video"],
      meetingLink: "https://meet.example/v",
      active: true,
      updatedAt: w.clock.now(),
    });
  });

  it("follows the community's volunteerDefaultCapacity", async () => {
    const w = world();
    await configure(w, { volunteerDefaultCapacity: 5 });
    expect(unwrap(await setVolunteerProfile(w.deps, { actor: w.actor("vera"), expertise: "ux" })).capacityPerMonth).toBe(5);
  });

  it("updates keep fields that are left out", async () => {
    const w = world();
    const vera = w.actor("vera");
    unwrap(
      await setVolunteerProfile(w.deps, {
        actor: vera,
        expertise: "ux",
        bio: "bio",
        capacityPerMonth: 3,
        formats: ["phone"],
        meetingLink: "https://meet.example.org/vera",
      }),
    );
    const p = unwrap(await setVolunteerProfile(w.deps, { actor: vera, expertise: "ux, data science" }));
    expect(p).toMatchObject({
      expertise: ["ux-design", "data-science"],
      bio: "bio",
      capacityPerMonth: 3,
      formats: ["phone"],
      meetingLink: "https://meet.example.org/vera",
    });
    expect(unwrap(await setVolunteerProfile(w.deps, { actor: vera, expertise: "ux", capacityPerMonth: 0 })).capacityPerMonth).toBe(0);
  });

  it("reads formats the way people write them", async () => {
    const w = world();
    const p = unwrap(
      await setVolunteerProfile(w.deps, {
        actor: w.actor("vera"),
        expertise: "ux",
        formats: ["In Person", "VIDEO", "in-person", " phone "],
      }),
    );
    expect(p.formats).toEqual(["in_person", "video", "phone"]);
  });

  it("setting the same profile twice changes nothing", async () => {
    const w = world();
    const cmd = { actor: w.actor("vera"), expertise: "ux", capacityPerMonth: 3 };
    unwrap(await setVolunteerProfile(w.deps, cmd));
    const before = await snapshot(w);
    unwrap(await setVolunteerProfile(w.deps, cmd));
    expect(await snapshot(w)).toEqual(before);
  });

  it("NO_TAGS, BAD_CAPACITY, BAD_FORMAT, TEXT_TOO_LONG", async () => {
    const w = world();
    const actor = w.actor("vera");
    expectFail(await setVolunteerProfile(w.deps, { actor, expertise: " ,, " }), "NO_TAGS");
    for (const capacityPerMonth of [-1, 21, 1.5, Number.NaN]) {
      expect(expectFail(await setVolunteerProfile(w.deps, { actor, expertise: "ux", capacityPerMonth }), "BAD_CAPACITY")).toEqual({
        min: 0,
        max: 20,
      });
    }
    const bad = expectFail(
      await setVolunteerProfile(w.deps, { actor, expertise: "ux", formats: ["video", "carrier pigeon"] }),
      "BAD_FORMAT",
    );
    expect(bad).toEqual({ given: "carrier pigeon", allowed: ["video", "in_person", "phone"] });
    expectFail(await setVolunteerProfile(w.deps, { actor, expertise: "ux", formats: [] }), "BAD_FORMAT");
    expect(expectFail(await setVolunteerProfile(w.deps, { actor, expertise: "ux", bio: "x".repeat(1001) }), "TEXT_TOO_LONG")).toEqual({
      max: 1000,
    });
    expect(await w.store.tx((tx) => tx.getVolunteer(w.communityId, actor.memberId))).toBeNull();
  });
});
