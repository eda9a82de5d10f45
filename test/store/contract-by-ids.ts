import { describe, expect, it } from "vitest";
import type { ContractContext } from "./contract.js";
import { member, request, t, volunteer } from "./fixtures.js";

/** More ids than SQLite binds in one statement (999), so a store must split the list. */
const many = (real: string[]): string[] => {
  const ids = Array.from({ length: 1200 }, (_, i) => `missing-${i}`);
  ids[0] = real[0] ?? "";
  ids[600] = real[1] ?? "";
  ids[1199] = real[2] ?? "";
  return ids;
};

/** getMembers, getVolunteers, getRequests: records by a list of ids, in the order asked, each once, one community only. */
export function byIdsContract({ run }: ContractContext): void {
  describe("records by a list of ids", () => {
    it("members: those that exist, in the order of the ids, each once, only from the community asked", async () => {
      const [a, b, c] = ["slack:T1:UA", "slack:T1:UB", "slack:T1:UC"].map((id, i) => member("c1", id, { createdAt: t(i) }));
      if (!a || !b || !c) throw new Error("fixtures");
      await run(async (tx) => {
        for (const m of [a, b, c]) await tx.saveMember(m);
        await tx.saveMember(member("c2", "slack:T1:UD"));
      });
      expect(await run((tx) => tx.getMembers("c1", [c.id, "missing", a.id, c.id, "slack:T1:UD"]))).toEqual([c, a]);
      expect(await run((tx) => tx.getMembers("c1", []))).toEqual([]);
      expect(await run((tx) => tx.getMembers("c3", [a.id]))).toEqual([]);
      expect((await run((tx) => tx.getMembers("c1", many([b.id, c.id, a.id])))).map((m) => m.id)).toEqual([b.id, c.id, a.id]);
    });

    it("volunteers: by member id, in the order asked, each once", async () => {
      const [v1, v2] = ["slack:T1:UV1", "slack:T1:UV2"].map((id, i) => volunteer("c1", id, { active: i === 0, capacityPerMonth: i + 2 }));
      if (!v1 || !v2) throw new Error("fixtures");
      await run(async (tx) => {
        await tx.saveVolunteer(v1);
        await tx.saveVolunteer(v2);
        await tx.saveVolunteer(volunteer("c2", "slack:T1:UV3"));
      });
      expect(await run((tx) => tx.getVolunteers("c1", [v2.memberId, v1.memberId, v2.memberId, "slack:T1:UV3"]))).toEqual([v2, v1]);
      expect(await run((tx) => tx.getVolunteers("c1", []))).toEqual([]);
      const got = await run((tx) => tx.getVolunteers("c1", many([v1.memberId, "nobody", v2.memberId])));
      expect(got.map((v) => v.memberId)).toEqual([v1.memberId, v2.memberId]);
    });

    it("requests: by id, in the order asked, each once; results are copies", async () => {
      const r1 = request("c1", "req-1", { status: "open", waitlistedAt: t(12) });
      const r2 = request("c1", "req-2", { referredBy: null, createdAt: t(5) });
      await run(async (tx) => {
        await tx.saveRequest(r1);
        await tx.saveRequest(r2);
        await tx.saveRequest(request("c2", "req-3"));
      });
      const got = await run((tx) => tx.getRequests("c1", ["req-3", "req-2", "req-1", "req-2"]));
      expect(got).toEqual([r2, r1]);
      got[0]?.tags.push("mutated");
      expect((await run((tx) => tx.getRequests("c1", ["req-2"])))[0]?.tags).toEqual(r2.tags);
      expect((await run((tx) => tx.getRequests("c1", many(["req-1", "req-2", "x"])))).map((r) => r.id)).toEqual(["req-1", "req-2"]);
    });
  });
}
