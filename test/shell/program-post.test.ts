import { describe, expect, it } from "vitest";
import { terminal } from "./terminal.js";

describe("the weekly program post in the shell", () => {
  it("prints the post when time passes Friday 15:00, names the pair who said yes, and offer volunteers for its topic", async () => {
    const t = terminal();
    await t.say("as ada --admin", "admin settings programChannelId general");
    await t.say("as bob", "volunteer rust", "availability mon-fri 09:00-17:00 UTC");
    await t.say("as carl", "request knitting -- carl's secret plan");
    await t.say("as alice", "availability mon-fri 09:00-17:00 UTC", "request rust -- how to get started", "choose 1");
    await t.say("as bob", "accept", "as alice", "pick 1", "clock +2d");

    const met = await t.answer("happened");
    expect(met).toContain("May the weekly post in the program channel name you?");
    expect(met).toContain('Say yes with "celebrate yes"');
    expect(await t.answer("celebrate yes")).toContain("🎉 Thanks — when you meet someone who says yes too");
    expect(await t.answer("celebrate yes")).toContain("You've said yes already");
    await t.say("as bob", "celebrate yes");

    // Monday 08:00 + 2 days, then to Saturday: the post goes out at Friday 15:00 on the way.
    const week = await t.say("clock +3d");
    expect(week.match(/📣 Posted in #general:/g)).toHaveLength(1);
    expect(week).toContain("🎉 1 coffee chat happened.");
    expect(week).toContain("Congratulations to alice & bob!");
    expect(week).toContain("• knitting (1 request waiting)");
    expect(week).toContain("• I can help with knitting: offer knitting");
    expect(week).not.toContain("carl");
    expect(week).not.toContain("secret plan");
    expect(await t.say("clock +1h")).not.toContain("📣 Posted");

    const offered = await t.answer("as dora", "offer knitting");
    expect(offered).toContain("🙌 Thank you! You now volunteer for knitting");

    await t.say("as bob");
    expect(await t.answer("celebrate no")).toBe(
      'Done — the weekly post won\'t name you any more. Change your mind any time with "celebrate yes".',
    );
    expect(await t.answer("celebrate no")).toBe("The weekly post doesn't name you — nothing changed.");
  });

  it("previews with admin post and posts with admin post now", async () => {
    const t = terminal();
    await t.say("as ada --admin");
    expect(await t.answer("admin post")).toContain(
      'There\'s no program channel yet, so nothing is posted. Set one with "admin settings programChannelId <channel>".',
    );
    await t.say("admin settings programChannelId general");
    const preview = await t.say("admin post");
    expect(preview).toContain("The post goes out every week; the next is Fri 27 Nov");
    expect(preview).not.toContain("📣 Posted");
    const now = await t.say("admin post now");
    expect(now).toContain("📣 Posted in #general:");
    expect(now).toContain("Posted in the program channel. The weekly schedule is unchanged");
  });
});
