import { describe, expect, it } from "vitest";
import { silentLogger } from "../../src/core/ports/index.js";
import { sequentialIds } from "../../src/runtime.js";
import { ShiftableClock } from "../../src/shell/platform.js";
import { ShellSession } from "../../src/shell/session.js";
import { MemoryStore } from "../../src/store/memory-store.js";

/** Monday 23 November 2026, 08:00 UTC. */
const START = Date.UTC(2026, 10, 23, 8, 0);

/**
 * A shell session whose members' platform zone is `zone` (as Slack would give it): every line
 * goes in as a person types it, and `run` returns everything printed for that line — the
 * reply and every message each member received — exactly as they read it.
 */
function shell(zone: string) {
  const store = new MemoryStore();
  const clock = new ShiftableClock(() => START);
  let printed: string[] = [];
  const session = new ShellSession({ store, clock, ids: sequentialIds(), log: silentLogger }, clock, (t) => printed.push(t), zone);
  const run = async (line: string): Promise<string> => {
    printed = [];
    await session.handle(line);
    return printed.join("\n");
  };
  /** The messages one member received while `line` ran, each as they read it. */
  const to = (out: string, name: string): string[] =>
    out
      .split(/\n(?= {2}✉ {2}to )/)
      .filter((block) => block.includes(`✉  to ${name}`))
      .map((block) => block.replace(/^.*✉ {2}to [^:]+:\n {3}/s, ""));
  return { run, to, session, store, clock };
}

describe("flexible seekers: a Kolkata seeker who never typed availability and a New York volunteer", () => {
  it("reach a booked chat, and each reads the time in their own zone", async () => {
    const s = shell("Asia/Kolkata");
    await s.run("as bob");
    await s.run("volunteer rust --bio Backend lead");
    expect(await s.run("availability mon-fri 09:00-17:00 America/New_York")).toContain("America/New_York");

    await s.run("as priya");
    expect(await s.run("status")).toContain("Free: any day 08:00-21:00 your time (not set, so I match you in your waking hours)");
    const asked = await s.run("request rust -- how to get started with systems programming");
    // Her waking hours (08:00–21:00 Kolkata) meet bob's 09:00 New York mornings: 19:30–21:00 for her.
    expect(asked).toContain("Here's who could help");
    expect(asked).toMatch(/1\. bob — shares rust; \d+(\.5)? h free together/);

    const chose = await s.run("choose 1");
    expect(chose).toContain("Intro sent to bob.");
    expect(s.to(chose, "bob")[0]).toContain("priya would like a 30-minute chat to learn from you");

    await s.run("as bob");
    const accepted = await s.run("accept");
    const forPriya = s.to(accepted, "priya").join("\n");
    const forBob = s.to(accepted, "bob").join("\n");
    expect(forPriya).toContain("Pick a time that works");
    expect(forPriya).toContain("1. Tue 24 Nov, 19:30–20:00 (Kolkata time, GMT+5:30)");
    expect(forBob).toContain("1. Tue 24 Nov, 09:00–09:30 (New York time, GMT-5)");

    await s.run("as priya");
    const picked = await s.run("pick 1");
    expect(picked).toContain("Booked: Tue 24 Nov, 19:30–20:00 (Kolkata time, GMT+5:30)");
    expect(s.to(picked, "priya").join("\n")).toContain(
      "✅ Confirmed: priya & bob, Tue 24 Nov, 19:30–20:00 (Kolkata time, GMT+5:30) (30 min, video call).",
    );
    expect(s.to(picked, "bob").join("\n")).toContain(
      "✅ Confirmed: priya & bob, Tue 24 Nov, 09:00–09:30 (New York time, GMT-5) (30 min, video call).",
    );
  });

  it("the waking hours are a community setting, validated, and matching follows them", async () => {
    const s = shell("Asia/Kolkata");
    await s.run("as bob");
    expect(await s.run("admin settings")).toContain("seekerDayStart 08:00 (HH:MM) · seekerDayEnd 21:00 (HH:MM): seekers' day, if not set");
    expect(await s.run("admin settings seekerDayStart 23:30")).toBe(
      '"23:30" won\'t work for seekerDayStart: use a time like 08:00, before seekerDayEnd.',
    );
    expect(await s.run("admin settings seekerDayEnd 7pm")).toBe(
      '"7pm" won\'t work for seekerDayEnd: use a time like 21:00 (up to 24:00), after seekerDayStart.',
    );
    expect(await s.run("admin settings seekerDayEnd 19")).toBe("Saved: seekerDayEnd is now 19:00.");
    await s.run("volunteer rust");
    await s.run("availability mon-fri 09:00-17:00 America/New_York");
    await s.run("as priya");
    // Her day now ends at 19:00, before bob's New York morning starts (19:30 hers).
    const asked = await s.run("request rust -- how to get started");
    expect(asked).toContain("Volunteers for rust are free only when you aren't.");
    expect(asked).toContain("• bob: Mon–Fri 19:30–03:30 (into the next day)");
  });

  it("keeps a volunteer's stated windows as they are: a volunteer who never set times is not widened", async () => {
    const s = shell("Asia/Kolkata");
    await s.run("as bob");
    await s.run("volunteer rust");
    await s.run("availability mon-fri 09:00-17:00 America/New_York");
    await s.run("as priya");
    await s.run("volunteer go");
    await s.run("as ken");
    await s.run("availability mon-fri 09:00-17:00 America/New_York");
    // ken, a New York seeker, asks priya (a volunteer with no stated times: weekdays 09:00–18:00 Kolkata).
    const asked = await s.run("request go -- concurrency patterns");
    expect(asked).toContain('Nobody fits "go" right now, so you\'re on the waitlist.');
    expect(asked).toContain("Volunteers for go are free only when you aren't.");
    expect(asked).toContain("• priya: Sun–Thu 22:30–07:30 (into the next day)");
    expect(asked).toContain('"availability mon-fri 00:00-07:30; mon-fri 09:00-17:00; sun-thu 22:30-24:00"');
  });
});

