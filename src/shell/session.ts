import { handle } from "../app/handle.js";
import { parseText } from "../core/commands/index.js";
import { parseDuration } from "../core/time/index.js";
import { deliverDue, expireIntros, matchQueue, type Deps } from "../core/use-cases/index.js";
import { ShellMessenger } from "./messenger.js";
import { memberId, SHELL_COMMUNITY, type ShiftableClock } from "./platform.js";
import { shellStyle } from "../text/index.js";

/**
 * One terminal session: a person acts as any member of the shell community, types the same
 * commands the chat platforms offer, and sees every message each member receives.
 */
export class ShellSession {
  private current = "alice";
  readonly messenger: ShellMessenger;

  constructor(
    private readonly deps: Deps,
    private readonly clock: ShiftableClock,
    private readonly write: (text: string) => void,
    private readonly timeZone = "UTC",
  ) {
    this.messenger = new ShellMessenger(write);
  }

  get who(): string {
    return this.current;
  }

  /** Runs one line of input. Returns false when the person asked to quit. */
  async handle(line: string): Promise<boolean> {
    const text = line.trim();
    if (text === "" || text.startsWith("#")) return true;
    const [word = "", ...rest] = text.split(/\s+/);
    switch (word.toLowerCase()) {
      case "quit":
      case "exit":
        return false;
      case "as": {
        const name = rest[0]?.toLowerCase().replace(/^@/, "");
        if (!name || !/^[a-z][a-z0-9_-]{0,30}$/.test(name)) this.write('Usage: as <name>, e.g. "as bob" (letters, digits, - or _).');
        else {
          this.current = name;
          this.write(`You are now ${name}.`);
        }
        return true;
      }
      case "whoami":
        this.write(`You are ${this.current} (${memberId(this.current)}), at ${this.clock.now().toISOString()}.`);
        return true;
      case "clock": {
        const ms = parseDuration(rest.join(""));
        if (ms === null) this.write('Usage: clock +3d (also +2h, +30m, +1w)');
        else {
          this.clock.advance(ms);
          this.write(`🕒 It is now ${this.clock.now().toISOString()}.`);
          await this.tick();
        }
        return true;
      }
    }
    const parsed = parseText(text, (w) => (/^@?[a-z][a-z0-9_-]{0,30}$/i.test(w) ? memberId(w.replace(/^@/, "")) : null));
    const actor = { communityId: SHELL_COMMUNITY, memberId: memberId(this.current), displayName: this.current, timeZone: this.timeZone };
    this.write((await handle(this.deps, actor, parsed, shellStyle)).text);
    if (parsed.kind !== "unsupported") await this.tick();
    return true;
  }

  /** What the scheduler does each minute: expire stale intros, match the queue, send due messages. */
  async tick(): Promise<void> {
    await expireIntros(this.deps);
    await matchQueue(this.deps, { communityId: SHELL_COMMUNITY });
    for (;;) {
      const r = await deliverDue(this.deps, this.messenger, { owner: "shell" });
      if (r.claimed === 0) break;
    }
  }
}
