import { describe, expect, it } from "vitest";
import type { ContractContext } from "./contract.js";
import { intro, member, request, seeker, t } from "./fixtures.js";

/** More ids than one SQLite statement may bind (999): the store has to split the work. */
const MANY = 1200;
const idsOf = (prefix: string) => Array.from({ length: MANY }, (_, i) => `${prefix}${i}`);

/** Reads and writes of many records at once: any number of them, with the semantics of one at a time. */
export function batchContract({ run }: ContractContext): void {
  describe("many at once", () => {
    it("reads many members by id: those that exist, once each, in the order asked, and only the community's", async () => {
      // More ids than one SQLite statement may bind (999), so the store has to split the lookup.
      const ids = idsOf("slack:T1:U");
      await run(async (tx) => {
        for (const id of ids.filter((_id, i) => i % 40 === 1)) await tx.saveMember(member("c1", id));
        await tx.saveMember(member("c2", "slack:T1:U0"));
      });
      const asked = [...ids].reverse().concat(ids.slice(0, 10));
      const got = await run((tx) => tx.getMembers("c1", asked));
      expect(got.map((m) => m.id)).toEqual([...ids].reverse().filter((id) => Number(id.slice(10)) % 40 === 1));
      expect(got.every((m) => m.communityId === "c1")).toBe(true);
      expect(await run((tx) => tx.getMembers("c1", []))).toEqual([]);
    });

    it("answers hundreds of concurrent single-row reads in one transaction", async () => {
      const ids = idsOf("slack:T1:U");
      const saved = ids.filter((_id, i) => i % 40 === 1);
      await run(async (tx) => {
        for (const id of saved) await tx.saveMember(member("c1", id));
      });
      // Prisma merges reads issued together into one statement, found or not.
      const got = await run((tx) => Promise.all(ids.map((id) => tx.getMember("c1", id))));
      expect(got.map((m) => m?.id ?? null)).toEqual(ids.map((id) => (saved.includes(id) ? id : null)));
    });

    it("reads many seeker profiles by member id: those that exist, once each, in the order asked", async () => {
      const ids = idsOf("slack:T1:U");
      await run(async (tx) => {
        for (const id of ids.filter((_id, i) => i % 40 === 0)) await tx.saveSeeker(seeker("c1", id));
        await tx.saveSeeker(seeker("c2", "slack:T1:U1"));
      });
      const got = await run((tx) => tx.getSeekers("c1", [...ids].reverse()));
      expect(got.map((p) => p.memberId)).toEqual([...ids].reverse().filter((id) => Number(id.slice(10)) % 40 === 0));
      expect(got[0]).toEqual(seeker("c1", ids.at(-40) ?? ""));
      expect(await run((tx) => tx.getSeekers("c1", ["slack:T1:U1"]))).toEqual([]);
    });

    it("saves many requests as saving each would: new ones inserted, existing ones replaced, the last of a key winning", async () => {
      const ids = idsOf("req-");
      await run((tx) => tx.saveRequest(request("c1", "req-0", { status: "open" })));
      await run((tx) => tx.saveRequest(request("c2", "req-1", { status: "open" })));
      const batch = ids.map((id, i) => request("c1", id, { status: "waitlisted", waitlistedAt: t(i), updatedAt: t(i), referredBy: null }));
      const last = request("c1", "req-5", { status: "offered", tried: ["slack:T1:UV9"] });
      await run((tx) => tx.saveRequests([...batch, last]));
      const got = await run((tx) => tx.listRequests("c1"));
      expect(got).toHaveLength(MANY);
      expect(got.find((r) => r.id === "req-0")).toEqual(batch[0]);
      expect(got.find((r) => r.id === "req-5")).toEqual(last);
      expect(got.find((r) => r.id === "req-7")).toEqual(batch[7]);
      // Another community's request with the same id is left alone.
      expect(await run((tx) => tx.getRequest("c2", "req-1"))).toEqual(request("c2", "req-1", { status: "open" }));
      await run((tx) => tx.saveRequests([]));
      expect(await run((tx) => tx.listRequests("c1"))).toHaveLength(MANY);
    });

    it("keeps the tag counts as saving each request would: new tags counted, changed tags moved, unchanged ones left", async () => {
      await run((tx) => tx.saveRequest(request("c1", "r1", { tags: ["ml"] })));
      await run((tx) =>
        tx.saveRequests([
          request("c1", "r1", { tags: ["ml"], status: "waitlisted" }),
          request("c1", "r2", { tags: ["go", "ml"] }),
          request("c1", "r3", { tags: ["ux"] }),
          request("c1", "r3", { tags: ["rust"] }),
        ]),
      );
      const counts = await run((tx) => tx.tagCounts("c1", ["ml", "go", "ux", "rust"]));
      const requests = Object.fromEntries([...counts.tags].map(([tag, use]) => [tag, use.requests]));
      expect(requests).toEqual({ ml: 2, go: 1, rust: 1 });
    });

    it("saves many intros as saving each would", async () => {
      const ids = idsOf("intro-");
      await run((tx) => tx.saveIntro(intro("c1", "intro-3", { status: "pending", respondedAt: null, declineReason: null })));
      const batch = ids.map((id, i) => intro("c1", id, { requestId: `req-${i}`, offeredAt: t(i) }));
      await run((tx) => tx.saveIntros(batch));
      const got = await run((tx) => tx.listIntros("c1"));
      expect(got).toEqual(batch);
      expect(await run((tx) => tx.listIntros("c2"))).toEqual([]);
    });
  });
}
