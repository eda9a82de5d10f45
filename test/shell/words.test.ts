import { describe, expect, it } from "vitest";
import { silentLogger } from "../../src/core/ports/index.js";
import { sequentialIds } from "../../src/runtime.js";
import { ShiftableClock } from "../../src/shell/platform.js";
import { ShellSession } from "../../src/shell/session.js";
import { MemoryStore } from "../../src/store/memory-store.js";

/*
 * Journeys through the shell, the way a person types them: text in, and every message each
 * member receives out, asserted on the words they read (issue 10: referrals, the thank-you,
 * and words from the reader's side).
 */

const START = Date.UTC(2026, 10, 23, 8, 0); // Monday 23 November 2026, 08:00 UTC

function shell() {
  const clock = new ShiftableClock(() => START);
  const chunks: string[] = [];
  const session = new ShellSession(
    { store: new MemoryStore(), clock, ids: sequentialIds(), log: silentLogger },
    clock,
    (t) => chunks.push(t),
    "UTC",
    { admins: ["admin"] },
  );
  /** Runs lines as typed; returns the answers to the typist (not the messages members got). */
  const run = async (...lines: string[]): Promise<string[]> => {
    const from = chunks.length;
    for (const l of lines) await session.handle(l);
    return chunks.slice(from).filter((c) => !c.startsWith("  ✉"));
  };
  /** Every message `name` received since `from` (an index into the output), one string per message. */
  const inbox = (name: string, from = 0): string[] =>
    chunks.slice(from).filter((c) => c.startsWith(`  ✉  to ${name}:`) || c.startsWith(`  ✉  to ${name} (`));
  const mark = () => chunks.length;
  return { run, inbox, mark, chunks };
}
type Shell = ReturnType<typeof shell>;

/** ken volunteers data engineering in New York; sam, in Berlin, asks and chooses ken; ken accepts, sam picks; the chat happens. */
async function chatWithKen(sh: Shell, goals = "learn how data engineering teams work") {
  await sh.run(
    "as admin",
    "as ken",
    "volunteer data-engineering --cap 4 --bio Data platform lead",
    "availability mon-fri 08:00-17:00 America/New_York",
    "as sam",
    "availability mon-fri 09:00-20:00 Europe/Berlin",
    `request data-engineering -- ${goals}`,
    "choose 1",
    "as ken",
    "accept",
    "as sam",
    "pick 1",
    // Half a day at a time, so the prep and the reminder arrive before the chat, not stale after it.
    ...Array.from({ length: 12 }, () => "clock +12h"),
  );
}

