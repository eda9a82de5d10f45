import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { SYNTAX, normalizeTyped, parseText, splitFields, syntax, type Parsed } from "../../../src/core/commands/index.js";

/** Resolves `<@U123>` mentions and a few known names; anything else is unknown. */
const resolve = (word: string): string | null => {
  const mention = /^<@([A-Z0-9]+)>$/.exec(word);
  if (mention) return `slack:T1:${mention[1]}`;
  return ["alice", "bob"].includes(word) ? `slack:T1:${word}` : null;
};
const parse = (s: string): Parsed => parseText(s, resolve);
const problem = (s: string) => {
  const p = parse(s);
  if (p.kind !== "unsupported") throw new Error(`expected unsupported, got ${p.kind}`);
  return p.problem;
};

describe("parseText", () => {
  it("words that name Object.prototype members are unknown commands, not functions", () => {
    for (const w of ["constructor", "toString", "__proto__", "hasOwnProperty", "valueOf"]) {
      expect(parse(w)).toMatchObject({ kind: "unsupported", problem: { code: "UNKNOWN_COMMAND" } });
    }
  });

  it("help, with or without a topic; empty input is help", () => {
    expect(parse("help")).toEqual({ kind: "help" });
    expect(parse("")).toEqual({ kind: "help" });
    expect(parse("   ")).toEqual({ kind: "help" });
    expect(parse("HELP request")).toEqual({ kind: "help", topic: "request" });
  });

  it("status, resume, leave, cancel, accept, happened, noshow, reschedule", () => {
    expect(parse("status")).toEqual({ kind: "status" });
    expect(parse("Resume")).toEqual({ kind: "resume" });
    expect(parse("leave")).toEqual({ kind: "leave" });
    expect(parse("cancel")).toEqual({ kind: "cancel" });
    expect(parse("accept")).toEqual({ kind: "accept" });
    expect(parse("accept intro_7")).toEqual({ kind: "accept", name: "intro_7" });
    expect(parse("accept Pia")).toEqual({ kind: "accept", name: "Pia" });
    expect(parse("accept <@U42>")).toEqual({ kind: "accept", name: "slack:T1:U42" });
    expect(parse("decline <@U42> too busy")).toEqual({ kind: "decline", name: "slack:T1:U42", reason: "too busy" });
    expect(parse("pick 3 with <@U42>")).toEqual({ kind: "pick", choice: 3, name: "slack:T1:U42" });
    expect(parse("cancel <@U42> yes")).toEqual({ kind: "cancel", name: "slack:T1:U42", confirmed: true });
    expect(parse("leave yes")).toEqual({ kind: "leave", confirmed: true });
    expect(parse("forget-me yes")).toEqual({ kind: "forget_me", confirmed: true });
    expect(parse("cancel yes")).toEqual({ kind: "cancel", confirmed: true });
    expect(parse("cancel pia")).toEqual({ kind: "cancel", name: "pia" });
    expect(parse("cancel pia yes")).toEqual({ kind: "cancel", name: "pia", confirmed: true });
    expect(parse("pick 2 with pia")).toEqual({ kind: "pick", choice: 2, name: "pia" });
    expect(parse("volunteer off")).toEqual({ kind: "volunteer_off" });
    expect(parse("unblock <@U42>")).toEqual({ kind: "unblock", name: "<@U42>", memberId: "slack:T1:U42" });
    expect(parse("unblock ken")).toEqual({ kind: "unblock", name: "ken" });
    expect(parse("happened")).toEqual({ kind: "outcome", outcome: "happened" });
    for (const w of ["noshow", "no-show", "didnt-happen"]) expect(parse(w)).toEqual({ kind: "outcome", outcome: "no_show" });
    expect(parse("reschedule")).toEqual({ kind: "outcome", outcome: "rescheduled" });
  });

  it("profile: show, or set interests and what to learn", () => {
    expect(parse("profile")).toEqual({ kind: "profile" });
    expect(parse("profile ux, data science")).toEqual({ kind: "profile", interests: "ux, data science" });
    expect(parse("profile ux, research -- how to run interviews")).toEqual({
      kind: "profile",
      interests: "ux, research",
      learn: "how to run interviews",
    });
  });

  it("volunteer: tags with optional flags", () => {
    expect(parse("volunteer ux, product")).toEqual({ kind: "volunteer", tags: "ux, product" });
    expect(parse("volunteer ux --cap 3 --formats video, phone --link https://meet.example/v --bio Design lead")).toEqual({
      kind: "volunteer",
      tags: "ux",
      capacity: 3,
      formats: ["video", "phone"],
      link: "https://meet.example/v",
      bio: "Design lead",
    });
    expect(problem("volunteer")).toMatchObject({ code: "MISSING", command: "volunteer" });
    expect(problem("volunteer ux --cap lots")).toEqual({
      code: "INVALID",
      what: "a number of chats per month",
      given: "lots",
      command: "volunteer",
      arg: "capacity",
    });
    // A flag with no value is a mistake, not "capacity 0" (which would silently stop all intros).
    expect(problem("volunteer ux --cap")).toMatchObject({ code: "INVALID", arg: "capacity", given: "" });
    expect(problem("volunteer ux --cap  --bio hi")).toMatchObject({ code: "INVALID", given: "" });
    expect(parse("volunteer ux --cap 0")).toMatchObject({ capacity: 0 });
  });

  it("availability: zones with digits in their name", () => {
    expect(parse("availability mon 9-12 Etc/GMT+5")).toMatchObject({ kind: "availability", timeZone: "Etc/GMT+5" });
  });

  it("availability: day and time ranges, an optional zone and dates off", () => {
    expect(parse("availability mon-fri 9-12 Europe/Berlin")).toEqual({
      kind: "availability",
      windows: [1, 2, 3, 4, 5].map((day) => ({ day, start: "09:00", end: "12:00" })),
      timeZone: "Europe/Berlin",
    });
    expect(parse("availability tue,thu 13:30-17:00; sat 10am-12pm --off 2026-12-24, 2026-12-31")).toEqual({
      kind: "availability",
      windows: [
        { day: 2, start: "13:30", end: "17:00" },
        { day: 4, start: "13:30", end: "17:00" },
        { day: 6, start: "10:00", end: "12:00" },
      ],
      datesOff: ["2026-12-24", "2026-12-31"],
    });
    expect(parse("availability weekends 18-24 America/Argentina/Buenos_Aires")).toMatchObject({
      timeZone: "America/Argentina/Buenos_Aires",
    });
    expect(problem("availability")).toMatchObject({ code: "MISSING" });
    expect(problem("availability someday 9-12")).toMatchObject({ code: "TIMES", problem: { code: "NOT_DAYS", given: "someday" } });
    expect(problem("availability mon 12-9")).toMatchObject({ code: "TIMES", problem: { code: "TWELVE_HOUR", suggestion: "12-21" } });
    expect(problem("availability mon 9-12; tue")).toMatchObject({ code: "TIMES", problem: { code: "NO_TIMES", given: "tue" } });
  });

  it("request: topics -- goals", () => {
    expect(parse("request ux research -- how to start")).toEqual({ kind: "request", tags: "ux research", goals: "how to start" });
    expect(parse("request ml, data -- what to learn first -- and why")).toEqual({
      kind: "request",
      tags: "ml, data",
      goals: "what to learn first -- and why",
    });
    expect(problem("request")).toMatchObject({ code: "MISSING", what: "the topics and what you want to learn" });
    expect(problem("request ux")).toMatchObject({ code: "MISSING", what: "what you want to learn", arg: "goals" });
    expect(problem("request ux --")).toMatchObject({ code: "MISSING", what: "what you want to learn", arg: "goals" });
    expect(problem("request -- goals only")).toMatchObject({ code: "MISSING", what: "the topics", arg: "tags" });
  });

  it("choose: a number, auto, or a member", () => {
    expect(parse("choose 2")).toEqual({ kind: "choose", pick: 2 });
    for (const a of ["auto", "any", "pick-for-me", "AUTO"]) expect(parse(`choose ${a}`)).toEqual({ kind: "choose", pick: "auto" });
    expect(parse("choose <@U42>")).toEqual({ kind: "choose_named", name: "<@U42>", memberId: "slack:T1:U42" });
    expect(parse("choose pia")).toEqual({ kind: "choose_named", name: "pia" });
    expect(problem("choose")).toMatchObject({ code: "MISSING" });
    expect(problem("choose 0")).toMatchObject({ code: "INVALID", given: "0" });
    expect(problem("choose 1.5")).toMatchObject({ code: "INVALID", given: "1.5" });
  });

  it("decline, with an optional private reason", () => {
    expect(parse("decline")).toEqual({ kind: "decline" });
    expect(parse("decline  too busy this month ")).toEqual({ kind: "decline", reason: "too busy this month" });
  });

  it("pick: a slot number", () => {
    expect(parse("pick 2")).toEqual({ kind: "pick", choice: 2 });
    expect(problem("pick")).toMatchObject({ code: "MISSING", what: "which time (1, 2 or 3)", arg: "slot" });
    for (const bad of ["0", "-1", "two", "2.5"]) expect(problem(`pick ${bad}`)).toMatchObject({ code: "INVALID", given: bad });
  });

  it("pause: a date or a duration, read later with the member's zone", () => {
    expect(parse("pause 2026-12-24")).toEqual({ kind: "pause", until: "2026-12-24" });
    expect(parse("pause +2w")).toEqual({ kind: "pause", until: "+2w" });
    expect(problem("pause")).toMatchObject({ code: "MISSING", what: "until when" });
  });

  it("block and refer: a member", () => {
    expect(parse("block <@U9>")).toEqual({ kind: "block", memberId: "slack:T1:U9" });
    expect(parse("refer alice")).toEqual({ kind: "refer", memberId: "slack:T1:alice" });
    expect(problem("block")).toMatchObject({ code: "MISSING", command: "block" });
    expect(problem("refer carol")).toMatchObject({ code: "INVALID", given: "carol", command: "refer" });
  });

  it("feedback: a rating 1–5 and a note", () => {
    expect(parse("feedback 5 really generous")).toEqual({ kind: "feedback", rating: 5, note: "really generous" });
    expect(parse("feedback 1")).toEqual({ kind: "feedback", rating: 1, note: "" });
    expect(problem("feedback")).toMatchObject({ code: "MISSING" });
    for (const bad of ["0", "6", "3.5", "great"]) expect(problem(`feedback ${bad}`)).toMatchObject({ code: "INVALID", given: bad });
  });

  it("unknown words suggest the nearest command", () => {
    expect(problem("reqest ux -- x")).toEqual({ code: "UNKNOWN_COMMAND", word: "reqest", suggestion: "request" });
    expect(problem("Staus")).toEqual({ code: "UNKNOWN_COMMAND", word: "Staus", suggestion: "status" });
    expect(problem("xyzzy")).toEqual({ code: "UNKNOWN_COMMAND", word: "xyzzy" });
    expect(parse("  xyzzy  plugh ")).toMatchObject({ kind: "unsupported", input: "xyzzy  plugh" });
  });

  it("every command word in the syntax table is understood", () => {
    for (const word of SYNTAX.map((x) => x.key)) {
      const p = parse(word);
      if (p.kind === "unsupported") expect(p.problem.code).not.toBe("UNKNOWN_COMMAND");
    }
  });

  const KINDS = new Set([
    "thanks",
    "help",
    "status",
    "profile",
    "volunteer",
    "availability",
    "request",
    "choose",
    "choose_member",
    "choose_named",
    "unblock",
    "volunteer_off",
    "accept",
    "decline",
    "pick",
    "outcome",
    "cancel",
    "pause",
    "resume",
    "leave",
    "block",
    "refer",
    "feedback",
    "unsupported",
    "forget_me",
    "tags",
    "admin_settings",
    "admin_tags",
    "admin_tags_list",
    "admin_tags_unalias",
    "admin_stats",
    "admin_export",
    "admin_add",
    "admin_remove",
    "admin_match",
    "admin_queue",
    "admin_dashboard",
    "renew",
    "rounds_join",
    "rounds_skip",
    "rounds_leave",
    "rounds_report",
    "admin_rounds",
    "celebrate",
    "offer_topic",
    "admin_post",
  ]);

  it("never throws on arbitrary text, and always returns a known kind", () => {
    const words = fc.constantFrom(...SYNTAX.map((x) => x.key), "no-show", "didnt-happen", "");
    const text = fc.oneof(
      fc.string({ unit: "binary", maxLength: 200 }),
      fc.string({ unit: "grapheme", maxLength: 60 }),
      fc.tuple(words, fc.string({ maxLength: 80 })).map(([w, s]) => `${w} ${s}`),
      fc
        .tuple(
          words,
          fc.array(
            fc.constantFrom(
              "--",
              "--cap",
              "--off",
              "-",
              ";",
              ",",
              "9-12",
              "mon-fri",
              "+2w",
              "<@U1>",
              "auto",
              "0",
              "7",
              " ",
              "Europe/Berlin",
              "24:00",
            ),
            { maxLength: 8 },
          ),
        )
        .map(([w, parts]) => `${w} ${parts.join(" ")}`),
    );
    fc.assert(
      fc.property(text, (s) => {
        const p = parse(s);
        expect(KINDS.has(p.kind)).toBe(true);
        // What was typed, as the person meant it (dashes, quotes and spaces read; see normalize.ts).
        if (p.kind === "unsupported") expect(p.input).toBe(normalizeTyped(s).trim());
      }),
      { numRuns: 1000 },
    );
  });

  it("never throws even when the member resolver says yes to everything", () => {
    fc.assert(
      fc.property(fc.string({ unit: "grapheme", maxLength: 80 }), (s) => {
        expect(() => parseText(`block ${s}`, (w) => `id:${w}`)).not.toThrow();
        expect(() => parseText(`choose ${s}`, (w) => `id:${w}`)).not.toThrow();
      }),
    );
  });
});

describe("splitFields", () => {
  it("splits --flags from the leading text by the command's table entry", () => {
    expect(splitFields(syntax("volunteer"), "ux, product --cap 2 --BIO  hi there ")).toEqual({
      tags: "ux, product",
      capacity: "2",
      bio: "hi there",
    });
    expect(splitFields(syntax("volunteer"), "no flags here")).toEqual({ tags: "no flags here" });
    expect(splitFields(syntax("request"), "a -- b")).toEqual({ tags: "a", goals: "b" });
  });
});
