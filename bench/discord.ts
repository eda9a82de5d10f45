/**
 * npm run bench:discord [-- --seconds 10 --rate 200 --memory | --sqlite]
 *
 * Runs the real discord.js bot against the loopback fake Discord (test/fakes/discord) and
 * sends interactions through the gateway at a steady rate: a mix of /coffee status, help,
 * availability (a write) and zone autocomplete from 400 members in two guilds, once on the
 * in-memory store (the adapter's own cost) and once on a SQLite file (the whole bot). Measures each
 * interaction from the gateway dispatch to the bot's callback arriving at the fake REST, and
 * prints p50/p90/p99/max, then one JSON line. The final answer (the reply, or the edit after a
 * defer) is measured too: that is what the person waits for. Bot and fakes share one process, so the figures
 * include the fakes' own work: an upper bound. Target: p99 ≤ 50 ms at 200 interactions/s.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import { ConfigSchema } from "../src/config.js";
import { silentLogger, type Store } from "../src/core/ports/index.js";
import { createDiscordAdapter } from "../src/discord/index.js";
import { randomIds, systemClock } from "../src/runtime.js";
import { MemoryStore, openStore } from "../src/store/index.js";
import { APPLICATION_ID, FakeDiscord, type FakeGuild, type OptionValue } from "../test/fakes/discord/index.js";
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

const GUILDS: FakeGuild[] = [
  { id: "910000000000000001", name: "Bench A", channels: [{ id: "910000000000000011", name: "general" }] },
  { id: "920000000000000002", name: "Bench B", channels: [{ id: "920000000000000011", name: "general" }] },
];

const pct = (sorted: readonly number[], p: number): number =>
  sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? Number.NaN;

type Fig = { p50: number; p90: number; p99: number; max: number };
interface Run {
  store: "memory" | "sqlite";
  sent: number;
  answered: number;
  deferred: number;
  finals: number;
  achieved: number;
  callback: Fig;
  final: Fig;
}

async function run(kind: "memory" | "sqlite"): Promise<Run> {
  const MEMORY = kind === "memory";
  const fake = new FakeDiscord(GUILDS);
  const api = await fake.start();
  const dir = mkdtempSync(join(tmpdir(), "percolate-bench-discord-"));
  const store: Store = MEMORY ? new MemoryStore() : await openStore(`file:${join(dir, "bench.db")}`);
  const config = ConfigSchema.parse({ DISCORD_TOKEN: "bench-token", DISCORD_APPLICATION_ID: APPLICATION_ID, DISCORD_API_URL: api });
  const adapter = createDiscordAdapter(config, { store, clock: systemClock, ids: randomIds, log: silentLogger });
  await adapter.start();

  const sentAt = new Map<string, number>();
  const latencies: number[] = [];
  const finals: number[] = [];
  let answered = 0;
  let deferred = 0;
  fake.rest.onAnswer = (a) => {
    const t0 = sentAt.get(a.interactionId);
    if (t0 === undefined) return;
    if (a.type === "edit" || a.type === "followup") {
      finals.push(a.at - t0);
      sentAt.delete(a.interactionId);
      return;
    }
    answered++;
    latencies.push(a.at - t0);
    if (a.type === 5 || a.type === 6) deferred++;
    else {
      finals.push(a.at - t0);
      sentAt.delete(a.interactionId);
    }
  };
  const mix: [string, Record<string, OptionValue>, string | undefined][] = [
    ["status", {}, undefined],
    ["status", {}, undefined],
    ["help", {}, undefined],
    ["availability", { times: "mon-fri 9-17", zone: "Europe/Berlin" }, undefined],
    ["availability", { zone: "eur" }, "zone"],
  ];
  const fire = (n: number, measure: boolean) => {
    const g = GUILDS[n % 2] as FakeGuild;
    const [sub, opts, focused] = mix[n % mix.length] as (typeof mix)[number];
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
  const start = performance.now();
  for (let i = 0; i < total; i++) {
    const due = start + (i * 1000) / RATE;
    const wait = due - performance.now();
    if (wait > 1) await new Promise((r) => setTimeout(r, wait));
    fire(WARMUP + i, true);
  }
  const sendSeconds = (performance.now() - start) / 1000;
  const until = Date.now() + 60_000;
  while (finals.length < total && Date.now() < until) await new Promise((r) => setTimeout(r, 20));

  const sorted = [...latencies].sort((a, b) => a - b);
  const fig = { p50: pct(sorted, 50), p90: pct(sorted, 90), p99: pct(sorted, 99), max: sorted[sorted.length - 1] ?? Number.NaN };
  const fsorted = [...finals].sort((a, b) => a - b);
  const fin = { p50: pct(fsorted, 50), p90: pct(fsorted, 90), p99: pct(fsorted, 99), max: fsorted[fsorted.length - 1] ?? Number.NaN };
  const out: Run = {
    store: kind,
    sent: total,
    answered,
    deferred,
    finals: finals.length,
    achieved: total / sendSeconds,
    callback: fig,
    final: fin,
  };
  await adapter.stop();
  await fake.stop();
  await store.close();
  rmSync(dir, { recursive: true, force: true });
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
    `bench:discord — real discord.js vs fake Discord on 127.0.0.1, ${GUILDS.length} guilds, 400 members, mix: status ×2, help, availability (write), zone autocomplete; load average ${fmt(loadavg()[0] ?? 0, 2)}`,
  );
  console.log("memory: the adapter's own cost (discord.js, routing, core, rendering); sqlite: the whole bot on its default store");
  const f = (x: number) => fmt(x, 2);
  console.log(
    table(
      ["store", "measure", "rate/s", "sent", "answered", "deferred", "achieved/s", "p50 ms", "p90 ms", "p99 ms", "max ms", "p99 ≤ 50 ms"],
      runs.flatMap((r) => [
        [
          r.store,
          "interaction→callback",
          String(RATE),
          String(r.sent),
          String(r.answered),
          String(r.deferred),
          fmt(r.achieved, 1),
          f(r.callback.p50),
          f(r.callback.p90),
          f(r.callback.p99),
          f(r.callback.max),
          r.callback.p99 <= 50 ? "yes" : "NO",
        ],
        [
          r.store,
          "interaction→final answer",
          "",
          "",
          String(r.finals),
          "",
          "",
          f(r.final.p50),
          f(r.final.p90),
          f(r.final.p99),
          f(r.final.max),
          "",
        ],
      ]),
    ),
  );
  console.log(JSON.stringify({ bench: "discord", rate: RATE, seconds: SECONDS, runs }));
  if (runs.some((r) => r.answered < r.sent)) process.exitCode = 1;
}

main().catch((e: unknown) => {
  process.stderr.write(`bench:discord failed: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
  process.exit(1);
});
