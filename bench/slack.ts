/**
 * Ack and answer latency of the Slack adapter under load: signed `/coffee` slash commands at a
 * steady rate through Bolt's HTTP receiver on 127.0.0.1, with the Web API and response_urls
 * served by the fake Slack and a fresh SQLite store. Prints p50/p90/p99/max of the time from
 * sending a command to its HTTP ack, and of the time from that ack to the command's answer
 * reaching its response_url, as a table and then one JSON line with PASS/FAIL per target.
 * `--rate 200 --seconds 10` by default. The bot runs in its own process, as in production, so
 * the load generator and the fake Slack do not share its event loop (`BOT_PROF=<dir>` writes
 * its CPU profile there). `--mix help,status` picks the commands sent (default: status ×2,
 * help, volunteer, availability, an unknown word); `--concurrency n` sets the work queue's.
 * Targets: ack p99 ≤ 50 ms; answer p99 ≤ 1,000 ms after the ack. Exit code 1 when one is
 * missed or any request failed.
 */
import { fork } from "node:child_process";
import { Agent, request } from "node:http";
import { mkdtempSync } from "node:fs";
import { loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import { ConfigSchema } from "../src/config.js";
import { silentLogger } from "../src/core/ports/index.js";
import { randomIds, systemClock } from "../src/runtime.js";
import { createSlackAdapter } from "../src/slack/index.js";
import { openStore } from "../src/store/index.js";
import { slashCommand } from "../test/fakes/slack/payloads.js";
import { FakeSlack } from "../test/fakes/slack/server.js";
import type { FakeUser } from "../test/fakes/slack/web-api.js";
import { answerBenchParent } from "./lib/bot-child.js";
import { table } from "./lib/stats.js";

const arg = (name: string, fallback: number): number => {
  const i = process.argv.indexOf(`--${name}`);
  const v = i >= 0 ? Number(process.argv[i + 1]) : Number.NaN;
  return Number.isFinite(v) && v > 0 ? v : fallback;
};
const RATE = arg("rate", 200);
const SECONDS = arg("seconds", 10);
const TARGET_P99_MS = 50;
const TARGET_ANSWER_P99_MS = 1000;
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
  answerBenchParent(adapter, store, dir);
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
  // Each command's answer is matched to its ack by the response_url's id.
  const ackedAt = new Map<string, number>();
  const answerMs: number[] = [];
  let wanted = 0;
  let reached: (() => void) | null = null;
  const earlyAt = new Map<string, number>();
  fake.onResponse = (r) => {
    const acked = ackedAt.get(r.id);
    if (acked !== undefined) answerMs.push(r.at - acked);
    else earlyAt.set(r.id, r.at);
    if (fake.responses.length >= wanted) reached?.();
  };
  /** Resolves once `want` answers have arrived, or after `timeoutMs`. */
  const drain = (want: number, timeoutMs = 120_000) =>
    new Promise<void>((resolve) => {
      wanted = want;
      if (fake.responses.length >= want) return resolve();
      const timer = setTimeout(resolve, timeoutMs);
      reached = () => {
        clearTimeout(timer);
        resolve();
      };
    });
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
  const post = (r: { headers: Record<string, string>; body: string; id?: string }): Promise<{ ms: number; status: number }> =>
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
          res.on("end", () => {
            const t1 = performance.now();
            if (r.id !== undefined) ackedAt.set(r.id, t1);
            // An answer seen before its ack's response was read counts as answered at the ack.
            if (r.id !== undefined && earlyAt.has(r.id)) answerMs.push(0);
            resolve({ ms: t1 - t0, status: res.statusCode ?? 0 });
          });
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
  // The answer's id is the last part of the command's response_url.
  const requests = Array.from({ length: total }, (_, i) => {
    const r = prepared(i);
    return { ...r, id: new URLSearchParams(r.body).get("response_url")?.split("/").pop() ?? "" };
  });
  const gap = 1000 / RATE;
  child.send("mark");
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
  // The bot's CPU from the first command sent to the last answer: what one command costs it.
  const botCpuMs = await new Promise<number>((resolve) => {
    child.once("message", (m: unknown) => resolve((m as { cpuMs: number }).cpuMs));
    child.send("cpu");
  });
  const ms = results.map((r) => r.ms).sort((a, b) => a - b);
  const ans = [...answerMs].sort((a, b) => a - b);
  const errors = results.filter((r) => r.status !== 200).length;
  const answered = fake.responses.length - users.length;
  const figures = {
    rate: RATE,
    requests: total,
    mix: COMMANDS,
    achievedRate: Math.round(total / sendSpan),
    p50: pct(ms, 50),
    p90: pct(ms, 90),
    p99: pct(ms, 99),
    max: ms[ms.length - 1] ?? Number.NaN,
    errors,
    answered,
    answeredBeforeDrain: responsesBefore - users.length,
    drainedSeconds: drained,
    answer: { p50: pct(ans, 50), p90: pct(ans, 90), p99: pct(ans, 99), max: ans[ans.length - 1] ?? Number.NaN },
    botCpuMsPerCommand: botCpuMs / total,
    loadAverage: loadavg()[0] ?? 0,
  };
  const ackPass = figures.p99 <= TARGET_P99_MS && errors === 0;
  const answerPass = answered === total && figures.answer.p99 <= TARGET_ANSWER_P99_MS;
  const f = (x: number) => x.toFixed(1);
  console.log(
    `Slack: ${total} signed /coffee commands at ${RATE}/s over HTTP (Bolt HTTPReceiver, SQLite store), mix: ${COMMANDS.join(" | ")}`,
  );
  console.log(
    `load average ${figures.loadAverage.toFixed(2)}; achieved ${figures.achievedRate}/s; bot CPU ${figures.botCpuMsPerCommand.toFixed(2)} ms per command (keeping up at ${RATE}/s needs < ${(1000 / RATE).toFixed(1)})\n`,
  );
  console.log(
    table(
      ["measure", "count", "p50 ms", "p90 ms", "p99 ms", "max ms", "target", "result"],
      [
        [
          "command→ack",
          String(total - errors),
          f(figures.p50),
          f(figures.p90),
          f(figures.p99),
          f(figures.max),
          `p99 ≤ ${TARGET_P99_MS} ms, 0 failed`,
          ackPass ? "PASS" : "FAIL",
        ],
        [
          "ack→answer",
          String(answered),
          f(figures.answer.p50),
          f(figures.answer.p90),
          f(figures.answer.p99),
          f(figures.answer.max),
          `p99 ≤ ${TARGET_ANSWER_P99_MS} ms, all answered`,
          answerPass ? "PASS" : "FAIL",
        ],
      ],
    ),
  );
  console.log(
    `\n${figures.answeredBeforeDrain} of ${total} answered while sending; all answered ${drained.toFixed(1)} s after the first was sent`,
  );
  console.log(JSON.stringify({ bench: "slack", ...figures, ack: ackPass ? "PASS" : "FAIL", answers: answerPass ? "PASS" : "FAIL" }));
  child.send("stop");
  await new Promise((r) => child.once("exit", r));
  await fake.stop();
  if (!ackPass || !answerPass) process.exitCode = 1;
}

const botAt = process.argv.indexOf("--bot");
(botAt >= 0 ? bot(process.argv[botAt + 1] ?? "", process.argv[botAt + 2] ?? "", Number(process.argv[botAt + 3] ?? 0)) : main()).catch(
  (e: unknown) => {
    process.stderr.write(`bench:slack failed: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
    process.exit(1);
  },
);
