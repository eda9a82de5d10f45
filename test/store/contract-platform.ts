import { describe, expect, it } from "vitest";
import type { KeptNotice } from "../../src/core/ports/index.js";
import type { ContractContext } from "./contract.js";
import { nudge, t } from "./fixtures.js";

const kept = (communityId: string, memberId: string, key: string, minute: number): KeptNotice => ({
  communityId,
  memberId,
  key,
  notice: nudge(communityId, key).notice,
  createdAt: t(minute),
});

/** Platform state adapters keep in the store: refs to platform objects, and notices kept for members with closed DMs. */
export function platformStateContract({ run, store }: ContractContext): void {
  describe("outbox stats", () => {
    it("counts pending and failed nudges across communities and gives the earliest pending due time", async () => {
      expect(await store().outbox.stats()).toEqual({ pending: 0, failed: 0, oldestDueAt: null });
      await run((tx) =>
        tx.addNudges([
          nudge("c1", "p1", { key: "k1", dueAt: t(30) }),
          nudge("c2", "p2", { key: "k2", dueAt: t(10) }),
          nudge("c1", "f1", { key: "k3", dueAt: t(1), status: "failed", lastError: "gone" }),
          nudge("c1", "s1", { key: "k4", dueAt: t(0), status: "sent", sentAt: t(2) }),
          nudge("c2", "x1", { key: "k5", dueAt: t(0), status: "cancelled" }),
        ]),
      );
      expect(await store().outbox.stats()).toEqual({ pending: 2, failed: 1, oldestDueAt: t(10) });
    });
  });

  describe("platform refs", () => {
    it("the first claim holds; a later claim gets it back; drop forgets only the value it names", async () => {
      expect(await run((tx) => tx.getPlatformRef("c1", "pair_thread", "chat-1"))).toBeNull();
      expect(await run((tx) => tx.claimPlatformRef("c1", "pair_thread", "chat-1", "T1", t(1)))).toBe("T1");
      expect(await run((tx) => tx.claimPlatformRef("c1", "pair_thread", "chat-1", "T2", t(2)))).toBe("T1");
      expect(await run((tx) => tx.getPlatformRef("c1", "pair_thread", "chat-1"))).toBe("T1");
      await run((tx) => tx.dropPlatformRef("c1", "pair_thread", "chat-1", "T2"));
      expect(await run((tx) => tx.getPlatformRef("c1", "pair_thread", "chat-1"))).toBe("T1");
      await run((tx) => tx.dropPlatformRef("c1", "pair_thread", "chat-1", "T1"));
      expect(await run((tx) => tx.getPlatformRef("c1", "pair_thread", "chat-1"))).toBeNull();
      expect(await run((tx) => tx.claimPlatformRef("c1", "pair_thread", "chat-1", "T3", t(3)))).toBe("T3");
    });

    it("is scoped by community and kind", async () => {
      await run((tx) => tx.claimPlatformRef("c1", "dm_channel", "m1", "D1", t(1)));
      expect(await run((tx) => tx.getPlatformRef("c2", "dm_channel", "m1"))).toBeNull();
      expect(await run((tx) => tx.getPlatformRef("c1", "pair_thread", "m1"))).toBeNull();
      expect(await run((tx) => tx.claimPlatformRef("c2", "dm_channel", "m1", "D2", t(1)))).toBe("D2");
    });
  });

  describe("kept notices", () => {
    it("keeps one copy per key, takes them oldest first up to the limit, and removes what it took", async () => {
      expect(await run((tx) => tx.keepNotice(kept("c1", "m1", "k2", 20)))).toBe(true);
      expect(await run((tx) => tx.keepNotice(kept("c1", "m1", "k1", 10)))).toBe(true);
      expect(await run((tx) => tx.keepNotice(kept("c1", "m1", "k1", 30)))).toBe(false);
      await run((tx) => tx.keepNotice(kept("c1", "m1", "k3", 30)));
      await run((tx) => tx.keepNotice(kept("c1", "m2", "k1", 5)));
      await run((tx) => tx.keepNotice(kept("c2", "m1", "k0", 1)));

      const first = await run((tx) => tx.takeKeptNotices("c1", "m1", 2));
      expect(first.map((n) => n.key)).toEqual(["k1", "k2"]);
      expect(first[0]).toEqual(kept("c1", "m1", "k1", 10));
      expect((await run((tx) => tx.takeKeptNotices("c1", "m1", 5))).map((n) => n.key)).toEqual(["k3"]);
      expect(await run((tx) => tx.takeKeptNotices("c1", "m1", 5))).toEqual([]);
      expect((await run((tx) => tx.takeKeptNotices("c1", "m2", 5))).map((n) => n.key)).toEqual(["k1"]);
      expect((await run((tx) => tx.takeKeptNotices("c2", "m1", 0))).length).toBe(0);
      expect((await run((tx) => tx.takeKeptNotices("c2", "m1", 5))).map((n) => n.key)).toEqual(["k0"]);
    });

    it("a taken notice is gone only if its transaction commits", async () => {
      await run((tx) => tx.keepNotice(kept("c1", "m1", "k1", 1)));
      await expect(
        run(async (tx) => {
          await tx.takeKeptNotices("c1", "m1", 5);
          throw new Error("the answer could not be built");
        }),
      ).rejects.toThrow("could not be built");
      expect((await run((tx) => tx.takeKeptNotices("c1", "m1", 5))).map((n) => n.key)).toEqual(["k1"]);
    });
  });
}
