import {
  defaultSettings,
  type Chat,
  type ChatRequest,
  type Community,
  type Feedback,
  type Intro,
  type Member,
  type Nudge,
  type SeekerProfile,
  type VolunteerProfile,
} from "../../src/core/domain/index.js";

/**
 * Records with every field set to something other than its default (dates with
 * milliseconds, nested JSON with dates inside), so a round trip that drops or mangles a
 * field shows.
 */
const T0 = Date.UTC(2025, 2, 10, 9, 30, 15, 123);
/** `n` minutes after the fixed instant every fixture is dated from. */
export const t = (minutes: number): Date => new Date(T0 + minutes * 60_000);

const reasons = { sharedTags: ["rust", "machine-learning"], sharedFreeHours: 6.5, load: 0.25, score: 3.75 };

/** A community with non-default settings. */
export const community = (id: string, over: Partial<Community> = {}): Community => ({
  id,
  name: `Community ${id}`,
  settings: defaultSettings({
    chatMinutes: 45,
    tagAliases: { k8s: "kubernetes" },
    admins: ["slack:T1:UADMIN"],
    nudges: { introReminder: false, prep: true, chatReminder: true, checkIn: false, thankYou: true, referralAsk: true, keepInTouch: false },
    defaultTimeZone: "Europe/Berlin",
    programPaused: true,
  }),
  createdAt: t(0),
  ...over,
});

/** A paused, forgotten member with a block list and availability. */
export const member = (communityId: string, id: string, over: Partial<Member> = {}): Member => ({
  id,
  communityId,
  displayName: `Member ${id} «ünïcødé»`,
  timeZone: "America/New_York",
  timeZoneConfirmed: true,
  status: "paused",
  pausedUntil: t(60 * 24 * 7),
  blocked: ["slack:T1:UBLOCKED"],
  availability: {
    windows: [
      { day: 2, start: "09:00", end: "12:30" },
      { day: 5, start: "18:00", end: "24:00" },
    ],
    datesOff: ["2025-03-14"],
  },
  forgotten: true,
  celebrate: true,
  createdAt: t(1),
  ...over,
});

/** A seeker profile. */
export const seeker = (communityId: string, memberId: string, over: Partial<SeekerProfile> = {}): SeekerProfile => ({
  memberId,
  communityId,
  interests: ["data-science", "c++"],
  learn: "How to move from QA into data engineering",
  intro: "Five years in QA; curious about pipelines.",
  updatedAt: t(2),
  ...over,
});

/** An inactive volunteer profile with two formats. */
export const volunteer = (communityId: string, memberId: string, over: Partial<VolunteerProfile> = {}): VolunteerProfile => ({
  memberId,
  communityId,
  expertise: ["data-engineering", "python"],
  bio: "Data engineer at a logistics company.",
  capacityPerMonth: 3,
  formats: ["video", "phone"],
  meetingLink: "https://meet.example.com/abc",
  active: false,
  updatedAt: t(3),
  ...over,
});

/** An offered request with tries, a suggestion and a referrer. */
export const request = (communityId: string, id: string, over: Partial<ChatRequest> = {}): ChatRequest => ({
  id,
  communityId,
  seekerId: "slack:T1:USEEKER",
  tags: ["rust", "machine-learning"],
  goals: "1. What does a week look like? 2. Which skills matter?",
  status: "offered",
  tried: ["slack:T1:UV1", "slack:T1:UV2"],
  suggestions: [{ volunteerId: "slack:T1:UV3", reasons }],
  referredBy: "slack:T1:UREF",
  createdAt: t(10),
  updatedAt: t(11),
  ...over,
});

/** A declined intro with its response fields set. */
export const intro = (communityId: string, id: string, over: Partial<Intro> = {}): Intro => ({
  id,
  communityId,
  requestId: "req-1",
  seekerId: "slack:T1:USEEKER",
  volunteerId: "slack:T1:UV1",
  status: "declined",
  reasons,
  offeredAt: t(20),
  deadline: t(20 + 72 * 60),
  respondedAt: t(30),
  declineReason: "Travelling this month",
  ...over,
});

/** A chat that happened, with proposed slots, a slot and reschedules. */
export const chat = (communityId: string, id: string, over: Partial<Chat> = {}): Chat => ({
  id,
  communityId,
  requestId: "req-1",
  introId: "intro-1",
  seekerId: "slack:T1:USEEKER",
  volunteerId: "slack:T1:UV1",
  status: "happened",
  minutes: 45,
  format: "in_person",
  proposedSlots: [
    { start: t(3000), end: t(3045) },
    { start: t(4500), end: t(4545) },
  ],
  slot: { start: t(4500), end: t(4545) },
  reschedules: 2,
  cancelledBy: "slack:T1:UV1",
  outcomeAt: t(4600),
  reports: [
    { by: "slack:T1:USEEKER", outcome: "happened", at: t(4600) },
    { by: "slack:T1:UV1", outcome: "no_show", at: t(4700) },
  ],
  invite: { sequence: 3, slot: { start: t(4500), end: t(4545) }, cancelled: false },
  bookedAt: t(2000),
  createdAt: t(40),
  updatedAt: t(41),
  ...over,
});

/** Feedback from the seeker about the volunteer. */
export const feedback = (communityId: string, id: string, over: Partial<Feedback> = {}): Feedback => ({
  id,
  communityId,
  chatId: "chat-1",
  fromId: "slack:T1:USEEKER",
  aboutId: "slack:T1:UV1",
  rating: 4,
  note: "Very kind; pointed me to two books.",
  createdAt: t(50),
  ...over,
});

/** A pending nudge to a pair whose notice carries dates inside nested JSON. */
export const nudge = (communityId: string, id: string, over: Partial<Nudge> = {}): Nudge => ({
  id,
  communityId,
  key: `key-${id}`,
  to: ["slack:T1:USEEKER", "slack:T1:UV1"],
  kind: "chat_reminder",
  refId: "chat-1",
  dueAt: t(100),
  notice: {
    kind: "chat_reminder",
    chatId: "chat-1",
    other: { id: "slack:T1:UV1", name: "Vee", timeZone: "Asia/Tokyo" },
    slot: { start: t(160), end: t(190) },
    minutes: 30,
    format: "video",
    meetingLink: "https://meet.example.com/abc",
  },
  status: "pending",
  attempts: 0,
  lastError: null,
  leaseOwner: null,
  leaseUntil: null,
  sentAt: null,
  createdAt: t(5),
  ...over,
});
