/**
 * Ack latency of the Slack adapter under load: signed `/coffee` slash commands at a steady
 * rate through Bolt's HTTP receiver on 127.0.0.1, with the Web API and response_urls served
 * by the fake Slack and a fresh SQLite store. Prints p50/p90/p99/max of the time from sending
 * a command to its HTTP ack, then one JSON line. `--rate 200 --seconds 10` by default.
 * The bot runs in its own process, as in production, so the load generator and the fake
 * Slack do not share its event loop. `--mix help,status` picks the commands sent.
 * Exit code 1 when p99 misses the target (50 ms) or any request failed.
 */
import { fork } from "node:child_process";
import { Agent, request } from "node:http";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { ConfigSchema } from "../src/config.js";
import { silentLogger } from "../src/core/ports/index.js";
import { randomIds, systemClock } from "../src/runtime.js";
import { createSlackAdapter } from "../src/slack/index.js";
import { openStore } from "../src/store/index.js";
import { slashCommand } from "../test/fakes/slack/payloads.js";
import { FakeSlack } from "../test/fakes/slack/server.js";
import type { FakeUser } from "../test/fakes/slack/web-api.js";
import { table } from "./lib/stats.js";

const arg = (name: string, fallback: number): number => {
  const i = process.argv.indexOf(`--${name}`);
  const v = i >= 0 ? Number(process.argv[i + 1]) : Number.NaN;
  return Number.isFinite(v) && v > 0 ? v : fallback;
};
const RATE = arg("rate", 200);
const SECONDS = arg("seconds", 10);
const TARGET_P99_MS = 50;
const mixAt = process.argv.indexOf("--mix");
const COMMANDS =
  mixAt >= 0
    ? (process.argv[mixAt + 1] ?? "help").split(",")
    : [
        "status",
        "help",
        "status",
        "volunteer ux research, product design --cap 2",
        "availability mon-fri 9-17 Europe/Berlin",
        "frobnicate",
      ];

const pct = (sorted: readonly number[], p: number): number =>
  sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))] ?? Number.NaN;
const sleepUntil = (t: number) => new Promise<void>((r) => setTimeout(r, Math.max(0, t - performance.now())));

/** The bot process: the Slack adapter on a fresh SQLite store, pointed at the parent's fake Slack. */
async function bot(apiUrl: string, secret: string, concurrency: number): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), "percolate-bench-slack-"));
  const store = await openStore(`file:${join(dir, "bench.db")}`);
  const config = ConfigSchema.parse({
    SLACK_BOT_TOKEN: "xoxb-bench",
    SLACK_SIGNING_SECRET: secret,
    SLACK_API_URL: apiUrl,
    LOG_LEVEL: "error",
  });
  const adapter = createSlackAdapter(
    config,
    { store, clock: systemClock, ids: randomIds, log: silentLogger },
    { host: "127.0.0.1", port: 0, ...(concurrency > 0 ? { concurrency } : {}) },
  );
  await adapter.start();
  process.send?.({ port: adapter.port });
  process.on("message", (m: unknown) => {
    if (m !== "stop") return;
    void adapter
      .stop()
      .then(() => store.close())
      .finally(() => {
        rmSync(dir, { recursive: true, force: true });
        process.exit(0);
      });
  });
}

