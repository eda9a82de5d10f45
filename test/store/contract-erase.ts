import { describe, expect, it } from "vitest";
import type { ContractContext } from "./contract.js";
import { member, nudge, t } from "./fixtures.js";

/** The erasing half of StoreTx that forget-me relies on: delete nudges by id and delete a member, each inside its community only. */
export function eraseContract({ run }: ContractContext): void {
  describe("erasure (forget-me)", () => {
    it("deletes nudges by id whatever their status, and only in the given community", async () => {
      await run((tx) =>
        tx.addNudges([
          nudge("c1", "e1", { key: "k1" }),
          nudge("c1", "e2", { key: "k2", status: "sent", sentAt: t(5), dueAt: t(1) }),
          nudge("c1", "e3", { key: "k3", dueAt: t(2) }),
          nudge("c2", "e4", { key: "k1" }),
        ]),
      );
      expect(await run((tx) => tx.deleteNudges("c1", ["e1", "e2", "e4", "missing"]))).toBe(2);
      expect((await run((tx) => tx.listNudges("c1"))).map((n) => n.id)).toEqual(["e3"]);
      expect((await run((tx) => tx.listNudges("c2"))).map((n) => n.id)).toEqual(["e4"]);
      expect(await run((tx) => tx.deleteNudges("c1", []))).toBe(0);
    });

    it("deletes a member row in one community, leaving the same id elsewhere", async () => {
      await run(async (tx) => {
        await tx.saveMember(member("c1", "m1"));
        await tx.saveMember(member("c2", "m1"));
      });
      await run((tx) => tx.deleteMember("c1", "m1"));
      await run((tx) => tx.deleteMember("c1", "never-there"));
      expect(await run((tx) => tx.getMember("c1", "m1"))).toBeNull();
      expect(await run((tx) => tx.getMember("c2", "m1"))).not.toBeNull();
      expect(await run((tx) => tx.listMembers("c1"))).toEqual([]);
    });
  });
}
