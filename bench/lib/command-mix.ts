/**
 * A realistic mix of members' commands run through `handle()` — the one path every platform
 * adapter takes — against a seeded community: status 50 %, request, accept, pick, availability
 * and volunteer 10 % each. Every command has real work: accept answers a pending intro of that
 * volunteer (by id, as its button does), pick books one of the times proposed for a chat
 * waiting for a slot (seeded, or made by an accept during the run), request asks about
 * vocabulary tags with goals from a member with no request under way, availability and
 * volunteer replace the member's windows or expertise. Commands run one after another or
 * `inflight` at a time; each is timed, and any that throws or returns a failure code counts as
 * failed, by kind and code, with the first error kept.
 */
import { handle } from "../../src/app/handle.js";
import type { Command } from "../../src/core/commands/index.js";
import type { Clock, Store } from "../../src/core/ports/index.js";
import { silentLogger } from "../../src/core/ports/index.js";
import { seededRandom } from "../../src/core/matching/index.js";
import type { Actor, Deps } from "../../src/core/use-cases/index.js";
import { randomIds } from "../../src/runtime.js";
import { shellStyle } from "../../src/text/index.js";
import type { CommunityModel, ProposingChat } from "./community-model.js";
import { PersonFactory, ZONES } from "./synth.js";
import { drawGoals } from "./vocab.js";

export const KINDS = ["status", "request", "accept", "pick", "availability", "volunteer"] as const;
export type MixKind = (typeof KINDS)[number];
/** A command still unanswered after this long counts as failed ("hung") and the run moves on. */
const COMMAND_WAIT_MS = 60_000;
/**
 * Answers that are the product working as designed, not failures: two chats may be offered the
 * same time of one volunteer, and the first pick wins (the second gets fresh times).
 */
const EXPECTED: Partial<Record<MixKind, ReadonlySet<string>>> = { pick: new Set(["SLOT_TAKEN"]) };
/** Shares of the mix; the rest of [0, 1) after status is split evenly. */
const STATUS_SHARE = 0.5;

/** Commands a run of `n` may need of each queue-fed kind, with room for chance. */
export function reserveFor(n: number): { accepts: number; picks: number; requests: number } {
  const tenth = Math.ceil(n * 0.1 * 1.3) + 10;
  return { accepts: tenth, picks: tenth, requests: tenth };
}

/** A clock that moves one second per command started: deterministic, and never near a slot's lead time. */
export class StepClock implements Clock {
  constructor(private t: number) {}
  now(): Date {
    return new Date(this.t);
  }
  step(ms = 1000): void {
    this.t += ms;
  }
}

export interface MixOptions {
  commands: number;
  inflight: number;
  seed?: number;
  /** Called around the timed part (a CPU profiler starts and stops here). */
  around?: <T>(run: () => Promise<T>) => Promise<T>;
}

export interface KindFigures {
  count: number;
  failed: number;
  p50: number;
  p99: number;
}
export interface Failure {
  key: string;
  count: number;
  first: string;
}
export interface MixResult {
  commands: number;
  inflight: number;
  seconds: number;
  perSecond: number;
  cpuMsPerCommand: number;
  failed: number;
  /** Commands of a queue-fed kind replaced by `status` because the queue ran dry. */
  substituted: number;
  /** Expected refusals (see EXPECTED), by kind and code: answered, not failed. */
  refused: Record<string, number>;
  overall: { p50: number; p99: number };
  kinds: Record<MixKind, KindFigures>;
  failures: Failure[];
}

/** The q-quantile (nearest rank) of a list; 0 when empty. */
export function quantile(xs: readonly number[], q: number): number {
  if (xs.length === 0) return 0;
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil(q * s.length) - 1))] as number;
}

/** An error's class, code and first non-empty line (Prisma's messages often start with a newline). */
function describeError(e: unknown): string {
  if (!(e instanceof Error)) return String(e);
  const code = (e as { code?: unknown }).code;
  const line = e.message.split("\n").find((l) => l.trim() !== "") ?? "";
  return `${e.name}${typeof code === "string" ? ` ${code}` : ""}: ${line.trim()}`;
}

interface Planned {
  kind: MixKind;
  actor: Actor;
  cmd: Command;
}

