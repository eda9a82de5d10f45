import { handle, type View } from "../../src/app/handle.js";
import { parseText } from "../../src/core/commands/index.js";
import type { Delivery, Messenger, SendOutcome } from "../../src/core/ports/index.js";
import { type DeliverReport, deliverDue, expireIntros, matchQueue } from "../../src/core/use-cases/index.js";
import { renderNotice, shellStyle } from "../../src/text/index.js";
import { world } from "./world.js";

/** One message a member read: the words, and the delivery behind them (for attachments). */
export interface Received {
  text: string;
  delivery: Delivery;
}

/** A Messenger that renders every notice for each reader, exactly as the shell prints it. */
class ReadingMessenger implements Messenger {
  readonly inbox = new Map<string, Received[]>();
  async send(d: Delivery): Promise<SendOutcome> {
    for (const reader of d.to) {
      const list = this.inbox.get(reader.displayName) ?? [];
      list.push({ text: renderNotice(d.notice, reader, shellStyle), delivery: d });
      this.inbox.set(reader.displayName, list);
    }
    return { ok: true };
  }
}

/**
 * A community driven the way a platform drives it: a member types a line, it is parsed and
 * handled by the shared adapter path, then the scheduler's work runs (expiry, the queue, the
 * outbox). `say` returns the reply the member reads; `read` returns, and clears, the messages
 * each member received since — rendered words, as a person sees them.
 */
export function textJourney(opts: { start?: Date; admins?: readonly string[] } = {}) {
  const admins = new Set(opts.admins ?? []);
  const w = world(opts.start ? { start: opts.start } : {});
  const messenger = new ReadingMessenger();
  const seen = new Map<string, number>();
  const zones = new Map<string, string>();
  const id = (name: string) => `${w.communityId}:${name}`;
  const reports: DeliverReport[] = [];

  const tick = async (): Promise<void> => {
    await expireIntros(w.deps);
    await matchQueue(w.deps, { communityId: w.communityId });
    for (;;) {
      const r = await deliverDue(w.deps, messenger, { owner: "journey" });
      reports.push(r);
      if (r.claimed === 0) break;
    }
  };

  return {
    ...w,
    reports,
    id,
    tick,
    /** The member's zone, as their platform reports it (Slack does; the shell passes one). */
    zone(name: string, timeZone: string) {
      zones.set(name, timeZone);
    },
    /** `name` types `line`; returns the reply they read. The scheduler runs after, as on a platform. */
    async say(name: string, line: string): Promise<string> {
      return (await this.ask(name, line)).text;
    },
    /** As `say`, returning the whole answer (the reply behind the words, e.g. an export's files). */
    async ask(name: string, line: string): Promise<View> {
      const parsed = parseText(line, (word) => (/^@?[a-z][a-z0-9_-]{0,30}$/i.test(word) ? id(word.replace(/^@/, "")) : null));
      const zone = zones.get(name);
      const actor = {
        communityId: w.communityId,
        memberId: id(name),
        displayName: name,
        ...(zone ? { timeZone: zone } : {}),
        ...(admins.has(name) ? { platformAdmin: true } : {}),
      };
      const view = await handle(w.deps, actor, parsed, shellStyle);
      await tick();
      return view;
    },
    /** Moves the clock on and runs the scheduler, as its minute tick would. */
    async wait(ms: number): Promise<void> {
      w.clock.advance(ms);
      await tick();
    },
    /** Messages `name` received since the last read, in order, as rendered text. */
    read(name: string): string[] {
      return this.readFull(name).map((m) => m.text);
    },
    readFull(name: string): Received[] {
      const all = messenger.inbox.get(name) ?? [];
      const from = seen.get(name) ?? 0;
      seen.set(name, all.length);
      return all.slice(from);
    },
  };
}
export type TextJourney = ReturnType<typeof textJourney>;
