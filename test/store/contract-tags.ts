import { describe, expect, it } from "vitest";
import type { TagCounts, TagUse } from "../../src/core/ports/index.js";
import type { ContractContext } from "./contract.js";
import { chat, feedback, intro, member, request, seeker, t, volunteer } from "./fixtures.js";

const use = (volunteers: number, seekers: number, requests: number): TagUse => ({ volunteers, seekers, requests });
const plain = (c: TagCounts) => ({ profiles: c.profiles, tags: Object.fromEntries([...c.tags].sort(([a], [b]) => (a < b ? -1 : 1))) });

/** The candidate path: volunteers found by tag, tag counts kept as records change, and lists over id sets. */
export function tagContract({ run }: ContractContext): void {
  describe("tag index and id-list reads", () => {
    it("finds the active volunteers posting any of the tags, by member id, and follows saves and deletes", async () => {
      await run(async (tx) => {
        await tx.saveVolunteer(volunteer("c1", "v2", { expertise: ["ux", "ml"], active: true }));
        await tx.saveVolunteer(volunteer("c1", "v1", { expertise: ["ml"], active: true }));
        await tx.saveVolunteer(volunteer("c1", "v3", { expertise: ["ml"], active: false }));
        await tx.saveVolunteer(volunteer("c1", "v4", { expertise: ["go"], active: true }));
        await tx.saveVolunteer(volunteer("c2", "v5", { expertise: ["ml"], active: true }));
      });
      const ids = async (tags: string[]) => (await run((tx) => tx.listVolunteersWithTags("c1", tags))).map((p) => p.memberId);
      expect(await ids(["ml"])).toEqual(["v1", "v2"]);
      expect(await ids(["ux", "go", "ml"])).toEqual(["v1", "v2", "v4"]);
      expect(await ids([])).toEqual([]);
      expect((await run((tx) => tx.listVolunteersWithTags("c1", ["ux"])))[0]).toEqual(
        volunteer("c1", "v2", { expertise: ["ux", "ml"], active: true }),
      );

      await run(async (tx) => {
        await tx.saveVolunteer(volunteer("c1", "v2", { expertise: ["ux"], active: true }));
        await tx.saveVolunteer(volunteer("c1", "v3", { expertise: ["ml"], active: true }));
        await tx.saveVolunteer(volunteer("c1", "v1", { expertise: ["ml"], active: false }));
        await tx.deleteVolunteer("c1", "v4");
        await tx.deleteVolunteer("c1", "never-there");
      });
      expect(await ids(["ml"])).toEqual(["v3"]);
      expect(await ids(["ux", "go"])).toEqual(["v2"]);
    });

    it("finds candidates for more tags than one statement may bind", async () => {
      const tags = Array.from({ length: 1200 }, (_, i) => `tag-${i}`);
      await run(async (tx) => {
        await tx.saveVolunteer(volunteer("c1", "v1", { expertise: ["tag-1100"], active: true }));
      });
      expect((await run((tx) => tx.listVolunteersWithTags("c1", tags))).map((p) => p.memberId)).toEqual(["v1"]);
    });

    it("counts volunteers, seekers and requests per tag, and the profiles carrying any tag", async () => {
      await run(async (tx) => {
        await tx.saveVolunteer(volunteer("c1", "v1", { expertise: ["ml", "ux", "ml"] }));
        await tx.saveVolunteer(volunteer("c1", "v2", { expertise: ["ml"], active: true }));
        await tx.saveVolunteer(volunteer("c1", "v3", { expertise: [] }));
        await tx.saveSeeker(seeker("c1", "s1", { interests: ["ml", "go"] }));
        await tx.saveSeeker(seeker("c1", "v1", { interests: [] }));
        await tx.saveRequest(request("c1", "r1", { tags: ["go", "rust"] }));
        await tx.saveVolunteer(volunteer("c2", "v1", { expertise: ["ml"] }));
      });
      expect(plain(await run((tx) => tx.tagCounts("c1")))).toEqual({
        profiles: 3,
        tags: { go: use(0, 1, 1), ml: use(2, 1, 0), rust: use(0, 0, 1), ux: use(1, 0, 0) },
      });
      expect(plain(await run((tx) => tx.tagCounts("c1", ["ml", "nobody"])))).toEqual({ profiles: 3, tags: { ml: use(2, 1, 0) } });

      await run(async (tx) => {
        await tx.saveVolunteer(volunteer("c1", "v1", { expertise: ["ux"] }));
        await tx.deleteVolunteer("c1", "v2");
        await tx.deleteSeeker("c1", "s1");
        await tx.saveRequest(request("c1", "r1", { tags: ["go"], status: "cancelled" }));
        await tx.saveRequest(request("c1", "r1", { tags: ["go"], status: "open" }));
      });
      expect(plain(await run((tx) => tx.tagCounts("c1")))).toEqual({ profiles: 1, tags: { go: use(0, 0, 1), ux: use(1, 0, 0) } });
      expect(plain(await run((tx) => tx.tagCounts("c9")))).toEqual({ profiles: 0, tags: {} });
    });

    it("lists the tags the community offers: active volunteers still in it, leaving one member out", async () => {
      await run(async (tx) => {
        await tx.saveMember(member("c1", "v1", { status: "active", forgotten: false }));
        await tx.saveMember(member("c1", "v2", { status: "paused", forgotten: false }));
        await tx.saveMember(member("c1", "v3", { status: "opted_out", forgotten: false }));
        await tx.saveMember(member("c1", "v4", { status: "active", forgotten: true }));
        await tx.saveMember(member("c1", "v5", { status: "active", forgotten: false }));
        await tx.saveVolunteer(volunteer("c1", "v1", { expertise: ["ml", "ux"], active: true }));
        await tx.saveVolunteer(volunteer("c1", "v2", { expertise: ["go"], active: true }));
        await tx.saveVolunteer(volunteer("c1", "v3", { expertise: ["rust"], active: true }));
        await tx.saveVolunteer(volunteer("c1", "v4", { expertise: ["java"], active: true }));
        await tx.saveVolunteer(volunteer("c1", "v5", { expertise: ["zig"], active: false }));
        await tx.saveVolunteer(volunteer("c1", "v6", { expertise: ["no-member"], active: true }));
      });
      expect(await run((tx) => tx.listOfferedTags("c1", "nobody"))).toEqual(["go", "ml", "ux"]);
      expect(await run((tx) => tx.listOfferedTags("c1", "v1"))).toEqual(["go"]);
      expect(await run((tx) => tx.listOfferedTags("c2", "nobody"))).toEqual([]);
    });

    it("reads members (in the order asked), chats, intros and feedback (in their usual order) over id lists, chunked past 999 ids", async () => {
      const many = Array.from({ length: 1100 }, (_, i) => `x${i}`);
      await run(async (tx) => {
        await tx.saveMember(member("c1", "m2", { createdAt: t(1) }));
        await tx.saveMember(member("c1", "m1", { createdAt: t(2) }));
        await tx.saveMember(member("c2", "m3", { createdAt: t(3) }));
        await tx.saveChat(chat("c1", "ch1", { seekerId: "m1", volunteerId: "v1", createdAt: t(5) }));
        await tx.saveChat(chat("c1", "ch2", { seekerId: "s2", volunteerId: "m1", createdAt: t(4), status: "scheduled" }));
        await tx.saveChat(chat("c1", "ch3", { seekerId: "s3", volunteerId: "v3", createdAt: t(3) }));
        await tx.saveIntro(intro("c1", "i1", { volunteerId: "v1", status: "pending", offeredAt: t(2) }));
        await tx.saveIntro(intro("c1", "i2", { volunteerId: "v2", status: "pending", offeredAt: t(1) }));
        await tx.saveIntro(intro("c1", "i3", { volunteerId: "v2", status: "declined", offeredAt: t(3) }));
        await tx.saveFeedback(feedback("c1", "f1", { aboutId: "v1", chatId: "ch1", createdAt: t(6) }));
        await tx.saveFeedback(feedback("c1", "f2", { aboutId: "v2", chatId: "ch2", createdAt: t(5) }));
      });
      expect((await run((tx) => tx.getMembers("c1", ["m1", "m3", "m2", "m1", ...many]))).map((m) => m.id)).toEqual(["m1", "m2"]);
      expect(await run((tx) => tx.getMembers("c1", []))).toEqual([]);
      const chats = await run((tx) => tx.listChats("c1", { memberIds: [...many, "m1", "v1"] }));
      expect(chats.map((c) => c.id)).toEqual(["ch2", "ch1"]);
      expect((await run((tx) => tx.listChats("c1", { memberIds: ["m1"], status: ["scheduled"] }))).map((c) => c.id)).toEqual(["ch2"]);
      expect(await run((tx) => tx.listChats("c1", { memberIds: [] }))).toEqual([]);
      const intros = await run((tx) => tx.listIntros("c1", { volunteerIds: [...many, "v1", "v2"], status: ["pending"] }));
      expect(intros.map((i) => i.id)).toEqual(["i2", "i1"]);
      expect(await run((tx) => tx.listIntros("c1", { volunteerIds: [] }))).toEqual([]);
      const fb = await run((tx) => tx.listFeedback("c1", { aboutIds: [...many, "v2", "v1"] }));
      expect(fb.map((f) => f.id)).toEqual(["f2", "f1"]);
      expect(await run((tx) => tx.listFeedback("c1", { aboutIds: [] }))).toEqual([]);
    });
  });
}
