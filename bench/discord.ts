/**
 * npm run bench:discord [-- --seconds 10 --rate 200 --memory | --sqlite --mix status,help,availability,zone]
 *
 * Runs the real discord.js bot against the loopback fake Discord (test/fakes/discord) and
 * sends interactions through the gateway at a steady rate: a mix of /coffee status, help,
 * availability (a write) and zone autocomplete from 400 members in two guilds, once on the
 * in-memory store (the adapter's own cost) and once on a SQLite file (the whole bot). The bot
 * runs in its own process, as in production, so the load generator and the fakes do not share
 * its event loop (`BOT_PROF=<dir>` writes its CPU profile there). Measures each interaction
 * from the gateway dispatch to the bot's first callback arriving at the fake REST (the ack:
 * a reply, a defer or the autocomplete choices), and from that ack to the final answer (the
 * reply itself, or the edit after a defer): what the person waits for once Discord shows the
 * command was received. Autocomplete answers with its ack and is left out of the answer
 * figures. Prints a table, then one JSON line with PASS/FAIL per target. Targets at 200
 * interactions/s: ack p99 ≤ 50 ms; answer p99 ≤ 1,000 ms after the ack.
 */
import { fork } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import { ConfigSchema } from "../src/config.js";
import { silentLogger, type Store } from "../src/core/ports/index.js";
import { createDiscordAdapter } from "../src/discord/index.js";
import { randomIds, systemClock } from "../src/runtime.js";
import { MemoryStore, openStore } from "../src/store/index.js";
import { APPLICATION_ID, FakeDiscord, type FakeGuild, type OptionValue } from "../test/fakes/discord/index.js";
import { answerBenchParent } from "./lib/bot-child.js";
import { fmt, table } from "./lib/stats.js";

const arg = (flag: string, dflt: number): number => {
  const i = process.argv.indexOf(flag);
  const v = i >= 0 ? Number(process.argv[i + 1]) : Number.NaN;
  return Number.isFinite(v) && v > 0 ? v : dflt;
};
const SECONDS = arg("--seconds", 10);
const RATE = arg("--rate", 200);
const ONLY = process.argv.includes("--memory") ? "memory" : process.argv.includes("--sqlite") ? "sqlite" : null;
const WARMUP = 200;
const TARGET_ACK_P99_MS = 50;
const TARGET_ANSWER_P99_MS = 1000;

const GUILDS: FakeGuild[] = [
  { id: "910000000000000001", name: "Bench A", channels: [{ id: "910000000000000011", name: "general" }] },
  { id: "920000000000000002", name: "Bench B", channels: [{ id: "920000000000000011", name: "general" }] },
];

/** The interactions the bench can send, by name; `--mix` picks and orders them (repeats weigh). */
const KINDS: Record<string, [string, Record<string, OptionValue>, string | undefined]> = {
  status: ["status", {}, undefined],
  help: ["help", {}, undefined],
  availability: ["availability", { times: "mon-fri 9-17", zone: "Europe/Berlin" }, undefined],
  zone: ["availability", { zone: "eur" }, "zone"],
};
const mixAt = process.argv.indexOf("--mix");
const MIX = (mixAt >= 0 ? (process.argv[mixAt + 1] ?? "help") : "status,status,help,availability,zone").split(",");
for (const k of MIX) if (!KINDS[k]) throw new Error(`--mix: unknown interaction ${k} (one of ${Object.keys(KINDS).join(", ")})`);

const pct = (sorted: readonly number[], p: number): number =>
  sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? Number.NaN;

type Fig = { p50: number; p90: number; p99: number; max: number };
const figOf = (xs: readonly number[]): Fig => {
  const s = [...xs].sort((a, b) => a - b);
  return { p50: pct(s, 50), p90: pct(s, 90), p99: pct(s, 99), max: s[s.length - 1] ?? Number.NaN };
};
interface Run {
  store: "memory" | "sqlite";
  sent: number;
  answered: number;
  deferred: number;
  finals: number;
  achieved: number;
  callback: Fig;
  /** Final answers timed from their ack (autocomplete left out). */
  answerCount: number;
  answer: Fig;
  final: Fig;
  botCpuMsPerInteraction: number;
  ack: "PASS" | "FAIL";
  answers: "PASS" | "FAIL";
}

