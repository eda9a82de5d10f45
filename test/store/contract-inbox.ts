import { describe, expect, it } from "vitest";
import type { InboxEntry, NewInboxEntry } from "../../src/core/ports/index.js";
import type { ContractContext } from "./contract.js";
import { t } from "./fixtures.js";

const entry = (id: string, communityId = "c1"): NewInboxEntry => ({ id, communityId, kind: "slack_command", payload: `{"text":"${id}"}` });
const K = ["slack_command"];
const ids = (xs: readonly InboxEntry[]): string[] => xs.map((x) => x.id);

/** Inbox: kept once by id, applied once per run inside a transaction, leases for takeover, pruning. */
export function inboxContract({ run, store }: ContractContext): void {
  const inbox = () => store().inbox;

  describe("inbox", () => {
    it("keeps new entries pending and leased; an id kept before is returned as it is, not fresh", async () => {
      const first = await inbox().receive([entry("a"), entry("b", "c2")], "w1", t(30), t(0));
      expect(first.map((r) => r.fresh)).toEqual([true, true]);
      expect(first[0]?.entry).toEqual({
        id: "a",
        communityId: "c1",
        kind: "slack_command",
        payload: '{"text":"a"}',
        status: "pending",
        appliedBy: null,
        appliedAt: null,
        answer: null,
        leaseOwner: "w1",
        leaseUntil: t(30),
        receivedAt: t(0),
        answeredAt: null,
      });
      await inbox().answered([{ id: "a", answer: '{"text":"done"}' }], t(2));
      const again = await inbox().receive([{ ...entry("a"), payload: "{}" }, entry("c")], "w2", t(40), t(5));
      expect(again.map((r) => r.fresh)).toEqual([false, true]);
      expect(again[0]?.entry).toMatchObject({ payload: '{"text":"a"}', status: "answered", answer: '{"text":"done"}', answeredAt: t(2) });
      expect(await inbox().get("a")).toMatchObject({ status: "answered", leaseOwner: null, leaseUntil: null });
      expect(await inbox().get("nope")).toBeNull();
      const twiceInOne = await inbox().receive([entry("d"), entry("d")], "w1", t(30), t(6));
      expect(twiceInOne.map((r) => r.fresh)).toEqual([true, false]);
    });

    it("marks an entry applied by one run only, inside the transaction: a rolled-back transaction leaves it pending", async () => {
      await inbox().receive([entry("a")], "w1", t(30), t(0));
      await expect(
        run(async (tx) => {
          expect(await tx.markInboxApplied("a", "run1", t(1))).toBe(true);
          throw new Error("the effect failed");
        }),
      ).rejects.toThrow("the effect failed");
      expect(await inbox().get("a")).toMatchObject({ status: "pending", appliedBy: null });
      expect(await run((tx) => tx.markInboxApplied("a", "run1", t(2)))).toBe(true);
      expect(await run((tx) => tx.markInboxApplied("a", "run1", t(3)))).toBe(true);
      expect(await run((tx) => tx.markInboxApplied("a", "run2", t(3)))).toBe(false);
      expect(await run((tx) => tx.markInboxApplied("missing", "run1", t(3)))).toBe(false);
      expect(await inbox().get("a")).toMatchObject({ status: "applied", appliedBy: "run1", appliedAt: t(2) });
      await inbox().answered([{ id: "a", answer: null }], t(4));
      expect(await run((tx) => tx.markInboxApplied("a", "run1", t(5)))).toBe(false);
    });

    it("hands unanswered entries with an expired lease (inclusive) to one claimer, oldest first; renew and release move leases", async () => {
      await inbox().receive([entry("old")], "w1", t(10), t(0));
      await inbox().receive([entry("new")], "w1", t(10), t(1));
      await inbox().receive([entry("other")], "w2", t(50), t(1));
      await inbox().receive([entry("done")], "w1", t(10), t(0));
      await inbox().answered([{ id: "done", answer: null }], t(2));
      await inbox().receive([{ ...entry("elsewhere"), kind: "discord_interaction" }], "w1", t(10), t(0));
      expect(await inbox().claimStale(K, t(9), 10, "w3", t(100))).toEqual([]);
      const claimed = await inbox().claimStale(K, t(10), 1, "w3", t(100));
      expect(ids(claimed)).toEqual(["old"]);
      expect(claimed[0]).toMatchObject({ leaseOwner: "w3", leaseUntil: t(100) });
      expect(ids(await inbox().claimStale(K, t(10), 10, "w4", t(100)))).toEqual(["new"]);
      expect(await inbox().claimStale(K, t(10), 0, "w4", t(100))).toEqual([]);
      expect(await inbox().renew("w2", t(200))).toBe(1);
      expect(await inbox().claimStale(K, t(60), 10, "w4", t(300))).toEqual([]);
      expect(await inbox().release("w2")).toBe(1);
      expect(ids(await inbox().claimStale(K, t(60), 10, "w4", t(300)))).toEqual(["other"]);
      expect(await inbox().get("done")).toMatchObject({ status: "answered", leaseOwner: null });
      expect(ids(await inbox().claimStale(["discord_interaction"], t(60), 10, "w5", t(300)))).toEqual(["elsewhere"]);
    });

    it("marks many entries answered in one call, each with its own answer, leaving the others alone", async () => {
      const many = Array.from({ length: 450 }, (_, i) => entry(`m${i}`));
      await inbox().receive([...many, entry("left")], "w1", t(30), t(0));
      await inbox().answered(
        many.map((e, i) => ({ id: e.id, answer: i % 3 === 0 ? null : `{"n":${i}}` })),
        t(5),
      );
      expect(await inbox().get("m0")).toMatchObject({
        status: "answered",
        answer: null,
        answeredAt: t(5),
        leaseOwner: null,
        leaseUntil: null,
      });
      expect(await inbox().get("m1")).toMatchObject({ status: "answered", answer: '{"n":1}' });
      expect(await inbox().get("m449")).toMatchObject({ status: "answered", answer: '{"n":449}' });
      expect(await inbox().get("left")).toMatchObject({ status: "pending", answer: null, leaseOwner: "w1" });
      expect(await inbox().claimStale(K, t(100), 1000, "w2", t(200))).toHaveLength(1);
    });

    it("prunes answered entries received before a time, never unanswered ones", async () => {
      await inbox().receive([entry("a"), entry("b"), entry("c")], "w1", t(10), t(0));
      await inbox().receive([entry("late")], "w1", t(10), t(20));
      await inbox().answered([{ id: "a", answer: null }], t(1));
      await inbox().answered(
        [
          { id: "late", answer: null },
          { id: "missing", answer: null },
        ],
        t(21),
      );
      expect(await inbox().prune(t(20))).toBe(1);
      expect(await inbox().get("a")).toBeNull();
      expect(await inbox().get("b")).not.toBeNull();
      expect(await inbox().get("late")).not.toBeNull();
    });
  });
}
