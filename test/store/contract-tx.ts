import { describe, expect, it } from "vitest";
import type { ContractContext } from "./contract.js";
import { member, nudge, t } from "./fixtures.js";

/** Transactions: all or nothing, isolation under concurrency, and the outbox beside them. */
export function txContract({ run, store }: ContractContext): void {
  describe("transactions", () => {
    it("returns the function's value and reads its own writes", async () => {
      const value = await run(async (tx) => {
        await tx.saveMember(member("c1", "u"));
        return (await tx.getMember("c1", "u"))?.id;
      });
      expect(value).toBe("u");
    });

    it("rolls back every write when the function throws, and rethrows the same error", async () => {
      await run((tx) => tx.saveMember(member("c1", "kept", { displayName: "before" })));
      const boom = new Error("boom");
      await expect(
        run(async (tx) => {
          await tx.saveMember(member("c1", "kept", { displayName: "after" }));
          await tx.saveMember(member("c1", "new"));
          await tx.addNudges([nudge("c1", "n")]);
          await tx.deleteFeedbackFrom("c1", "x");
          throw boom;
        }),
      ).rejects.toBe(boom);
      expect((await run((tx) => tx.getMember("c1", "kept")))?.displayName).toBe("before");
      expect(await run((tx) => tx.getMember("c1", "new"))).toBeNull();
      expect(await run((tx) => tx.listNudges("c1"))).toEqual([]);
    });

    it("loses no update when concurrent transactions read, modify and write the same row", async () => {
      await run((tx) => tx.saveMember(member("c1", "counter", { displayName: "0" })));
      const bump = () =>
        run(async (tx) => {
          const m = await tx.getMember("c1", "counter");
          if (m === null) throw new Error("missing");
          await tx.saveMember({ ...m, displayName: String(Number(m.displayName) + 1) });
        });
      await Promise.all(Array.from({ length: 8 }, bump));
      expect((await run((tx) => tx.getMember("c1", "counter")))?.displayName).toBe("8");
    });

    it("keeps outbox writes made while another transaction is open and later rolls back", async () => {
      await run((tx) => tx.addNudges([nudge("c1", "n", { dueAt: t(0) })]));
      let entered!: () => void;
      let letGo!: () => void;
      const inside = new Promise<void>((resolve) => (entered = resolve));
      const gate = new Promise<void>((resolve) => (letGo = resolve));
      const failing = run(async (tx) => {
        await tx.saveMember(member("c1", "ghost"));
        entered();
        await gate;
        throw new Error("rolled back");
      });
      await inside;
      const claim = store().outbox.claimDue(t(1), 5, "w", t(10));
      setTimeout(letGo, 30);
      await expect(failing).rejects.toThrow("rolled back");
      expect((await claim).map((n) => n.id)).toEqual(["n"]);
      expect((await run((tx) => tx.listNudges("c1")))[0]?.leaseOwner).toBe("w");
      expect(await run((tx) => tx.getMember("c1", "ghost"))).toBeNull();
    });
  });
}