/** The bot process: the Discord adapter on a fresh store, connected to the parent's fake Discord. */
async function bot(api: string, kind: "memory" | "sqlite"): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), "percolate-bench-discord-"));
  const store: Store = kind === "memory" ? new MemoryStore() : await openStore(`file:${join(dir, "bench.db")}`);
  const config = ConfigSchema.parse({ DISCORD_TOKEN: "bench-token", DISCORD_APPLICATION_ID: APPLICATION_ID, DISCORD_API_URL: api });
  const adapter = createDiscordAdapter(config, { store, clock: systemClock, ids: randomIds, log: silentLogger });
  await adapter.start();
  answerBenchParent(adapter, store, dir);
  process.send?.("ready");
}

async function run(kind: "memory" | "sqlite"): Promise<Run> {
  const fake = new FakeDiscord(GUILDS);
  const api = await fake.start();
  const child = fork(process.argv[1] ?? "bench/discord.ts", ["--bot", api, kind], {
    execArgv: ["--import", "tsx", ...(process.env.BOT_PROF ? ["--cpu-prof", `--cpu-prof-dir=${process.env.BOT_PROF}`] : [])],
  });
  const ask = <T>(m: string): Promise<T> =>
    new Promise((resolve) => {
      child.once("message", (r: unknown) => resolve(r as T));
      child.send(m);
    });
  await new Promise<void>((resolve, reject) => {
    child.once("message", () => resolve());
    child.once("exit", (code) => reject(new Error(`the bot process exited (${code}) before connecting`)));
  });

  const sentAt = new Map<string, number>();
  const ackedAt = new Map<string, number>();
  const latencies: number[] = [];
  const answers: number[] = [];
  const finals: number[] = [];
  let answered = 0;
  let deferred = 0;
  let want = Number.POSITIVE_INFINITY;
  let allIn: (() => void) | null = null;
  const final = (id: string, at: number, t0: number) => {
    finals.push(at - t0);
    const acked = ackedAt.get(id);
    if (acked !== undefined) answers.push(at - acked);
    sentAt.delete(id);
    if (finals.length >= want) allIn?.();
  };
  fake.rest.onAnswer = (a) => {
    const t0 = sentAt.get(a.interactionId);
    if (t0 === undefined) return;
    if (a.type === "edit" || a.type === "followup") return final(a.interactionId, a.at, t0);
    answered++;
    latencies.push(a.at - t0);
    // Autocomplete's choices are its answer and its ack at once: not an answer that waited.
    if (a.type !== 8) ackedAt.set(a.interactionId, a.at);
    if (a.type === 5 || a.type === 6) deferred++;
    else final(a.interactionId, a.at, t0);
  };
  const fire = (n: number, measure: boolean) => {
    const g = GUILDS[n % 2] as FakeGuild;
    const [sub, opts, focused] = KINDS[MIX[n % MIX.length] ?? "help"] as (typeof KINDS)[string];
    const u = { id: String(5_000_000 + (n % 400)), name: `Member ${n % 400}` };
    const payload = fake.commandPayload(g.id, u, sub, opts, focused);
    if (measure) sentAt.set(String(payload.id), performance.now());
    fake.send(payload);
  };

  process.stderr.write(`warming up (${WARMUP} interactions)…\n`);
  for (let i = 0; i < WARMUP; i++) {
    fire(i, false);
    if (i % 20 === 19) await new Promise((r) => setTimeout(r, 100));
  }
  await new Promise((r) => setTimeout(r, 1000));

  const total = Math.round(SECONDS * RATE);
  process.stderr.write(`sending ${total} interactions at ${RATE}/s for ${SECONDS} s…\n`);
  child.send("mark");
  const start = performance.now();
  for (let i = 0; i < total; i++) {
    const due = start + (i * 1000) / RATE;
    const wait = due - performance.now();
    if (wait > 1) await new Promise((r) => setTimeout(r, wait));
    fire(WARMUP + i, true);
  }
  const sendSeconds = (performance.now() - start) / 1000;
  // Every final answer, or a minute.
  await new Promise<void>((resolve) => {
    want = total;
    if (finals.length >= want) return resolve();
    const timer = setTimeout(resolve, 60_000);
    allIn = () => {
      clearTimeout(timer);
      resolve();
    };
  });
  const { cpuMs } = await ask<{ cpuMs: number }>("cpu");

  const callback = figOf(latencies);
  const answer = figOf(answers);
  const expected = Math.round((total * MIX.filter((k) => k !== "zone").length) / MIX.length);
  const out: Run = {
    store: kind,
    sent: total,
    answered,
    deferred,
    finals: finals.length,
    achieved: total / sendSeconds,
    callback,
    answerCount: answers.length,
    answer,
    final: figOf(finals),
    botCpuMsPerInteraction: cpuMs / total,
    ack: answered === total && callback.p99 <= TARGET_ACK_P99_MS ? "PASS" : "FAIL",
    answers: answers.length >= expected && answer.p99 <= TARGET_ANSWER_P99_MS ? "PASS" : "FAIL",
  };
  child.send("stop");
  await new Promise((r) => child.once("exit", r));
  await fake.stop();
  return out;
}

