import { spawn } from "node:child_process";
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

/** Runs the guard worker in its own process; resolves with its exit code and output. */
function run(...args: string[]): Promise<{ code: number | null; out: string; err: string }> {
  const file = fileURLToPath(new URL("./guard-worker.ts", import.meta.url));
  const child = spawn(process.execPath, ["--import", "tsx", file, ...args], { stdio: ["ignore", "pipe", "pipe"] });
  let out = "";
  let err = "";
  child.stdout.on("data", (c: Buffer) => (out += c.toString()));
  child.stderr.on("data", (c: Buffer) => (err += c.toString()));
  return new Promise((resolve, reject) => {
    child.on("error", reject);
    child.on("close", (code) => resolve({ code, out, err }));
  });
}

describe("the process guard (finding 6)", () => {
  it("logs and counts an unhandled rejection and an uncaught exception, and the bot keeps answering commands", async () => {
    const r = await run();
    expect(r.code, r.err).toBe(0);
    const seen = JSON.parse(r.out.trim().split("\n").at(-1) ?? "{}") as {
      counts: { unhandledRejections: number; uncaughtExceptions: number };
      answer: string;
      logged: string[];
    };
    expect(seen.counts.unhandledRejections).toBe(1);
    expect(seen.counts.uncaughtExceptions).toBe(1);
    expect(seen.logged.some((l) => l.includes("unhandled promise rejection") && l.includes("a listener forgot to await this"))).toBe(true);
    expect(seen.logged.some((l) => l.includes("uncaught exception") && l.includes("a timer callback threw"))).toBe(true);
    expect(seen.answer).toContain("alive");
  });

  it("without it, the same fault ends the process (which is why main installs it first)", async () => {
    const r = await run("unguarded");
    expect(r.code).not.toBe(0);
    const main = readFileSync(fileURLToPath(new URL("../../src/main.ts", import.meta.url)), "utf8");
    expect(main).toMatch(/installProcessGuard\(log\)/);
  });
});
