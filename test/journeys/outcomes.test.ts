import { describe, expect, it } from "vitest";
import type { Chat, Notice } from "../../src/core/domain/index.js";
import type { Delivery } from "../../src/core/ports/index.js";
import { memberLeft } from "../../src/core/use-cases/index.js";
import { unwrap } from "../core/use-cases/helpers.js";
import { parseInvite } from "../support/ics.js";
import { type TextJourney, textJourney } from "../support/text-journey.js";
import { DAY, HOUR, MIN } from "../support/world.js";

/** vera volunteers, sam asks and chooses her, she accepts, sam picks time `pick`: a booked chat. */
async function booked(j: TextJourney, pick = 1): Promise<Chat> {
  await volunteer(j, "vera");
  await seeker(j, "sam");
  await j.say("sam", "request ux design -- how to move into UX research");
  await j.say("sam", "choose 1");
  await j.say("vera", "accept");
  expect(await j.say("sam", `pick ${pick}`)).toContain("Booked:");
  j.read("sam");
  j.read("vera");
  return only(await chats(j, "scheduled"));
}

async function volunteer(j: TextJourney, name: string): Promise<void> {
  j.zone(name, "Europe/Berlin");
  await j.say(name, "volunteer ux design --bio Design lead");
  await j.say(name, "availability mon-fri 09:00-17:00 Europe/Berlin");
}

async function seeker(j: TextJourney, name: string): Promise<void> {
  j.zone(name, "Europe/Berlin");
  await j.say(name, "availability mon-fri 09:00-17:00 Europe/Berlin");
}

const chats = (j: TextJourney, status?: Chat["status"]) =>
  j.store.tx(async (tx) => (await tx.listChats(j.communityId)).filter((c) => status === undefined || c.status === status));
const requests = (j: TextJourney) => j.store.tx((tx) => tx.listRequests(j.communityId));

function only<T>(xs: readonly T[]): T {
  expect(xs).toHaveLength(1);
  const [x] = xs;
  if (x === undefined) throw new Error("expected one");
  return x;
}

/** Moves the clock to `at` (a point after now) and runs the scheduler. */
async function until(j: TextJourney, at: Date): Promise<void> {
  await j.wait(at.getTime() - j.clock.now().getTime());
}

const icsOf = (d: Delivery | Notice): string => {
  const n = "notice" in d ? d.notice : d;
  if (n.kind === "chat_scheduled" || n.kind === "invite_cancelled") return n.ics;
  if (n.kind === "chat_cancelled" && n.ics) return n.ics;
  throw new Error(`no invite on ${n.kind}`);
};

