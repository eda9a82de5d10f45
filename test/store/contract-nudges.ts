import { describe, expect, it } from "vitest";
import type { Nudge } from "../../src/core/domain/index.js";
import type { ContractContext } from "./contract.js";
import { nudge, t } from "./fixtures.js";

const ids = (xs: Nudge[]): string[] => xs.map((x) => x.id);

/** The nudge half of StoreTx: enqueue idempotently by key, list, cancel. */
export function nudgeContract({ run }: ContractContext): void {
  describe("nudges in a transaction", () => {
    it("round-trips every field: a pair, a notice with dates inside, lease and error fields", async () => {
      const pair = nudge("c1", "n1");
      const single = nudge("c1", "n2", {
        to: ["slack:T1:UV1"],
        dueAt: t(150),
        kind: "intro_offered",
        status: "failed",
        attempts: 3,
        lastError: "429 Too Many Requests",
        leaseOwner: "runner-a",
        leaseUntil: t(120),
        sentAt: t(130),
        notice: {
          kind: "intro_offered",
          introId: "i1",
          seeker: { id: "s", name: "Sam", timeZone: "UTC", tags: ["rust"], bio: "" },
          goals: "g",
          learn: "l",
          reasons: { sharedTags: [], sharedFreeHours: 0, load: 0, score: 0 },
          minutes: 30,
          deadline: t(4000),
          referredBy: null,
        },
      });
      expect(await run((tx) => tx.addNudges([pair, single]))).toBe(2);
      const listed = await run((tx) => tx.listNudges("c1"));
      expect(listed).toEqual([pair, single]);
      const notice = listed[1]?.notice;
      expect(notice?.kind === "intro_offered" && notice.deadline).toBeInstanceOf(Date);
    });

    it("is idempotent by key within a community: existing keys are left as they are", async () => {
      const original = nudge("c1", "n1", { key: "prep:chat-1" });
      expect(await run((tx) => tx.addNudges([original]))).toBe(1);
      const again = nudge("c1", "n2", { key: "prep:chat-1", dueAt: t(999), kind: "other" });
      expect(await run((tx) => tx.addNudges([again, nudge("c1", "n3", { key: "new", dueAt: t(200) })]))).toBe(1);
      expect(await run((tx) => tx.listNudges("c1"))).toEqual([original, nudge("c1", "n3", { key: "new", dueAt: t(200) })]);
      // The same key in another community is a different nudge.
      expect(await run((tx) => tx.addNudges([nudge("c2", "n4", { key: "prep:chat-1" })]))).toBe(1);
      // Duplicates inside one batch: the first wins.
      const twins = [nudge("c3", "n5", { key: "k", refId: "first" }), nudge("c3", "n6", { key: "k", refId: "second" })];
      expect(await run((tx) => tx.addNudges(twins))).toBe(1);
      expect((await run((tx) => tx.listNudges("c3"))).map((n) => n.refId)).toEqual(["first"]);
      expect(await run((tx) => tx.addNudges([]))).toBe(0);
    });

    it("adds large batches in one call", async () => {
      const many = Array.from({ length: 450 }, (_, i) => nudge("c1", `n${i}`, { dueAt: t(1000 + i), to: [`u${i % 7}`] }));
      expect(await run((tx) => tx.addNudges(many))).toBe(450);
      expect(await run((tx) => tx.addNudges(many))).toBe(0);
      const listed = await run((tx) => tx.listNudges("c1"));
      expect(listed).toHaveLength(450);
      expect(listed[449]).toEqual(many[449]);
    });

    it("lists by ref, recipient (alone or in a pair), kinds and status, earliest due first, per community", async () => {
      await run((tx) =>
        tx.addNudges([
          nudge("c1", "a", { refId: "chat-1", to: ["s1", "v1"], kind: "chat_reminder", dueAt: t(30) }),
          nudge("c1", "b", { refId: "chat-1", to: ["s1"], kind: "prep", dueAt: t(10), status: "sent" }),
          nudge("c1", "c", { refId: "chat-2", to: ["v1"], kind: "check_in", dueAt: t(20) }),
          nudge("c2", "d", { refId: "chat-1", to: ["s1", "v1"], kind: "chat_reminder", dueAt: t(0) }),
        ]),
      );
      expect(ids(await run((tx) => tx.listNudges("c1")))).toEqual(["b", "c", "a"]);
      expect(ids(await run((tx) => tx.listNudges("c1", { refId: "chat-1" })))).toEqual(["b", "a"]);
      expect(ids(await run((tx) => tx.listNudges("c1", { to: "v1" })))).toEqual(["c", "a"]);
      expect(ids(await run((tx) => tx.listNudges("c1", { to: "s1" })))).toEqual(["b", "a"]);
      expect(ids(await run((tx) => tx.listNudges("c1", { kinds: ["prep", "check_in"] })))).toEqual(["b", "c"]);
      expect(ids(await run((tx) => tx.listNudges("c1", { status: ["pending"], to: "s1" })))).toEqual(["a"]);
      expect(ids(await run((tx) => tx.listNudges("c1", { kinds: [] })))).toEqual([]);
    });

    it("cancels only pending nudges matching the filter, clearing their lease", async () => {
      await run((tx) =>
        tx.addNudges([
          nudge("c1", "a", { refId: "chat-1", leaseOwner: "w", leaseUntil: t(500) }),
          nudge("c1", "b", { refId: "chat-1", status: "sent", sentAt: t(101) }),
          nudge("c1", "c", { refId: "chat-1", status: "failed" }),
          nudge("c1", "d", { refId: "chat-2" }),
          nudge("c2", "e", { refId: "chat-1" }),
        ]),
      );
      expect(await run((tx) => tx.cancelNudges("c1", { refId: "chat-1", status: ["sent"] }))).toBe(0);
      expect(await run((tx) => tx.cancelNudges("c1", { refId: "chat-1" }))).toBe(1);
      expect(await run((tx) => tx.cancelNudges("c1", { refId: "chat-1" }))).toBe(0);
      const byId = new Map((await run((tx) => tx.listNudges("c1"))).map((n) => [n.id, n]));
      expect(byId.get("a")).toMatchObject({ status: "cancelled", leaseOwner: null, leaseUntil: null });
      expect(byId.get("b")?.status).toBe("sent");
      expect(byId.get("c")?.status).toBe("failed");
      expect(byId.get("d")?.status).toBe("pending");
      expect((await run((tx) => tx.listNudges("c2")))[0]?.status).toBe("pending");
      expect(await run((tx) => tx.cancelNudges("c1", { to: "slack:T1:UV1", kinds: ["chat_reminder"] }))).toBe(1);
    });
  });
}
