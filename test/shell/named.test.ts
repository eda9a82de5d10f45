import { describe, expect, it } from "vitest";
import { type Terminal, terminal } from "./terminal.js";

/** vera volunteers; pia, then tom, each ask for a chat and choose her. */
async function twoIntros(): Promise<Terminal> {
  const t = terminal();
  await t.say(
    "as vera",
    "volunteer ux research --bio Research lead at a fintech --link https://meet.example/vera",
    "availability mon-fri 9-17 Europe/Berlin",
    "as pia",
    "request ux research -- how to run interviews",
    "choose 1",
    "as tom",
    "request ux research -- how to start in research",
    "choose 1",
    "as vera",
  );
  return t;
}

/** As twoIntros, with both intros accepted: vera has two chats waiting for a time. */
async function twoChats(): Promise<Terminal> {
  const t = await twoIntros();
  await t.say("accept pia", "accept tom");
  return t;
}

describe("every command can name its target (shell)", () => {
  it("with two intros waiting, a bare accept asks which, names both, and does nothing", async () => {
    const t = await twoIntros();
    const out = await t.say("accept");
    expect(out).toBe(
      [
        "2 intros are waiting for your answer. Which one do you want to accept?",
        '   1. pia — wants to learn "how to run interviews"',
        '   2. tom — wants to learn "how to start in research"',
        'Say which with the name, e.g. "accept pia".',
      ].join("\n"),
    );
    expect(out).not.toContain("✉");
    expect((await t.intros()).map((i) => i.status)).toEqual(["pending", "pending"]);
  });

  it('"accept pia" accepts pia\'s intro, not the other one, and pia is the one offered times', async () => {
    const t = await twoIntros();
    const out = await t.say("accept pia");
    expect(out).toContain("Thank you! I've sent 3 times to you both");
    expect(t.to(out, "pia").join("\n")).toContain("Pick a time that works");
    expect(t.to(out, "tom")).toEqual([]);
    const intros = await t.intros();
    expect(intros.find((i) => i.seekerId === t.id("pia"))?.status).toBe("accepted");
    expect(intros.find((i) => i.seekerId === t.id("tom"))?.status).toBe("pending");
    // One left: no name needed.
    expect(t.to(await t.say("accept"), "tom").join("\n")).toContain("Pick a time that works");
  });

  it("a name that matches nobody is answered with the list", async () => {
    const t = await twoIntros();
    const out = await t.say("accept zed");
    expect(out).toContain('Nobody called "zed" is waiting on that. Here\'s who is — which one?');
    expect(out).toContain("   1. pia");
    expect(out).toContain("   2. tom");
  });

  it('"decline tom too busy this month" declines tom with the reason; pia\'s intro waits', async () => {
    const t = await twoIntros();
    const out = await t.say("decline tom too busy this month");
    expect(out).toContain("No problem");
    expect(t.to(out, "tom").join("\n")).toContain("vera can't make it this time.");
    expect(t.to(out, "pia")).toEqual([]);
    const intros = await t.intros();
    expect(intros.find((i) => i.seekerId === t.id("tom"))).toMatchObject({ status: "declined", declineReason: "too busy this month" });
    expect(intros.find((i) => i.seekerId === t.id("pia"))?.status).toBe("pending");
    // A bare decline with two waiting would ask; with one left it needs no name, and the words are the reason.
    await t.say("decline away all week");
    expect((await t.intros()).find((i) => i.seekerId === t.id("pia"))).toMatchObject({
      status: "declined",
      declineReason: "away all week",
    });
  });

  it("a bare decline with two intros waiting asks which, keeping the reason in the example", async () => {
    const t = await twoIntros();
    const out = await t.say("decline too busy");
    expect(out).toContain("2 intros are waiting for your answer. Which one do you want to decline?");
    expect(out).toContain('Say which with the name, e.g. "decline pia too busy".');
    expect((await t.intros()).map((i) => i.status)).toEqual(["pending", "pending"]);
  });

  it('"pick 2" with two chats waiting asks which; "pick 2 with tom" books tom\'s chat at the time status lists as 2', async () => {
    const t = await twoChats();
    const status = await t.say("status");
    const tomLine = status.split("\n").find((l) => l.startsWith("Chat with tom: pick a time"));
    expect(tomLine).toContain('("pick <n> with tom")');
    const second = /2\. ([^;]+);/.exec(tomLine ?? "")?.[1];
    expect(second).toBeTruthy();

    const asked = await t.say("pick 2");
    expect(asked).toContain("2 chats are waiting for a time. Which one is time 2 for?");
    expect(asked).toContain(`   2. tom — time 2 is ${second}`);
    expect(asked).toContain('Say which with the name, e.g. "pick 2 with pia".');
    expect((await t.chats()).map((c) => c.status)).toEqual(["proposing", "proposing"]);

    const booked = await t.say("pick 2 with tom");
    expect(booked).toContain(`Booked: ${second}.`);
    expect(t.to(booked, "tom").join("\n")).toContain("✅ Confirmed: tom & vera");
    expect(t.to(booked, "pia")).toEqual([]);
    const chats = await t.chats();
    const tom = chats.find((c) => c.seekerId === t.id("tom"));
    expect(tom?.status).toBe("scheduled");
    expect(tom?.slot).toEqual(tom?.proposedSlots[1]);
    expect(chats.find((c) => c.seekerId === t.id("pia"))?.status).toBe("proposing");
  });

  it('"choose <name>" chooses that suggestion (a prefix is enough); "choose 1" with two requests asks which; "for" says which request', async () => {
    const t = terminal();
    await t.say(
      "as ada",
      "admin settings maxOpenRequestsPerSeeker 2",
      "as vera",
      "volunteer user research",
      "as uma",
      "volunteer portfolio review",
      "as pia",
      "request user research -- how to run interviews",
      "request portfolio review -- how to build a portfolio",
    );
    const status = await t.say("status");
    const lines = status.split("\n");
    const first = lines.findIndex((l) => l.startsWith('Request "how to run interviews"'));
    expect(lines[first + 1]).toMatch(/^ {3}1\. vera/);
    expect(status).toContain('(several requests wait: "choose <name>", or "choose <n> for <words of the request>")');

    const asked = await t.say("choose 1");
    expect(asked).toBe(
      [
        "2 of your requests are waiting for a choice. Which one?",
        '   1. vera — for "how to run interviews"',
        '   2. uma — for "how to build a portfolio"',
        'Say which with the name, e.g. "choose 1 for how to run interviews".',
      ].join("\n"),
    );
    expect(await t.intros()).toEqual([]);

    const out = await t.say("choose UM");
    expect(out).toContain("Intro sent to uma.");
    expect(t.to(out, "uma").join("\n")).toContain("pia would like a 30-minute chat");
    expect((await t.intros())[0]?.volunteerId).toBe(t.id("uma"));

    const byNumber = await t.say("choose 1 for interviews");
    expect(byNumber).toContain("Intro sent to vera.");
  });

  it("a volunteer suggested for two requests is told apart by the request", async () => {
    const t = terminal();
    await t.say(
      "as ada",
      "admin settings maxOpenRequestsPerSeeker 2",
      "as vera",
      "volunteer ux research, portfolio review",
      "as pia",
      "request ux research -- how to run interviews",
      "request portfolio review -- how to build a portfolio",
    );
    const asked = await t.say("choose vera");
    expect(asked).toContain("vera is suggested for 2 of your requests — which one?");
    expect(asked).toContain('Say which with the name, e.g. "choose vera for how to run interviews".');
    const out = await t.say("choose vera for portfolio");
    expect(out).toContain("Intro sent to vera.");
    const [intro] = await t.intros();
    const req = await t.store.tx((tx) => tx.getRequest("shell:local", intro?.requestId ?? ""));
    expect(req?.goals).toBe("how to build a portfolio");
  });
});