describe("journey: a no-show, and what the other person can still do", () => {
  it("the seeker says it didn't happen; the volunteer disputes it; both answers reach the admins, and the seeker is back in the queue", async () => {
    const j = textJourney({ admins: ["ada"] });
    const chat = await booked(j);
    await until(j, new Date((chat.slot?.end.getTime() ?? 0) + HOUR));
    expect(j.read("sam")).toEqual(['👋 Did your chat with vera happen? Type "happened", "noshow" or "reschedule".']);
    j.read("vera");

    const noShow = await j.say("sam", "noshow");
    expect(noShow).toBe(
      "Sorry it didn't happen. You're back in the queue, and I'll introduce you to someone new as soon as someone fits. To try again with vera instead, type \"reschedule\".",
    );
    expect(j.read("vera")).toEqual([
      'sam noted that your chat didn\'t happen. If it did, type "happened". To find a new time with sam, type "reschedule". You can also tell us privately how it went with "feedback <1-5> <note>".',
    ]);

    const dispute = await j.say("vera", "happened");
    expect(dispute).toBe("Thanks — sam answered differently, so I've kept both answers for the community admins.");
    expect(j.read("sam")).toEqual([
      "vera says your chat did happen. I've kept both answers for the community admins — nothing else is needed from you. You stay in the queue, and I'll introduce you to someone else as soon as someone fits.",
    ]);
    const saved = only(await chats(j));
    expect(saved.status).toBe("disputed");
    expect(saved.reports.map((r) => [r.by, r.outcome])).toEqual([
      [j.id("sam"), "no_show"],
      [j.id("vera"), "happened"],
    ]);

    expect(await j.say("vera", "feedback 3 we did meet, briefly")).toBe("Thanks — your feedback stays private and helps us match better.");

    const stats = await j.say("ada", "admin stats all");
    expect(stats).toMatch(/Outcomes\s+0 happened · 0 no-show · 1 disputed · 0 cancelled/);
    expect(stats).toMatch(/sam with vera, .* — reported by sam \(disputed: the other said it happened\)/i);
    const exported = await j.ask("ada", "admin export");
    if (exported.reply?.kind !== "admin_export" || !exported.reply.result.ok) throw new Error("no export");
    const files = new Map(exported.reply.result.value.files.map((f) => [f.name, f.text]));
    const [header = "", row = ""] = (files.get("chats.csv") ?? "").trim().split("\n");
    const cells = Object.fromEntries(header.split(",").map((h, i) => [h, row.split(",")[i]]));
    expect(cells).toMatchObject({
      status: "disputed",
      seeker_said: "no_show",
      volunteer_said: "happened",
      no_show_reported_by: j.id("sam"),
      disputed: "yes",
    });
    const requestRow = (files.get("requests.csv") ?? "").trim().split("\n")[1] ?? "";
    expect(requestRow).toContain(",waitlisted,");
    expect(requestRow).not.toContain("completed");
  });

  it("the volunteer says it didn't happen; the seeker finds a new time with them, and the calendar event is updated", async () => {
    const j = textJourney();
    const chat = await booked(j);
    const firstInvite = parseInvite(
      icsOf((await j.store.tx((tx) => tx.listNudges(j.communityId, { kinds: ["chat_scheduled"] })))[0]?.notice as Notice),
    );
    expect(firstInvite).toMatchObject({ method: "REQUEST", uid: `${chat.id}@percolate`, sequence: 0 });

    await until(j, new Date((chat.slot?.end.getTime() ?? 0) + 2 * HOUR));
    j.read("sam");
    j.read("vera");
    expect(await j.say("vera", "noshow")).toBe(
      "Sorry it didn't happen — thanks for telling me. I've let sam know: they can find a new time with you or meet someone else. You can also tell us privately how it went with \"feedback <1-5> <note>\".",
    );
    expect(j.read("sam")).toEqual([
      'vera noted that your chat didn\'t happen. If it did, type "happened". To find a new time with vera, type "reschedule". Otherwise you\'re back in the queue, and I\'ll introduce you to someone else as soon as someone fits.',
    ]);
    expect((await requests(j))[0]?.status).toBe("waitlisted");

    expect(await j.say("sam", "reschedule")).toBe("Okay — I've sent new times to you both.");
    const [toSam] = j.read("sam");
    expect(toSam).toMatch(/^📅 New times for your 30-minute chat with vera! Pick a time that works \(type "pick <n>"\):\n {3}1\. /);
    expect(j.read("vera")[0]).toMatch(/^📅 New times for your 30-minute chat with sam!/);
    expect((await requests(j))[0]?.status).toBe("scheduling");

    expect(await j.say("sam", "pick 1")).toContain("Booked:");
    const [confirmation] = j.readFull("sam");
    expect(confirmation?.text).toMatch(/^✅ Confirmed: sam & vera/);
    const update = parseInvite(icsOf(confirmation?.delivery as Delivery));
    expect(update).toMatchObject({ method: "REQUEST", uid: firstInvite.uid, sequence: 1, status: "CONFIRMED" });
    expect(update.start.getTime()).toBeGreaterThan(chat.slot?.start.getTime() ?? 0);
    expect((await chats(j, "scheduled"))[0]?.invite).toMatchObject({ sequence: 1 });
  });

  it("the seeker who reported the no-show can still try again with the same volunteer, withdrawing the queue's new intro", async () => {
    const j = textJourney();
    const chat = await booked(j);
    await volunteer(j, "uma");
    await until(j, new Date((chat.slot?.end.getTime() ?? 0) + HOUR));
    await j.say("sam", "noshow");
    expect(j.read("uma").join("\n")).toContain("☕ sam would like a 30-minute chat"); // the queue moved on at once
    j.read("sam");
    j.read("vera");
    expect(await j.say("sam", "reschedule")).toBe("Okay — I've sent new times to you both.");
    expect(j.read("uma")).toEqual(["sam withdrew their request, so there's nothing to answer. Thanks for being open to it!"]);
    expect(j.read("vera")[0]).toMatch(/^📅 New times for your 30-minute chat with sam!/);
    expect(await j.say("vera", "pick 1")).toContain("Booked:");
    expect((await requests(j))[0]?.status).toBe("scheduled");
  });

  it("after the seeker's no-show report the volunteer can still give feedback, and the queue finds the seeker someone new", async () => {
    const j = textJourney();
    const chat = await booked(j);
    await volunteer(j, "uma");
    await until(j, new Date((chat.slot?.end.getTime() ?? 0) + HOUR));
    j.read("vera");
    j.read("uma");
    await j.say("sam", "noshow");
    expect(await j.say("vera", "feedback 2 I waited but nobody joined")).toBe(
      "Thanks — your feedback stays private and helps us match better.",
    );
    // The queue's next run introduces sam to uma; vera is never offered sam again.
    expect(j.read("uma").join("\n")).toContain("☕ sam would like a 30-minute chat to learn from you.");
    expect(j.read("vera").join("\n")).not.toContain("☕");
    const intros = await j.store.tx((tx) => tx.listIntros(j.communityId, { status: ["pending"] }));
    expect(intros.map((i) => i.volunteerId)).toEqual([j.id("uma")]);
  });
});

