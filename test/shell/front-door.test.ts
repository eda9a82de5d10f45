import { PassThrough, Readable } from "node:stream";
import { describe, expect, it } from "vitest";
import { silentLogger } from "../../src/core/ports/index.js";
import { sequentialIds } from "../../src/runtime.js";
import { ShiftableClock } from "../../src/shell/platform.js";
import { runShell } from "../../src/shell/repl.js";
import { MemoryStore } from "../../src/store/memory-store.js";

async function drive(lines: string[]): Promise<string> {
  const clock = new ShiftableClock(() => Date.UTC(2026, 10, 23, 8, 0));
  const out = new PassThrough();
  let text = "";
  out.on("data", (c: Buffer) => (text += c.toString()));
  await runShell(
    { store: new MemoryStore(), clock, ids: sequentialIds(), log: silentLogger },
    clock,
    Readable.from(lines.map((l) => `${l}\n`)),
    out,
    "UTC",
  );
  return text;
}

describe("the front door in the shell", () => {
  it("prints what was posted: the door's words and each button as the command to type", async () => {
    const text = await drive(["as ada --admin", "admin settings programChannelId general"]);
    expect(text).toContain("📌 Posted in #general:");
    expect(text).toContain("☕ Coffee chats here");
    expect(text).toContain(`• I'd like to learn from someone: "request <topics> -- <what you want to learn>"`);
    expect(text).toContain(`• I can help others: "volunteer <topics>"`);
    expect(text).toContain(`• Pair me with peers: "rounds join"`);
    expect(text).toContain("• Not now: nothing to type — come back whenever you like");
    expect(text).toContain("Saved: programChannelId is now general.");
    expect(text).toContain("The front door is posted and pinned in the program channel.");
  });

  it("updates the door rather than posting a second one when the same channel is set again", async () => {
    const text = await drive(["as ada --admin", "admin settings programChannelId general", "admin settings programChannelId general"]);
    expect(text.match(/📌 Posted in #general/g)).toHaveLength(1);
    expect(text).toContain("📌 The front door in #general reads:");
    expect(text).toContain("The front door is up to date in the program channel.");
  });
});