describe("ask before what can't be undone (shell)", () => {
  it('cancel of a booked chat says exactly what will happen and does nothing until "cancel yes"; then the other person is told', async () => {
    const t = await twoIntros();
    await t.say("accept pia", "as pia", "pick 1");
    const asked = await t.say("cancel");
    expect(asked).toMatch(/^Cancel your chat with vera, Tue 24 Nov, 08:00–08:30 \(GMT\)\? vera will be told, and your request closes\./);
    expect(asked).toContain('Nothing changes until you confirm: "cancel yes".');
    expect(asked).not.toContain("✉");
    expect((await t.chats())[0]?.status).toBe("scheduled");
    const done = await t.say("cancel yes");
    expect(done).toContain("Cancelled the chat; I've let the other person know.");
    expect(t.to(done, "vera").join("\n")).toContain("pia had to cancel your coffee chat.");
    expect((await t.chats())[0]?.status).toBe("cancelled");
  });

  it('leave with a booked chat lists it and who is told, changes nothing, then "leave yes" leaves', async () => {
    const t = await twoIntros();
    await t.say("accept pia", "pick 2");
    const asked = await t.say("leave");
    expect(asked).toContain("Before you go: leaving calls off your chat not yet held:");
    expect(asked).toContain(
      "   • with pia, Wed 25 Nov, 09:00–09:30 (Berlin time, GMT+1) — pia will be told, and I'll look for someone else for them",
    );
    expect(asked).toContain("The intro waiting for your answer goes to someone else.");
    expect(asked).toContain('Nothing changes until you confirm: "leave yes". You can come back any time with "resume".');
    expect(asked).not.toContain("✉");
    expect((await t.member("vera"))?.status).toBe("active");
    expect((await t.chats())[0]?.status).toBe("scheduled");

    const done = await t.say("leave yes");
    expect(done).toContain("You've left coffee chats");
    expect(t.to(done, "pia").join("\n")).toContain("vera had to cancel your coffee chat.");
    expect((await t.member("vera"))?.status).toBe("opted_out");
  });

  it("forget-me from someone Percolate never saw says there's nothing to erase, without asking", async () => {
    const t = terminal();
    await t.say("as ada", "status");
    const out = await t.say("as zoe", "forget-me");
    expect(out).not.toContain("Nothing changes until you confirm");
    expect(await t.member("zoe")).toBeNull();
  });

  it("leave with nothing booked needs no confirmation", async () => {
    const t = terminal();
    await t.say("as ned", "profile ux");
    expect(await t.say("leave")).toContain("You've left coffee chats");
  });

  it('forget-me says what it erases and which chats it calls off, and erases only after "forget-me yes"', async () => {
    const t = await twoIntros();
    await t.say("accept pia", "pick 1");
    const asked = await t.say("forget-me");
    expect(asked).toContain("This erases what Percolate knows about you here");
    expect(asked).toContain("   • with pia, Tue 24 Nov, 09:00–09:30 (Berlin time, GMT+1) — pia will be told");
    expect(asked).toContain('Nothing changes until you confirm: "forget-me yes".');
    expect((await t.member("vera"))?.forgotten).toBe(false);
    const done = await t.say("forget-me yes");
    expect(done).toContain("you've been forgotten");
    expect(await t.member("vera")).toBeNull();
  });
});

