import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { handle } from "../../src/app/handle.js";
import { normalizeTyped, type Parsed, parseText, SYNTAX } from "../../src/core/commands/index.js";
import { silentLogger } from "../../src/core/ports/index.js";
import type { Deps } from "../../src/core/use-cases/index.js";
import { DISCORD_LIMITS } from "../../src/discord/render.js";
import { type Options, parseSlash } from "../../src/discord/parse.js";
import { discordStyle } from "../../src/discord/style.js";
import { sequentialIds } from "../../src/runtime.js";
import { memberId, SHELL_COMMUNITY, ShiftableClock } from "../../src/shell/platform.js";
import { ShellSession } from "../../src/shell/session.js";
import { SLACK_LIMITS } from "../../src/slack/blocks.js";
import { slackStyle } from "../../src/slack/style.js";
import { MemoryStore } from "../../src/store/memory-store.js";
import { shellStyle, type TextStyle } from "../../src/text/index.js";

/*
 * Property tests of the whole typed-text path (issue 14): random mixes of command words, flags,
 * dates, zones and unicode, up to 10,000 characters, typed into the shell and sent as Slack
 * slash text and Discord options. Nothing throws; no answer is longer than the platform shows
 * in one piece (Slack: 3,000 per section block and in the notification text, 40,000 in all;
 * Discord: 2,000 per message); and every refusal names a command the person can type instead.
 * Seeded, so a failure reproduces; runs bounded to keep the file a few seconds long.
 */
const SEED = 1414;
const START = Date.UTC(2026, 10, 23, 8, 0);

const WORDS = [
  ...SYNTAX.map((s) => s.key),
  "?",
  "/coffee",
  "/coffee status",
  "tags",
  "constructor",
  "__proto__",
  "toString",
  "no-show",
  "thank-you",
];
const FRAGMENTS = [
  "--",
  "—",
  "–",
  "--cap",
  "—cap",
  "--bio",
  "--link",
  "--formats",
  "--off",
  "—off",
  "--foo",
  "--notes",
  "--admin",
  "2",
  "0",
  "99",
  "-1",
  "1.5",
  "auto",
  "yes",
  "off",
  "ml",
  "ux research",
  "data-science",
  "C++",
  "数据科学",
  "2026-12-24",
  "2027-02-30",
  "2020-01-01",
  "+2w",
  "+1m",
  "+3d",
  "tomorrow",
  "friday",
  "Europe/Berlin",
  "europe/berlin",
  "America/New York",
  "Berlin",
  "UTC",
  "CET",
  "Mars/Olympus",
  "mon-fri 9-17",
  "Mon–Fri 9–17",
  "mon 09:00-12:00; fri 14:00-16:00",
  "9-5",
  "22-2",
  "25-26",
  "weekdays",
  "https://meet.example.org/x",
  "http://x.org",
  "javascript:alert(1)",
  "notaurl",
  "https://",
  "video,phone",
  "in person",
  "alias",
  "rename",
  "merge",
  "chatminutes",
  "45",
  "30d",
  "<@U0BOB>",
  "@bob",
  "bob",
  "with",
  "for",
  "\u200F",
  "\u200E",
  "\u202E",
  "مرحبا",
  "שלום",
  "\u200B",
  "\uFEFF",
  "\u00A0",
  "👩\u200D💻",
  "☕",
  "e\u0301",
  "“ml”",
  "‘x’",
  "\u0007",
  "\u001b[31m",
  "\uD800",
  "*bold*",
  "`code`",
  "<!channel>",
];

