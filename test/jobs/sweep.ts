import { type Delivery, type Messenger, noticesOf, type SendOutcome } from "../../src/core/ports/index.js";
import { partKeys } from "../../src/core/use-cases/index.js";
import type { Nudge } from "../../src/core/domain/index.js";
import { runTick, type TickReport } from "../../src/jobs/tick.js";
import type { World } from "../support/world.js";

/** One successful delivery as the platform saw it: what, to whom (names), and the test clock's time. */
export interface Delivered {
  kind: string;
  /** Recipient names joined by "+", seeker first for a pair. */
  to: string;
  at: Date;
  key: string;
  /** The delivery as it would have been alone (a combined message's part, with its own key). */
  delivery: Delivery;
}

/**
 * A messenger that accepts every send and stamps it with the world's clock. Notices combined
 * into one message are logged one by one, each under the key it would have had alone;
 * `messages` counts what the platform got.
 */
export class ClockedMessenger implements Messenger {
  readonly log: Delivered[] = [];
  messages = 0;
  constructor(private readonly w: Pick<World, "clock">) {}
  async send(d: Delivery): Promise<SendOutcome> {
    this.messages++;
    const keys = partKeys(d);
    const { also: _parts, ...one } = d;
    noticesOf(d).forEach((notice, i) => {
      const key = keys[i] ?? d.key;
      const to = d.to.map((m) => m.displayName).join("+");
      this.log.push({ kind: notice.kind, to, at: this.w.clock.now(), key, delivery: { ...one, key, notice } });
    });
    return { ok: true };
  }
}

/** Something a person does at a fixed time, before that step's tick. */
export interface Action {
  at: Date;
  run: () => Promise<void>;
}

export interface SweepOptions {
  /** Last instant to tick at (inclusive). */
  until: Date;
  stepMs: number;
  /** Actions run when the clock reaches their time (their times should sit on the step grid). */
  actions?: Action[];
  /** Called after each tick with what that tick delivered: people reacting to a message. */
  react?: (delivered: readonly Delivered[]) => Promise<void>;
}

/**
 * Drives the scheduler the way production does, on a fixed clock: tick now, then advance to
 * the next step on which something is due and tick again, until `until`. Sleeps and the budget are neutralised so a tick is pure
 * work. Returns every tick's report, in order.
 */
export async function sweep(w: World, messenger: ClockedMessenger, opts: SweepOptions): Promise<TickReport[]> {
  const actions = [...(opts.actions ?? [])].sort((a, b) => a.at.getTime() - b.at.getTime());
  const reports: TickReport[] = [];
  for (;;) {
    const now = w.clock.now();
    while (actions[0] && actions[0].at <= now) await (actions.shift() as Action).run();
    const before = messenger.log.length;
    reports.push(await runTick(w.deps, messenger, { owner: "t", match: false, sleep: async () => {}, elapsed: () => 0 }));
    if (opts.react) await opts.react(messenger.log.slice(before));
    // Let timers and I/O run between steps: a long sweep must not starve the test runner's own traffic.
    await new Promise<void>((r) => setImmediate(r));
    if (now.getTime() + opts.stepMs > opts.until.getTime()) break;
    // Idle steps do nothing, so jump to the first step at or after the next thing that can
    // happen (a nudge falling due, an intro deadline, a scheduled action): the same ticks a
    // cron would make that matter, without the thousands that find nothing to do.
    const next = Math.min(await nextEvent(w), actions[0]?.at.getTime() ?? Infinity, opts.until.getTime());
    const steps = Math.max(1, Math.ceil((next - now.getTime()) / opts.stepMs));
    const last = Math.floor((opts.until.getTime() - now.getTime()) / opts.stepMs);
    w.clock.advance(Math.min(steps, last) * opts.stepMs);
  }
  if (actions.length > 0) throw new Error(`${actions.length} action(s) fell after the sweep ended`);
  return reports;
}

/** The earliest pending nudge due time or pending intro deadline in the world, or Infinity. */
async function nextEvent(w: World): Promise<number> {
  return w.store.tx(async (tx) => {
    const nudges = await tx.listNudges(w.communityId, { status: ["pending"] });
    const intros = await tx.listIntros(w.communityId, { status: ["pending"] });
    return Math.min(Infinity, ...nudges.map((n) => n.dueAt.getTime()), ...intros.map((i) => i.deadline.getTime()));
  });
}

/** Every outbox row of the world's community, keyed as the messenger sees it (`community/key`). */
export async function rowsByKey(w: World): Promise<Map<string, Nudge>> {
  const rows = await w.store.tx((tx) => tx.listNudges(w.communityId));
  return new Map(rows.map((n) => [`${w.communityId}/${n.key}`, n]));
}
