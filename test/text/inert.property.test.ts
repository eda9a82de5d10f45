import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { dispatch, parseText } from "../../src/core/commands/index.js";
import { type Member, newMember, type Notice, type NoticeKind } from "../../src/core/domain/index.js";
import { handle } from "../../src/app/handle.js";
import { DISCORD_LIMITS, messageParts, noticeMessage, viewMessage } from "../../src/discord/render.js";
import { messageBlocks } from "../../src/slack/blocks.js";
import { slackStyle } from "../../src/slack/style.js";
import { discordStyle } from "../../src/discord/style.js";
import { noticeActions, renderNotice, renderReply, shellStyle, type TextStyle } from "../../src/text/index.js";
import { activeParts, blockProblems, mrkdwnTexts } from "../fakes/slack/block-kit.js";
import { MONDAY, world } from "../support/world.js";

/** Text people type to break things: links in disguise, mass mentions, markup, RTL, zero-width, emoji, control characters. */
const NASTY = [
  "<https://evil.example/login|https://zoom.us/j/123>",
  "<!channel>",
  "<!here>",
  "<!everyone>",
  "<!subteam^S123|@team>",
  "<@U0VERA>",
  "<#C0GENERAL>",
  "@everyone",
  "@here",
  "<@123456789012345678>",
  "<@&123456789012345678>",
  "<#123456789012345678>",
  "<t:1:F>",
  "[https://zoom.us/j/1](https://evil.example)",
  "[x](<https://evil.example>)",
  "&amp;",
  "&lt;!channel&gt;",
  "&",
  "<",
  ">",
  "\\",
  "\\[",
  "`",
  "```",
  "*bold*",
  "_it_",
  "~~s~~",
  "||spoiler||",
  "> quote",
  "\n# heading",
  "\n- item",
  "\n1. item",
  "-# small",
  "\u202eevil\u202c",
  "\u200b",
  "\u2066",
  "مرحبا بالعالم",
  "👩🏽‍💻🚀",
  "\u001b[31mred",
  "\u0000",
  "https://zoom.us/j/123",
];

const piece = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...NASTY) },
  { weight: 2, arbitrary: fc.string({ unit: "binary", maxLength: 20 }) },
  { weight: 2, arbitrary: fc.string({ unit: "grapheme", maxLength: 20 }) },
  { weight: 1, arbitrary: fc.constantFrom("x".repeat(10_000), "a ".repeat(5_000), `${"<!channel>".repeat(1_000)}`) },
);
const userText = fc.array(piece, { minLength: 1, maxLength: 6 }).map((xs) => xs.join(" "));

const SLOT = { start: new Date(MONDAY.getTime() + 3 * 86_400_000), end: new Date(MONDAY.getTime() + 3 * 86_400_000 + 1_800_000) };
const reasons = (t: string) => ({ sharedTags: [t, "ux-design"], sharedFreeHours: 6, load: 0.2, score: 1 });
const person = (t: string) => ({ id: "p1", name: t, timeZone: "Europe/Berlin" });
const card = (t: string) => ({ ...person(t), tags: [t], bio: t });

