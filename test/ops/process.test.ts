import { type ChildProcess, spawn } from "node:child_process";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { makeSafeLogger } from "../../src/ops/log.js";
import { APPLICATION_ID, FakeDiscord } from "../fakes/discord/index.js";
import { FakeSlack } from "../fakes/slack/server.js";
import { G1, GUILDS, user } from "../discord/harness.js";
import { Captured } from "./support.js";

const ROOT = join(import.meta.dirname, "../..");
let cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const c of cleanups.reverse()) await c();
  cleanups = [];
});

async function freePort(): Promise<number> {
  const s = createServer();
  await new Promise<void>((r) => s.listen(0, "127.0.0.1", r));
  const port = (s.address() as { port: number }).port;
  await new Promise<void>((r) => s.close(() => r()));
  return port;
}

/** `src/main.ts` in a child process with exactly this environment; its stderr is kept. */
function startMain(env: Record<string, string>) {
  const child: ChildProcess = spawn(process.execPath, ["--import", "tsx", join(ROOT, "src/main.ts")], {
    cwd: ROOT,
    env: { PATH: process.env.PATH ?? "", ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let stderr = "";
  const waiters: { re: RegExp; resolve: () => void }[] = [];
  child.stderr?.on("data", (c: Buffer) => {
    stderr += c.toString();
    for (const w of waiters.filter((x) => x.re.test(stderr))) w.resolve();
  });
  child.stdout?.on("data", () => undefined);
  const exited = new Promise<number | null>((resolve) => child.on("close", resolve));
  cleanups.push(async () => {
    if (child.exitCode === null) child.kill("SIGKILL");
    await exited;
  });
  return {
    child,
    exited,
    stderr: () => stderr,
    until: (re: RegExp) => (re.test(stderr) ? Promise.resolve() : new Promise<void>((resolve) => waiters.push({ re, resolve }))),
  };
}

async function tempDb(): Promise<string> {
  const dir = mkdtempSync(join(tmpdir(), "percolate-proc-"));
  cleanups.push(async () => rmSync(dir, { recursive: true, force: true }));
  return join(dir, "data", "percolate.db");
}

describe("the process", () => {
  it("a bad SCHEDULE_CRON stops the start with one line naming it, before the database or any platform is touched", async () => {
    const discord = new FakeDiscord(GUILDS);
    const api = await discord.start();
    cleanups.push(() => discord.stop());
    const db = await tempDb();
    const p = startMain({
      DATABASE_URL: `file:${db}`,
      DISCORD_TOKEN: "discord-token-for-cron-test",
      DISCORD_APPLICATION_ID: APPLICATION_ID,
      DISCORD_API_URL: api,
      SCHEDULE_CRON: "every minute please",
    });
    expect(await p.exited).toBe(2);
    expect(p.stderr().trim()).toBe(
      'Configuration error — SCHEDULE_CRON: must be a cron expression such as "* * * * *" (every minute) or "*/5 * * * *" (got "every minute please")',
    );
    expect(discord.rest.calls).toHaveLength(0);
    expect(existsSync(db)).toBe(false);
  }, 60_000);

  it("logs never carry a token or secret, even at debug level through a whole run on Slack and Discord", async () => {
    const discord = new FakeDiscord(GUILDS);
    const api = await discord.start();
    cleanups.push(() => discord.stop());
    const slack = new FakeSlack("slack-signing-secret-5e3f9a");
    await slack.start();
    cleanups.push(() => slack.stop());
    const secrets = {
      DISCORD_TOKEN: "discord-bot-token-7Hq2xZ.GkP9.secret",
      SLACK_BOT_TOKEN: "xoxb-1111-2222-secretslacktoken",
      SLACK_SIGNING_SECRET: slack.signingSecret,
    };
    const p = startMain({
      ...secrets,
      DATABASE_URL: `file:${await tempDb()}`,
      DISCORD_APPLICATION_ID: APPLICATION_ID,
      DISCORD_API_URL: api,
      SLACK_API_URL: slack.apiUrl,
      PORT: String(await freePort()),
      LOG_LEVEL: "debug",
    });
    await p.until(/Percolate is running/);
    const answer = await discord.command(G1, user("7001", "Pat"), "help");
    expect(JSON.stringify(answer.data)).toContain("coffee");
    p.child.kill("SIGTERM");
    expect(await p.exited).toBe(0);
    const log = p.stderr();
    expect(log).toContain("discord connected");
    for (const [name, value] of Object.entries(secrets)) expect(log.includes(value), `${name} in the log`).toBe(false);
  }, 60_000);

  it("keeps serving, and stops on SIGTERM, after whatever read its logs has gone (a closed stderr pipe)", async () => {
    const discord = new FakeDiscord(GUILDS);
    const api = await discord.start();
    cleanups.push(() => discord.stop());
    const p = startMain({
      DATABASE_URL: `file:${await tempDb()}`,
      DISCORD_TOKEN: "discord-token-for-closed-pipe",
      DISCORD_APPLICATION_ID: APPLICATION_ID,
      DISCORD_API_URL: api,
      LOG_LEVEL: "debug",
    });
    await p.until(/Percolate is running/);
    // The log reader goes away; every log line after this hits a closed pipe (EPIPE).
    p.child.stderr?.destroy();
    const answer = await discord.command(G1, user("7002", "Pia"), "help");
    expect(JSON.stringify(answer.data)).toContain("coffee");
    p.child.kill("SIGTERM");
    expect(await p.exited).toBe(0);
  }, 60_000);

  it("the logger scrubs configured secret values from messages and redacts secret-named fields", () => {
    const out = new Captured();
    const log = makeSafeLogger("info", ["xoxb-very-secret-token", "p@ss:word"], out);
    log.info(
      { token: "anything", nested: { password: "hunter2hunter2" }, url: "postgresql://u:p@ss:word@db/x" },
      "called with xoxb-very-secret-token",
    );
    log.error({ err: "auth failed for xoxb-very-secret-token" }, "oops");
    expect(out.text).not.toContain("xoxb-very-secret-token");
    expect(out.text).not.toContain("p@ss:word");
    expect(out.text).not.toContain("hunter2hunter2");
    expect(out.text).not.toContain("anything");
    expect(out.text.match(/\[redacted\]/g)?.length).toBe(5);
  });
});
