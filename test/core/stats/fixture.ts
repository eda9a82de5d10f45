import type { Chat, ChatRequest, Feedback, Intro, Member, Nudge, VolunteerProfile } from "../../../src/core/domain/index.js";
import { defaultSettings, newMember } from "../../../src/core/domain/index.js";
import { parsePeriod, type StatsInput } from "../../../src/core/stats/index.js";

/** Small hand-built records for the pure stats functions; times are ISO strings in UTC. */
export const C = "test:figures";
export const at = (iso: string): Date => new Date(iso.endsWith("Z") ? iso : `${iso}Z`);
const H = 3600_000;
const reasons = { sharedTags: [], sharedFreeHours: 0, load: 0, score: 0 };

export const member = (id: string, over: Partial<Member> = {}): Member => ({
  ...newMember({ id, communityId: C, displayName: id.toUpperCase(), timeZone: "UTC", createdAt: at("2026-01-01T00:00:00") }),
  ...over,
});
export const volunteer = (id: string, capacityPerMonth = 2, over: Partial<VolunteerProfile> = {}): VolunteerProfile => ({
  memberId: id,
  communityId: C,
  expertise: ["ux"],
  bio: "",
  capacityPerMonth,
  formats: ["video"],
  meetingLink: "",
  active: true,
  updatedAt: at("2026-01-01T00:00:00"),
  ...over,
});
export const request = (id: string, created: string, over: Partial<ChatRequest> = {}): ChatRequest => ({
  id,
  communityId: C,
  seekerId: "s",
  tags: ["ux"],
  goals: "",
  status: "completed",
  tried: [],
  suggestions: [],
  referredBy: null,
  createdAt: at(created),
  updatedAt: at(created),
  ...over,
});
export const intro = (id: string, requestId: string, offered: string, over: Partial<Intro> = {}): Intro => ({
  id,
  communityId: C,
  requestId,
  seekerId: "s",
  volunteerId: "v",
  status: "pending",
  reasons,
  offeredAt: at(offered),
  deadline: new Date(at(offered).getTime() + 72 * H),
  respondedAt: null,
  declineReason: null,
  ...over,
});
export const chat = (id: string, requestId: string, created: string, over: Partial<Chat> = {}): Chat => ({
  id,
  communityId: C,
  requestId,
  introId: `i-${id}`,
  seekerId: "s",
  volunteerId: "v",
  status: "proposing",
  minutes: 30,
  format: "video",
  proposedSlots: [],
  slot: null,
  reschedules: 0,
  cancelledBy: null,
  outcomeAt: null,
  reports: [],
  invite: null,
  createdAt: at(created),
  updatedAt: at(created),
  ...over,
});
export const slot = (start: string) => ({ start: at(start), end: new Date(at(start).getTime() + H / 2) });
/** A thank-you the seeker wrote on `written`; delivered later or not at all. */
export const thanks = (id: string, chatId: string, written: string, status: Nudge["status"], sent: string | null = null): Nudge => ({
  id,
  communityId: C,
  key: `thanks_received:${id}`,
  to: ["v"],
  kind: "thanks_received",
  refId: chatId,
  dueAt: at(written),
  notice: { kind: "thanks_received", chatId, seeker: { id: "s", name: "S", timeZone: "UTC" }, text: "Thank you" },
  status,
  attempts: 0,
  lastError: null,
  leaseOwner: null,
  leaseUntil: null,
  sentAt: sent ? at(sent) : null,
  createdAt: at(written),
});
export const feedback = (id: string, chatId: string, fromId: string, rating: number, given: string, note = ""): Feedback => ({
  id,
  communityId: C,
  chatId,
  fromId,
  aboutId: fromId === "s" ? "v" : "s",
  rating,
  note,
  createdAt: at(given),
});

/** A stats input at `now` for `period`, with the seeker `s` and the volunteer `v` on record. */
export function input(now: string, period: string, over: Partial<StatsInput> = {}, zone = "UTC"): StatsInput {
  const n = at(now);
  const p = parsePeriod(period, n);
  if (!p) throw new Error(`bad period ${period}`);
  return {
    now: n,
    period: p,
    community: { id: C, name: "Figures", settings: { ...defaultSettings(), defaultTimeZone: zone }, createdAt: at("2026-01-01T00:00:00") },
    members: [member("s"), member("v")],
    volunteers: [volunteer("v")],
    requests: [],
    intros: [],
    chats: [],
    nudges: [],
    feedback: [],
    ...over,
  };
}