/** Runs the mix against `store`, whose community `model` describes. */
export async function runMix(store: Store, model: CommunityModel, clock: StepClock, o: MixOptions): Promise<MixResult> {
  const rand = seededRandom(o.seed ?? 42);
  const people = new PersonFactory((o.seed ?? 42) + 1, 1);
  const deps: Deps = { store, clock, ids: randomIds, log: silentLogger };
  const members = new Map(model.members.map((m) => [m.id, m]));
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)] as T;
  const actorOf = (id: string): Actor => {
    const m = members.get(id);
    return { communityId: model.community.id, memberId: id, displayName: m?.displayName ?? id, timeZone: m?.timeZone ?? "UTC" };
  };
  const intros = [...model.pendingIntros];
  const picks: ProposingChat[] = [...model.proposingChats];
  const requesters = [...model.requesters];
  let substituted = 0;

  const plan = (): Planned => {
    const u = rand();
    const kind: MixKind =
      u < STATUS_SHARE ? "status" : (KINDS[1 + Math.floor(((u - STATUS_SHARE) / (1 - STATUS_SHARE)) * 5)] ?? "volunteer");
    if (kind === "request") {
      const who = requesters.pop();
      if (who !== undefined) {
        const tags = model.vocabulary.some(rand, 1 + Math.floor(rand() * 3)).join(", ");
        return { kind, actor: actorOf(who), cmd: { kind: "request", tags, goals: drawGoals(rand) } };
      }
    } else if (kind === "accept") {
      const i = intros.splice(Math.floor(rand() * intros.length), 1)[0];
      if (i) return { kind, actor: actorOf(i.volunteerId), cmd: { kind: "accept", introId: i.introId } };
    } else if (kind === "pick") {
      const c = picks.shift();
      if (c) {
        const by = rand() < 0.5 ? c.seekerId : c.volunteerId;
        return { kind, actor: actorOf(by), cmd: { kind: "pick", chatId: c.chatId, choice: 1 + Math.floor(rand() * c.choices) } };
      }
    } else if (kind === "availability") {
      const rezone = rand() < 0.2;
      const cmd: Command = { kind: "availability", windows: people.windows(), ...(rezone ? { timeZone: pick(ZONES)[0] } : {}) };
      return { kind, actor: actorOf(pick(model.members).id), cmd };
    } else if (kind === "volunteer") {
      const tags = model.vocabulary.some(rand, 1 + Math.floor(rand() * 4)).join(", ");
      return { kind, actor: actorOf(pick(model.volunteerIds)), cmd: { kind: "volunteer", tags, capacity: 1 + Math.floor(rand() * 4) } };
    }
    if (kind !== "status") substituted++;
    return { kind: "status", actor: actorOf(pick(model.members).id), cmd: { kind: "status" } };
  };

  const latencies = new Map<MixKind, number[]>(KINDS.map((k) => [k, []]));
  const failedBy = new Map<MixKind, number>(KINDS.map((k) => [k, 0]));
  const failures = new Map<string, Failure>();
  const refused: Record<string, number> = {};
  const fail = (kind: MixKind, code: string, detail: string) => {
    failedBy.set(kind, (failedBy.get(kind) ?? 0) + 1);
    const key = `${kind}:${code}`;
    const f = failures.get(key);
    if (f) f.count++;
    else failures.set(key, { key, count: 1, first: detail.split("\n")[0] ?? "" });
  };

  const one = async (p: Planned): Promise<void> => {
    const t = performance.now();
    let timer: NodeJS.Timeout | undefined;
    try {
      const view = await Promise.race([
        handle(deps, p.actor, p.cmd, shellStyle),
        new Promise<null>((resolve) => {
          timer = setTimeout(() => resolve(null), COMMAND_WAIT_MS);
        }),
      ]);
      (latencies.get(p.kind) as number[]).push(performance.now() - t);
      if (view === null) return fail(p.kind, "hung", `no answer within ${COMMAND_WAIT_MS / 1000} s`);
      const reply = view.reply;
      if (reply === null || reply.kind !== p.kind) return fail(p.kind, `reply:${reply?.kind ?? "none"}`, view.text);
      if (!("result" in reply)) return;
      if (!reply.result.ok) {
        const code = reply.result.code;
        if (EXPECTED[p.kind]?.has(code)) refused[`${p.kind}:${code}`] = (refused[`${p.kind}:${code}`] ?? 0) + 1;
        else fail(p.kind, code, view.text);
        return;
      }
      if (reply.kind === "accept") {
        const chat = reply.result.value.chat;
        if (chat.status === "proposing" && chat.proposedSlots.length > 0)
          picks.push({ chatId: chat.id, seekerId: chat.seekerId, volunteerId: chat.volunteerId, choices: chat.proposedSlots.length });
      }
    } catch (e) {
      (latencies.get(p.kind) as number[]).push(performance.now() - t);
      fail(p.kind, "throw", describeError(e));
    } finally {
      clearTimeout(timer);
    }
  };

  let started = 0;
  const worker = async (): Promise<void> => {
    while (started < o.commands) {
      started++;
      clock.step();
      await one(plan());
    }
  };
  const around = o.around ?? ((run) => run());
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  await around(() => Promise.all(Array.from({ length: Math.max(1, o.inflight) }, worker)));
  const seconds = (performance.now() - t0) / 1000;
  const cpu = process.cpuUsage(cpu0);

  const all = [...latencies.values()].flat();
  const failed = [...failedBy.values()].reduce((a, b) => a + b, 0);
  const kinds = Object.fromEntries(
    KINDS.map((k) => {
      const xs = latencies.get(k) ?? [];
      return [k, { count: xs.length, failed: failedBy.get(k) ?? 0, p50: quantile(xs, 0.5), p99: quantile(xs, 0.99) }];
    }),
  ) as Record<MixKind, KindFigures>;
  return {
    commands: o.commands,
    inflight: o.inflight,
    seconds,
    perSecond: (o.commands - failed) / seconds,
    cpuMsPerCommand: (cpu.user + cpu.system) / 1000 / o.commands,
    failed,
    substituted,
    refused,
    overall: { p50: quantile(all, 0.5), p99: quantile(all, 0.99) },
    kinds,
    failures: [...failures.values()].sort((a, b) => b.count - a.count),
  };
}
