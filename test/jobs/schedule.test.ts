import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { Chat, Notice } from "../../src/core/domain/index.js";
import type { Store } from "../../src/core/ports/index.js";
import { acceptIntro, cancelChat, leave, pickSlot, recordOutcome, type Actor } from "../../src/core/use-cases/index.js";
import { MemoryStore, openStore } from "../../src/store/index.js";
import {
  BERLIN,
  DAY,
  HOUR,
  MIN,
  MONDAY,
  getIntro,
  getRequest,
  makeSeeker,
  makeVolunteer,
  nudges,
  pending,
  requestAndChoose,
  unwrap,
  weekdays,
  world,
  type World,
} from "../core/use-cases/helpers.js";
import { ClockedMessenger, rowsByKey, sweep, type Delivered } from "./sweep.js";

/*
 * The follow-up schedule of DESIGN.md §2, end to end: use cases write the outbox, `runTick`
 * delivers it, and a test clock walks forward in 5-minute steps as a cron scheduler would.
 */

const STEP = 5 * MIN;
/** The other scenarios assert what goes out and what never does, not punctuality: coarser steps keep them quick. */
const COARSE = 15 * MIN;
const T0 = MONDAY; // Monday 23 November 2026, 08:00 UTC (09:00 in Berlin)
const LINK = "https://meet.example/vera";
const at = (base: Date | number, offset = 0): Date => new Date((typeof base === "number" ? base : base.getTime()) + offset);

interface Opened {
  store: Store;
  cleanup: () => Promise<void>;
}
const backends: [string, () => Promise<Opened>][] = [
  ["MemoryStore", async () => ({ store: new MemoryStore(), cleanup: async () => {} })],
  [
    "SQLite file",
    async () => {
      const dir = mkdtempSync(join(tmpdir(), "percolate-schedule-"));
      const store = await openStore(`file:${join(dir, "x.db")}`);
      return {
        store,
        cleanup: async () => {
          await store.close();
          rmSync(dir, { recursive: true, force: true });
        },
      };
    },
  ],
];

/** A delivery as the schedule table lists it: kind, recipients, the row's due time. */
interface Row {
  kind: string;
  to: string;
  due: string;
}
const byDue = (a: Row, b: Row) => a.due.localeCompare(b.due) || a.kind.localeCompare(b.kind) || a.to.localeCompare(b.to);
const row = (kind: string, to: string, due: Date): Row => ({ kind, to, due: due.toISOString() });

/** What the messenger got, with each delivery's due time from its outbox row; fails on an unknown key. */
async function delivered(w: World, log: readonly Delivered[]): Promise<(Row & { lateMs: number })[]> {
  const rows = await rowsByKey(w);
  return log.map((d) => {
    const n = rows.get(d.key);
    if (!n) throw new Error(`delivery ${d.key} has no outbox row`);
    return { ...row(d.kind, d.to, n.dueAt), lateMs: d.at.getTime() - n.dueAt.getTime() };
  });
}

/** The notice of the one delivery of `kind` to `to`. */
function noticeOf<K extends Notice["kind"]>(log: readonly Delivered[], kind: K, to: string): Extract<Notice, { kind: K }> {
  const hits = log.filter((d) => d.kind === kind && d.to === to);
  expect(hits, `${kind} → ${to}`).toHaveLength(1);
  return hits[0]?.delivery.notice as Extract<Notice, { kind: K }>;
}

/** A chat's own timeline as the test drove it. */
interface Timeline {
  seeker: Actor;
  volunteer: Actor;
  requestedAt: Date;
  acceptedAt?: Date;
  pickedAt?: Date;
  chat?: Chat;
  happenedAt?: Date;
}

