import { silentLogger } from "../../src/core/ports/index.js";
import { sequentialIds } from "../../src/runtime.js";
import { memberId, SHELL_COMMUNITY, ShiftableClock } from "../../src/shell/platform.js";
import { ShellSession } from "../../src/shell/session.js";
import { MemoryStore } from "../../src/store/memory-store.js";

const START = Date.UTC(2026, 10, 23, 8, 0);

/**
 * A shell session driven line by line, the way a person types: `say` returns everything printed
 * for that line — the answer to the person and every message each member received meanwhile.
 */
export function terminal(options: { admins?: readonly string[] } = {}) {
  const store = new MemoryStore();
  const clock = new ShiftableClock(() => START);
  const deps = { store, clock, ids: sequentialIds(), log: silentLogger };
  let out: string[] = [];
  const session = new ShellSession(deps, clock, (t) => out.push(t), "UTC", options.admins ? { admins: [...options.admins] } : {});
  /** Runs each line in turn; returns what the last one printed. */
  const say = async (...lines: string[]): Promise<string> => {
    let last = "";
    for (const line of lines) {
      out = [];
      await session.handle(line);
      last = out.join("\n");
    }
    return last;
  };
  /** Runs each line in turn; returns the answer to the last one, without the messages members received. */
  const answer = async (...lines: string[]): Promise<string> => {
    await say(...lines.slice(0, -1));
    out = [];
    await session.handle(lines[lines.length - 1] ?? "");
    return out.filter((c) => !c.startsWith("  ✉")).join("\n");
  };
  /** Messages to `name` in a piece of output (each "✉ to <name>" block). */
  const to = (printed: string, name: string): string[] =>
    printed.split(/\n(?= {2}✉ {2}to )/).filter((b) => b.startsWith(`  ✉  to ${name}:`) || b.startsWith(`  ✉  to ${name} (shared`));
  const chats = () => store.tx((tx) => tx.listChats(SHELL_COMMUNITY));
  const intros = () => store.tx((tx) => tx.listIntros(SHELL_COMMUNITY));
  const member = (name: string) => store.tx((tx) => tx.getMember(SHELL_COMMUNITY, memberId(name)));
  return { say, answer, to, store, clock, deps, chats, intros, member, id: memberId };
}
export type Terminal = ReturnType<typeof terminal>;