describe("the bot says what blocks a match", () => {
  it("nobody offers the topic: lists the topics that have volunteers (on request and on choose auto)", async () => {
    const s = shell("Asia/Kolkata");
    await s.run("as bob");
    await s.run("volunteer rust, python");
    await s.run("as priya");
    const asked = await s.run("request kubernetes -- how platform teams run clusters");
    expect(asked).toContain('Nobody fits "kubernetes" right now, so you\'re on the waitlist.');
    expect(asked).toContain("Nobody here volunteers for kubernetes yet. Topics with volunteers: python, rust.");
    expect(asked).toContain(
      'To ask about one of those, type "request <tags> -- <what you want to learn>"; otherwise I\'ll introduce you as soon as someone volunteers for kubernetes.',
    );
    const auto = await s.run("choose auto");
    expect(auto).toContain("Nobody fits right now, so you're on the waitlist.");
    expect(auto).toContain("Topics with volunteers: python, rust.");
  });

  it("no shared time: shows the volunteers' hours in the seeker's zone and what to type; widening gets her matched", async () => {
    const s = shell("Asia/Kolkata");
    await s.run("as bob");
    await s.run("volunteer rust");
    await s.run("availability mon-fri 09:00-17:00 America/New_York");
    await s.run("as priya");
    await s.run("availability mon-fri 09:00-17:00");
    const asked = await s.run("request rust -- how to get started");
    expect(asked).toContain("Volunteers for rust are free only when you aren't. Their hours in your time (Asia/Kolkata):");
    expect(asked).toContain("• bob: Mon–Fri 19:30–03:30 (into the next day)");
    expect(asked).toContain('widen your free times: "availability mon-fri 09:00-17:00; mon-fri 19:30-21:00"');

    // She types exactly what she was offered; the next batch introduces her, and she is told who and why.
    const widened = await s.run("availability mon-fri 09:00-17:00; mon-fri 19:30-21:00");
    expect(s.to(widened, "priya").join("\n")).toMatch(
      /☕ I've sent your intro to bob — you both care about rust\.\n\s+They have until .+ to answer; I'll let you know either way\./,
    );
    expect(s.to(widened, "bob").join("\n")).toContain("priya would like a 30-minute chat to learn from you");
  });

  it("everyone fitting is at capacity or paused: says so, and when room frees up", async () => {
    const s = shell("Asia/Kolkata");
    await s.run("as bob");
    await s.run("volunteer rust --cap 1");
    await s.run("as carol");
    await s.run("volunteer rust");
    await s.run("pause 2026-12-05");
    await s.run("as ken");
    await s.run("request rust -- ownership and borrowing");
    await s.run("choose 1"); // bob's one chat this month is now taken by ken's intro
    await s.run("as priya");
    const asked = await s.run("request rust -- how to get started");
    expect(asked).toContain(
      "Everyone who volunteers for rust is at their monthly limit or on a break. You'll hear from me as soon as one has room again (monthly limits reset on Tue, 1 Dec 2026; the first break ends on Sat, 5 Dec 2026).",
    );
  });

  it("the last candidate passes: the seeker is waitlisted with the reason, not just the news", async () => {
    const s = shell("Asia/Kolkata");
    await s.run("as bob");
    await s.run("volunteer rust");
    await s.run("as priya");
    await s.run("request rust -- how to get started");
    await s.run("choose 1");
    await s.run("as bob");
    const declined = await s.run("decline busy this month");
    const told = s.to(declined, "priya").join("\n");
    expect(told).toContain("bob can't make it this time. You're on the waitlist");
    expect(told).toContain(
      "Everyone who volunteers for rust has been asked for this request already, or met you recently. I'll introduce you as soon as someone new volunteers for it.",
    );
  });

  it("the batch leaves a stale open request unmatched: it goes onto the waitlist and the seeker hears why, once", async () => {
    const s = shell("Asia/Kolkata");
    await s.run("as bob");
    await s.run("volunteer rust");
    await s.run("as priya");
    expect(await s.run("request rust -- how to get started")).toContain("1. bob");
    await s.run("as bob");
    await s.run("pause 2026-12-10");
    const later = await s.run("clock +2d");
    expect(s.to(later, "priya").join("\n")).toContain(
      "⏳ Nobody fits your request about rust right now, so you're on the waitlist.\n   Everyone who volunteers for rust is on a break. You'll hear from me as soon as one has room again (the first break ends on Thu, 10 Dec 2026).",
    );
    expect(s.to(await s.run("clock +2h"), "priya")).toEqual([]);
  });
});

