import type { Chat, ChatRequest, Intro, Member, Nudge, VolunteerProfile } from "../../../src/core/domain/index.js";
import { defaultSettings, newMember } from "../../../src/core/domain/index.js";
import type { Store } from "../../../src/core/ports/index.js";

/**
 * A hand-built history with known answers for `admin stats` (now = Monday 2026-11-23 08:00 UTC,
 * default period 30d = since 2026-10-24 08:00). The expected figures are worked out in
 * stats.test.ts next to each assertion.
 */
export const C = "test:stats";
export const NOW = new Date("2026-11-23T08:00:00Z");
const at = (iso: string): Date => new Date(`${iso}Z`);
const id = (n: string): string => `${C}:${n}`;
const reasons = { sharedTags: [], sharedFreeHours: 0, load: 0, score: 0 };

const member = (n: string): Member =>
  newMember({
    id: id(n),
    communityId: C,
    displayName: n.toUpperCase(),
    timeZone: "UTC",
    timeZoneConfirmed: true,
    createdAt: at("2026-08-01T00:00:00"),
  });
const volunteer = (n: string, capacityPerMonth: number, expertise: string[]): VolunteerProfile => ({
  memberId: id(n),
  communityId: C,
  expertise,
  bio: "",
  capacityPerMonth,
  formats: ["video"],
  meetingLink: "",
  active: true,
  updatedAt: at("2026-08-01T00:00:00"),
});
const req = (
  rid: string,
  seeker: string,
  tags: string[],
  status: ChatRequest["status"],
  created: string,
  referredBy: string | null = null,
): ChatRequest => ({
  id: rid,
  communityId: C,
  seekerId: id(seeker),
  tags,
  goals: `goals of ${rid}`,
  status,
  tried: [],
  suggestions: [],
  referredBy: referredBy ? id(referredBy) : null,
  createdAt: at(created),
  updatedAt: at(created),
});
const intro = (
  iid: string,
  rid: string,
  seeker: string,
  vol: string,
  status: Intro["status"],
  offered: string,
  responded: string | null,
): Intro => ({
  id: iid,
  communityId: C,
  requestId: rid,
  seekerId: id(seeker),
  volunteerId: id(vol),
  status,
  reasons,
  offeredAt: at(offered),
  deadline: new Date(at(offered).getTime() + 72 * 3600_000),
  respondedAt: responded ? at(responded) : null,
  declineReason: null,
});
const chat = (
  cid: string,
  rid: string,
  iid: string,
  seeker: string,
  vol: string,
  status: Chat["status"],
  created: string,
  slotted: boolean,
): Chat => ({
  id: cid,
  communityId: C,
  requestId: rid,
  introId: iid,
  seekerId: id(seeker),
  volunteerId: id(vol),
  status,
  minutes: 30,
  format: "video",
  proposedSlots: [],
  slot: slotted
    ? { start: new Date(at(created).getTime() + 2 * 86400_000), end: new Date(at(created).getTime() + 2 * 86400_000 + 1800_000) }
    : null,
  reschedules: 0,
  cancelledBy: null,
  outcomeAt: null,
  reports: [],
  invite: null,
  createdAt: at(created),
  updatedAt: at(created),
});
/** A thank-you note a seeker sent through the bot (`thanks`), to the volunteer. */
const thankYou = (nid: string, seeker: string, status: Nudge["status"], sent: string | null): Nudge => ({
  id: nid,
  communityId: C,
  key: `thanks_received:${nid}`,
  to: [id("v1")],
  kind: "thanks_received",
  refId: nid,
  dueAt: sent ? at(sent) : NOW,
  notice: { kind: "thanks_received", chatId: nid, seeker: { id: id(seeker), name: seeker, timeZone: "UTC" }, text: "Thank you!" },
  status,
  attempts: 0,
  lastError: null,
  leaseOwner: null,
  leaseUntil: null,
  sentAt: sent ? at(sent) : null,
  createdAt: sent ? at(sent) : NOW,
});
/** The nudge asking a seeker to write one: a prompt, not a thank-you, so stats never count it. */
const thankYouPrompt = (nid: string, seeker: string, sent: string): Nudge => ({
  ...thankYou(nid, seeker, "sent", sent),
  key: `thank_you:${nid}`,
  to: [id(seeker)],
  kind: "thank_you",
  notice: { kind: "thank_you", chatId: nid, volunteer: { id: id("v1"), name: "V1", timeZone: "UTC" }, goals: "", draft: "" },
});

