import { describe, expect, it } from "vitest";
import { parseText, type ButtonCommand, type Parsed } from "../../src/core/commands/index.js";
import { decodeCustomId, encodeCustomId, memberIdOf, userIdOf } from "../../src/discord/ids.js";
import { parseAdminSlash, parseForm, parseSlash, type Options } from "../../src/discord/parse.js";

const G = "810000000000000001";
const KIM = "4001";
/** Each platform's way of naming a member, resolved to the same member id. */
const resolve = (word: string): string | null => (word === "@kim" ? memberIdOf(G, KIM) : null);

/**
 * One user intent, as typed in the shell, as Slack's `/coffee` text, and as Discord's
 * subcommand with options. Every platform must produce the same core command.
 */
const INTENTS: { text: string; sub: string; opts: Options }[] = [
  { text: "help", sub: "help", opts: {} },
  { text: "status", sub: "status", opts: {} },
  {
    text: "profile ux, design -- how to switch careers",
    sub: "profile",
    opts: { interests: "ux, design", learn: "how to switch careers" },
  },
  {
    text: "volunteer data science, python --cap 2 --bio Data lead --link https://meet.example.org/x --formats video,phone",
    sub: "volunteer",
    opts: { tags: "data science, python", capacity: 2, bio: "Data lead", link: "https://meet.example.org/x", formats: "video,phone" },
  },
  { text: "availability mon-fri 9-12 Europe/Berlin", sub: "availability", opts: { times: "mon-fri 9-12", zone: "Europe/Berlin" } },
  {
    text: "availability mon-fri 9-12; sat 10-12 Europe/Berlin --off 2026-12-24",
    sub: "availability",
    opts: { times: "mon-fri 9-12; sat 10-12", zone: "Europe/Berlin", off: "2026-12-24" },
  },
  { text: "request ux -- learn", sub: "request", opts: { tags: "ux", goals: "learn" } },
  {
    text: "request ux research, design -- how to move from support into UX",
    sub: "request",
    opts: { tags: "ux research, design", goals: "how to move from support into UX" },
  },
  { text: "choose 2", sub: "choose", opts: { pick: "2" } },
  { text: "choose auto", sub: "choose", opts: { pick: "auto" } },
  { text: "accept", sub: "accept", opts: {} },
  { text: "decline busy this month", sub: "decline", opts: { reason: "busy this month" } },
  { text: "decline", sub: "decline", opts: {} },
  { text: "pick 2", sub: "pick", opts: { slot: 2 } },
  { text: "happened", sub: "happened", opts: {} },
  { text: "noshow", sub: "noshow", opts: {} },
  { text: "reschedule", sub: "reschedule", opts: {} },
  { text: "cancel", sub: "cancel", opts: {} },
  { text: "pause +2w", sub: "pause", opts: { until: "+2w" } },
  { text: "pause 2026-12-31", sub: "pause", opts: { until: "2026-12-31" } },
  { text: "resume", sub: "resume", opts: {} },
  { text: "leave", sub: "leave", opts: {} },
  { text: "block @kim", sub: "block", opts: { member: KIM } },
  { text: "refer @kim", sub: "refer", opts: { member: KIM } },
  { text: "feedback 5 great chat", sub: "feedback", opts: { rating: 5, note: "great chat" } },
  { text: "feedback 4", sub: "feedback", opts: { rating: 4 } },
];

/**
 * The platforms under contract. Slack's adapter reads its slash command text with
 * `parseText`, so the shell row covers it; when src/slack grows its own parser
 * (e.g. for modal submissions), add it here as another row.
 */
const PLATFORMS: { name: string; parse: (i: (typeof INTENTS)[number]) => Parsed }[] = [
  { name: "shell", parse: (i) => parseText(i.text, resolve) },
  { name: "slack", parse: (i) => parseText(i.text, resolve) },
  {
    name: "discord",
    parse: (i) => {
      const r = parseSlash(i.sub, i.opts, G);
      if (r.kind === "form") throw new Error(`${i.sub} asked for a form`);
      return r;
    },
  },
];

describe("contract: the same intent gives the same core command on every platform", () => {
  for (const intent of INTENTS) {
    it(intent.text, () => {
      const [first, ...rest] = PLATFORMS.map((p) => ({ name: p.name, cmd: p.parse(intent) }));
      expect(first?.cmd.kind).not.toBe("unsupported");
      for (const other of rest) expect({ name: other.name, cmd: other.cmd }).toEqual({ name: other.name, cmd: first?.cmd });
    });
  }

  it("a Discord form submission reads like the slash command it stands for", () => {
    expect(parseForm("request", { tags: "ux", goals: "learn" }, G)).toEqual(parseText("request ux -- learn", resolve));
    expect(parseForm("availability", { times: "mon-fri 9-12", zone: "Europe/Berlin" }, G)).toEqual(
      parseText("availability mon-fri 9-12 Europe/Berlin", resolve),
    );
    expect(parseForm("volunteer", { tags: "python", capacity: "3", formats: "", link: "", bio: "" }, G)).toEqual(
      parseText("volunteer python --cap 3", resolve),
    );
  });

  it("a Discord subcommand with no options asks for its form instead", () => {
    for (const sub of ["profile", "volunteer", "availability", "request"])
      expect(parseSlash(sub, {}, G)).toEqual({ kind: "form", form: sub });
  });

  it("round-trips every button command and member id through Discord's encoding", () => {
    const buttons: ButtonCommand[] = [
      { kind: "accept", introId: "intro_3f9a" },
      { kind: "decline", introId: "intro_3f9a" },
      { kind: "pick", chatId: "chat_1", choice: 3 },
      { kind: "outcome", chatId: "chat_1", outcome: "no_show" },
      { kind: "choose", requestId: "req_1", pick: "auto" },
      { kind: "choose", requestId: "req_1", pick: 2 },
      { kind: "cancel", chatId: "chat_1" },
      { kind: "feedback", chatId: "chat_1", rating: 5, note: "" },
    ];
    for (const b of buttons) {
      const id = encodeCustomId(G, b);
      expect(id.length).toBeLessThanOrEqual(100);
      expect(decodeCustomId(id)).toEqual({ guildId: G, command: b });
    }
    expect(decodeCustomId("accept|intro_1")).toBeNull();
    expect(userIdOf(memberIdOf(G, KIM))).toBe(KIM);
  });
});

describe("contract: admin and forget-me", () => {
  const ADMIN: { text: string; sub: string; opts: Options }[] = [
    { text: "admin settings", sub: "settings", opts: {} },
    { text: "admin settings chatMinutes 45", sub: "settings", opts: { key: "chatMinutes", value: "45" } },
    { text: "admin tags alias js javascript", sub: "tags", opts: { op: "alias", from: "js", to: "javascript" } },
    { text: "admin stats 30d", sub: "stats", opts: { period: "30d" } },
    { text: "admin stats", sub: "stats", opts: {} },
    { text: "admin export --notes", sub: "export", opts: { notes: true } },
    { text: "admin export", sub: "export", opts: {} },
    { text: "admin add @kim", sub: "add", opts: { member: KIM } },
    { text: "admin remove @kim", sub: "remove", opts: { member: KIM } },
    { text: "admin match", sub: "match", opts: {} },
  ];
  for (const a of ADMIN) {
    it(a.text, () => {
      const shell = parseText(a.text, resolve);
      expect(shell.kind).not.toBe("unsupported");
      expect(parseAdminSlash(a.sub, a.opts, G)).toEqual(shell);
    });
  }
  it("forget-me", () => {
    expect(parseSlash("forget-me", {}, G)).toEqual(parseText("forget-me", resolve));
  });
});
