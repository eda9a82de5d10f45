import { describe, expect, it } from "vitest";
import { adminTags, requestChat, setSeekerProfile, setVolunteerProfile } from "../../../src/core/use-cases/index.js";
import { expectFail, makeSeeker, makeVolunteer, unwrap, world } from "../use-cases/helpers.js";

const setup = async () => {
  const w = world();
  const ada = { ...w.actor("ada"), platformAdmin: true };
  await makeVolunteer(w, "vic", "k8s-ops, python");
  await makeVolunteer(w, "val", "kubernetes");
  const sam = await makeSeeker(w, "sam", "k8s-ops, go");
  unwrap(await requestChat(w.deps, { actor: sam, tags: "k8s-ops", goals: "how to run clusters" }));
  return { w, ada, sam };
};
const tagsOf = async (w: ReturnType<typeof world>) =>
  w.store.tx(async (tx) => ({
    vic: (await tx.getVolunteer(w.communityId, "test:c1:vic"))?.expertise,
    val: (await tx.getVolunteer(w.communityId, "test:c1:val"))?.expertise,
    sam: (await tx.getSeeker(w.communityId, "test:c1:sam"))?.interests,
    requests: (await tx.listRequests(w.communityId)).map((r) => r.tags),
    aliases: (await tx.getCommunity(w.communityId))?.settings.tagAliases,
  }));

describe("admin tags", () => {
  it("merge: profiles and requests follow, and the old word reads as the new tag from now on", async () => {
    const { w, ada } = await setup();
    const v = unwrap(await adminTags(w.deps, { actor: ada, op: "merge", from: "k8s-ops", to: "kubernetes" }));
    expect(v).toEqual({ op: "merge", from: "k8s-ops", to: "kubernetes", profiles: 2, requests: 1 });
    expect(await tagsOf(w)).toEqual({
      vic: ["kubernetes", "python"],
      val: ["kubernetes"],
      sam: ["kubernetes", "go"],
      requests: [["kubernetes"]],
      aliases: { "k8s-ops": "kubernetes" },
    });
    const typed = unwrap(await setVolunteerProfile(w.deps, { actor: w.actor("neo"), expertise: "K8s Ops", capacityPerMonth: 2 }));
    expect(typed.expertise).toEqual(["kubernetes"]);
  });

  it("rename: the target must be new; merge: both must exist; alias: always, and chains re-point", async () => {
    const { w, ada, sam } = await setup();
    expectFail(await adminTags(w.deps, { actor: ada, op: "rename", from: "k8s-ops", to: "kubernetes" }), "TAG_EXISTS");
    expectFail(await adminTags(w.deps, { actor: ada, op: "rename", from: "cobol", to: "mainframes" }), "UNKNOWN_TAG");
    expectFail(await adminTags(w.deps, { actor: ada, op: "merge", from: "go", to: "golang" }), "UNKNOWN_TAG");
    expectFail(await adminTags(w.deps, { actor: ada, op: "alias", from: "go", to: "Go" }), "SAME_TAG");
    expectFail(await adminTags(w.deps, { actor: ada, op: "alias", from: "!!!", to: "go" }), "BAD_TAG");
    unwrap(await adminTags(w.deps, { actor: ada, op: "rename", from: "go", to: "golang" }));
    expect((await tagsOf(w)).sam).toEqual(["k8s-ops", "golang"]);
    unwrap(await adminTags(w.deps, { actor: ada, op: "alias", from: "golang", to: "go-lang" }));
    expect((await tagsOf(w)).aliases).toEqual({ go: "go-lang", golang: "go-lang" });
    unwrap(await setSeekerProfile(w.deps, { actor: sam, interests: "go" }));
    expect((await tagsOf(w)).sam).toEqual(["go-lang"]);
  });
});
