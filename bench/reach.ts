/**
 * npm run bench:reach [-- --communities 1000 --members 100000 --nudges 2 --rate 100 --seconds 20
 *                        --pg --quick --drain --profile --latency 0 --deliver 8]
 *
 * How far one process goes (issue #15): ONE bot — the real service (startService: store, Slack
 * and Discord adapters, scheduler) in its own process, so its memory is its own — serving
 * `--communities` communities (half Slack workspaces, half Discord servers) with `--members`
 * members in all, bulk-seeded into a fresh SQLite file (or, with --pg, a fresh PostgreSQL
 * schema): in each, volunteers with weekday hours, seekers with open and waitlisted requests,
 * and `--nudges` nudges due now. Each Slack workspace is installed with its own bot token
 * (sealed in the installations table, as "Add to Slack" leaves it). The platforms are the loopback fakes (test/fakes). Measures:
 * the bot's resident memory and heap idle after start, after a matching round of every
 * community, and after the load; the first scheduler tick (every community due: nudges to
 * deliver, matching forced), a second tick with matching forced again and an ordinary tick;
 * command ack and answer p99 at a steady mixed load (`--rate` per second for `--seconds`);
 * seed time. Prints a table, the load average, and one JSON line. --quick: 100 communities,
 * 10,000 members, 5 s of load. What the first tick could not deliver within its budget is set
 * aside before the load (--drain: delivered by further ticks, timed, instead). --profile: each tick runs under the CPU profiler and the bench
 * prints where the bot's time went. --latency MS: every platform call takes that long (a real
 * API is a network round trip away). --deliver N: messages the scheduler sends at once.
 */
import { fork } from "node:child_process";
import { loadavg, tmpdir } from "node:os";
import { redact } from "../src/store/url.js";
import { APPLICATION_ID, FakeDiscord, type FakeGuild } from "../test/fakes/discord/index.js";
import { FakeSlack } from "../test/fakes/slack/server.js";
import { profileText } from "./lib/commands-report.js";
import { openBenchDb, pgReachable, type StoreKind } from "./lib/bench-db.js";
import type { BotDrain, BotMemory, BotTick } from "./lib/reach-bot.js";
import { installSlack } from "./lib/reach-installs.js";
import { runLoad } from "./lib/reach-load.js";
import { type ReachCommunity, seedReach, setAsideOutbox } from "./lib/reach-seed.js";
import { fmt, table } from "./lib/stats.js";

const QUICK = process.argv.includes("--quick");
const PG = process.argv.includes("--pg");
const arg = (name: string, fallback: number): number => {
  const i = process.argv.indexOf(`--${name}`);
  const v = i >= 0 ? Number(process.argv[i + 1]) : Number.NaN;
  return Number.isFinite(v) && v > 0 ? v : fallback;
};
const COMMUNITIES = arg("communities", QUICK ? 100 : 1000);
const MEMBERS = arg("members", QUICK ? 10_000 : 100_000);
const NUDGES = arg("nudges", 2);
const RATE = arg("rate", 100);
const SECONDS = arg("seconds", QUICK ? 5 : 20);
const NOW = new Date();
const PROFILE = process.argv.includes("--profile");
/** Milliseconds every platform call takes (Slack's and Discord's APIs are a network away; the fakes answer at once by default). */
const LATENCY = arg("latency", 0);
/** Messages the bot's scheduler sends at once (DELIVER_CONCURRENCY); the bot's default when absent. */
const DELIVER = arg("deliver", 0);
const DRAIN = process.argv.includes("--drain");

const progress = (s: string) => process.stderr.write(`  ${s}\n`);
const load = () => loadavg().map((x) => fmt(x, 2));
const pct = (xs: readonly number[], p: number): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil((p / 100) * s.length) - 1))] ?? Number.NaN;
};

