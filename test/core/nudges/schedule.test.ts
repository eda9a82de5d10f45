import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { defaultSettings, type Chat, type CommunitySettings, type Intro } from "../../../src/core/domain/index.js";
import { CHAT_TIMED_KINDS, afterHappenedNudges, chatNudges, introNudges } from "../../../src/core/nudges/schedule.js";

const MIN = 60_000;
const HOUR = 60 * MIN;
const DAY = 24 * HOUR;
const NOW = new Date("2026-11-23T08:00:00Z");
const at = (ms: number) => new Date(NOW.getTime() + ms);
const plan = (xs: { kind: string; to: string; dueAt: Date }[]) => xs.map((x) => [x.kind, x.to, x.dueAt.getTime() - NOW.getTime()]);

const ALL_OFF: CommunitySettings["nudges"] = {
  introReminder: false,
  prep: false,
  chatReminder: false,
  checkIn: false,
  thankYou: false,
  referralAsk: false,
  keepInTouch: false,
};

function intro(offeredAt: Date, windowHours = 72): Intro {
  return {
    id: "intro_1",
    communityId: "c",
    requestId: "req_1",
    seekerId: "s",
    volunteerId: "v",
    status: "pending",
    reasons: { sharedTags: [], sharedFreeHours: 1, load: 0, score: 1 },
    offeredAt,
    deadline: new Date(offeredAt.getTime() + windowHours * HOUR),
    respondedAt: null,
    declineReason: null,
  };
}

function chat(startIn: number | null, minutes = 30): Chat {
  const start = startIn === null ? null : at(startIn);
  return {
    id: "chat_1",
    communityId: "c",
    requestId: "req_1",
    introId: "intro_1",
    seekerId: "s",
    volunteerId: "v",
    status: "scheduled",
    minutes,
    format: "video",
    proposedSlots: [],
    slot: start ? { start, end: new Date(start.getTime() + minutes * MIN) } : null,
    reschedules: 0,
    cancelledBy: null,
    outcomeAt: null,
    reports: [],
    invite: null,
    createdAt: NOW,
    updatedAt: NOW,
  };
}

describe("introNudges", () => {
  it("reminds the volunteer 48 h into a 72 h window", () => {
    expect(plan(introNudges(intro(NOW), defaultSettings()))).toEqual([["intro_reminder", "volunteer", 48 * HOUR]]);
  });

  it("follows the community's reminder hours", () => {
    expect(plan(introNudges(intro(NOW), defaultSettings({ introReminderHours: 24 })))).toEqual([
      ["intro_reminder", "volunteer", 24 * HOUR],
    ]);
  });

  it("no reminder at or after the deadline", () => {
    expect(introNudges(intro(NOW, 48), defaultSettings())).toEqual([]);
    expect(introNudges(intro(NOW, 24), defaultSettings())).toEqual([]);
  });

  it("nothing when the toggle is off", () => {
    expect(introNudges(intro(NOW), defaultSettings({ nudges: { ...defaultSettings().nudges, introReminder: false } }))).toEqual([]);
  });
});

