import { describe, expect, it } from "vitest";
import { setSeekerProfile } from "../../../src/core/use-cases/index.js";
import { KOLKATA, configure, expectFail, getMember, snapshot, unwrap, world } from "./helpers.js";

describe("setSeekerProfile", () => {
  it("saves normalized interests, what they want to learn and an intro; creates the member on first contact", async () => {
    const w = world();
    const sam = w.actor("sam", KOLKATA);
    const p = unwrap(
      await setSeekerProfile(w.deps, {
        actor: sam,
        interests: "Machine Learning, JS, ml",
        learn: "  how teams ship models ",
        intro: " career changer ",
      }),
    );
    expect(p).toEqual({
      memberId: sam.memberId,
      communityId: w.communityId,
      interests: ["machine-learning", "javascript"],
      learn: "how teams ship models",
      intro: "career changer",
      updatedAt: w.clock.now(),
    });
    expect(await getMember(w, sam.memberId)).toMatchObject({
      displayName: "sam",
      timeZone: KOLKATA,
      timeZoneConfirmed: true,
      status: "active",
    });
    expect((await snapshot(w)).nudges).toEqual([]);
  });

  it("keeps learn and intro when they are left out; a list of tags works too", async () => {
    const w = world();
    const sam = w.actor("sam");
    unwrap(await setSeekerProfile(w.deps, { actor: sam, interests: "ux", learn: "research methods", intro: "hello" }));
    const p = unwrap(await setSeekerProfile(w.deps, { actor: sam, interests: ["Data Science", "UX"] }));
    expect(p).toMatchObject({ interests: ["data-science", "ux-design"], learn: "research methods", intro: "hello" });
    const cleared = unwrap(await setSeekerProfile(w.deps, { actor: sam, interests: "ux", learn: "" }));
    expect(cleared).toMatchObject({ learn: "", intro: "hello" });
  });

  it("uses the community's aliases", async () => {
    const w = world();
    await configure(w, { tagAliases: { k8s: "kubernetes" } });
    const p = unwrap(await setSeekerProfile(w.deps, { actor: w.actor("sam"), interests: "K8s" }));
    expect(p.interests).toEqual(["kubernetes"]);
  });

  it("setting the same profile twice changes nothing", async () => {
    const w = world();
    const sam = w.actor("sam");
    unwrap(await setSeekerProfile(w.deps, { actor: sam, interests: "ux", learn: "x" }));
    const before = await snapshot(w);
    const again = unwrap(await setSeekerProfile(w.deps, { actor: sam, interests: "ux", learn: "x" }));
    expect(await snapshot(w)).toEqual(before);
    expect(again.interests).toEqual(["ux-design"]);
  });

  it("TEXT_TOO_LONG for learn or intro over 1000 characters", async () => {
    const w = world();
    const sam = w.actor("sam");
    expect(expectFail(await setSeekerProfile(w.deps, { actor: sam, interests: "ux", learn: "x".repeat(1001) }), "TEXT_TOO_LONG")).toEqual({
      max: 1000,
    });
    expectFail(await setSeekerProfile(w.deps, { actor: sam, interests: "ux", intro: "x".repeat(1001) }), "TEXT_TOO_LONG");
    unwrap(await setSeekerProfile(w.deps, { actor: sam, interests: "ux", learn: `  ${"x".repeat(1000)}  ` }));
  });
});
