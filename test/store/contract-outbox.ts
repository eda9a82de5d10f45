import { describe, expect, it } from "vitest";
import type { Nudge } from "../../src/core/domain/index.js";
import type { ContractContext } from "./contract.js";
import { nudge, t } from "./fixtures.js";

const ids = (xs: Nudge[]): string[] => xs.map((x) => x.id);

/** NudgeOutbox: leases, expiry, limits, ordering, and what a lost lease means. */
export function outboxContract({ run, store }: ContractContext): void {
  const outbox = () => store().outbox;
  const byId = async (communityId: string, id: string) => (await run((tx) => tx.listNudges(communityId))).find((n) => n.id === id);

  describe("outbox", () => {
    it("claims pending nudges due by now (inclusive) across communities, earliest first, up to the limit", async () => {
      await run((tx) =>
        tx.addNudges([
          nudge("c1", "late", { dueAt: t(30) }),
          nudge("c2", "early", { dueAt: t(10) }),
          nudge("c1", "edge", { dueAt: t(40) }),
          nudge("c1", "future", { dueAt: t(41) }),
          nudge("c1", "sent", { dueAt: t(1), status: "sent" }),
          nudge("c1", "cancelled", { dueAt: t(1), status: "cancelled" }),
          nudge("c1", "failed", { dueAt: t(1), status: "failed" }),
        ]),
      );
      const first = await outbox().claimDue(t(40), 2, "w1", t(45));
      expect(ids(first)).toEqual(["early", "late"]);
      expect(first[0]).toEqual(nudge("c2", "early", { dueAt: t(10), leaseOwner: "w1", leaseUntil: t(45) }));
      expect(ids(await outbox().claimDue(t(40), 10, "w2", t(45)))).toEqual(["edge"]);
      expect(await outbox().claimDue(t(40), 10, "w3", t(45))).toEqual([]);
      expect(await outbox().claimDue(t(100), 0, "w3", t(105))).toEqual([]);
      expect(await byId("c1", "late")).toMatchObject({ leaseOwner: "w1", leaseUntil: t(45), status: "pending" });
    });

    it("never hands out a nudge twice while its lease holds; an expired lease (inclusive) is fair game", async () => {
      await run((tx) => tx.addNudges([nudge("c1", "n", { dueAt: t(0) })]));
      expect(ids(await outbox().claimDue(t(1), 5, "w1", t(10)))).toEqual(["n"]);
      expect(await outbox().claimDue(t(9), 5, "w2", t(20))).toEqual([]);
      const reclaimed = await outbox().claimDue(t(10), 5, "w2", t(20));
      expect(reclaimed).toEqual([nudge("c1", "n", { dueAt: t(0), leaseOwner: "w2", leaseUntil: t(20), attempts: 1 })]);
    });

    it("marks a leased nudge sent once, only for the lease holder", async () => {
      await run((tx) => tx.addNudges([nudge("c1", "n", { dueAt: t(0) })]));
      await outbox().claimDue(t(1), 5, "w1", t(10));
      expect(await outbox().markSent("n", "w2", t(2))).toBe(false);
      expect(await outbox().markSent("missing", "w1", t(2))).toBe(false);
      expect(await outbox().markSent("n", "w1", t(2))).toBe(true);
      expect(await outbox().markSent("n", "w1", t(3))).toBe(false);
      expect(await byId("c1", "n")).toEqual(
        nudge("c1", "n", { dueAt: t(0), status: "sent", sentAt: t(2), attempts: 1, leaseOwner: null, leaseUntil: null }),
      );
      expect(await outbox().claimDue(t(100), 5, "w1", t(110))).toEqual([]);
    });

    it("loses markSent and markAttempt once the lease expired and another runner claimed the nudge", async () => {
      await run((tx) => tx.addNudges([nudge("c1", "n", { dueAt: t(0) })]));
      await outbox().claimDue(t(1), 5, "slow", t(5));
      await outbox().claimDue(t(6), 5, "fast", t(15));
      expect(await outbox().markAttempt("n", "slow", "timeout", t(50))).toBe(false);
      expect(await outbox().markSent("n", "slow", t(7))).toBe(false);
      expect(await outbox().markSent("n", "fast", t(8))).toBe(true);
      expect((await byId("c1", "n"))?.attempts).toBe(2); // the slow runner's lost try, then the send
    });

    it("records a failed attempt: back to pending at the retry time, or failed for good", async () => {
      await run((tx) => tx.addNudges([nudge("c1", "retry", { dueAt: t(0) }), nudge("c1", "final", { dueAt: t(1), attempts: 4 })]));
      await outbox().claimDue(t(2), 5, "w", t(10));
      expect(await outbox().markAttempt("retry", "w", "503 from Slack", t(60))).toBe(true);
      expect(await outbox().markAttempt("final", "w", "channel_not_found", null)).toBe(true);
      expect(await outbox().markAttempt("final", "w", "again", null)).toBe(false);
      expect(await byId("c1", "retry")).toEqual(
        nudge("c1", "retry", { dueAt: t(60), attempts: 1, lastError: "503 from Slack", status: "pending" }),
      );
      expect(await byId("c1", "final")).toEqual(
        nudge("c1", "final", { dueAt: t(1), attempts: 5, lastError: "channel_not_found", status: "failed" }),
      );
      expect(await outbox().claimDue(t(59), 5, "w", t(70))).toEqual([]);
      expect(ids(await outbox().claimDue(t(60), 5, "w", t(70)))).toEqual(["retry"]);
    });

    it("does not send a nudge cancelled while leased", async () => {
      await run((tx) => tx.addNudges([nudge("c1", "n", { dueAt: t(0) })]));
      await outbox().claimDue(t(1), 5, "w", t(10));
      expect(await run((tx) => tx.cancelNudges("c1", { refId: "chat-1" }))).toBe(1);
      expect(await outbox().markSent("n", "w", t(2))).toBe(false);
      expect((await byId("c1", "n"))?.status).toBe("cancelled");
    });

    it("releases an owner's leases without counting an attempt", async () => {
      await run((tx) =>
        tx.addNudges([nudge("c1", "a", { dueAt: t(0) }), nudge("c2", "b", { dueAt: t(1) }), nudge("c1", "c", { dueAt: t(2) })]),
      );
      await outbox().claimDue(t(5), 2, "leaving", t(60));
      await outbox().claimDue(t(5), 2, "staying", t(60));
      await outbox().markSent("a", "leaving", t(6));
      expect(await outbox().release("leaving")).toBe(1);
      expect(await outbox().release("leaving")).toBe(0);
      expect(await byId("c2", "b")).toEqual(nudge("c2", "b", { dueAt: t(1) }));
      expect(ids(await outbox().claimDue(t(7), 5, "next", t(60)))).toEqual(["b"]);
      expect((await byId("c1", "c"))?.leaseOwner).toBe("staying");
    });

    it("taking over an expired lease counts the lost try as an attempt; a fresh claim does not", async () => {
      await run((tx) => tx.addNudges([nudge("c1", "a", { dueAt: t(0) }), nudge("c1", "b", { dueAt: t(0) })]));
      await outbox().claimDue(t(1), 1, "dead", t(10));
      const taken = await outbox().claimDue(t(10), 5, "next", t(70));
      expect(taken.map((n) => [n.id, n.attempts]).sort()).toEqual([
        ["a", 1],
        ["b", 0],
      ]);
    });

    it("postpones a leased nudge to a new due time without counting an attempt, only for the holder", async () => {
      await run((tx) => tx.addNudges([nudge("c1", "a", { dueAt: t(0) })]));
      await outbox().claimDue(t(1), 5, "r1", t(60));
      expect(await outbox().postpone("a", "other", t(30))).toBe(false);
      expect(await outbox().postpone("a", "r1", t(30))).toBe(true);
      expect(await byId("c1", "a")).toMatchObject({ status: "pending", attempts: 0, dueAt: t(30), leaseOwner: null, leaseUntil: null });
      expect(ids(await outbox().claimDue(t(29), 5, "r2", t(60)))).toEqual([]);
      expect(ids(await outbox().claimDue(t(30), 5, "r2", t(60)))).toEqual(["a"]);
    });

    it("cancels a leased nudge for good, keeping the reason, only for the holder", async () => {
      await run((tx) => tx.addNudges([nudge("c1", "a", { dueAt: t(0) })]));
      await outbox().claimDue(t(1), 5, "r1", t(60));
      expect(await outbox().markCancelled("a", "other", "left")).toBe(false);
      expect(await outbox().markCancelled("a", "r1", "recipient left")).toBe(true);
      expect(await byId("c1", "a")).toMatchObject({ status: "cancelled", lastError: "recipient left", attempts: 0, leaseOwner: null });
      expect(ids(await outbox().claimDue(t(100), 5, "r2", t(160)))).toEqual([]);
    });
  });
}