/** DESIGN.md §2, written out for one chat that happened. */
function chatSchedule(t: Timeline, opts: { reminded: boolean }): Row[] {
  const { chat, acceptedAt, pickedAt, happenedAt } = t;
  if (!chat?.slot || !acceptedAt || !pickedAt || !happenedAt) throw new Error(`${t.seeker.displayName}'s chat did not run its course`);
  const s = t.seeker.displayName ?? "";
  const v = t.volunteer.displayName ?? "";
  const { start, end } = chat.slot;
  return [
    row("intro_offered", v, t.requestedAt),
    ...(opts.reminded ? [row("intro_reminder", v, at(t.requestedAt, 48 * HOUR))] : []),
    row("slots_proposed", s, acceptedAt),
    row("slots_proposed", v, acceptedAt),
    row("chat_scheduled", `${s}+${v}`, pickedAt),
    row("prep", s, at(start, -24 * HOUR)),
    row("chat_reminder", s, at(start, -1 * HOUR)),
    row("chat_reminder", v, at(start, -1 * HOUR)),
    row("check_in", s, at(end, 1 * HOUR)),
    row("check_in", v, at(end, 1 * HOUR)),
    row("outcome_recorded", v, happenedAt),
    row("referral_ask", v, happenedAt),
    row("thank_you", s, at(happenedAt, 2 * HOUR)),
    row("keep_in_touch", s, at(happenedAt, 30 * DAY)),
  ];
}

/** The seeker answers "it happened" as soon as their check-in arrives. */
const happenOnCheckIn = (w: World, timelines: readonly Timeline[]) => async (batch: readonly Delivered[]) => {
  for (const d of batch) {
    const n = d.delivery.notice;
    if (n.kind !== "check_in") continue;
    const t = timelines.find((x) => x.chat?.id === n.chatId && x.seeker.displayName === d.to);
    if (!t) continue;
    unwrap(await recordOutcome(w.deps, { actor: t.seeker, chatId: n.chatId, outcome: "happened" }));
    t.happenedAt = w.clock.now();
  }
};