/** Every seeded Discord community as a guild of the fake gateway, with one text channel. */
const guildsOf = (cs: readonly ReachCommunity[]): FakeGuild[] =>
  cs
    .filter((c) => c.platform === "discord")
    .map((c) => ({ id: c.platformId, name: c.communityId, channels: [{ id: String(BigInt(c.platformId) + 1n), name: "general" }] }));

interface Bot {
  ask<T>(m: string): Promise<T>;
  slackPort: number;
  stop(): Promise<void>;
}

async function startBot(env: Record<string, string>): Promise<Bot> {
  const child = fork(new URL("./lib/reach-bot.ts", import.meta.url).pathname, [JSON.stringify(env)], {
    env: { ...process.env, ...(PROFILE ? { REACH_PROFILE_DIR: tmpdir() } : {}) },
    execArgv: ["--import", "tsx", "--expose-gc", ...(process.env.BOT_PROF ? ["--cpu-prof", `--cpu-prof-dir=${process.env.BOT_PROF}`] : [])],
  });
  const waiting = new Map<string, { resolve: (v: unknown) => void; reject: (e: Error) => void }>();
  child.on("message", (msg: unknown) => {
    const { m, value, error } = msg as { m: string; value?: unknown; error?: string };
    const w = waiting.get(m);
    waiting.delete(m);
    if (error !== undefined) w?.reject(new Error(`the bot's ${m} failed: ${error}`));
    else w?.resolve(value);
  });
  const ask = <T>(m: string, send = true): Promise<T> =>
    new Promise<T>((resolve, reject) => {
      waiting.set(m, { resolve: resolve as (v: unknown) => void, reject });
      if (send) child.send(m);
    });
  const exited = new Promise<never>((_, reject) =>
    child.once("exit", (code) => reject(new Error(`the bot process exited (${code}) before it was ready`))),
  );
  const ready = await Promise.race([ask<{ slackPort: number | null }>("ready", false), exited]);
  if (!ready.slackPort) throw new Error("the bot's Slack receiver did not listen");
  return {
    ask,
    slackPort: ready.slackPort,
    stop: async () => {
      const gone = new Promise((r) => child.once("exit", r));
      child.send("stop");
      await gone;
    },
  };
}