describe("unblock, volunteer off, and a status that shows it all (shell)", () => {
  it("unblock undoes a block, says so, and is idempotent; status shows whom you blocked and how to undo it", async () => {
    const t = terminal();
    const blocked = await t.say("as tom", "profile ux", "as vera", "volunteer ux", "block tom");
    expect(blocked).toBe("Done. You won't be matched with them, and they won't be told. To undo it: \"unblock <member>\".");
    expect(await t.say("status")).toContain('Blocked: tom — to undo: "unblock tom"');
    expect(await t.say("unblock tom")).toBe('Done — you can be matched with tom again. (To block again: "block <member>".)');
    expect((await t.member("vera"))?.blocked).toEqual([]);
    expect(await t.say("unblock tom")).toBe("tom wasn't blocked, so nothing changed.");
    expect(await t.say("status")).not.toContain("Blocked:");
  });

  it("volunteer off: waiting intros pass so the seeker moves on, matching skips them, their own request still works, and volunteer <tags> turns it back on", async () => {
    const t = terminal();
    await t.say(
      "as vera",
      "volunteer ux research",
      "as uma",
      "volunteer ux research",
      "as pia",
      "request ux research -- how to run interviews",
      "choose vera",
    );
    expect((await t.intros())[0]?.volunteerId).toBe(t.id("vera"));
    const off = await t.say("as vera", "volunteer off");
    expect(off).toContain("You've stopped volunteering: no new intros will come to you as a volunteer. You're still a seeker.");
    expect(off).toContain("The intro waiting for your answer went back, so that seeker moves on.");
    expect(t.to(off, "pia").join("\n")).toContain("vera can't make it this time. We've introduced you to uma instead.");
    expect((await t.intros()).find((i) => i.volunteerId === t.id("vera"))).toMatchObject({
      status: "declined",
      declineReason: "stopped volunteering",
    });
    expect(await t.say("status")).toContain('Volunteering: off (ux-design, research) — "volunteer <tags>" turns it back on');

    const asked = await t.say("as ned", "request ux research -- where to start");
    expect(asked).toContain("1. uma");
    expect(asked).not.toContain("vera");

    const own = await t.say("as vera", "request ux design -- how to build a portfolio");
    expect(own).toContain("1. uma");
    await t.say("volunteer ux research");
    expect(await t.say("as kim", "request ux research -- interviews")).toContain("vera");
  });

  it("status shows bio, meeting link, days off and past chats", async () => {
    const t = terminal();
    await t.say(
      "as vera",
      "volunteer ux research --bio Research lead at a fintech --link https://meet.example/vera",
      "availability mon-fri 9-17 Europe/Berlin --off 2026-12-24,2026-12-31",
      "as pia",
      "request ux research -- how to run interviews",
      "choose 1",
      "as vera",
      "accept",
      "pick 1",
      "clock +2d",
      "happened",
    );
    const status = await t.say("status");
    expect(status).toContain("Bio: Research lead at a fintech");
    expect(status).toContain("Meeting link: https://meet.example/vera");
    expect(status).toContain("Days off: 2026-12-24, 2026-12-31");
    expect(status).toContain("Past chats: pia (Tue, 24 Nov 2026)");
  });
});