describe("chatNudges", () => {
  it("prep the day before, reminders an hour before, check-ins an hour after the end and once more a day later", () => {
    const c = chat(3 * DAY, 30);
    const planned = chatNudges(c, defaultSettings(), NOW);
    expect(plan(planned)).toEqual([
      ["prep", "seeker", 3 * DAY - 24 * HOUR],
      ["chat_reminder", "seeker", 3 * DAY - HOUR],
      ["chat_reminder", "volunteer", 3 * DAY - HOUR],
      ["check_in", "seeker", 3 * DAY + 30 * MIN + HOUR],
      ["check_in", "volunteer", 3 * DAY + 30 * MIN + HOUR],
      ["check_in", "seeker", 4 * DAY + 30 * MIN + HOUR],
      ["check_in", "volunteer", 4 * DAY + 30 * MIN + HOUR],
    ]);
    expect(planned.map((n) => n.again === true)).toEqual([false, false, false, false, false, true, true]);
  });

  it("follows the community's timings", () => {
    const s = defaultSettings({ prepHoursBefore: 48, reminderMinutesBefore: 15, checkInMinutesAfter: 0 });
    expect(plan(chatNudges(chat(5 * DAY, 45), s, NOW))).toEqual([
      ["prep", "seeker", 3 * DAY],
      ["chat_reminder", "seeker", 5 * DAY - 15 * MIN],
      ["chat_reminder", "volunteer", 5 * DAY - 15 * MIN],
      ["check_in", "seeker", 5 * DAY + 45 * MIN],
      ["check_in", "volunteer", 5 * DAY + 45 * MIN],
      ["check_in", "seeker", 6 * DAY + 45 * MIN],
      ["check_in", "volunteer", 6 * DAY + 45 * MIN],
    ]);
  });

  it("a chat booked at short notice drops nudges that would be in the past", () => {
    // Six hours ahead: the prep time has passed, the reminder has not.
    expect(plan(chatNudges(chat(6 * HOUR), defaultSettings(), NOW)).map(([k, to]) => `${k}:${to}`)).toEqual([
      "chat_reminder:seeker",
      "chat_reminder:volunteer",
      "check_in:seeker",
      "check_in:volunteer",
      "check_in:seeker",
      "check_in:volunteer",
    ]);
    // Thirty minutes ahead: only the check-ins remain.
    expect(plan(chatNudges(chat(30 * MIN), defaultSettings(), NOW)).map(([k]) => k)).toEqual([
      "check_in",
      "check_in",
      "check_in",
      "check_in",
    ]);
    // Exactly 24 h ahead: the prep is due now, which still counts.
    expect(plan(chatNudges(chat(DAY), defaultSettings(), NOW))[0]).toEqual(["prep", "seeker", 0]);
  });

  it("a check-in that would be in the past is due now", () => {
    expect(plan(chatNudges(chat(-3 * HOUR), defaultSettings(), NOW))).toEqual([
      ["check_in", "seeker", 0],
      ["check_in", "volunteer", 0],
      ["check_in", "seeker", DAY],
      ["check_in", "volunteer", DAY],
    ]);
  });

  it("toggles off → nothing; each toggle removes only its kind", () => {
    expect(chatNudges(chat(3 * DAY), defaultSettings({ nudges: ALL_OFF }), NOW)).toEqual([]);
    const noPrep = chatNudges(chat(3 * DAY), defaultSettings({ nudges: { ...defaultSettings().nudges, prep: false } }), NOW);
    expect(noPrep.map((n) => n.kind)).toEqual(["chat_reminder", "chat_reminder", "check_in", "check_in", "check_in", "check_in"]);
    const noReminder = chatNudges(chat(3 * DAY), defaultSettings({ nudges: { ...defaultSettings().nudges, chatReminder: false } }), NOW);
    expect(noReminder.map((n) => n.kind)).toEqual(["prep", "check_in", "check_in", "check_in", "check_in"]);
    const noCheckIn = chatNudges(chat(3 * DAY), defaultSettings({ nudges: { ...defaultSettings().nudges, checkIn: false } }), NOW);
    expect(noCheckIn.map((n) => n.kind)).toEqual(["prep", "chat_reminder", "chat_reminder"]);
  });

  it("nothing for a chat without a slot", () => {
    expect(chatNudges(chat(null), defaultSettings(), NOW)).toEqual([]);
  });

  it("never plans a nudge in the past, and only timed kinds", () => {
    fc.assert(
      fc.property(fc.integer({ min: -3 * DAY, max: 20 * DAY }), fc.constantFrom(15, 30, 45), (startIn, minutes) => {
        for (const n of chatNudges(chat(startIn, minutes), defaultSettings(), NOW)) {
          expect(n.dueAt.getTime()).toBeGreaterThanOrEqual(NOW.getTime());
          expect(CHAT_TIMED_KINDS).toContain(n.kind);
        }
      }),
    );
  });
});

describe("afterHappenedNudges", () => {
  it("thank-you +2 h to the seeker, referral ask now to the volunteer, keep-in-touch +30 d to the seeker", () => {
    expect(plan(afterHappenedNudges(NOW, defaultSettings()))).toEqual([
      ["thank_you", "seeker", 2 * HOUR],
      ["referral_ask", "volunteer", 0],
      ["keep_in_touch", "seeker", 30 * DAY],
    ]);
  });

  it("follows the community's timings and toggles", () => {
    expect(plan(afterHappenedNudges(NOW, defaultSettings({ thankYouHoursAfter: 0, keepInTouchDays: 60 })))).toEqual([
      ["thank_you", "seeker", 0],
      ["referral_ask", "volunteer", 0],
      ["keep_in_touch", "seeker", 60 * DAY],
    ]);
    expect(afterHappenedNudges(NOW, defaultSettings({ nudges: ALL_OFF }))).toEqual([]);
    const onlyRef = afterHappenedNudges(NOW, defaultSettings({ nudges: { ...ALL_OFF, referralAsk: true } }));
    expect(onlyRef.map((n) => n.kind)).toEqual(["referral_ask"]);
  });
});
