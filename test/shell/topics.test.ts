import { describe, expect, it } from "vitest";
import { terminal } from "./terminal.js";

/*
 * Issue 14, topics and settings keys, as a member or an admin types them in the shell: each
 * row is the lines typed and pieces of the last reply (and pieces it must not hold).
 */

/** A community where ken and pia volunteer (pia then stops), lu offers kubernetes, and sam asks about ux-research. */
const COMMUNITY = [
  "as admin",
  "as ken",
  "volunteer ux-research, data-science --cap 4",
  "as pia",
  "volunteer ux-research, python",
  "volunteer off",
  "as lu",
  "volunteer kubernetes, ux-research",
  "as sam",
  "request ux-research -- how research teams work",
  "as admin",
  "admin tags alias k8s kubernetes",
];

/** Runs the community's lines, then `lines`; returns the reply to the last line. */
async function lastReply(lines: readonly string[]): Promise<string> {
  return terminal({ admins: ["admin"] }).answer(...COMMUNITY, ...lines);
}

type Row = { typed: string[]; shows: string[]; never?: string[] };

async function check(rows: Row[]): Promise<void> {
  for (const { typed, shows, never = [] } of rows) {
    const reply = await lastReply(typed);
    for (const s of shows) expect(reply, `${typed.join(" | ")}\n${reply}`).toContain(s);
    for (const s of never) expect(reply, `${typed.join(" | ")}\n${reply}`).not.toContain(s);
  }
}

describe("topics are discoverable (issue 14)", () => {
  it("tags lists the topics with volunteers and their counts; admin tags list shows every topic and alias; admin tags unalias removes one", async () => {
    await check([
      {
        typed: ["as sam", "tags"],
        shows: [
          "Topics people here volunteer for (3, most volunteers first):",
          "   ux-research — 2 volunteers · 1 waiting",
          "   data-science — 1 volunteer",
          "   kubernetes — 1 volunteer",
          'Ask about one with "request <tags> -- <what you want to learn>".',
        ],
        // pia stopped volunteering: python has nobody to ask.
        never: ["python", "3 volunteers"],
      },
      { typed: ["as sam", "topics"], shows: ["ux-research — 2 volunteers"] },
      {
        typed: ["admin tags list"],
        shows: [
          "🏷️  Topics in use (4) — volunteer profiles · seeker profiles · requests, all kept so far:",
          "ux-research   3 · 0 · 1",
          "kubernetes    1 · 0 · 0   (also: k8s)",
          "data-science  1 · 0 · 0   (also: ds)",
          `This community's aliases: k8s→kubernetes — remove one with "admin tags unalias <from>"`,
          "Built-in aliases: ml→machine-learning,",
        ],
      },
      {
        typed: ["admin tags unalias k8s"],
        shows: [
          `"k8s" no longer means "kubernetes": typed from now on, it reads as "k8s". Profiles and requests already on "kubernetes" stay there.`,
        ],
      },
      { typed: ["admin tags unalias k8s", "admin tags list"], shows: ["This community's aliases: none"], never: ["(also: k8s)"] },
      {
        typed: ["admin tags unalias ml"],
        shows: [
          `"ml" is a built-in alias of machine-learning, so it can't be removed. To make it mean another topic, type "admin tags alias ml <topic>".`,
        ],
      },
      {
        typed: ["admin tags unalias cooking"],
        shows: [`"cooking" isn't an alias here, so nothing changed. Type "admin tags list" to see the aliases.`],
      },
      {
        typed: ["admin tags unalias"],
        shows: [
          'Missing the one alias to remove. Usage: "admin tags [<list|alias|unalias|rename|merge>] [<from>] [<to>]" · More: "help admin tags"',
        ],
      },
      { typed: ["as sam", "admin tags list"], shows: ["Only community admins can use admin tags."] },
    ]);
  });

  it("a topic nobody offers gets “did you mean …?” against the community's topics and aliases, in the replies to request, volunteer and profile", async () => {
    await check([
      {
        typed: ["as tom", "request ux reserch -- how to start"],
        shows: [
          'Nobody fits "ux-reserch" right now',
          `No volunteer offers "ux-reserch" — did you mean ux-research? To ask for that instead, type "cancel", then "request ux-research -- <what you want to learn>".`,
        ],
        never: ["ux-design"],
      },
      {
        typed: ["as tom", "request data-sceince, kubernets -- how to start"],
        shows: [
          '"data-sceince" — did you mean data-science?',
          '"kubernets" — did you mean kubernetes?',
          '"request data-science, kubernetes -- <',
        ],
      },
      {
        typed: ["as tom", "volunteer ux reserch, cooking"],
        shows: [`Nobody else offers "ux-reserch" — did you mean ux-research? To change it, type "volunteer ux-research, cooking".`],
        never: ["cooking — did you mean"],
      },
      {
        typed: ["as tom", "profile kubernets -- how clusters fail"],
        shows: [
          `Saved. You're exploring: kubernets.\nNo volunteer offers "kubernets" — did you mean kubernetes? To change it, type "profile kubernetes".`,
        ],
      },
      { typed: ["as tom", "request ux-research -- how to start"], shows: ["Here's who could help"], never: ["did you mean"] },
      { typed: ["as tom", "request k8s -- how to start"], shows: ["Here's who could help"], never: ["did you mean"] },
    ]);
  });

  it("topics in any script are kept; emoji- or punctuation-only topics are refused with the reason, never dropped", async () => {
    await check([
      { typed: ["as tom", "profile 数据科学 -- how to start"], shows: ["Saved. You're exploring: 数据科学."] },
      { typed: ["as tom", "volunteer 数据科学, हिन्दी, Café"], shows: ["Thanks for volunteering! Topics: 数据科学, हिन्दी, cafe ·"] },
      { typed: ["as tom", "volunteer 数据科学", "as sam", "tags"], shows: ["   数据科学 — 1 volunteer"] },
      {
        typed: ["as tom", "volunteer 🎉🎉"],
        shows: [`"🎉🎉" can't be a topic: it has no letters or numbers (emoji and punctuation alone don't count). Nothing was saved.`],
      },
      { typed: ["as tom", "request ml, !!! -- how to start"], shows: [`"!!!" can't be a topic: it has no letters or numbers`] },
      { typed: ["as tom", "profile ux-research, ☕ -- x", "status"], shows: ["tom"], never: ["Exploring"] },
    ]);
  });

  it("an over-long topic is refused naming the topic, the limit and its length, not cut to 40 characters", async () => {
    const long = "a".repeat(100);
    await check([
      {
        typed: ["as tom", `volunteer ${long}`],
        shows: [`is 100 characters long — a topic can be up to 40. Nothing was saved.`],
        never: ["Thanks for volunteering"],
      },
      { typed: ["as tom", `request ux-research, ${"b".repeat(41)} -- x`], shows: ["is 41 characters long — a topic can be up to 40."] },
      { typed: ["as tom", `profile ${"c".repeat(60)} -- x`], shows: ["is 60 characters long — a topic can be up to 40."] },
      { typed: ["as tom", `volunteer ${"x".repeat(40)}`], shows: [`Topics: ${"x".repeat(40)} ·`] },
      {
        typed: ["as tom", `volunteer ${"a".repeat(5000)}`],
        shows: ["Your list of topics is 5,000 characters long — please keep it to 300 characters or fewer. Nothing was saved."],
      },
    ]);
  });
});