describe("journey: a late accept", () => {
  it("revives the intro while the seeker still waits, and both hear about it", async () => {
    const j = textJourney();
    await volunteer(j, "vera");
    await seeker(j, "sam");
    await j.say("sam", "request ux design -- how to move into UX research");
    await j.say("sam", "choose 1");
    j.read("vera");
    await j.wait(72 * HOUR + HOUR);
    expect(j.read("sam")).toEqual([
      "vera didn't get back in time. You're on the waitlist for now.\nEveryone who volunteers for ux-design has been asked for this request already, or met you recently. I'll introduce you as soon as someone new volunteers for it.",
    ]);
    expect(j.read("vera")).toEqual([
      'The intro with sam expired without an answer. They\'re on the waitlist until someone fits. If you\'d still like to talk, type "accept" — if they\'re still waiting, the intro is back on. No worries otherwise — you can pause anytime with "pause <date>".',
    ]);

    const late = await j.say("vera", "accept");
    expect(late).toBe(
      "Thank you — they're still looking, so the intro is back on! I've sent 3 times to you both — either of you can \"pick <n>\".",
    );
    const [toSam] = j.read("sam");
    expect(toSam).toMatch(/^📅 Good news — vera said yes to a 30-minute chat! Pick a time that works/);
    expect(j.read("vera")[0]).toMatch(/^📅 You're on — pick a time for your 30-minute chat with sam/);
    expect(await j.say("sam", "pick 1")).toContain("Booked:");
  });

  it("says kindly that the seeker has been matched when another intro is out", async () => {
    const j = textJourney();
    await volunteer(j, "vera");
    await volunteer(j, "uma");
    await seeker(j, "sam");
    await j.say("sam", "request ux design -- how to move into UX research");
    await j.say("sam", "choose 1");
    const first = only(await j.store.tx((tx) => tx.listIntros(j.communityId)));
    const late = first.volunteerId === j.id("vera") ? "vera" : "uma";
    const next = late === "vera" ? "uma" : "vera";
    await j.wait(72 * HOUR + HOUR);
    expect(j.read("sam")).toEqual([`${late} didn't get back in time. We've introduced you to ${next} instead.`]);
    j.read(late);

    expect(await j.say(late, "accept")).toBe(
      "That intro expired and sam has already been matched with someone else — thanks anyway! New intros will come your way.",
    );
    expect(j.read("sam")).toEqual([]);
    expect(j.read(late)).toEqual([]);
  });
});

describe("journey: an unanswered check-in", () => {
  it('is asked once more after a day, and status shows the past chat as "did it happen?"', async () => {
    const j = textJourney();
    const chat = await booked(j);
    await until(j, new Date((chat.slot?.end.getTime() ?? 0) + HOUR));
    expect(j.read("vera")).toEqual(['👋 Did your chat with sam happen? Type "happened", "noshow" or "reschedule".']);
    j.read("sam");
    const status = await j.say("vera", "status");
    expect(status).toMatch(/Chat with sam, .*: did it happen\? Type "happened", "noshow" or "reschedule"/);

    await j.wait(DAY);
    expect(j.read("vera")).toEqual([
      '👋 Checking once more: did your chat with sam happen? Type "happened", "noshow" or "reschedule" — it helps us look after you both.',
    ]);
    expect(j.read("sam")).toHaveLength(1);
    await j.say("sam", "happened");
    await j.wait(2 * DAY);
    expect(j.read("vera").join("\n")).not.toContain("Did your chat");
  });
});

describe("journey: downtime", () => {
  it("skips the prep and the reminders whose moment passed, and still sends the check-in", async () => {
    const j = textJourney();
    const chat = await booked(j, 2); // Wednesday 09:00 Berlin: the prep is due Tuesday, the reminders Wednesday 08:00
    const start = chat.slot?.start.getTime() ?? 0;
    expect(start - j.clock.now().getTime()).toBeGreaterThan(DAY);
    // The bot is down from now until 15:31 Berlin on the day of the chat.
    j.clock.set(new Date(start + 6 * HOUR + 31 * MIN));
    await j.tick();
    expect(j.read("sam")).toEqual(['👋 Did your chat with vera happen? Type "happened", "noshow" or "reschedule".']);
    expect(j.read("vera")).toEqual(['👋 Did your chat with sam happen? Type "happened", "noshow" or "reschedule".']);
    const skipped = await j.store.tx((tx) => tx.listNudges(j.communityId, { kinds: ["prep", "chat_reminder"] }));
    expect(skipped.map((n) => [n.kind, n.status, n.lastError?.startsWith("stale: the chat started")])).toEqual([
      ["prep", "cancelled", true],
      ["chat_reminder", "cancelled", true],
      ["chat_reminder", "cancelled", true],
    ]);
    expect(j.reports.reduce((a, r) => a + r.stale, 0)).toBe(3);
  });
});

describe("journey: calendars stay right", () => {
  it("cancelling a booked chat sends both a cancellation with the same UID and a higher SEQUENCE", async () => {
    const j = textJourney();
    const chat = await booked(j);
    expect(await j.say("sam", "cancel")).toMatch(/^Cancel your chat with vera, .+\? vera will be told/);
    expect(await j.say("sam", "cancel yes")).toBe("Cancelled the chat; I've let the other person know.");
    const [toVera] = j.readFull("vera");
    expect(toVera?.text).toBe(
      "sam had to cancel your coffee chat. Sorry about that — nothing else is needed from you.\n   The calendar cancellation (.ics) is attached, so the event leaves your calendar.",
    );
    const [toSam] = j.readFull("sam");
    expect(toSam?.text).toMatch(/^🗓 Your chat with vera \(.*\) is cancelled\.\n {3}The calendar cancellation \(\.ics\) is attached/);
    for (const d of [toVera, toSam]) {
      expect(parseInvite(icsOf(d?.delivery as Delivery))).toMatchObject({
        method: "CANCEL",
        uid: `${chat.id}@percolate`,
        sequence: 1,
        status: "CANCELLED",
        start: chat.slot?.start,
      });
    }
  });

  it("a volunteer leaving cancels every booked chat on the other people's calendars", async () => {
    const j = textJourney();
    const first = await booked(j);
    await seeker(j, "tom");
    await j.say("tom", "request ux design -- how to run interviews");
    await j.say("tom", "choose 1");
    await j.say("vera", "accept");
    await j.say("tom", "pick 1");
    const second = (await chats(j, "scheduled")).find((c) => c.id !== first.id);
    if (!second) throw new Error("no second chat");
    j.read("tom");
    j.read("vera");
    expect(await j.say("vera", "leave")).toContain("Before you go: leaving calls off your 2 chats not yet held:");
    await j.say("vera", "leave yes");
    for (const [who, chat] of [
      ["sam", first],
      ["tom", second],
    ] as const) {
      const got = j.readFull(who).find((m) => m.delivery.notice.kind === "chat_cancelled");
      expect(got?.text).toContain("vera had to cancel your coffee chat.");
      expect(parseInvite(icsOf(got?.delivery as Delivery))).toMatchObject({ method: "CANCEL", uid: `${chat.id}@percolate`, sequence: 1 });
    }
    expect(j.read("vera")).toEqual([]);
  });

  it("the platform saying a member left cancels their booked chat on the other person's calendar", async () => {
    const j = textJourney();
    const chat = await booked(j);
    unwrap(await memberLeft(j.deps, { communityId: j.communityId, memberId: j.id("vera") }));
    await j.tick();
    const [got] = j.readFull("sam");
    expect(got?.text).toContain("vera had to cancel your coffee chat.");
    expect(parseInvite(icsOf(got?.delivery as Delivery))).toMatchObject({ method: "CANCEL", uid: `${chat.id}@percolate`, sequence: 1 });
    expect(j.read("vera")).toEqual([]);
  });

  it("forget-me cancels the booked chat on the other person's calendar, naming nobody in the file", async () => {
    const j = textJourney();
    const chat = await booked(j);
    expect(await j.say("sam", "forget-me")).toContain("It also calls off:");
    await j.say("sam", "forget-me yes");
    const got = j.readFull("vera").find((m) => m.delivery.notice.kind === "chat_cancelled");
    expect(got?.text).toContain("a former member had to cancel your coffee chat.");
    const ics = icsOf(got?.delivery as Delivery);
    expect(parseInvite(ics)).toMatchObject({ method: "CANCEL", uid: `${chat.id}@percolate`, sequence: 1, status: "CANCELLED" });
    expect(ics).not.toContain("sam");
  });
});

describe("journey: times that can't be had", () => {
  it("a passed slot is called passed, and fresh times go to both", async () => {
    const j = textJourney();
    await volunteer(j, "vera");
    await seeker(j, "sam");
    await j.say("sam", "request ux design -- how to move into UX research");
    await j.say("sam", "choose 1");
    await j.say("vera", "accept");
    const proposing = only(await chats(j, "proposing"));
    await until(j, new Date((proposing.proposedSlots[0]?.start.getTime() ?? 0) + 5 * MIN));
    j.read("sam");
    j.read("vera");
    expect(await j.say("sam", "pick 1")).toBe("That time has already passed. I've sent fresh options to you both — pick one of those.");
    expect(j.read("sam")[0]).toMatch(/^📅 New times for your 30-minute chat with vera!/);
    expect(j.read("vera")[0]).toMatch(/^📅 New times for your 30-minute chat with sam!/);
  });

  it("a taken slot with no fresh time left says so to both, instead of two empty lists", async () => {
    const j = textJourney();
    await volunteer(j, "vera");
    await seeker(j, "sam");
    await j.say("sam", "request ux design -- how to move into UX research");
    await j.say("sam", "choose 1");
    await j.say("vera", "accept");
    j.read("sam");
    j.read("vera");
    await j.say("vera", "availability sat 09:00-10:00");
    j.read("vera");
    expect(await j.say("sam", "pick 1")).toBe(
      'That time was just taken, and there\'s no other time free for you both in the next two weeks. Add more free times with "availability <days> <from>-<to>", then type "reschedule".',
    );
    const toSam = j.read("sam");
    expect(toSam).toEqual([
      'We couldn\'t find a time that suits both you and vera in the next two weeks. Add more free times with "availability <days> <from>-<to>", then type "reschedule".',
    ]);
    expect(j.read("vera")).toEqual([
      'We couldn\'t find a time that suits both you and sam in the next two weeks. Add more free times with "availability <days> <from>-<to>", then type "reschedule".',
    ]);
  });

  it("reschedule with no common time left says so in its reply, agreeing with the message both receive", async () => {
    const j = textJourney();
    await booked(j);
    await j.say("vera", "availability sat 09:00-10:00");
    const reply = await j.say("sam", "reschedule");
    expect(reply).toBe(
      'Okay — but there\'s no time free for you both in the next two weeks. Add more free times with "availability <days> <from>-<to>", then type "reschedule"; I\'ve told vera too.',
    );
    expect(j.read("sam")).toEqual([
      'We couldn\'t find a time that suits both you and vera in the next two weeks. Add more free times with "availability <days> <from>-<to>", then type "reschedule".',
    ]);
  });
});
