import { type Clock, type Delivery, type Messenger, noticesOf, type SendOutcome } from "../../src/core/ports/index.js";
import { silentLogger } from "../../src/core/ports/index.js";
import type { Store } from "../../src/core/ports/index.js";
import { deliverDue, expireIntros, partKeys, type Actor, type Deps } from "../../src/core/use-cases/index.js";
import { sequentialIds } from "../../src/runtime.js";
import { MemoryStore } from "../../src/store/memory-store.js";

/** A clock that moves only when the test says so. */
export class TestClock implements Clock {
  constructor(private t: number) {}
  now(): Date {
    return new Date(this.t);
  }
  advance(ms: number): void {
    this.t += ms;
  }
  set(d: Date): void {
    this.t = d.getTime();
  }
}

/** A messenger that records every delivery; `fail` makes the next sends fail. */
export class RecordingMessenger implements Messenger {
  /** One entry per notice delivered (the parts of a combined message each count). */
  readonly sent: Delivery[] = [];
  /** One entry per message, as the platform received them. */
  readonly messages: Delivery[] = [];
  outcome: (d: Delivery) => SendOutcome = () => ({ ok: true });
  async send(d: Delivery): Promise<SendOutcome> {
    const o = this.outcome(d);
    if (o.ok) {
      this.messages.push(d);
      // Each part is recorded as the delivery it would have been alone (its own key).
      const { also: _parts, ...one } = d;
      const keys = partKeys(d);
      for (const [i, notice] of noticesOf(d).entries()) this.sent.push({ ...one, key: keys[i] ?? d.key, notice });
    }
    return o;
  }
  /** Notices of one kind, optionally only those to one member. */
  of(kind: string, toId?: string): Delivery[] {
    return this.sent.filter((d) => d.notice.kind === kind && (toId === undefined || d.to.some((m) => m.id === toId)));
  }
}

export const MIN = 60_000;
export const HOUR = 60 * MIN;
export const DAY = 24 * HOUR;
/** Monday 23 November 2026, 08:00 UTC. */
export const MONDAY = new Date("2026-11-23T08:00:00Z");

/** A small world for use-case tests: in-memory store (or the one given), fixed clock, recording messenger. */
export function world(opts: { store?: Store; start?: Date; community?: string } = {}) {
  const clock = new TestClock((opts.start ?? MONDAY).getTime());
  const store = opts.store ?? new MemoryStore();
  const deps: Deps = { store, clock, ids: sequentialIds(), log: silentLogger };
  const messenger = new RecordingMessenger();
  const communityId = opts.community ?? "test:c1";
  const actor = (name: string, timeZone?: string): Actor => ({
    communityId,
    memberId: `${communityId}:${name}`,
    displayName: name,
    ...(timeZone ? { timeZone } : {}),
  });
  /** Runs the scheduler's work until nothing more is due now. */
  const tick = async () => {
    await expireIntros(deps);
    for (;;) {
      const r = await deliverDue(deps, messenger, { owner: "test" });
      if (r.claimed === 0) break;
    }
  };
  return { deps, clock, store, messenger, communityId, actor, tick };
}
export type World = ReturnType<typeof world>;