describe("settings keys (issue 14)", () => {
  it("keys are read in any case, an unknown key gets suggestions, and the listing says what each key means, its unit and range", async () => {
    await check([
      { typed: ["admin settings chatminutes 45"], shows: ["Saved: chatMinutes is now 45."] },
      { typed: ["admin settings CHATMINUTES 20", "admin settings"], shows: ["  chatMinutes 20 min (15–45): length of a chat"] },
      {
        typed: ["admin settings chatMinute 40"],
        shows: [
          `There's no setting "chatMinute". Did you mean chatMinutes? e.g. "admin settings chatMinutes <value>". Type "admin settings" to see them all.`,
        ],
      },
      { typed: ["admin settings minutes 40"], shows: ["Did you mean chatMinutes or slotStepMinutes or reminderMinutesBefore?"] },
      { typed: ["admin settings nudges.thankyou off"], shows: ["Saved: nudges.thankYou is now off."] },
      { typed: ["admin settings zzz 1"], shows: [`There's no setting "zzz". Type "admin settings" to see them all.`] },
      {
        typed: ["admin settings"],
        shows: [
          "  responseWindowHours 72 h (12–336): time to answer an intro",
          "  slotStepMinutes 30 min (15, 30 or 60): spacing of proposed times",
          "  defaultTimeZone UTC (an IANA zone): for members who set none",
          "  programPaused off (on/off): pause all intros",
          "  nudges.<name> (on/off): follow-ups — introReminder on · prep on",
          `  tag aliases: 1 of the community's own ("admin tags list")`,
        ],
      },
    ]);
  });
});
