import { spawn } from "node:child_process";
import { describe, expect, it } from "vitest";

/** Runs `npm run bench:reach` at a tiny size; resolves with its stdout once it exits. */
function runBench(args: string[]): Promise<{ code: number | null; out: string; err: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ["--import", "tsx", "bench/reach.ts", ...args], { stdio: ["ignore", "pipe", "pipe"] });
    let out = "";
    let err = "";
    child.stdout.on("data", (b: Buffer) => {
      out += b.toString();
    });
    child.stderr.on("data", (b: Buffer) => {
      err += b.toString();
    });
    child.on("exit", (code) => resolve({ code, out, err }));
  });
}

// The benchmark end to end at a tiny size: one bot process, Slack and Discord communities, the
// ticks and a short load. Asserts what it printed and that every command was answered; no timing.
describe("bench:reach --quick at a tiny size", () => {
  it("prints its table and one JSON line, with every command answered", async () => {
    const r = await runBench(["--quick", "--communities", "20", "--members", "1000", "--seconds", "2", "--rate", "25"]);
    expect(r.err.includes("broke") ? r.err : "").toBe("");
    expect(r.code).toBe(0);
    expect(r.out).toContain("Bot memory");
    expect(r.out).toContain("every community due, matching forced");
    expect(r.out).toContain("command→answer");
    const lines = r.out.split("\n").filter((l) => l.startsWith("{"));
    expect(lines).toHaveLength(1);
    const f = JSON.parse(lines[0] ?? "{}");
    expect(f).toMatchObject({ bench: "reach", store: "sqlite", communities: 20, members: 1000 });
    for (const stage of ["idle", "afterMatch", "afterLoad"]) {
      expect(f.memory[stage].rssMb, stage).toBeGreaterThan(0);
      expect(f.memory[stage].heapUsedMb, stage).toBeGreaterThan(0);
    }
    for (const tick of ["allDue", "matchAgain", "plain"]) expect(typeof f.tick[tick].ms, tick).toBe("number");
    // Every community had nudges due and open requests: the first tick sent and offered.
    expect(f.tick.allDue.sent).toBeGreaterThanOrEqual(40);
    expect(f.tick.allDue.offered).toBeGreaterThan(0);
    expect(f.load.sent).toBe(50);
    expect(f.load.failed).toBe(0);
    expect(f.load.answered).toBe(f.load.sent);
    expect(f.load.byPlatform.slack.sent).toBeGreaterThan(0);
    expect(f.load.byPlatform.discord.sent).toBeGreaterThan(0);
    expect(f.load.byPlatform.slack.answered).toBe(f.load.byPlatform.slack.sent);
    expect(f.load.byPlatform.discord.answered).toBe(f.load.byPlatform.discord.sent);
    expect(typeof f.load.ackP99).toBe("number");
    expect(typeof f.load.answerP99).toBe("number");
  }, 120_000);
});