describe.each(backends)("the follow-up schedule on %s", (_name, open) => {
  let opened: Opened;
  let w: World;
  let m: ClockedMessenger;
  beforeEach(async () => {
    opened = await open();
    w = world({ store: opened.store, start: T0 });
    m = new ClockedMessenger(w);
  });
  afterEach(async () => opened.cleanup());

  /** vera (ux-design) and sam: sam asks for vera at T0; vera accepts at +2 h, sam picks slot 2 at +3 h. */
  async function scheduledAtWednesday(): Promise<Timeline> {
    const vera = await makeVolunteer(w, "vera", "ux-design", BERLIN, weekdays(), { link: LINK });
    const sam = await makeSeeker(w, "sam", "ux-design");
    const { intro } = await requestAndChoose(w, sam, "ux-design", vera);
    const t: Timeline = { seeker: sam, volunteer: vera, requestedAt: w.clock.now() };
    await sweep(w, m, {
      until: at(T0, 3 * HOUR),
      stepMs: STEP,
      actions: [
        {
          at: at(T0, 2 * HOUR),
          run: async () => {
            t.chat = unwrap(await acceptIntro(w.deps, { actor: vera, introId: intro.id })).chat;
          },
        },
        {
          at: at(T0, 3 * HOUR),
          run: async () => {
            t.chat = unwrap(await pickSlot(w.deps, { actor: sam, chatId: t.chat?.id ?? "", choice: 2 })).chat;
          },
        },
      ],
    });
    // Wednesday 09:00 in Berlin: prep Tuesday 08:00 UTC, reminders Wednesday 07:00, check-in 09:30.
    expect(t.chat?.slot).toEqual({ start: new Date("2026-11-25T08:00:00Z"), end: new Date("2026-11-25T08:30:00Z") });
    return t;
  }

  it("a fixed clock drives the whole schedule of a chat from intro to keep-in-touch; each nudge once", async () => {
    const vera = await makeVolunteer(w, "vera", "ux-design", BERLIN, weekdays(), { link: LINK });
    const victor = await makeVolunteer(w, "victor", "data-science");
    const val = await makeVolunteer(w, "val", "rust");
    const sam = await makeSeeker(w, "sam", "ux-design");
    const sue = await makeSeeker(w, "sue", "data-science");
    const sid = await makeSeeker(w, "sid", "rust");
    // sam ↔ vera: answered within two hours. sue ↔ victor: answered only after the 48 h reminder.
    // sid ↔ val: never answered.
    const main: Timeline = { seeker: sam, volunteer: vera, requestedAt: T0 };
    const late: Timeline = { seeker: sue, volunteer: victor, requestedAt: T0 };
    const mainIntro = (await requestAndChoose(w, sam, "ux-design", vera)).intro;
    const lateIntro = (await requestAndChoose(w, sue, "data-science", victor)).intro;
    const silent = await requestAndChoose(w, sid, "rust", val);

    const accept = (t: Timeline, introId: string) => async () => {
      t.chat = unwrap(await acceptIntro(w.deps, { actor: t.volunteer, introId })).chat;
      t.acceptedAt = w.clock.now();
    };
    const pick = (t: Timeline, by: Actor, choice: number) => async () => {
      t.chat = unwrap(await pickSlot(w.deps, { actor: by, chatId: t.chat?.id ?? "", choice })).chat;
      t.pickedAt = w.clock.now();
    };
    const until = at(T0, 37 * DAY + 4 * HOUR); // Wednesday 30 December, 12:00 UTC
    const reports = await sweep(w, m, {
      until,
      stepMs: STEP,
      actions: [
        { at: at(T0, 2 * HOUR), run: accept(main, mainIntro.id) },
        { at: at(T0, 3 * HOUR), run: pick(main, sam, 2) },
        { at: at(T0, 50 * HOUR), run: accept(late, lateIntro.id) },
        { at: at(T0, 51 * HOUR), run: pick(late, sue, 2) },
      ],
      react: happenOnCheckIn(w, [main, late]),
    });

    const mainSlot = main.chat?.slot;
    expect(mainSlot).toEqual({ start: new Date("2026-11-25T08:00:00Z"), end: new Date("2026-11-25T08:30:00Z") });
    expect(late.chat?.slot?.start).toEqual(new Date("2026-11-27T08:00:00Z")); // Friday: prep on Thursday
    expect(until.getTime()).toBeGreaterThanOrEqual(at(mainSlot?.end ?? 0, 35 * DAY).getTime());
    // "happened" was answered the moment the check-in arrived.
    expect(main.happenedAt).toEqual(at(mainSlot?.end ?? 0, 1 * HOUR));
    expect(late.happenedAt).toEqual(at(late.chat?.slot?.end ?? 0, 1 * HOUR));

    const expected = [
      ...chatSchedule(main, { reminded: false }),
      ...chatSchedule(late, { reminded: true }),
      row("intro_offered", "val", T0),
      row("intro_reminder", "val", at(T0, 48 * HOUR)),
      row("intro_expired", "val", at(T0, 72 * HOUR)),
      row("intro_passed", "sid", at(T0, 72 * HOUR)),
    ].sort(byDue);
    const got = await delivered(w, m.log);
    // Exactly the schedule, each nudge once, nothing else.
    expect(got.map(({ lateMs: _, ...r }) => r).sort(byDue)).toEqual(expected);
    expect(new Set(m.log.map((d) => d.key)).size).toBe(m.log.length);
    // Each within one step of its due time (never early).
    for (const d of got) {
      expect(d.lateMs, `${d.kind} → ${d.to}`).toBeGreaterThanOrEqual(0);
      expect(d.lateMs, `${d.kind} → ${d.to}`).toBeLessThanOrEqual(STEP);
    }

    // The outbox agrees: everything sent once, except vera's reminder (she answered first).
    const rows = await nudges(w);
    expect(rows.filter((n) => n.status === "sent").every((n) => n.attempts === 1)).toBe(true);
    // The check-in asked once more a day later is withdrawn: both chats were answered at once.
    const again = (n: (typeof rows)[number]) => n.notice.kind === "check_in" && n.notice.again === true;
    expect(rows.filter(again).map((n) => n.status)).toEqual(["cancelled", "cancelled", "cancelled", "cancelled"]);
    expect(rows.filter((n) => n.status !== "sent" && !again(n)).map((n) => [n.kind, n.to, n.status])).toEqual([
      ["intro_reminder", [vera.memberId], "cancelled"],
    ]);
    expect(reports.reduce((s, r) => s + r.sent, 0)).toBe(expected.length);
    expect(reports.reduce((s, r) => s + r.failed + r.retried + r.dropped + r.postponed, 0)).toBe(0);
    expect(reports.reduce((s, r) => s + r.expired, 0)).toBe(1);

    // The unanswered intro expired at +72 h and sid's request moved on (nobody else fits: waitlisted).
    expect(await getIntro(w, silent.intro.id)).toMatchObject({ status: "expired" });
    expect(await getRequest(w, silent.request.id)).toMatchObject({ status: "waitlisted" });
    expect(noticeOf(m.log, "intro_passed", "sid")).toMatchObject({ why: "expired", next: null, waitlisted: true });

    // What the people got says what the design says.
    expect(noticeOf(m.log, "intro_reminder", "victor")).toMatchObject({ introId: lateIntro.id, deadline: at(T0, 72 * HOUR) });
    expect(noticeOf(m.log, "chat_scheduled", "sam+vera")).toMatchObject({ slot: mainSlot, meetingLink: LINK });
    expect(noticeOf(m.log, "chat_scheduled", "sam+vera").ics).toContain("BEGIN:VCALENDAR");
    expect(noticeOf(m.log, "prep", "sam").questions.length).toBeGreaterThan(0);
    expect(noticeOf(m.log, "chat_reminder", "sam")).toMatchObject({ other: { name: "vera" }, meetingLink: LINK });
    expect(noticeOf(m.log, "check_in", "vera")).toMatchObject({ other: { name: "sam" } });
    expect(noticeOf(m.log, "outcome_recorded", "vera")).toMatchObject({ outcome: "happened", by: { name: "sam" } });
    expect(noticeOf(m.log, "referral_ask", "vera")).toMatchObject({ seeker: { name: "sam" }, tags: ["ux-design"] });
    const thanks = noticeOf(m.log, "thank_you", "sam");
    expect(thanks.draft).toMatch(/^Hi vera, thank you for taking the time to talk with me about how to get started\./);
    expect(thanks.draft).toContain("[one specific insight from our chat]");
    expect(noticeOf(m.log, "keep_in_touch", "sam")).toMatchObject({ volunteer: { name: "vera" } });
  }, 240_000);

  it("rescheduling moves the pending prep, reminders and check-ins: the old ones go, new ones come at the new time", async () => {
    const t = await scheduledAtWednesday();
    const old = t.chat?.slot;
    if (!old || !t.chat) throw new Error("not scheduled");
    const chatId = t.chat.id;
    let moved: Chat | undefined;
    await sweep(w, m, {
      until: at(T0, 29 * HOUR),
      stepMs: COARSE,
      actions: [
        // Tuesday 12:00 UTC, after the prep went out: sam asks to move it; vera picks a fresh slot an hour later.
        {
          at: at(T0, 28 * HOUR),
          run: async () => void unwrap(await recordOutcome(w.deps, { actor: t.seeker, chatId, outcome: "rescheduled" })),
        },
        {
          at: at(T0, 29 * HOUR),
          run: async () => {
            moved = unwrap(await pickSlot(w.deps, { actor: t.volunteer, chatId, choice: 1 })).chat;
          },
        },
      ],
    });
    const slot = moved?.slot;
    if (!slot) throw new Error("not rescheduled");
    expect(slot.start.getTime()).not.toBe(old.start.getTime());

    // The old timed nudges are cancelled in the outbox; the new ones wait at the new times.
    const timed = ["prep", "chat_reminder", "check_in"];
    const rows = await nudges(w, { refId: chatId, kinds: timed });
    const view = (status: string) =>
      rows
        .filter((n) => n.status === status)
        .map((n) => `${n.kind} ${n.to.length} ${n.dueAt.toISOString()}`)
        .sort();
    expect(view("sent")).toEqual([`prep 1 ${at(old.start, -24 * HOUR).toISOString()}`]);
    expect(view("cancelled")).toEqual(
      [
        `chat_reminder 1 ${at(old.start, -HOUR).toISOString()}`,
        `chat_reminder 1 ${at(old.start, -HOUR).toISOString()}`,
        `check_in 1 ${at(old.end, HOUR).toISOString()}`,
        `check_in 1 ${at(old.end, HOUR).toISOString()}`,
        `check_in 1 ${at(old.end, HOUR + DAY).toISOString()}`,
        `check_in 1 ${at(old.end, HOUR + DAY).toISOString()}`,
      ].sort(),
    );
    const fresh = [
      ...(at(slot.start, -24 * HOUR) >= at(T0, 29 * HOUR) ? [`prep 1 ${at(slot.start, -24 * HOUR).toISOString()}`] : []),
      `chat_reminder 1 ${at(slot.start, -HOUR).toISOString()}`,
      `chat_reminder 1 ${at(slot.start, -HOUR).toISOString()}`,
      `check_in 1 ${at(slot.end, HOUR).toISOString()}`,
      `check_in 1 ${at(slot.end, HOUR).toISOString()}`,
      `check_in 1 ${at(slot.end, HOUR + DAY).toISOString()}`,
      `check_in 1 ${at(slot.end, HOUR + DAY).toISOString()}`,
    ].sort();
    expect(view("pending")).toEqual(fresh);

    // Walk past both the old and the new chat: reminders and check-ins arrive once, at the new times only.
    const before = m.log.length;
    await sweep(w, m, { until: at(Math.max(slot.end.getTime(), old.end.getTime()), 2 * HOUR), stepMs: COARSE });
    const after = (await delivered(w, m.log.slice(before))).filter((d) => timed.includes(d.kind));
    expect(after.map(({ kind, to, due }) => `${kind} ${to} ${due}`).sort()).toEqual(
      [
        ...(fresh[0]?.startsWith("prep") ? [`prep sam ${at(slot.start, -24 * HOUR).toISOString()}`] : []),
        `chat_reminder sam ${at(slot.start, -HOUR).toISOString()}`,
        `chat_reminder vera ${at(slot.start, -HOUR).toISOString()}`,
        `check_in sam ${at(slot.end, HOUR).toISOString()}`,
        `check_in vera ${at(slot.end, HOUR).toISOString()}`,
      ].sort(),
    );
    // Both were told about the move, then about the new time (with the invite's new sequence).
    expect(
      m.log.filter((d) => d.kind === "slots_proposed").map((d) => [d.to, (d.delivery.notice as { rescheduled: boolean }).rescheduled]),
    ).toEqual([
      ["sam", false],
      ["vera", false],
      ["sam", true],
      ["vera", true],
    ]);
    const scheduled = m.log.filter((d) => d.kind === "chat_scheduled").map((d) => d.delivery.notice);
    expect(scheduled.map((n) => (n.kind === "chat_scheduled" ? n.slot.start.toISOString() : ""))).toEqual([
      old.start.toISOString(),
      slot.start.toISOString(),
    ]);
    expect(new Set(m.log.map((d) => d.key)).size).toBe(m.log.length);
    // Nobody answered yet: only "did it happen?" asked once more, a day after the first, waits.
    expect((await pending(w)).map((n) => `${n.kind} ${n.dueAt.toISOString()}`)).toEqual([
      `check_in ${at(slot.end, HOUR + DAY).toISOString()}`,
      `check_in ${at(slot.end, HOUR + DAY).toISOString()}`,
    ]);
  });

  it("cancelling a scheduled chat removes its pending nudges; the other person is told once", async () => {
    const t = await scheduledAtWednesday();
    const chatId = t.chat?.id ?? "";
    const slot = t.chat?.slot;
    if (!slot) throw new Error("not scheduled");
    const cancelAt = at(T0, 28 * HOUR); // after the prep, before the reminders
    await sweep(w, m, {
      until: at(slot.end, 1 * DAY),
      stepMs: COARSE,
      actions: [{ at: cancelAt, run: async () => void unwrap(await cancelChat(w.deps, { actor: t.seeker, chatId })) }],
    });
    const since = (
      await delivered(
        w,
        m.log.filter((d) => d.at >= cancelAt),
      )
    ).map(({ kind, to, due }) => ({ kind, to, due }));
    // vera is told; sam, who cancelled, gets the calendar cancellation for his own calendar.
    expect(since).toEqual([row("chat_cancelled", "vera", cancelAt), row("invite_cancelled", "sam", cancelAt)]);
    const rows = await nudges(w, { refId: chatId });
    expect(
      rows
        .filter((n) => n.status === "cancelled")
        .map((n) => n.kind)
        .sort(),
    ).toEqual(["chat_reminder", "chat_reminder", "check_in", "check_in", "check_in", "check_in"]);
    expect(await pending(w)).toEqual([]);
  });

  it("leaving stops everything for that member: a seeker with a chat booked, a volunteer with an intro waiting", async () => {
    const t = await scheduledAtWednesday();
    const val = await makeVolunteer(w, "val", "rust");
    const sid = await makeSeeker(w, "sid", "rust");
    const { intro } = await requestAndChoose(w, sid, "rust", val); // at T0 + 3 h: reminder at +51 h, deadline +75 h
    const leaveAt = at(T0, 28 * HOUR);
    await sweep(w, m, {
      until: at(T0, 5 * DAY),
      stepMs: COARSE,
      actions: [
        {
          at: leaveAt,
          run: async () => {
            unwrap(await leave(w.deps, { actor: t.seeker }));
            unwrap(await leave(w.deps, { actor: val }));
          },
        },
      ],
    });
    const since = (
      await delivered(
        w,
        m.log.filter((d) => d.at >= leaveAt),
      )
    ).map(({ kind, to, due }) => ({ kind, to, due }));
    // vera hears her chat is off; sid hears val is unavailable. Nothing reaches sam or val, nothing timed goes out.
    expect(since.sort(byDue)).toEqual([row("chat_cancelled", "vera", leaveAt), row("intro_passed", "sid", leaveAt)]);
    expect(noticeOf(m.log, "intro_passed", "sid")).toMatchObject({ why: "unavailable" });
    expect(await getIntro(w, intro.id)).toMatchObject({ status: "cancelled" });
    expect(await pending(w, { to: t.seeker.memberId })).toEqual([]);
    expect(await pending(w, { to: val.memberId })).toEqual([]);
    expect(await pending(w)).toEqual([]);
  });

  it("leaving after the chat happened: no thank-you, no keep-in-touch a month later", async () => {
    const t = await scheduledAtWednesday();
    const slot = t.chat?.slot;
    if (!slot) throw new Error("not scheduled");
    // Through the chat, "happened" on the check-in, then sam leaves an hour later.
    await sweep(w, m, { until: at(slot.end, 2 * HOUR), stepMs: COARSE, react: happenOnCheckIn(w, [t]) });
    expect(t.happenedAt).toEqual(at(slot.end, HOUR));
    unwrap(await leave(w.deps, { actor: t.seeker }));
    const leftAt = w.clock.now();
    expect(await pending(w, { to: t.seeker.memberId })).toEqual([]);
    // A month and more, hourly: nothing at all goes out any more.
    await sweep(w, m, { until: at(leftAt, 31 * DAY), stepMs: HOUR });
    expect(m.log.filter((d) => d.at >= leftAt)).toEqual([]);
    expect(m.log.map((d) => d.kind)).toContain("referral_ask");
    expect(m.log.map((d) => d.kind)).not.toContain("thank_you");
    expect(m.log.map((d) => d.kind)).not.toContain("keep_in_touch");
    const cancelled = (await nudges(w, { refId: t.chat?.id ?? "", status: ["cancelled"] })).map((n) => n.kind).sort();
    expect(cancelled).toEqual(["check_in", "check_in", "keep_in_touch", "thank_you"]);
  });
});