/** One notice of every kind with user text in every field a person can fill (the type checker insists on every kind). */
const NOTICES: Record<NoticeKind, (t: string) => Notice> = {
  intro_offered: (t) => ({
    kind: "intro_offered",
    introId: "intro_1",
    seeker: card(t),
    goals: t,
    learn: t,
    reasons: reasons(t),
    minutes: 30,
    deadline: SLOT.end,
    referredBy: t,
  }),
  intro_reminder: (t) => ({ kind: "intro_reminder", introId: "intro_1", seeker: person(t), deadline: SLOT.end }),
  intro_expired: (t) => ({ kind: "intro_expired", introId: "intro_1", seeker: person(t) }),
  intro_passed: (t) => ({
    kind: "intro_passed",
    requestId: "req_1",
    volunteer: person(t),
    why: "declined",
    next: person(t),
    waitlisted: false,
  }),
  slots_proposed: (t) => ({ kind: "slots_proposed", chatId: "chat_1", other: person(t), slots: [SLOT], minutes: 30, rescheduled: false }),
  no_common_slot: (t) => ({ kind: "no_common_slot", chatId: "chat_1", other: person(t) }),
  chat_scheduled: (t) => ({
    kind: "chat_scheduled",
    chatId: "chat_1",
    seeker: person(t),
    volunteer: person(t),
    slot: SLOT,
    minutes: 30,
    format: "video",
    meetingLink: t,
    goals: t,
    ics: "BEGIN:VCALENDAR\nEND:VCALENDAR",
  }),
  prep: (t) => ({
    kind: "prep",
    chatId: "chat_1",
    volunteer: card(t),
    slot: SLOT,
    minutes: 30,
    goals: t,
    questions: [{ topic: "path", question: t }],
  }),
  chat_reminder: (t) => ({
    kind: "chat_reminder",
    chatId: "chat_1",
    other: person(t),
    slot: SLOT,
    minutes: 30,
    format: "video",
    meetingLink: t,
  }),
  check_in: (t) => ({ kind: "check_in", chatId: "chat_1", other: person(t) }),
  thank_you: (t) => ({ kind: "thank_you", chatId: "chat_1", volunteer: person(t), goals: t, draft: t }),
  referral_ask: (t) => ({ kind: "referral_ask", chatId: "chat_1", seeker: person(t), tags: [t] }),
  keep_in_touch: (t) => ({ kind: "keep_in_touch", chatId: "chat_1", volunteer: person(t) }),
  referral_suggested: (t) => ({
    kind: "referral_suggested",
    requestId: "req_1",
    referrer: person(t),
    volunteer: person(t),
    reasons: reasons(t),
  }),
  chat_cancelled: (t) => ({ kind: "chat_cancelled", chatId: "chat_1", by: person(t) }),
  intro_withdrawn: (t) => ({ kind: "intro_withdrawn", introId: "intro_1", seeker: person(t) }),
  outcome_recorded: (t) => ({ kind: "outcome_recorded", chatId: "chat_1", by: person(t), outcome: "happened" }),
  waitlisted: (t) => ({
    kind: "waitlisted",
    requestId: "req_1",
    tags: [t],
    blocker: {
      code: "NO_SHARED_TIME",
      tags: [t],
      volunteers: [{ volunteer: person(t), hours: [{ days: [1, 2], start: "09:00", end: "17:00" }] }],
      widen: "mon-fri 09:00-17:00",
    },
  }),
  auto_paused: () => ({ kind: "auto_paused", ignored: 3 }),
  program_welcome: () => ({ kind: "program_welcome" }),
  round_paired: (t) => ({
    kind: "round_paired",
    groupId: "grp_1",
    members: [person(t), { ...person(t), id: "p2" }, { ...person(t), id: "p3" }],
    sharedTags: [t],
    slots: [SLOT],
    minutes: 30,
    checkInAt: SLOT.end,
  }),
  round_unpaired: () => ({ kind: "round_unpaired", roundId: "rnd_1", why: "no_time", nextRoundAt: SLOT.start }),
  round_booked: (t) => ({
    kind: "round_booked",
    groupId: "grp_1",
    by: person(t),
    members: [person(t), { ...person(t), id: "p2" }],
    slot: SLOT,
    previous: SLOT,
    ics: "BEGIN:VCALENDAR",
  }),
  round_reminder: (t) => ({ kind: "round_reminder", groupId: "grp_1", members: [person(t), { ...person(t), id: "p2" }], slot: SLOT }),
  round_check_in: (t) => ({ kind: "round_check_in", groupId: "grp_1", others: [person(t), { ...person(t), id: "p3" }] }),
  rounds_paused: () => ({ kind: "rounds_paused", ignored: 2 }),
  intro_sent: (t) => ({
    kind: "intro_sent",
    requestId: "req_1",
    volunteer: person(t),
    referrer: person(t),
    sharedTags: [t],
    deadline: SLOT.end,
  }),
  thanks_received: (t) => ({ kind: "thanks_received", chatId: "chat_1", seeker: person(t), text: t }),
  invite_cancelled: (t) => ({
    kind: "invite_cancelled",
    chatId: "chat_1",
    other: person(t),
    slot: SLOT,
    ics: "BEGIN:VCALENDAR\nEND:VCALENDAR",
  }),
  no_show_reported: (t) => ({ kind: "no_show_reported", chatId: "chat_1", by: person(t), reader: "seeker", requeued: true }),
  outcome_disputed: (t) => ({
    kind: "outcome_disputed",
    chatId: "chat_1",
    by: person(t),
    said: "happened",
    reader: "volunteer",
    requeued: false,
  }),
  still_looking: (t) => ({
    kind: "still_looking",
    requestId: "req_1",
    tags: [t],
    weeks: 2,
    blocker: { code: "NO_TOPIC", tags: [t], topics: [t, "ux-design"] },
    expiresAt: SLOT.end,
  }),
  request_expired: (t) => ({ kind: "request_expired", requestId: "req_1", tags: [t], goals: t, weeks: 6 }),
};

