import { describe, expect, it } from "vitest";
import { silentLogger } from "../../src/core/ports/index.js";
import { sequentialIds } from "../../src/runtime.js";
import { ShiftableClock } from "../../src/shell/platform.js";
import { ShellSession } from "../../src/shell/session.js";
import { MemoryStore } from "../../src/store/memory-store.js";

/** Monday 23 November 2026, 08:00 UTC. */
const START = Date.UTC(2026, 10, 23, 8, 0);
const DAY = 24 * 3600_000;

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
    expect(asked).toContain("Nobody fits \"go\" right now, so you're on the waitlist.");
    expect(asked).toContain("Volunteers for go are free only when you aren't.");
    expect(asked).toContain("• priya: Sun–Thu 22:30–07:30 (into the next day)");
  });
});

describe("the bot says what blocks a match", () => {
  it("nobody offers the topic: lists the topics that have volunteers (on request and on choose auto)", async () => {
    const s = shell("Asia/Kolkata");
    await s.run("as bob");
    await s.run("volunteer rust, python");
    await s.run("as priya");
    const asked = await s.run("request kubernetes -- how platform teams run clusters");
    expect(asked).toContain("Nobody fits \"kubernetes\" right now, so you're on the waitlist.");
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
      /🎉 Good news: I've introduced you to bob — you share rust and \d+(\.5)? h of free time in the next two weeks\./,
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
      "Everyone who volunteers for rust is at their monthly limit or on a break. You'll hear from me as soon as one has room again (monthly limits reset on Tue, 1 Dec 2026, the first break ends on Sat, 5 Dec 2026).",
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