/** Writes the seeded history into `store`. */
export async function seedHistory(store: Store): Promise<void> {
  await store.tx(async (tx) => {
    await tx.saveCommunity({ id: C, name: "Stats", settings: defaultSettings(), createdAt: at("2026-08-01T00:00:00") });
    for (const n of ["s1", "s2", "s3", "s4", "s5", "v1", "v2", "v3", "v4"]) await tx.saveMember(member(n));
    await tx.saveVolunteer(volunteer("v1", 4, ["ux-design"]));
    await tx.saveVolunteer(volunteer("v2", 2, ["ux-design", "research"]));
    await tx.saveVolunteer(volunteer("v3", 2, ["python"]));
    await tx.saveVolunteer(volunteer("v4", 4, ["python"]));

    await tx.saveRequest(req("r0", "s5", ["python"], "completed", "2026-09-01T00:00:00"));
    await tx.saveRequest(req("r1", "s1", ["ux-design"], "completed", "2026-11-04T09:00:00"));
    await tx.saveRequest(req("r2", "s2", ["ux-design"], "completed", "2026-11-09T07:00:00"));
    await tx.saveRequest(req("r3", "s3", ["research"], "scheduled", "2026-11-10T23:00:00"));
    await tx.saveRequest(req("r4", "s4", ["ux-design"], "scheduling", "2026-11-13T23:00:00"));
    await tx.saveRequest(req("r5", "s1", ["python"], "completed", "2026-11-14T23:00:00", "v1"));
    await tx.saveRequest(req("r6", "s5", ["python"], "waitlisted", "2026-11-17T08:00:00"));
    await tx.saveRequest(req("r7", "s2", ["ux-design"], "offered", "2026-11-21T08:00:00"));
    await tx.saveRequest(req("r8", "s4", ["rust"], "open", "2026-11-22T08:00:00"));

    await tx.saveIntro(intro("i0", "r0", "s5", "v3", "accepted", "2026-09-01T00:00:00", "2026-09-01T08:00:00"));
    await tx.saveIntro(intro("i1", "r1", "s1", "v1", "accepted", "2026-11-04T10:00:00", "2026-11-04T14:00:00"));
    await tx.saveIntro(intro("i2", "r2", "s2", "v1", "accepted", "2026-11-09T08:00:00", "2026-11-09T20:00:00"));
    await tx.saveIntro(intro("i3", "r3", "s3", "v2", "accepted", "2026-11-11T00:00:00", "2026-11-12T00:00:00"));
    await tx.saveIntro(intro("i4", "r4", "s4", "v2", "accepted", "2026-11-14T00:00:00", "2026-11-14T02:00:00"));
    await tx.saveIntro(intro("i5", "r5", "s1", "v4", "accepted", "2026-11-15T00:00:00", "2026-11-15T06:00:00"));
    await tx.saveIntro(intro("i6", "r6", "s5", "v3", "declined", "2026-11-17T09:00:00", "2026-11-17T10:00:00"));
    await tx.saveIntro(intro("i7", "r6", "s5", "v4", "expired", "2026-11-18T00:00:00", null));
    await tx.saveIntro(intro("i8", "r7", "s2", "v2", "pending", "2026-11-22T00:00:00", null));

    await tx.saveChat(chat("c0", "r0", "i0", "s5", "v3", "happened", "2026-09-01T08:00:00", true));
    await tx.saveChat(chat("c1", "r1", "i1", "s1", "v1", "happened", "2026-11-05T00:00:00", true));
    await tx.saveChat(chat("c2", "r2", "i2", "s2", "v1", "no_show", "2026-11-10T00:00:00", true));
    await tx.saveChat(chat("c3", "r3", "i3", "s3", "v2", "scheduled", "2026-11-12T00:00:00", true));
    await tx.saveChat(chat("c4", "r4", "i4", "s4", "v2", "proposing", "2026-11-15T00:00:00", false));
    await tx.saveChat(chat("c5", "r5", "i5", "s1", "v4", "happened", "2026-11-16T00:00:00", true));

    await tx.addNudges([
      thankYou("n0", "s5", "sent", "2026-09-02T00:00:00"),
      thankYou("n1", "s1", "sent", "2026-11-05T03:00:00"),
      thankYou("n2", "s1", "sent", "2026-11-16T03:00:00"),
      thankYou("n3", "s3", "pending", null),
      thankYouPrompt("p1", "s1", "2026-11-05T02:00:00"),
      thankYouPrompt("p2", "s3", "2026-11-12T02:00:00"),
    ]);
  });
}
