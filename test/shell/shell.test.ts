import { PassThrough, Readable } from "node:stream";
import { describe, expect, it } from "vitest";
import { silentLogger } from "../../src/core/ports/index.js";
import { sequentialIds } from "../../src/runtime.js";
import { ShiftableClock } from "../../src/shell/platform.js";
import { runShell } from "../../src/shell/repl.js";
import { MemoryStore } from "../../src/store/memory-store.js";

const START = Date.UTC(2026, 10, 23, 8, 0);

/** Feeds lines to the shell through its input stream and returns everything it printed. */
async function drive(lines: string[]): Promise<string> {
  const store = new MemoryStore();
  const clock = new ShiftableClock(() => START);
  const out = new PassThrough();
  let text = "";
  out.on("data", (c: Buffer) => (text += c.toString()));
  await runShell({ store, clock, ids: sequentialIds(), log: silentLogger }, clock, Readable.from(lines.map((l) => `${l}\n`)), out, "UTC");
  return text;
}

describe("shell adapter", () => {
  it("walks a request from volunteering to the keep-in-touch nudge", async () => {
    const out = await drive([
      "as bob",
      "volunteer data science, python --cap 2 --bio Data lead",
      "availability mon-fri 09:00-17:00 Europe/Berlin",
      "as alice",
      "request data science -- how to move from analytics into ML engineering",
      "choose 1",
      "as bob",
      "accept",
      "as alice",
      "pick 1",
      // Time passes in steps, as it does for a person: the prep and the reminder arrive before the chat.
      "clock +1h",
      "clock +23h",
      "clock +4d",
      "happened",
      "clock +3h",
      "clock +30d",
      "quit",
    ]);
    expect(out).toContain("Here's who could help");
    expect(out).toContain("1. bob");
    expect(out).toContain("to bob:\n   ☕ alice would like a 30-minute chat");
    expect(out).toContain("Pick a time that works");
    expect(out).toMatch(/✅ Confirmed: alice & bob/);
    expect(out).toContain("A little prep goes a long way");
    expect(out).toContain("Did your chat with bob happen?");
    expect(out).toContain("Here's a draft to edit and send to bob");
    expect(out).toContain("Who else should they talk to?");
    expect(out).toContain("It's been a month since your chat with bob");
  });

  it("shows each person times in their own zone", async () => {
    const out = await drive([
      "as bob",
      "volunteer rust",
      "availability mon-fri 09:00-10:00 Asia/Kolkata",
      "as alice",
      "availability mon-fri 04:00-05:00 Europe/London",
      "request rust -- how to get started",
      "choose auto",
      "as bob",
      "accept",
    ]);
    expect(out).toMatch(/to alice:[\s\S]*04:00–04:30 \(London time/);
    expect(out).toMatch(/to bob:[\s\S]*09:30–10:00 \(Kolkata time/);
  });

  it("answers bad input with the fix and changes nothing", async () => {
    const out = await drive([
      "requets ux -- x",
      "request ux",
      "availability someday 9-5",
      "pick 1",
      "feedback 9",
      "as 123",
      "clock soon",
      "status",
    ]);
    expect(out).toContain('I don\'t know "requets". Did you mean "request <topics> -- <what you want to learn>"?');
    expect(out).toContain(
      'Missing what you want to learn (after --). Usage: "request <topics> -- <what you want to learn>" · More: "help request"',
    );
    expect(out).toContain('"someday" isn\'t a day or a range of days');
    expect(out).toContain("There's no chat waiting for a time right now");
    expect(out).toContain('"9" isn\'t a rating from 1 to 5');
    expect(out).toContain("Usage: as <name>");
    expect(out).toContain("Usage: clock +3d");
    expect(out).toContain('Nothing yet. Start with "volunteer <tags>"');
  });

  it("says so when nobody matches and waitlists the seeker", async () => {
    const out = await drive(["request quantum-knitting -- anything at all"]);
    expect(out).toContain('Nobody fits "quantum-knitting" right now, so you\'re on the waitlist.');
    expect(out).toContain("Nobody here has volunteered yet. I'll introduce you as soon as someone volunteers for quantum-knitting.");
  });
});