async function main(): Promise<void> {
  const kinds: ("memory" | "sqlite")[] = ONLY ? [ONLY] : ["memory", "sqlite"];
  const runs: Run[] = [];
  for (const k of kinds) {
    process.stderr.write(`— ${k} store —\n`);
    runs.push(await run(k));
  }
  console.log(
    `bench:discord — real discord.js (own process) vs fake Discord on 127.0.0.1, ${GUILDS.length} guilds, 400 members, mix: ${MIX.join(", ")}; load average ${fmt(loadavg()[0] ?? 0, 2)}`,
  );
  console.log("memory: the adapter's own cost (discord.js, routing, core, rendering); sqlite: the whole bot on its default store");
  const f = (x: number) => fmt(x, 2);
  const row = (r: Run, measure: string, count: number, x: Fig, target: string, result: string) => [
    r.store,
    measure,
    String(count),
    f(x.p50),
    f(x.p90),
    f(x.p99),
    f(x.max),
    target,
    result,
  ];
  console.log(
    table(
      ["store", "measure", "count", "p50 ms", "p90 ms", "p99 ms", "max ms", "target", "result"],
      runs.flatMap((r) => [
        row(r, "interaction→ack", r.answered, r.callback, `p99 ≤ ${TARGET_ACK_P99_MS} ms`, r.ack),
        row(r, "ack→answer", r.answerCount, r.answer, `p99 ≤ ${TARGET_ANSWER_P99_MS} ms`, r.answers),
        row(r, "interaction→answer", r.finals, r.final, "", ""),
      ]),
    ),
  );
  for (const r of runs)
    console.log(
      `${r.store}: sent ${r.sent} at ${RATE}/s (achieved ${fmt(r.achieved, 1)}/s), ${r.deferred} deferred; bot CPU ${fmt(r.botCpuMsPerInteraction, 2)} ms per interaction (keeping up needs < ${fmt(1000 / RATE, 1)})`,
    );
  console.log(JSON.stringify({ bench: "discord", rate: RATE, seconds: SECONDS, mix: MIX, loadAverage: loadavg()[0] ?? 0, runs }));
  if (runs.some((r) => r.ack === "FAIL" || r.answers === "FAIL")) process.exitCode = 1;
}

const botAt = process.argv.indexOf("--bot");
(botAt >= 0 ? bot(process.argv[botAt + 1] ?? "", process.argv[botAt + 2] === "memory" ? "memory" : "sqlite") : main()).catch(
  (e: unknown) => {
    process.stderr.write(`bench:discord failed: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
    process.exit(1);
  },
);