describe("the waitlist is looked after", () => {
  it("a waitlisted seeker hears 'still looking' once a week (never more), then is told who they were matched with and why", async () => {
    const s = shell("Europe/Berlin");
    await s.run("as bob");
    await s.run("volunteer rust");
    await s.run("as priya");
    expect(await s.run("request kubernetes -- how platform teams run clusters")).toContain("you're on the waitlist");

    expect(s.to(await s.run("clock +6d"), "priya")).toEqual([]);
    const week1 = s.to(await s.run("clock +1d"), "priya");
    expect(week1).toHaveLength(1);
    expect(week1[0]).toContain("🔎 Still looking for someone on kubernetes — a week on the waitlist so far. Here's what's in the way:");
    expect(week1[0]).toContain("Nobody here volunteers for kubernetes yet. Topics with volunteers: rust.");
    expect(week1[0]).toContain("Your request stays on the list until Mon, 4 Jan 2027; you don't need to do anything to keep it.");
    // Every tick in between (each command runs one) says nothing more that week.
    for (const step of ["clock +1d", "clock +2d", "status", "clock +3d"]) expect(s.to(await s.run(step), "priya")).toEqual([]);
    const week2 = s.to(await s.run("clock +1d"), "priya");
    expect(week2).toHaveLength(1);
    expect(week2[0]).toContain("2 weeks on the waitlist so far");
    // Downtime: three weeks pass in one step; she gets one note, not three.
    expect(s.to(await s.run("clock +3w"), "priya")).toHaveLength(1);

    await s.run("as ken");
    const joined = await s.run("volunteer kubernetes --bio SRE");
    const told = s.to(joined, "priya");
    expect(told).toHaveLength(1);
    expect(told[0]).toMatch(
      /^☕ I've sent your intro to ken — you both care about kubernetes\.\n\s+They have until .+ \(.+\) to answer; I'll let you know either way\.$/,
    );
    expect(s.to(joined, "ken")[0]).toContain("priya would like a 30-minute chat to learn from you");
  });

  it("a request expires after the community's weeks with a message, and renew puts it back in one step", async () => {
    const s = shell("Europe/Berlin");
    await s.run("as bob");
    await s.run("volunteer rust");
    expect(await s.run("admin settings waitlistExpiryWeeks 2")).toContain("Saved: waitlistExpiryWeeks is now 2.");
    await s.run("as priya");
    await s.run("request kubernetes -- how platform teams run clusters");
    await s.run("clock +13d");
    const expired = s.to(await s.run("clock +1d"), "priya");
    expect(expired).toEqual([
      '⌛ Your request about kubernetes ("how platform teams run clusters") waited 2 weeks without a match, so I\'ve taken it off the list. Type "renew" to put it back — I\'ll look again straight away.',
    ]);
    expect(await s.run("status")).not.toContain('Request "how platform teams run clusters"');
    // Nothing more is said about an expired request.
    expect(s.to(await s.run("clock +2w"), "priya")).toEqual([]);

    const renewed = await s.run("renew");
    expect(renewed).toContain(
      'Renewed — your request is back on the list. Nobody fits "kubernetes" right now, so you\'re on the waitlist.',
    );
    expect(renewed).toContain("Topics with volunteers: rust.");
    expect(await s.run("status")).toContain('Request "how platform teams run clusters" (kubernetes): waitlisted');
    expect(await s.run("renew")).toContain("That request is back on the list already.");
    // The clock starts again: a week after renewing, the weekly note; not before.
    expect(s.to(await s.run("clock +6d"), "priya")).toEqual([]);
    expect(s.to(await s.run("clock +1d"), "priya")[0]).toContain("a week on the waitlist so far");
  });

  it("renew with nothing expired names the fix", async () => {
    const s = shell("UTC");
    await s.run("as priya");
    expect(await s.run("renew")).toBe(
      'You have no expired request to renew. Start a new one with "request <tags> -- <what you want to learn>".',
    );
  });

  it("admin queue lists every waiting request with who, topics, how long and the reason; admins only", async () => {
    const s = shell("Asia/Kolkata");
    await s.run("as bob"); // the shell's first member administers the community
    await s.run("volunteer rust --cap 1");
    await s.run("availability mon-fri 09:00-17:00 America/New_York");
    await s.run("as ken");
    await s.run("request rust -- ownership");
    await s.run("choose 1");
    await s.run("as priya");
    await s.run("request kubernetes -- clusters");
    await s.run("clock +2d");
    await s.run("as tara");
    await s.run("request rust -- async");

    expect(await s.run("admin queue")).toBe(
      'Only community admins can use admin queue. Ask an admin to add you with "admin add <member>".',
    );
    await s.run("as bob");
    const queue = await s.run("admin queue");
    expect(queue).toContain("📋 Waiting requests (3), longest first:");
    expect(queue).toMatch(/ken · rust · waiting 2 days · offered · intro out to bob, answer due /);
    expect(queue).toContain("priya · kubernetes · waiting 2 days · waitlisted · NO_TOPIC — nobody volunteers for these topics");
    expect(queue).toContain(
      "tara · rust · waiting under an hour · waitlisted · NO_CAPACITY — everyone fitting is full or on a break (limits reset Mon, 30 Nov 2026)", // 1 Dec 00:00 UTC, in bob's New York time
    );
    expect(queue).toContain('Run "admin match" to match the queue now.');
  });
});