async function main(): Promise<void> {
  const fake = new FakeSlack();
  await fake.start();
  const child = fork(process.argv[1] ?? "bench/slack.ts", ["--bot", fake.apiUrl, fake.signingSecret, String(arg("concurrency", 0))], {
    execArgv: ["--import", "tsx", ...(process.env.BOT_PROF ? ["--cpu-prof", `--cpu-prof-dir=${process.env.BOT_PROF}`] : [])],
  });
  const port = await new Promise<number>((resolve, reject) => {
    child.once("message", (m: unknown) => resolve((m as { port: number }).port));
    child.once("exit", (code) => reject(new Error(`the bot process exited (${code}) before listening`)));
  });
  fake.target = { kind: "http", url: `http://127.0.0.1:${port}/slack/events` };
  const drain = async (want: number, timeoutMs = 120_000) => {
    const end = Date.now() + timeoutMs;
    while (fake.responses.length < want && Date.now() < end) await new Promise((r) => setTimeout(r, 20));
  };
  const users: FakeUser[] = Array.from({ length: 100 }, (_, i) => ({
    id: `U${String(i).padStart(8, "0")}`,
    team: i % 2 ? "T0BENCH1" : "T0BENCH2",
    name: `user${i}`,
    tz: "Europe/Berlin",
  }));
  for (const u of users) fake.state.users.set(u.id, u);

  // Requests are built and signed before the clock starts, and sent over kept-alive
  // connections, so the generator spends as little CPU as possible while measuring.
  const agent = new Agent({ keepAlive: true, maxSockets: 256 });
  const prepared = (i: number) =>
    fake.signed("slash_commands", { ...slashCommand(fake, users[i % users.length] as FakeUser, COMMANDS[i % COMMANDS.length] ?? "help") });
  const post = (r: { headers: Record<string, string>; body: string }): Promise<{ ms: number; status: number }> =>
    new Promise((resolve) => {
      const t0 = performance.now();
      const req = request(
        {
          host: "127.0.0.1",
          port,
          path: "/slack/events",
          method: "POST",
          agent,
          headers: { ...r.headers, "content-length": Buffer.byteLength(r.body) },
        },
        (res) => {
          res.resume();
          res.on("end", () => resolve({ ms: performance.now() - t0, status: res.statusCode ?? 0 }));
        },
      );
      req.on("error", () => resolve({ ms: performance.now() - t0, status: 0 }));
      req.end(r.body);
    });
  const fire = (i: number) => post(prepared(i));

  // Warm up: JIT, the store's first queries, every user's users.info lookup.
  await Promise.all(users.map((_, i) => fire(i)));
  await drain(users.length);

  const total = Math.round(RATE * SECONDS);
  const requests = Array.from({ length: total }, (_, i) => prepared(i));
  const gap = 1000 / RATE;
  const started = performance.now();
  const inflight: Promise<{ ms: number; status: number }>[] = [];
  for (let i = 0; i < total; i++) {
    await sleepUntil(started + i * gap);
    const r = requests[i];
    if (r) inflight.push(post(r));
  }
  const sendSpan = (performance.now() - started) / 1000;
  const results = await Promise.all(inflight);
  const responsesBefore = fake.responses.length;
  await drain(users.length + total);
  const drained = (performance.now() - started) / 1000;
  const ms = results.map((r) => r.ms).sort((a, b) => a - b);
  const errors = results.filter((r) => r.status !== 200).length;
  const figures = {
    rate: RATE,
    requests: total,
    achievedRate: Math.round(total / sendSpan),
    p50: pct(ms, 50),
    p90: pct(ms, 90),
    p99: pct(ms, 99),
    max: ms[ms.length - 1] ?? Number.NaN,
    errors,
    answered: fake.responses.length - users.length,
    answeredBeforeDrain: responsesBefore - users.length,
    drainedSeconds: drained,
  };
  const f = (x: number) => x.toFixed(1);
  console.log(`Slack ack latency: ${total} signed /coffee commands at ${RATE}/s over HTTP (Bolt HTTPReceiver, SQLite store)\n`);
  console.log(
    table(
      ["rate/s", "sent", "achieved/s", "p50 ms", "p90 ms", "p99 ms", "max ms", "non-200", "answered"],
      [
        [
          String(RATE),
          String(total),
          String(figures.achievedRate),
          f(figures.p50),
          f(figures.p90),
          f(figures.p99),
          f(figures.max),
          String(errors),
          String(figures.answered),
        ],
      ],
    ),
  );
  console.log(
    `\np99 target ≤ ${TARGET_P99_MS} ms: ${figures.p99 <= TARGET_P99_MS ? "met" : "MISSED"}; all answers posted to response_url within ${drained.toFixed(1)} s`,
  );
  console.log(JSON.stringify({ bench: "slack", ...figures }));
  child.send("stop");
  await new Promise((r) => child.once("exit", r));
  await fake.stop();
  if (figures.p99 > TARGET_P99_MS || errors > 0) process.exitCode = 1;
}

const botAt = process.argv.indexOf("--bot");
(botAt >= 0 ? bot(process.argv[botAt + 1] ?? "", process.argv[botAt + 2] ?? "", Number(process.argv[botAt + 3] ?? 0)) : main()).catch(
  (e: unknown) => {
    process.stderr.write(`bench:slack failed: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
    process.exit(1);
  },
);