describe("referrals that make sense", () => {
  it("a referral to someone with no free time in common says so, not 'paused, at capacity or met recently'", async () => {
    const sh = shell();
    await chatWithKen(sh);
    await sh.run("as sam", "happened");
    await sh.run("as bernd", "volunteer data-engineering", "availability sun 03:00-04:00 Europe/Berlin");
    const said = (await sh.run("as ken", "refer bernd")).join("\n");
    expect(said).toContain("They share no free time with that member in the next two weeks, so I can't introduce them.");
    expect(said).not.toContain("paused, at capacity or met recently");
  });

  it("never offers a referral back to the referrer, and tells the seeker when the batch sends the intro", async () => {
    const sh = shell();
    await chatWithKen(sh);
    await sh.run("as sam", "happened", "as ken");
    // ken refers sam to bernd; sam hears who suggested whom.
    await sh.run("as bernd", "volunteer data-engineering, analytics", "availability mon-fri 09:00-17:00 Europe/Berlin");
    let from = sh.mark();
    expect((await sh.run("as ken", "refer bernd")).join("\n")).toContain("passed the suggestion on");
    expect(sh.inbox("sam", from).join("\n")).toContain("ken suggested you talk to bernd");
    // sam sends the intro, bernd declines; nobody else fits (sam met ken just now), so sam waits.
    await sh.run("as sam", "choose 1", "as bernd");
    expect((await sh.run("decline busy month")).join("\n")).toContain("they're on the waitlist");
    // Weeks later the repeat window no longer keeps sam and ken apart; the hourly batch runs.
    from = sh.mark();
    await sh.run("as admin", "admin settings repeatWindowWeeks 0", "clock +1d");
    expect(sh.inbox("ken", from).join("\n")).not.toContain("would like a");
    expect(sh.inbox("ken", from).join("\n")).not.toContain("referred by ken");
    // A new volunteer who fits joins: the batch sends the intro, and sam is told to whom and why.
    from = sh.mark();
    await sh.run("as pia", "availability mon-fri 09:00-17:00 Europe/Berlin", "volunteer data-engineering");
    expect(sh.inbox("pia", from).join("\n")).toContain("sam would like a 30-minute chat to learn from you (referred by ken)");
    const told = sh.inbox("sam", from).join("\n");
    expect(told).toContain("I've sent your intro to pia — you both care about data-engineering.");
    expect(told).toMatch(/They have until \w{3} \d+ \w{3}, \d\d:\d\d \(Berlin time, GMT\+1\) to answer/);
  });

  it("shows only the interests the seeker and the referred volunteer really share", async () => {
    const sh = shell();
    await chatWithKen(sh);
    await sh.run("as sam", "happened");
    await sh.run("as rhea", "volunteer user-research, data-engineering", "availability mon-fri 09:00-17:00 Europe/Berlin");
    const from = sh.mark();
    await sh.run("as ken", "refer rhea", "as sam", "choose 1");
    const intro = sh.inbox("rhea", from).join("\n");
    expect(intro).toContain("Shared interests: data-engineering ·");
    expect(intro).not.toContain("user-research");
  });

  it("refuses a referral to someone who declined this seeker recently, with the reason", async () => {
    const sh = shell();
    await sh.run("as admin", "as bernd", "volunteer data-engineering", "availability mon-fri 09:00-17:00 Europe/Berlin");
    await sh.run("as sam", "availability mon-fri 09:00-20:00 Europe/Berlin", "request data-engineering -- how teams work", "choose 1");
    await sh.run("as bernd", "decline");
    await chatWithKen(sh, "how pipelines are tested");
    await sh.run("as sam", "happened");
    const from = sh.mark();
    const said = (await sh.run("as ken", "refer bernd")).join("\n");
    expect(said).toContain("bernd said no to a chat with sam recently, so I won't ask them again so soon.");
    expect(said).toContain('"refer <member>"');
    expect(sh.inbox("sam", from)).toEqual([]);
  });
});

describe("the thank-you is real", () => {
  it("passes the seeker's own note to the volunteer, and stats count real notes, not nudges", async () => {
    const sh = shell();
    await chatWithKen(sh);
    await sh.run("as sam", "happened", "clock +3h");
    // The prompt with the draft went out; it is not a thank-you, so stats still count none.
    expect((await sh.run("as admin", "admin stats")).join("\n")).toMatch(/→ Thanked 0$/m);
    const from = sh.mark();
    const reply = (await sh.run("as sam", "thanks Your tip about testing pipelines with dbt was exactly what I needed.")).join("\n");
    expect(reply).toContain("Sent your note to ken.");
    expect(sh.inbox("ken", from)).toEqual([
      '  ✉  to ken:\n   💌 A note from sam after your chat:\n      "Your tip about testing pipelines with dbt was exactly what I needed."',
    ]);
    expect((await sh.run("as admin", "admin stats")).join("\n")).toMatch(/→ Thanked 1$/m);
    // Sending the same note again changes nothing; a second, different one is refused kindly.
    expect((await sh.run("as sam", "thanks Your tip about testing pipelines with dbt was exactly what I needed.")).join("\n")).toContain(
      "already went to ken",
    );
    expect((await sh.run("thanks and one more thing")).join("\n")).toContain("already sent ken a thank-you");
  });

  it("a note sent before the prompt withdraws the prompt", async () => {
    const sh = shell();
    await chatWithKen(sh);
    await sh.run("as sam", "happened", "thanks Thank you, that was so helpful!");
    const from = sh.mark();
    await sh.run("clock +3h");
    expect(sh.inbox("sam", from).join("\n")).not.toContain("Here's a draft");
  });

  it("the draft reads naturally and names one goal", async () => {
    const sh = shell();
    await chatWithKen(sh, "learn how data engineering teams work; what to study first");
    const from = sh.mark();
    await sh.run("as sam", "happened", "clock +3h");
    const prompt = sh.inbox("sam", from).join("\n");
    expect(prompt).toContain('"Hi ken, thank you for taking the time to talk with me about how data engineering teams work.');
    expect(prompt).not.toContain("about learn");
    expect(prompt).toContain('send it with "thanks <your note>"');
  });

  it("the prep note has all seven questions, those that fit the seeker's goals first", async () => {
    const sh = shell();
    const from = sh.mark();
    await chatWithKen(sh, "which resources and books are worth a beginner's time");
    const prep = sh.inbox("sam", from).find((m) => m.includes("A little prep goes a long way")) ?? "";
    const questions = prep.split("\n").filter((l) => l.trim().startsWith("•"));
    expect(questions).toHaveLength(7);
    expect(questions[0]).toContain("Which resources are worth a beginner's time, and which are not?");
    expect(prep).toContain("Who else would you suggest I talk to?");
  });
});

