import { describe, expect, it } from "vitest";
import type { ContractContext } from "./contract.js";
import { chat, community, feedback, intro, member, request, seeker, t, volunteer } from "./fixtures.js";

const ids = <T extends { id: string }>(xs: T[]): string[] => xs.map((x) => x.id);

/** Round trips, replacement, filters, ordering and community scoping of every record. */
export function recordContract({ run }: ContractContext): void {
  describe("communities", () => {
    it("round-trips every field, replaces by id, and lists in creation order", async () => {
      const a = community("slack:T1", { createdAt: t(5) });
      const b = community("discord:42", { createdAt: t(1), name: "B" });
      await run(async (tx) => {
        await tx.saveCommunity(a);
        await tx.saveCommunity(b);
      });
      expect(await run((tx) => tx.getCommunity("slack:T1"))).toEqual(a);
      expect(await run((tx) => tx.getCommunity("nope"))).toBeNull();
      const renamed = { ...a, name: "Renamed", settings: { ...a.settings, chatMinutes: 15 } };
      await run((tx) => tx.saveCommunity(renamed));
      expect(await run((tx) => tx.getCommunity("slack:T1"))).toEqual(renamed);
      expect(ids(await run((tx) => tx.listCommunities()))).toEqual(["discord:42", "slack:T1"]);
    });
  });

  describe("members", () => {
    it("round-trips every field and replaces by (community, id)", async () => {
      const m = member("c1", "slack:T1:U1");
      await run((tx) => tx.saveMember(m));
      expect(await run((tx) => tx.getMember("c1", "slack:T1:U1"))).toEqual(m);
      const plain = member("c1", "slack:T1:U1", {
        status: "active",
        pausedUntil: null,
        blocked: [],
        forgotten: false,
        timeZoneConfirmed: false,
      });
      await run((tx) => tx.saveMember(plain));
      expect(await run((tx) => tx.getMember("c1", "slack:T1:U1"))).toEqual(plain);
      expect(await run((tx) => tx.getMember("c1", "missing"))).toBeNull();
    });

    it("lists a community's members in creation order, and only theirs", async () => {
      await run(async (tx) => {
        await tx.saveMember(member("c1", "late", { createdAt: t(30) }));
        await tx.saveMember(member("c1", "early", { createdAt: t(10) }));
        await tx.saveMember(member("c2", "other", { createdAt: t(20) }));
      });
      expect(ids(await run((tx) => tx.listMembers("c1")))).toEqual(["early", "late"]);
      expect(ids(await run((tx) => tx.listMembers("c3")))).toEqual([]);
    });

    it("hands out copies: mutating a result does not change the store", async () => {
      await run((tx) => tx.saveMember(member("c1", "u")));
      const got = await run((tx) => tx.getMember("c1", "u"));
      got?.blocked.push("mutated");
      expect((await run((tx) => tx.getMember("c1", "u")))?.blocked).toEqual(["slack:T1:UBLOCKED"]);
    });
  });

  describe("seeker profiles", () => {
    it("round-trips, lists by member id within the community, replaces and deletes (deleting a missing one is fine)", async () => {
      const p = seeker("c1", "u1");
      await run((tx) => tx.saveSeeker(p));
      expect(await run((tx) => tx.getSeeker("c1", "u1"))).toEqual(p);
      const q = seeker("c1", "u1", { interests: [], learn: "", intro: "", updatedAt: t(99) });
      await run((tx) => tx.saveSeeker(q));
      expect(await run((tx) => tx.getSeeker("c1", "u1"))).toEqual(q);
      await run(async (tx) => {
        await tx.saveSeeker(seeker("c1", "u0"));
        await tx.saveSeeker(seeker("c2", "u2"));
      });
      expect((await run((tx) => tx.listSeekers("c1"))).map((p) => p.memberId)).toEqual(["u0", "u1"]);
      expect(await run((tx) => tx.listSeekers("c2"))).toEqual([seeker("c2", "u2")]);
      await run(async (tx) => {
        await tx.deleteSeeker("c1", "u1");
        await tx.deleteSeeker("c1", "never");
      });
      expect(await run((tx) => tx.getSeeker("c1", "u1"))).toBeNull();
    });
  });

  describe("volunteer profiles", () => {
    it("round-trips, lists by member id within the community, and deletes", async () => {
      const v = volunteer("c1", "slack:T1:UB");
      await run(async (tx) => {
        await tx.saveVolunteer(v);
        await tx.saveVolunteer(volunteer("c1", "slack:T1:UA", { formats: ["in_person"], active: true, capacityPerMonth: 0 }));
        await tx.saveVolunteer(volunteer("c2", "slack:T1:UC"));
      });
      expect(await run((tx) => tx.getVolunteer("c1", "slack:T1:UB"))).toEqual(v);
      const listed = await run((tx) => tx.listVolunteers("c1"));
      expect(listed.map((p) => p.memberId)).toEqual(["slack:T1:UA", "slack:T1:UB"]);
      expect(listed[0]).toEqual(volunteer("c1", "slack:T1:UA", { formats: ["in_person"], active: true, capacityPerMonth: 0 }));
      await run((tx) => tx.deleteVolunteer("c1", "slack:T1:UB"));
      expect(await run((tx) => tx.getVolunteer("c1", "slack:T1:UB"))).toBeNull();
      expect(await run((tx) => tx.listVolunteers("c2"))).toHaveLength(1);
    });
  });

  describe("chat requests", () => {
    it("round-trips every field, including suggestions and a null referrer", async () => {
      const r = request("c1", "r1");
      const plain = request("c1", "r2", { referredBy: null, tried: [], suggestions: [] });
      await run(async (tx) => {
        await tx.saveRequest(r);
        await tx.saveRequest(plain);
      });
      expect(await run((tx) => tx.getRequest("c1", "r1"))).toEqual(r);
      expect(await run((tx) => tx.getRequest("c1", "r2"))).toEqual(plain);
      const moved = { ...r, status: "scheduled" as const, updatedAt: t(500) };
      await run((tx) => tx.saveRequest(moved));
      expect(await run((tx) => tx.getRequest("c1", "r1"))).toEqual(moved);
    });

    it("keeps when a request went onto the waitlist, clears it, and lists expired requests", async () => {
      const waiting = request("c1", "w1", { status: "waitlisted", waitlistedAt: t(40) });
      await run((tx) => tx.saveRequest(waiting));
      expect(await run((tx) => tx.getRequest("c1", "w1"))).toEqual(waiting);
      const expired = { ...waiting, status: "expired" as const, waitlistedAt: null, updatedAt: t(90) };
      await run((tx) => tx.saveRequest(expired));
      const back = await run((tx) => tx.getRequest("c1", "w1"));
      expect(back?.status).toBe("expired");
      expect(back?.waitlistedAt ?? null).toBeNull();
      expect(ids(await run((tx) => tx.listRequests("c1", { status: ["expired"] })))).toEqual(["w1"]);
    });

    it("filters by seeker and status, oldest first", async () => {
      await run(async (tx) => {
        await tx.saveRequest(request("c1", "new", { seekerId: "s1", status: "open", createdAt: t(30) }));
        await tx.saveRequest(request("c1", "old", { seekerId: "s1", status: "waitlisted", createdAt: t(10) }));
        await tx.saveRequest(request("c1", "done", { seekerId: "s1", status: "completed", createdAt: t(20) }));
        await tx.saveRequest(request("c1", "theirs", { seekerId: "s2", status: "open", createdAt: t(5) }));
        await tx.saveRequest(request("c2", "elsewhere", { seekerId: "s1", status: "open", createdAt: t(1) }));
      });
      expect(ids(await run((tx) => tx.listRequests("c1")))).toEqual(["theirs", "old", "done", "new"]);
      expect(ids(await run((tx) => tx.listRequests("c1", { seekerId: "s1" })))).toEqual(["old", "done", "new"]);
      expect(ids(await run((tx) => tx.listRequests("c1", { seekerId: "s1", status: ["open", "waitlisted"] })))).toEqual(["old", "new"]);
      expect(ids(await run((tx) => tx.listRequests("c1", { status: [] })))).toEqual([]);
    });
  });

  describe("intros", () => {
    it("round-trips every field and null response fields", async () => {
      const i = intro("c1", "i1");
      const pending = intro("c1", "i2", { status: "pending", respondedAt: null, declineReason: null });
      await run(async (tx) => {
        await tx.saveIntro(i);
        await tx.saveIntro(pending);
      });
      expect(await run((tx) => tx.getIntro("c1", "i1"))).toEqual(i);
      expect(await run((tx) => tx.getIntro("c1", "i2"))).toEqual(pending);
    });

    it("filters by request, volunteer, seeker, status and deadline (inclusive), oldest offer first", async () => {
      await run(async (tx) => {
        await tx.saveIntro(
          intro("c1", "a", { requestId: "r1", volunteerId: "v1", seekerId: "s1", status: "pending", offeredAt: t(3), deadline: t(100) }),
        );
        await tx.saveIntro(
          intro("c1", "b", { requestId: "r1", volunteerId: "v2", seekerId: "s1", status: "expired", offeredAt: t(1), deadline: t(50) }),
        );
        await tx.saveIntro(
          intro("c1", "c", { requestId: "r2", volunteerId: "v1", seekerId: "s2", status: "pending", offeredAt: t(2), deadline: t(200) }),
        );
        await tx.saveIntro(
          intro("c2", "d", { requestId: "r1", volunteerId: "v1", seekerId: "s1", status: "pending", offeredAt: t(0), deadline: t(1) }),
        );
      });
      expect(ids(await run((tx) => tx.listIntros("c1")))).toEqual(["b", "c", "a"]);
      expect(ids(await run((tx) => tx.listIntros("c1", { requestId: "r1" })))).toEqual(["b", "a"]);
      expect(ids(await run((tx) => tx.listIntros("c1", { volunteerId: "v1" })))).toEqual(["c", "a"]);
      expect(ids(await run((tx) => tx.listIntros("c1", { seekerId: "s2" })))).toEqual(["c"]);
      expect(ids(await run((tx) => tx.listIntros("c1", { status: ["pending"], deadlineBefore: t(100) })))).toEqual(["a"]);
      expect(ids(await run((tx) => tx.listIntros("c1", { deadlineBefore: t(99) })))).toEqual(["b"]);
    });
  });

  describe("chats", () => {
    it("round-trips every field, slots included, and a chat with no slot yet", async () => {
      const c = chat("c1", "ch1");
      const proposing = chat("c1", "ch2", {
        status: "proposing",
        proposedSlots: [],
        slot: null,
        reschedules: 0,
        cancelledBy: null,
        outcomeAt: null,
      });
      await run(async (tx) => {
        await tx.saveChat(c);
        await tx.saveChat(proposing);
      });
      const got = await run((tx) => tx.getChat("c1", "ch1"));
      expect(got).toEqual(c);
      expect(got?.slot?.start).toBeInstanceOf(Date);
      expect(await run((tx) => tx.getChat("c1", "ch2"))).toEqual(proposing);
    });

    it("filters by member (either side), request, status and creation time (inclusive)", async () => {
      await run(async (tx) => {
        await tx.saveChat(chat("c1", "x", { seekerId: "m1", volunteerId: "v1", requestId: "r1", status: "scheduled", createdAt: t(30) }));
        await tx.saveChat(chat("c1", "y", { seekerId: "s9", volunteerId: "m1", requestId: "r2", status: "happened", createdAt: t(10) }));
        await tx.saveChat(chat("c1", "z", { seekerId: "s9", volunteerId: "v2", requestId: "r1", status: "cancelled", createdAt: t(20) }));
        await tx.saveChat(chat("c2", "w", { seekerId: "m1", volunteerId: "v1", requestId: "r1", status: "scheduled", createdAt: t(0) }));
      });
      expect(ids(await run((tx) => tx.listChats("c1")))).toEqual(["y", "z", "x"]);
      expect(ids(await run((tx) => tx.listChats("c1", { memberId: "m1" })))).toEqual(["y", "x"]);
      expect(ids(await run((tx) => tx.listChats("c1", { requestId: "r1" })))).toEqual(["z", "x"]);
      expect(ids(await run((tx) => tx.listChats("c1", { status: ["happened", "scheduled"] })))).toEqual(["y", "x"]);
      expect(ids(await run((tx) => tx.listChats("c1", { createdSince: t(20) })))).toEqual(["z", "x"]);
      expect(ids(await run((tx) => tx.listChats("c1", { memberId: "m1", createdSince: t(11) })))).toEqual(["x"]);
    });
  });

  describe("feedback", () => {
    it("keeps one per author and chat: a second save from the same author replaces the first", async () => {
      const first = feedback("c1", "f1");
      const second = feedback("c1", "f2", { rating: 2, note: "", createdAt: t(60) });
      await run((tx) => tx.saveFeedback(first));
      expect(await run((tx) => tx.listFeedback("c1"))).toEqual([first]);
      await run((tx) => tx.saveFeedback(second));
      expect(await run((tx) => tx.listFeedback("c1"))).toEqual([second]);
    });

    it("filters by about, chat and author; deletes an author's feedback within one community", async () => {
      await run(async (tx) => {
        await tx.saveFeedback(feedback("c1", "a", { chatId: "ch1", fromId: "s1", aboutId: "v1", createdAt: t(3) }));
        await tx.saveFeedback(feedback("c1", "b", { chatId: "ch1", fromId: "v1", aboutId: "s1", createdAt: t(1) }));
        await tx.saveFeedback(feedback("c1", "c", { chatId: "ch2", fromId: "s1", aboutId: "v2", createdAt: t(2) }));
        await tx.saveFeedback(feedback("c2", "d", { chatId: "ch1", fromId: "s1", aboutId: "v1", createdAt: t(0) }));
      });
      expect(ids(await run((tx) => tx.listFeedback("c1")))).toEqual(["b", "c", "a"]);
      expect(ids(await run((tx) => tx.listFeedback("c1", { aboutId: "v1" })))).toEqual(["a"]);
      expect(ids(await run((tx) => tx.listFeedback("c1", { chatId: "ch1" })))).toEqual(["b", "a"]);
      expect(ids(await run((tx) => tx.listFeedback("c1", { fromId: "s1", chatId: "ch2" })))).toEqual(["c"]);
      expect(await run((tx) => tx.deleteFeedbackFrom("c1", "s1"))).toBe(2);
      expect(await run((tx) => tx.deleteFeedbackFrom("c1", "s1"))).toBe(0);
      expect(ids(await run((tx) => tx.listFeedback("c1")))).toEqual(["b"]);
      expect(ids(await run((tx) => tx.listFeedback("c2")))).toEqual(["d"]);
    });
  });

  describe("community scoping", () => {
    it("keeps records with the same id in two communities apart", async () => {
      await run(async (tx) => {
        for (const c of ["c1", "c2"]) {
          const over = { displayName: `in ${c}` };
          await tx.saveMember(member(c, "same", over));
          await tx.saveSeeker(seeker(c, "same", { learn: c }));
          await tx.saveVolunteer(volunteer(c, "same", { bio: c }));
          await tx.saveRequest(request(c, "same", { goals: c }));
          await tx.saveIntro(intro(c, "same", { declineReason: c }));
          await tx.saveChat(chat(c, "same", { cancelledBy: c }));
          await tx.saveFeedback(feedback(c, "same", { note: c }));
        }
      });
      const read = (c: string) =>
        run(async (tx) => [
          (await tx.getMember(c, "same"))?.displayName,
          (await tx.getSeeker(c, "same"))?.learn,
          (await tx.getVolunteer(c, "same"))?.bio,
          (await tx.getRequest(c, "same"))?.goals,
          (await tx.getIntro(c, "same"))?.declineReason,
          (await tx.getChat(c, "same"))?.cancelledBy,
          (await tx.listFeedback(c)).map((f) => f.note),
        ]);
      expect(await read("c1")).toEqual(["in c1", "c1", "c1", "c1", "c1", "c1", ["c1"]]);
      expect(await read("c2")).toEqual(["in c2", "c2", "c2", "c2", "c2", "c2", ["c2"]]);
      await run(async (tx) => {
        await tx.deleteSeeker("c1", "same");
        await tx.deleteVolunteer("c1", "same");
      });
      expect((await read("c2")).slice(1, 3)).toEqual(["c2", "c2"]);
      expect(await run((tx) => tx.getMember("c3", "same"))).toBeNull();
    });
  });
}