const reader = (t: string): Member =>
  newMember({ id: "slack:T1:U1", communityId: "slack:T1", displayName: t, timeZone: "Europe/Berlin", createdAt: MONDAY });

/** A Slack message is inert and deliverable: valid blocks, and the only `<…>` are plain visible links. */
function checkSlack(text: string, blocks: unknown, where: string): void {
  expect(blockProblems(blocks), where).toEqual([]);
  for (const t of [text, ...mrkdwnTexts(blocks)])
    for (const part of activeParts(t)) expect(part, `${where}: an active <…> in Slack text`).toMatch(/^https?:\/\/[^\s|<>]+$/);
}

/**
 * The active syntax Discord would find in `content`, read left to right as Discord does: a
 * backslash escapes the next character, a code span shows its inside literally, and our own
 * timestamps and plain `<https://…>` links are allowed. Anything else that could format, link
 * or mention (`<@…>`, `<#…>`, `[x](url)`, `||…||`, `*`, `_`, `~`, `@everyone`) is returned.
 */
function activeDiscord(content: string): string[] {
  const out: string[] = [];
  for (let i = 0; i < content.length; i++) {
    const ch = content[i] ?? "";
    if (ch === "\\") {
      i++;
      continue;
    }
    if (ch === "`") {
      const end = content.indexOf("`", i + 1);
      if (end > i) {
        i = end;
        continue;
      }
    }
    if (ch === "<") {
      const allowed = /^<(t:\d+:[FR]|https?:\/\/[^\s<>]+)>/.exec(content.slice(i));
      if (allowed) {
        i += allowed[0].length - 1;
        continue;
      }
    }
    const rest = content.slice(i);
    const at = `${ch} in ${JSON.stringify(content.slice(Math.max(0, i - 20), i + 20))}`;
    // `<` opens a mention, channel, role, emoji, command, timestamp or link; plain `<topics>` is text.
    if (ch === "<" && /^<(@[!&]?\d+>|#\d+>|a?:\w+:\d+>|\/[\w -]+:\d+>|t:-?\d+(:[tTdDfFR])?>|https?:)/.test(rest)) out.push(at);
    // `[x](url)` is a masked link when the `]` right before `(` is not escaped either.
    if (ch === "[" && /^\[[^\n]*?(?<!\\)\]\(/.test(rest)) out.push(at);
    if (ch === "|" && rest.startsWith("||")) out.push(at);
    if ("*_~".includes(ch)) out.push(at);
    if (ch === "@" && /^@(everyone|here)/i.test(content.slice(i))) out.push(`@everyone/@here at ${i}`);
  }
  return out;
}

/** A Discord message is inert and deliverable: each part it is sent in within limits, no mentions allowed, and no active markup from user text. */
function checkDiscord(message: ReturnType<typeof noticeMessage>, where: string): void {
  for (const body of messageParts(message)) {
    expect(body.content.length, where).toBeLessThanOrEqual(DISCORD_LIMITS.content);
    expect(body.allowed_mentions, where).toEqual({ parse: [] });
    expect(body.components.length, where).toBeLessThanOrEqual(DISCORD_LIMITS.actionRows);
    for (const row of body.components) {
      expect(row.components.length, where).toBeLessThanOrEqual(DISCORD_LIMITS.buttonsPerRow);
      for (const c of row.components) if ("custom_id" in c && c.custom_id) expect(c.custom_id.length, where).toBeLessThanOrEqual(100);
    }
    expect(activeDiscord(body.content), where).toEqual([]);
  }
}

/** The shell shows text plainly: no control characters but newlines. */
function checkShell(text: string, where: string): void {
  expect(
    [...text].some((ch) => (ch < " " && ch !== "\n" && ch !== "\t") || ch === "\u007f"),
    where,
  ).toBe(false);
}

describe("random user text renders inert on every surface (property)", () => {
  it("every notice kind, on Slack, Discord and the shell", () => {
    fc.assert(
      fc.property(userText, (t) => {
        for (const [kind, make] of Object.entries(NOTICES)) {
          const n = make(t);
          const r = reader(t);
          const slack = renderNotice(n, r, slackStyle);
          checkSlack(slack, messageBlocks(slack, noticeActions(n, r), [`*${slackStyle.user(t)}*: a time`]), `slack ${kind}`);
          checkDiscord(noticeMessage(n, [r], "810000000000000001"), `discord ${kind}`);
          checkShell(renderNotice(n, r, shellStyle), `shell ${kind}`);
        }
      }),
      { numRuns: 60 },
    );
    // About 7,000 renders: 15 s on a quiet machine, so the default 30 s ran out on a busy one.
  }, 120_000);

  it("replies the core builds from that text (status, suggestions, refusals, parse problems), on every surface", async () => {
    await fc.assert(
      fc.asyncProperty(userText, async (t) => {
        const w = world({ start: MONDAY });
        const vol = { ...w.actor("vera", "Europe/Berlin"), displayName: t };
        const seeker = { ...w.actor("sam", "Europe/Berlin"), displayName: t };
        await dispatch(w.deps, vol, { kind: "volunteer", tags: "ux research", bio: t.slice(0, 900), link: "https://zoom.us/j/1" });
        const inputs = [
          `request ux research -- ${t}`,
          "status",
          `volunteer ux --bio ${t}`,
          `volunteer ux --link ${t}`,
          `decline ${t}`,
          `pause ${t}`,
          `choose ${t}`,
          t,
          `admin settings chatMinutes ${t}`,
          `admin tags alias ${t} ux`,
        ];
        for (const input of inputs) {
          for (const [name, style] of [
            ["slack", slackStyle],
            ["discord", discordStyle],
            ["shell", shellStyle],
          ] as [string, TextStyle][]) {
            const view = await handle(
              w.deps,
              seeker,
              parseText(input, () => null),
              style,
            );
            const where = `${name} reply to ${JSON.stringify(input.slice(0, 40))}`;
            if (name === "slack") checkSlack(view.text, messageBlocks(view.text, view.actions), where);
            if (name === "discord") checkDiscord(viewMessage(view, "810000000000000001", "UTC"), where);
            if (name === "shell") checkShell(view.text, where);
            if (view.reply && view.reply.kind !== "help") expect(renderReply(view.reply, "UTC", style), where).toBe(view.text);
          }
        }
      }),
      { numRuns: 15 },
    );
  });
});

describe("the checkers above catch what they look for", () => {
  it("flag raw mentions, masked links and spoilers, and pass the same text once escaped", () => {
    for (const raw of ["<@123456789012345678>", "[https://zoom.us](https://evil.example)", "@everyone", "||x||", "*b*"]) {
      expect(activeDiscord(raw), raw).not.toEqual([]);
      expect(activeDiscord(discordStyle.user(raw)), raw).toEqual([]);
    }
    for (const raw of ["<!channel>", "<https://evil.example|https://zoom.us>", "<@U1>"]) {
      expect(activeParts(raw), raw).not.toEqual([]);
      expect(activeParts(slackStyle.user(raw)), raw).toEqual([]);
    }
  });
});