describe("words from the reader's side", () => {
  it("the volunteer who accepts reads 'You're on'; the seeker reads that they said yes; only the volunteer is thanked for their time", async () => {
    const sh = shell();
    await sh.run("as admin", "as ken", "volunteer data-engineering", "availability mon-fri 08:00-17:00 America/New_York");
    await sh.run("as sam", "availability mon-fri 09:00-20:00 Europe/Berlin", "request data-engineering -- how teams work", "choose 1");
    const from = sh.mark();
    await sh.run("as ken", "accept");
    const ken = sh.inbox("ken", from).join("\n");
    expect(ken).toContain("📅 You're on — pick a time for your 30-minute chat with sam");
    expect(ken).not.toContain("they said yes");
    expect(sh.inbox("sam", from).join("\n")).toContain("📅 Good news — ken said yes to a 30-minute chat! Pick a time that works");
    await sh.run("as sam", "pick 1", "clock +6d");
    const after = sh.mark();
    await sh.run("as ken", "happened");
    const sam = sh.inbox("sam", after).join("\n");
    expect(sam).toContain("ken marked your chat as done — I hope it helped!");
    expect(sam).not.toContain("Thank you for making time");
  });

  it("an intro's deadline shows a time in the reader's own zone", async () => {
    const sh = shell();
    await sh.run("as admin", "as ken", "volunteer data-engineering", "availability mon-fri 08:00-17:00 America/New_York");
    const from = sh.mark();
    await sh.run("as sam", "availability mon-fri 09:00-20:00 Europe/Berlin", "request data-engineering -- how teams work", "choose 1");
    // Offered Monday 08:00 UTC with 72 hours to answer: Thursday 08:00 UTC is 03:00 in New York.
    expect(sh.inbox("ken", from).join("\n")).toContain('Type "accept" or "decline [reason]" by Thu 26 Nov, 03:00 (New York time, GMT-5).');
  });

  it("an expired intro tells the volunteer what really happened next: the seeker is on the waitlist", async () => {
    const sh = shell();
    await sh.run("as admin", "as bernd", "volunteer data-engineering", "availability mon-fri 09:00-17:00 Europe/Berlin");
    await sh.run("as sam", "availability mon-fri 09:00-20:00 Europe/Berlin", "request data-engineering -- how teams work", "choose 1");
    const from = sh.mark();
    await sh.run("clock +4d");
    const bernd = sh.inbox("bernd", from).join("\n");
    expect(bernd).toContain("The intro with sam expired without an answer. They're on the waitlist until someone fits.");
    expect(bernd).not.toContain("someone else");
    expect(sh.inbox("sam", from).join("\n")).toContain("You're on the waitlist");
  });

  it("a decline is answered with what happens next, and status drops suggestions that no longer apply", async () => {
    const sh = shell();
    await sh.run("as admin", "as bernd", "volunteer data-engineering", "availability mon-fri 09:00-17:00 Europe/Berlin");
    await sh.run("as ken", "volunteer data-engineering", "availability mon-fri 08:00-17:00 America/New_York");
    const asked = (
      await sh.run("as sam", "availability mon-fri 09:00-20:00 Europe/Berlin", "request data-engineering -- how teams work")
    ).join("\n");
    expect(asked).toMatch(/1\. bernd[\s\S]*2\. ken/);
    const before = (await sh.run("status")).join("\n");
    expect(before).toMatch(/1\. bernd/);
    await sh.run("choose 1");
    expect((await sh.run("as bernd", "decline")).join("\n")).toContain("I've introduced them to someone else.");
    const status = (await sh.run("as sam", "status")).join("\n");
    expect(status).not.toMatch(/\d\. bernd/);
    expect(status).not.toMatch(/\d\. ken —/);
  });

  it("two notices due at once for one person arrive as one message", async () => {
    const sh = shell();
    await chatWithKen(sh);
    const from = sh.mark();
    await sh.run("as sam", "happened");
    const ken = sh.inbox("ken", from);
    expect(ken).toHaveLength(1);
    expect(ken[0]).toContain("sam marked your chat as done. Thank you for making time!");
    expect(ken[0]).toContain("Who else should they talk to?");
  });
});