async function main(): Promise<void> {
  const store: StoreKind = PG ? "pg" : "sqlite";
  if (PG) {
    const why = await pgReachable();
    if (why !== null) throw new Error(`--pg: PostgreSQL is unreachable (${why}); start it or drop --pg`);
  }
  console.log(
    `bench:reach${QUICK ? " (quick)" : ""} — ${COMMUNITIES} communities (half Slack, half Discord), ${MEMBERS} members, ${NUDGES} nudges due in each, ${store}; ${RATE} commands/s for ${SECONDS} s; platform calls ${LATENCY} ms; ${DELIVER > 0 ? DELIVER : "default"} messages at once; load average ${load().join(" ")}`,
  );
  const db = await openBenchDb(store, "reach");
  const slack = new FakeSlack();
  let discord: FakeDiscord | null = null;
  let bot: Bot | null = null;
  try {
    progress("seeding");
    const seed = await seedReach(db, { communities: COMMUNITIES, members: MEMBERS, nudgesDue: NUDGES, now: NOW });
    progress(`seeded in ${fmt(seed.ms / 1000, 1)} s: ${JSON.stringify(seed.rows)}`);
    await db.store.close();
    for (const c of seed.communities)
      if (c.platform === "slack")
        for (const u of c.users) slack.state.users.set(u, { id: u, team: c.platformId, name: u, tz: "Europe/Berlin" });
    await slack.start();
    discord = new FakeDiscord(guildsOf(seed.communities));
    const discordApi = await discord.start();
    slack.latencyMs = LATENCY;
    discord.rest.latencyMs = LATENCY;
    const url = db.target.kind === "sqlite" ? `file:${db.target.file}` : `${db.target.connectionString}?schema=${db.target.schema}`;
    // Each workspace is installed with its own token through the real installation store (sealed).
    const installing = performance.now();
    const slackEnv = await installSlack(url, slack, seed.communities);
    progress(
      `installed ${seed.communities.filter((c) => c.platform === "slack").length} Slack workspaces in ${fmt((performance.now() - installing) / 1000, 1)} s`,
    );
    progress("starting the bot");
    const started = performance.now();
    bot = await startBot({
      ...slackEnv,
      DISCORD_TOKEN: "bench-reach",
      DISCORD_APPLICATION_ID: APPLICATION_ID,
      DISCORD_API_URL: discordApi,
      DATABASE_URL: url,
      // The bench runs every tick itself.
      SCHEDULE_CRON: "0 0 1 1 *",
      ...(DELIVER > 0 ? { DELIVER_CONCURRENCY: String(DELIVER) } : {}),
      LOG_LEVEL: "error",
    });
    slack.target = { kind: "http", url: `http://127.0.0.1:${bot.slackPort}/slack/events` };
    const startMs = performance.now() - started;
    const idle = await bot.ask<BotMemory>("memory");
    progress(`started in ${fmt(startMs / 1000, 1)} s; idle RSS ${fmt(idle.rssMb, 0)} MB`);
    const first = await bot.ask<BotTick>("tick");
    progress(
      `every community due: ${first.ticks} tick(s), ${fmt(first.ms / 1000, 2)} s (longest ${fmt(first.longestMs / 1000, 2)} s), ${JSON.stringify(first.report)}`,
    );
    const matched = await bot.ask<BotMemory>("memory");
    let drained: BotDrain | null = null;
    let setAside = 0;
    if (DRAIN) {
      progress("delivering what is left in the outbox");
      drained = await bot.ask<BotDrain>("drain");
      progress(`drained: ${drained.sent} sent in ${fmt(drained.ms / 1000, 1)} s over ${drained.ticks} ticks`);
    } else {
      setAside = await setAsideOutbox(db.target);
      progress(`set aside ${setAside} nudges left in the outbox (--drain delivers them instead)`);
    }
    const again = await bot.ask<BotTick>("tick-match");
    progress(`tick with matching forced again: ${fmt(again.ms, 0)} ms`);
    const plain = await bot.ask<BotTick>("tick");
    progress(`ordinary tick: ${fmt(plain.ms, 0)} ms`);
    const loadAtLoad = load();
    progress(`load: ${RATE}/s for ${SECONDS} s`);
    const l = await runLoad({ rate: RATE, seconds: SECONDS, slack, slackPort: bot.slackPort, discord, communities: seed.communities });
    const after = await bot.ask<BotMemory>("memory");
    const figures = {
      bench: "reach",
      store,
      communities: COMMUNITIES,
      members: MEMBERS,
      latencyMs: LATENCY,
      deliverConcurrency: DELIVER > 0 ? DELIVER : null,
      nudgesDuePerCommunity: NUDGES,
      seedMs: seed.ms,
      startMs,
      memory: { idle, afterMatch: matched, afterLoad: after },
      tick: {
        allDue: { ms: first.ms, ticks: first.ticks, longestMs: first.longestMs, ...first.report },
        drain: drained,
        setAside,
        matchAgain: { ms: again.ms, ticks: again.ticks, longestMs: again.longestMs, ...again.report },
        plain: { ms: plain.ms, ticks: plain.ticks, longestMs: plain.longestMs, ...plain.report },
      },
      load: {
        rate: RATE,
        seconds: SECONDS,
        achievedRate: l.achievedRate,
        sent: l.sent,
        answered: l.answered,
        failed: l.failed,
        byPlatform: Object.fromEntries(
          (["slack", "discord"] as const).map((k) => {
            const b = l.byPlatform[k];
            return [k, { sent: b.sent, answered: b.answered, answerP50: pct(b.answerMs, 50), answerP99: pct(b.answerMs, 99) }];
          }),
        ),
        ackP50: pct(l.ackMs, 50),
        ackP99: pct(l.ackMs, 99),
        answerP50: pct(l.answerMs, 50),
        answerP99: pct(l.answerMs, 99),
      },
      loadavg: loadavg(),
    };
    const mem = (label: string, m: BotMemory) => [
      label,
      `${fmt(m.rssMb, 0)} MB`,
      `${fmt(m.heapUsedMb, 0)} MB`,
      `${fmt(m.externalMb, 0)} MB`,
    ];
    console.log(`\nBot memory (one process, ${COMMUNITIES} communities, ${MEMBERS} members; after a full GC)`);
    console.log(
      table(
        ["when", "RSS", "heap used", "external"],
        [mem("idle after start", idle), mem("after a matching round", matched), mem("after the load", after)],
      ),
    );
    const t = (label: string, x: BotTick) => [
      label,
      String(x.ticks),
      fmt(x.ms, 0),
      fmt(x.longestMs, 0),
      String(x.report.sent),
      String(x.report.offered),
      String(x.report.expired),
      String(x.report.waitlistNudged),
    ];
    console.log("\nScheduler ticks");
    console.log(
      table(
        ["ticks until every round ran", "ticks", "ms", "longest tick ms", "sent", "offered", "expired", "still-looking"],
        [t("every community due, matching forced", first), t("matching forced again", again), t("ordinary (nothing due)", plain)],
      ),
    );
    const rate = (sent: number, ms: number) => `${sent} messages in ${fmt(ms / 1000, 1)} s (${fmt(sent / (ms / 1000), 1)}/s)`;
    console.log(
      drained
        ? `each tick delivers for what is left of its 50 s budget after matching; ${drained.ticks} further ticks delivered the rest: ${rate(first.report.sent + drained.sent, first.ms + drained.ms)}`
        : `the first round's ticks delivered ${rate(first.report.sent, first.ms)}; ${setAside} more were left in the outbox (set aside; --drain delivers them)`,
    );
    console.log(
      `\nSteady load: ${l.sent} commands at ${RATE}/s (achieved ${fmt(l.achievedRate, 1)}/s); load average at start ${loadAtLoad.join(" ")}`,
    );
    console.log(
      table(
        ["measure", "count", "p50 ms", "p99 ms"],
        [
          ["command→ack", String(l.ackMs.length), fmt(figures.load.ackP50, 1), fmt(figures.load.ackP99, 1)],
          ["command→answer", String(l.answered), fmt(figures.load.answerP50, 1), fmt(figures.load.answerP99, 1)],
          ...(["slack", "discord"] as const).map((k) => {
            const b = l.byPlatform[k];
            return [`  on ${k}`, String(b.answered), fmt(pct(b.answerMs, 50), 1), fmt(pct(b.answerMs, 99), 1)];
          }),
        ],
      ),
    );
    console.log(
      `\nanswered ${l.answered} of ${l.sent} (Slack ${l.byPlatform.slack.answered}/${l.byPlatform.slack.sent}, Discord ${l.byPlatform.discord.answered}/${l.byPlatform.discord.sent}), ${l.failed} failed; seed ${fmt(seed.ms / 1000, 1)} s, start ${fmt(startMs / 1000, 1)} s; store ${store === "pg" ? redact(url) : "SQLite file"}; load average ${load().join(" ")}`,
    );
    for (const [label, x] of [
      ["first tick", first],
      ["tick with matching forced again", again],
      ["ordinary tick", plain],
    ] as const)
      if (x.profile) console.log(`\n${profileText(`bot CPU in the ${label}`, x.profile, x.profile.file)}`);
    console.log(JSON.stringify(figures));
  } finally {
    await bot?.stop().catch(() => undefined);
    await discord?.stop().catch(() => undefined);
    await slack.stop().catch(() => undefined);
    await db.dispose();
  }
}

// A store whose close hung keeps connections open: exit explicitly once everything is printed.
main().then(
  () => process.exit(0),
  (e: unknown) => {
    console.error(`bench:reach broke: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
    process.exit(1);
  },
);