/** One typed line: a command word, then fragments joined by spaces of every kind, sometimes with a huge piece. */
const line = fc
  .tuple(
    fc.constantFrom(...WORDS),
    fc.array(
      fc.oneof(
        { weight: 8, arbitrary: fc.constantFrom(...FRAGMENTS) },
        { weight: 2, arbitrary: fc.string({ unit: "grapheme", maxLength: 12 }) },
        { weight: 1, arbitrary: fc.string({ unit: "binary", maxLength: 6 }) },
        {
          weight: 1,
          arbitrary: fc
            .integer({ min: 200, max: 10_000 })
            .chain((n) => fc.constantFrom("x".repeat(n), "数".repeat(n), "—".repeat(n), "👩\u200D💻".repeat(n / 4))),
        },
      ),
      { maxLength: 7 },
    ),
    fc.array(fc.constantFrom(" ", "  ", "\u00A0", "\t", " \u200B"), { minLength: 8, maxLength: 8 }),
  )
  .map(([w, parts, gaps]) => [w, ...parts].map((p, i) => (i === 0 ? p : `${gaps[i % gaps.length]}${p}`)).join(""));

const resolve = (w: string) => (/^@?[a-z][a-z0-9_-]{0,30}$/i.test(w) ? memberId(w.replace(/^@/, "")) : null);

function deps(): Deps {
  return { store: new MemoryStore(), clock: new ShiftableClock(() => START), ids: sequentialIds(), log: silentLogger };
}
const actor = (name: string, admin: boolean) => ({
  communityId: SHELL_COMMUNITY,
  memberId: memberId(name),
  displayName: name,
  timeZone: "UTC",
  platformAdmin: admin,
});

/** A command the person can type, in each surface's syntax. */
const NAMES_A_COMMAND: Record<string, RegExp> = {
  shell:
    /"(?:help|status|tags|profile|volunteer|availability|request|choose|accept|decline|pick|happened|noshow|reschedule|cancel|pause|resume|leave|block|unblock|refer|feedback|thanks|forget-me|renew|admin)\b[^"]*"/,
  slack: /`\/coffee [^`]+`/,
  discord: /`\/coffee [^`]+`/,
};

/**
 * Answers that say "no" but leave nothing to fix: the thing already happened or is out of the
 * reader's hands (an expired intro, a recorded outcome, the waitlist, a paused program).
 */
const NOTHING_TO_FIX = new Set([
  "EXPIRED",
  "ALREADY_DECLINED",
  "CANCELLED",
  "ALREADY_MATCHED",
  "REQUEST_CLOSED",
  "ALREADY_RECORDED",
  "ALREADY_CLOSED",
  "ALREADY_THANKED",
  "VOLUNTEER_GONE",
  "NO_CANDIDATE",
  "SAME_TAG",
  "SLOT_TAKEN",
  "SLOT_PASSED",
  "PROGRAM_PAUSED",
]);

/** Whether the answer refuses what was typed: the input was not read, or the use case said no to it. */
function refused(parsed: Parsed | { kind: string }, reply: unknown): boolean {
  if (parsed.kind === "unsupported") return true;
  if (typeof reply !== "object" || reply === null || !("result" in reply)) return false;
  const result = (reply as { result: { ok: boolean; code?: string } }).result;
  // A bad setting's value is answered with the values to use instead (the same words show under
  // the field of the settings modal, where a command would be out of place).
  return !result.ok && !NOTHING_TO_FIX.has(result.code ?? "") && result.code !== "BAD_SETTING";
}

/** Runs `typed` through the shared path in a surface's style, checking what the person would read. */
async function answer(d: Deps, typed: string, style: TextStyle, surface: "shell" | "slack", admin: boolean): Promise<string> {
  const parsed = parseText(typed, resolve);
  const view = await handle(d, actor(admin ? "ada" : "bob", admin), parsed, style);
  if (surface === "slack") {
    // Slack shows the text in section blocks of 3,000 and as the notification text (3,000): one piece fits both.
    expect(view.text.length, typed.slice(0, 200)).toBeLessThanOrEqual(SLACK_LIMITS.sectionText);
  }
  if (refused(parsed, view.reply)) expect(view.text, typed.slice(0, 200)).toMatch(NAMES_A_COMMAND[surface] as RegExp);
  return view.text;
}

