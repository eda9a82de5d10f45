/**
 * The steady mixed load of bench:reach: commands at a fixed rate from random members of random
 * communities — Slack slash commands signed and posted to Bolt's receiver, Discord interactions
 * dispatched through the fake gateway. Each command is timed from sending to its ack (Slack: the
 * HTTP response; Discord: the first callback) and to its answer (Slack: the post to its
 * response_url; Discord: the reply, or the edit after a defer): what the person waits for.
 */
import { Agent, request } from "node:http";
import type { FakeDiscord, OptionValue } from "../../test/fakes/discord/index.js";
import { slashCommand } from "../../test/fakes/slack/payloads.js";
import type { FakeSlack } from "../../test/fakes/slack/server.js";
import type { ReachCommunity } from "./reach-seed.js";

/** The mix on each platform (repeats weigh): mostly reads, some writes. */
const SLACK_MIX = ["status", "status", "help", "availability mon-fri 9-17 Europe/Berlin", "volunteer ux research, product design --cap 2"];
const DISCORD_MIX: [string, Record<string, OptionValue>][] = [
  ["status", {}],
  ["status", {}],
  ["help", {}],
  ["availability", { times: "mon-fri 9-17", zone: "Europe/Berlin" }],
];

export interface LoadResult {
  sent: number;
  answered: number;
  failed: number;
  achievedRate: number;
  /** Milliseconds from sending, per command, for every platform together. */
  ackMs: number[];
  answerMs: number[];
  byPlatform: Record<"slack" | "discord", { sent: number; answered: number; answerMs: number[] }>;
}

export interface LoadOptions {
  rate: number;
  seconds: number;
  slack: FakeSlack;
  slackPort: number;
  discord: FakeDiscord;
  communities: readonly ReachCommunity[];
  /** Waits this long at most for the last answers. */
  drainMs?: number;
  seed?: number;
}

function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let x = Math.imul(a ^ (a >>> 15), a | 1);
    x ^= x + Math.imul(x ^ (x >>> 7), x | 61);
    return ((x ^ (x >>> 14)) >>> 0) / 4294967296;
  };
}

export async function runLoad(o: LoadOptions): Promise<LoadResult> {
  const rand = rng(o.seed ?? 11);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)] as T;
  const agent = new Agent({ keepAlive: true, maxSockets: 256 });
  const sentAt = new Map<string, number>();
  const acked = new Set<string>();
  const answeredIds = new Set<string>();
  const ackMs: number[] = [];
  const answerMs: number[] = [];
  const byPlatform = {
    slack: { sent: 0, answered: 0, answerMs: [] as number[] },
    discord: { sent: 0, answered: 0, answerMs: [] as number[] },
  };
  let failed = 0;
  let want = Number.POSITIVE_INFINITY;
  let allIn: (() => void) | null = null;
  const ack = (id: string, at: number) => {
    const t0 = sentAt.get(id);
    if (t0 === undefined || acked.has(id)) return;
    acked.add(id);
    ackMs.push(at - t0);
  };
  const answer = (id: string, at: number, platform: "slack" | "discord") => {
    const t0 = sentAt.get(id);
    if (t0 === undefined || answeredIds.has(id)) return;
    answeredIds.add(id);
    answerMs.push(at - t0);
    byPlatform[platform].answered++;
    byPlatform[platform].answerMs.push(at - t0);
    if (answeredIds.size >= want) allIn?.();
  };
  o.slack.onResponse = (r) => answer(`s:${r.id}`, r.at, "slack");
  o.discord.rest.onAnswer = (a) => {
    const id = `d:${a.interactionId}`;
    ack(id, a.at);
    if (a.type !== 5 && a.type !== 6) answer(id, a.at, "discord");
  };

  const sendSlack = (c: ReachCommunity) => {
    const user = pick(c.users);
    const payload = slashCommand(o.slack, { id: user, team: c.platformId, name: user, tz: "Europe/Berlin" }, pick(SLACK_MIX));
    const id = `s:${payload.response_url.split("/").pop() ?? ""}`;
    const { headers, body } = o.slack.signed("slash_commands", { ...payload });
    sentAt.set(id, performance.now());
    const req = request(
      {
        host: "127.0.0.1",
        port: o.slackPort,
        path: "/slack/events",
        method: "POST",
        agent,
        headers: { ...headers, "content-length": Buffer.byteLength(body) },
      },
      (res) => {
        res.resume();
        res.on("end", () => {
          if (res.statusCode === 200) ack(id, performance.now());
          else failed++;
        });
      },
    );
    req.on("error", () => failed++);
    req.end(body);
  };
  const sendDiscord = (c: ReachCommunity) => {
    const user = pick(c.users);
    const [sub, opts] = pick(DISCORD_MIX);
    const payload = o.discord.commandPayload(c.platformId, { id: user, name: `member ${user.slice(-4)}` }, sub, opts);
    sentAt.set(`d:${String(payload.id)}`, performance.now());
    o.discord.send(payload);
  };

  const total = Math.round(o.rate * o.seconds);
  const started = performance.now();
  for (let i = 0; i < total; i++) {
    const wait = started + (i * 1000) / o.rate - performance.now();
    if (wait > 1) await new Promise((r) => setTimeout(r, wait));
    const c = pick(o.communities);
    byPlatform[c.platform].sent++;
    if (c.platform === "slack") sendSlack(c);
    else sendDiscord(c);
  }
  const achievedRate = total / ((performance.now() - started) / 1000);
  await new Promise<void>((resolve) => {
    want = total;
    if (answeredIds.size >= want) return resolve();
    const timer = setTimeout(resolve, o.drainMs ?? 60_000);
    allIn = () => {
      clearTimeout(timer);
      resolve();
    };
  });
  agent.destroy();
  o.slack.onResponse = null;
  return { sent: total, answered: answeredIds.size, failed, achievedRate, ackMs, answerMs, byPlatform };
}