describe("the typed-text path, property-based", () => {
  it("parseText never throws, returns a command or a problem, and reads normalized text the same", () => {
    fc.assert(
      fc.property(line, (s) => {
        const p = parseText(s, resolve);
        expect(typeof p.kind).toBe("string");
        expect(parseText(normalizeTyped(s), resolve)).toEqual(p);
      }),
      { seed: SEED, numRuns: 600 },
    );
  });

  it("the shell answers every line within Discord's 2,000 characters, and every refusal names a command to type", async () => {
    const d = deps();
    const clock = d.clock as ShiftableClock;
    const out: string[] = [];
    const session = new ShellSession(d, clock, (t) => out.push(t), "UTC", { admins: ["ada"], exportRoot: "/nonexistent/percolate-test" });
    await session.handle("as ada");
    await fc.assert(
      fc.asyncProperty(line, fc.boolean(), async (typed, asAdmin) => {
        if (/^\s*(quit|exit|as|clock|whoami)\b/i.test(typed) || /^\s*admin\s+export\b/i.test(normalizeTyped(typed))) return;
        await session.handle(asAdmin ? "as ada" : "as bob");
        out.length = 0;
        await session.handle(typed);
        // The typist's answer (messages to members are separate, each a message of its own).
        for (const said of out.filter((o) => !o.startsWith("  ✉"))) {
          if (/^Coffee chats: short conversations/.test(said)) continue; // the help page, printed whole in a terminal
          if (/^⚙️ {2}Community settings/.test(said)) continue; // the settings listing: Discord sends it in several messages
          expect(said.length, typed.slice(0, 200)).toBeLessThanOrEqual(DISCORD_LIMITS.content);
        }
        await answer(d, typed, shellStyle, "shell", asAdmin);
      }),
      { seed: SEED, numRuns: 400 },
    );
  }, 30_000);

  it("Slack slash text: within one section block and the notification text; refusals name a /coffee command", async () => {
    const d = deps();
    await fc.assert(
      fc.asyncProperty(line, fc.boolean(), async (typed, asAdmin) => {
        if (/^\s*admin\s+export\b/i.test(normalizeTyped(typed))) return;
        const text = await answer(d, typed, slackStyle, "slack", asAdmin);
        expect(text.length).toBeLessThanOrEqual(40_000);
      }),
      { seed: SEED, numRuns: 400 },
    );
  }, 30_000);

  it("Discord options: every answer fits one message (2,000), refusals name a /coffee command", async () => {
    const d = deps();
    const value = fc.oneof(
      fc.constantFrom(...FRAGMENTS),
      fc.string({ unit: "grapheme", maxLength: 20 }),
      fc.integer({ min: 200, max: 10_000 }).map((n) => "x".repeat(n)),
    );
    const OPTIONS = [
      "tags",
      "interests",
      "learn",
      "goals",
      "capacity",
      "formats",
      "link",
      "bio",
      "times",
      "zone",
      "off",
      "pick",
      "name",
      "reason",
      "slot",
      "with",
      "until",
      "member",
      "rating",
      "note",
      "topic",
    ];
    const SUBS = [
      "help",
      "status",
      "profile",
      "volunteer",
      "availability",
      "request",
      "choose",
      "accept",
      "decline",
      "pick",
      "pause",
      "feedback",
      "thanks",
      "cancel",
      "leave",
      "renew",
      "constructor",
    ];
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...SUBS), fc.dictionary(fc.constantFrom(...OPTIONS), value, { maxKeys: 4 }), async (sub, opts) => {
        const parsed = parseSlash(sub, opts as Options, "81384788765712384", false);
        if (parsed.kind === "form") return;
        const view = await handle(d, actor("cleo", false), parsed, discordStyle);
        if (!/^Coffee chats: short conversations/.test(view.text))
          expect(view.text.length, `${sub} ${JSON.stringify(opts).slice(0, 200)}`).toBeLessThanOrEqual(DISCORD_LIMITS.content);
        if (refused(parsed, view.reply))
          expect(view.text, `${sub} ${JSON.stringify(opts).slice(0, 200)}`).toMatch(NAMES_A_COMMAND.discord as RegExp);
      }),
      { seed: SEED, numRuns: 400 },
    );
  }, 30_000);
});
